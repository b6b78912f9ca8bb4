// "Passages semblables" in the real browser: from a selection, the uncoded turns that share its
// words, shared words marked; two ticked are coded in one step, and one Ctrl+Z uncodes both. From
// a coding, the turns not coded with its code, coded with that code directly.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkbench, type Workbench } from './harness.ts';
import { createProject, dragSelect, importInterview } from './steps.ts';

let wb: Workbench;
beforeAll(async () => {
  wb = await startWorkbench();
  await createProject(wb.page, join(wb.dir, 'semblables.tresse'));
  await importInterview(wb.page);
}, 120_000);
afterAll(async () => {
  await wb?.close();
});

const CULTURES = 'Les cultures de travail sont très différentes';
/** Turn 5 shares "travail", turn 2 "très". */
const TURN_5 = 'Qu’est-ce qui freine le travail en commun ?';
const TURN_2 = 'Je suis infirmier au centre médico-psychologique depuis neuf ans.';

/** The transcript's text under at least one visible coding. */
async function codedText(): Promise<string> {
  return wb.page.getByTestId('transcript-text').evaluate((root) =>
    Array.from(root.querySelectorAll<HTMLElement>('[data-visible-ids]'))
      .map((el) => el.textContent)
      .join(''),
  );
}

describe('passages like this one', { timeout: 60_000 }, () => {
  it('from a selection: ticks two, codes them in one step, and one Ctrl+Z uncodes both', async () => {
    const { page } = wb;
    await dragSelect(page, CULTURES);
    await page.getByRole('button', { name: 'Passages semblables…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Passages semblables' });
    const items = dialog.getByRole('list', { name: 'Passages classés' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(2);
    const travail = items.filter({ hasText: 'travail en commun' });
    expect(await travail.locator('mark').allTextContents()).toEqual(['travail']);
    await travail.getByText('Mots partagés : travail').waitFor();
    await wb.screenshot('similar-passages');
    for (const item of await items.all()) await item.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: 'Coder les passages choisis (2) avec…' }).click();
    const input = page.getByTestId('code-picker-input');
    await input.fill('secret partage');
    await input.press('Enter');
    await dialog.getByText('2 passage(s) codé(s)', { exact: false }).waitFor();
    // Coded now, they leave the list: nothing uncoded shares a word any more.
    await dialog.getByText('Aucun autre passage non codé ne partage un de ses mots.').waitFor();
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await expect.poll(codedText).toContain(TURN_5);
    expect(await codedText()).toContain(TURN_2);
    await page.keyboard.press('Control+z');
    await expect.poll(codedText).toBe('');
  });

  it('from a coding: the turns not coded with its code, coded with it in one click', async () => {
    const { page } = wb;
    await dragSelect(page, CULTURES);
    const input = page.getByTestId('code-picker-input');
    await input.fill('secret partage');
    await input.press('Enter');
    await expect.poll(codedText).toBe(CULTURES);
    await page.getByTestId('transcript-text').getByText('cultures de travail', { exact: false }).first().click();
    const details = page.getByRole('region', { name: 'Codage choisi' });
    await details.getByRole('button', { name: 'Passages semblables…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Passages semblables' });
    const items = dialog.getByRole('list', { name: 'Passages classés' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(2);
    await items.filter({ hasText: 'travail en commun' }).getByRole('checkbox').check();
    await dialog.getByRole('button', { name: /^Coder les passages choisis \(1\) avec « CL1/ }).click();
    await expect.poll(() => items.count()).toBe(1);
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await expect.poll(codedText).toContain(TURN_5);
    await page.keyboard.press('Control+z');
    await expect.poll(codedText).toBe(CULTURES);
  });
});
