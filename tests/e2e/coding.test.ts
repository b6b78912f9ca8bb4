// Coding in the real browser: select a passage with the mouse, choose a code in the picker by
// typing part of its name without accents, see the passage take the code's colour, code an
// overlapping passage, undo and redo with the keyboard, then find the excerpt again.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseCode, startWorkbench, type Workbench } from './harness.ts';
import { createProject, dragSelect, flashedText, importInterview } from './steps.ts';

let wb: Workbench;
beforeAll(async () => {
  wb = await startWorkbench();
  await createProject(wb.page, join(wb.dir, 'codage.tresse'));
  await importInterview(wb.page);
}, 120_000);
afterAll(async () => {
  await wb?.close();
});

const SECRET = 'Le secret partagé ne me gêne pas';
const OVERLAP = 'ne me gêne pas : on ne dit que ce qui est utile';

async function codeColour(name: RegExp): Promise<string> {
  const item = wb.page.getByRole('treeitem', { name });
  const swatch = item.locator('.swatch').first();
  return swatch.evaluate((el) => getComputedStyle(el).backgroundColor);
}

/** Text of the transcript's runs that carry `count` visible codings, joined. */
async function textCodedTimes(count: number): Promise<string> {
  return wb.page.getByTestId('transcript-text').evaluate((root, n) => {
    return Array.from(root.querySelectorAll<HTMLElement>('[data-visible-ids]'))
      .filter((el) => el.dataset.visibleIds!.split(' ').length === n)
      .map((el) => el.textContent)
      .join('');
  }, count);
}

// Each step drives a real browser: give slow machines room.
describe('coding a passage in the transcript', { timeout: 60_000 }, () => {
  it('codes a mouse selection with a code found by typing its name without accents', async () => {
    const { page } = wb;
    await dragSelect(page, SECRET);
    const input = page.getByTestId('code-picker-input');
    await input.waitFor();
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await input.fill('secret partage');
    await wb.screenshot('07-picker');
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('code-picker-input').count()).toBe(0);

    await expect.poll(() => textCodedTimes(1)).toBe(SECRET);
    const cl1 = page.getByRole('treeitem', { name: /^CL1 · Secret professionnel/ });
    await expect.poll(() => cl1.getAttribute('aria-label')).toContain('1 codage(s)');
    const colour = await codeColour(/^CL1 · Secret professionnel/);
    const run = page.getByTestId('transcript-text').locator('[data-visible-ids]').first();
    expect(await run.evaluate((el) => getComputedStyle(el).boxShadow)).toContain(colour);
  });

  it('codes an overlapping passage with a second code; both show where they overlap', async () => {
    const { page } = wb;
    await dragSelect(page, OVERLAP);
    const input = page.getByTestId('code-picker-input');
    await input.fill('facteurs facilitants');
    await input.press('Enter');
    const pa3 = page.getByRole('treeitem', { name: /^PA3 · Facteurs facilitants/ });
    await expect.poll(() => pa3.getAttribute('aria-label')).toContain('1 codage(s)');
    await expect.poll(() => textCodedTimes(2)).toBe('ne me gêne pas');
    await wb.screenshot('08-overlap');
  });

  it('undoes the last coding with Ctrl+Z and redoes it with Ctrl+Shift+Z', async () => {
    const { page } = wb;
    const pa3 = page.getByRole('treeitem', { name: /^PA3 · Facteurs facilitants/ });
    await page.keyboard.press('Control+z');
    await expect.poll(() => textCodedTimes(2)).toBe('');
    await expect.poll(() => pa3.getAttribute('aria-label')).toContain('0 codage(s)');
    expect(await textCodedTimes(1)).toBe(SECRET);

    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => textCodedTimes(2)).toBe('ne me gêne pas');
    await expect.poll(() => pa3.getAttribute('aria-label')).toContain('1 codage(s)');
  });

  it('retrieves the coded passage and opens it in its source', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'Extraits', exact: true }).first().click();
    await chooseCode(page.getByLabel('Code', { exact: true }), 'CL1 · Secret professionnel');
    const excerpts = page.getByRole('list', { name: /Extraits/ }).getByRole('listitem');
    await expect.poll(() => excerpts.count()).toBe(1);
    expect(await excerpts.first().locator('blockquote').textContent()).toBe(SECRET);
    await wb.screenshot('09-retrieval');
    await excerpts.first().click();
    await expect.poll(() => flashedText(page)).toBe(SECRET);
  });

  it('shows a clicked coding, keeps a memo on it, and takes it off undoably', async () => {
    const { page } = wb;
    await page.getByTestId('transcript-text').getByText('Le secret partagé', { exact: false }).first().click();
    const details = page.getByRole('region', { name: 'Codage choisi' });
    await details.getByText("CL1 · Secret professionnel et partage d'informations").waitFor();
    await details.getByText('Mémo du codage').click();
    const memo = details.getByRole('textbox', { name: 'Mémo du codage' });
    await memo.click();
    await page.keyboard.type('Secret partagé vécu comme allant de soi.');
    await page.keyboard.press('Control+s');
    await wb.screenshot('10-coding-memo');

    await page.getByRole('button', { name: 'Extraits', exact: true }).first().click();
    const excerpt = page
      .getByRole('list', { name: /Extraits/ })
      .getByRole('listitem')
      .first();
    await excerpt.getByText('Mémo : Secret partagé vécu comme allant de soi.').waitFor();
    await excerpt.click();

    await page.getByTestId('transcript-text').getByText('Le secret partagé', { exact: false }).first().click();
    await details.getByRole('button', { name: 'Retirer ce codage' }).click();
    await expect.poll(() => textCodedTimes(2)).toBe('');
    await expect.poll(() => textCodedTimes(1)).toBe(OVERLAP);
    await page.keyboard.press('Control+z');
    await expect.poll(() => textCodedTimes(2)).toBe('ne me gêne pas');
  });

  it('finds a word searched without its accent', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'Recherche' }).click();
    await page.getByLabel('Mots recherchés').fill('gene');
    await page.getByRole('button', { name: 'Chercher' }).click();
    const hits = page.getByRole('listbox', { name: /Résultats/ }).getByRole('option');
    await expect.poll(() => hits.count()).toBe(1);
    expect(await hits.first().locator('mark').textContent()).toBe('gêne');
  });
});
