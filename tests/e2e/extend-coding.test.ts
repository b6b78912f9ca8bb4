// One coding per coder, code and passage, in the real browser: coding words already coded with
// the same code is refused with a message; coding a passage that overlaps such a coding asks
// "Étendre le codage existant ?", and extending makes one coding over both, undone in one step.
// An older project, once opened, tells how many duplicate codings its upgrade folded.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkbench, type Workbench } from './harness.ts';
import { projectBefore } from '../helpers/single-codings-before.ts';
import { createProject, dragSelect, importInterview, openInWorkbench } from './steps.ts';

let wb: Workbench;
beforeAll(async () => {
  wb = await startWorkbench();
  await createProject(wb.page, join(wb.dir, 'etendre.tresse'));
  await importInterview(wb.page);
}, 120_000);
afterAll(async () => {
  await wb?.close();
});

const SECRET = 'Le secret partagé ne me gêne pas';
const INSIDE = 'secret partagé';
const OVERLAP = 'ne me gêne pas : on ne dit que ce qui est utile';
const UNION = 'Le secret partagé ne me gêne pas : on ne dit que ce qui est utile';

/** The transcript's text under at least one visible coding. */
async function codedText(): Promise<string> {
  return wb.page.getByTestId('transcript-text').evaluate((root) =>
    Array.from(root.querySelectorAll<HTMLElement>('[data-visible-ids]'))
      .map((el) => el.textContent)
      .join(''),
  );
}

async function codeWithSecret(passage: string): Promise<void> {
  await dragSelect(wb.page, passage);
  const input = wb.page.getByTestId('code-picker-input');
  await input.fill('secret partage');
  await input.press('Enter');
  await expect.poll(() => input.count()).toBe(0);
}

describe('coding a passage once', { timeout: 60_000 }, () => {
  it('refuses words already inside my coding of that code, saying so', async () => {
    const { page } = wb;
    await codeWithSecret(SECRET);
    await expect.poll(codedText).toBe(SECRET);
    await codeWithSecret(INSIDE);
    await page
      .getByRole('alert')
      .getByText(/Ce passage est déjà dans l’un de vos codages/)
      .waitFor();
    const cl1 = page.getByRole('treeitem', { name: /^CL1 · Secret professionnel/ });
    expect(await cl1.getAttribute('aria-label')).toContain('1 codage(s)');
  });

  it('offers to extend for an overlapping passage; declining codes nothing', async () => {
    const { page } = wb;
    await codeWithSecret(OVERLAP);
    const dialog = page.getByRole('dialog', { name: 'Étendre le codage existant ?' });
    await dialog.getByText(`« ${UNION} »`, { exact: false }).waitFor();
    await wb.screenshot('extend-offer');
    await dialog.getByRole('button', { name: 'Ne rien coder' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await codedText()).toBe(SECRET);
  });

  it('extends to one coding over both, and Ctrl+Z puts the first one back', async () => {
    const { page } = wb;
    await codeWithSecret(OVERLAP);
    const dialog = page.getByRole('dialog', { name: 'Étendre le codage existant ?' });
    await dialog.getByRole('button', { name: 'Étendre', exact: true }).click();
    await expect.poll(codedText).toBe(UNION);
    const cl1 = page.getByRole('treeitem', { name: /^CL1 · Secret professionnel/ });
    await expect.poll(() => cl1.getAttribute('aria-label')).toContain('1 codage(s)');
    await page.keyboard.press('Control+z');
    await expect.poll(codedText).toBe(SECRET);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(codedText).toBe(UNION);
    await expect.poll(() => cl1.getAttribute('aria-label')).toContain('1 codage(s)');
  });

  it('tells, when an older project opens, how many duplicate codings were folded, once', async () => {
    const { page } = wb;
    const old = projectBefore(wb.dir);
    await page.getByRole('button', { name: 'Fermer le projet' }).click();
    await openInWorkbench(page, old);
    const notice = page.getByRole('alert').filter({ hasText: 'Mise à jour du projet' });
    await notice.getByText('3 codage(s) en double', { exact: false }).waitFor();
    await wb.screenshot('upgrade-notice');
    await notice.getByRole('button', { name: 'Masquer' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await page.getByRole('button', { name: 'Fermer le projet' }).click();
    await openInWorkbench(page, old);
    expect(await page.getByRole('alert').filter({ hasText: 'Mise à jour du projet' }).count()).toBe(0);
  });
});
