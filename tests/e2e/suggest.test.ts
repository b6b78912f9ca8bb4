// Code suggestions in the real browser, on the demo project: with the caret in a turn of an
// uncoded interview, the panel lists suggested codes with their words; Alt+Enter accepts the
// first one (the turn is coded), Ctrl+Z takes it back; Alt+Delete dismisses one for good.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoProject } from '../../service/demo.ts';
import { startWorkbench, type Workbench } from './harness.ts';
import { openInWorkbench } from './steps.ts';

let wb: Workbench;
beforeAll(async () => {
  wb = await startWorkbench();
  const path = join(wb.dir, 'demo-suggest.tresse');
  await createDemoProject(path);
  await openInWorkbench(wb.page, path);
}, 180_000);
afterAll(async () => {
  await wb?.close();
});

const codedText = (page: Page) =>
  page
    .getByTestId('transcript-text')
    .locator('[data-visible-ids]')
    .allTextContents()
    .then((t) => t.join(''));

const suggestedIds = (page: Page) => page.locator('.suggest-item').evaluateAll((items) => items.map((li) => li.getAttribute('data-code-id')));

describe('code suggestions in the transcript', { timeout: 90_000 }, () => {
  it('accepts the first suggestion for the turn under the caret with Alt+Enter, and Ctrl+Z undoes it', async () => {
    const { page } = wb;
    await page.getByRole('navigation', { name: 'Vues' }).getByRole('button', { name: 'Lecture', exact: true }).click();
    await page.getByRole('option', { name: /^Entretien 5/ }).click();
    const text = page.getByTestId('transcript-text');
    await text.waitFor();
    expect(await codedText(page)).toBe('');
    await text.focus();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
    const panel = page.getByTestId('suggest-panel');
    await panel.locator('.suggest-item').first().waitFor();
    expect(await panel.locator('.suggest-words').first().textContent()).toMatch(/^mots : /);
    const turn = (await panel.locator('.suggest-head .muted').textContent()) ?? '';
    expect(turn).toMatch(/^Tour \d+/);
    await wb.screenshot('suggest-01-panel');

    const first = await panel.locator('.suggest-item').first().getAttribute('data-code-id');
    await page.keyboard.press('Alt+Enter');
    await expect.poll(() => codedText(page)).not.toBe('');
    // Coded: its code is no longer suggested for the turn.
    await expect.poll(() => suggestedIds(page)).not.toContain(first);
    await page.keyboard.press('Control+z');
    await expect.poll(() => codedText(page)).toBe('');
    await expect.poll(() => suggestedIds(page)).toContain(first);
    await wb.screenshot('suggest-02-undone');
  });

  it('dismisses the chosen suggestion with Alt+Delete: it is not suggested again for that turn', async () => {
    const { page } = wb;
    const panel = page.getByTestId('suggest-panel');
    await panel.locator('.suggest-item').first().waitFor();
    const before = await suggestedIds(page);
    await page.getByTestId('transcript-text').focus();
    await page.keyboard.press('Alt+Digit2');
    await expect.poll(() => panel.locator('.suggest-item[aria-current="true"]').getAttribute('data-code-id')).toBe(before[1]);
    await page.keyboard.press('Alt+Delete');
    await expect.poll(() => suggestedIds(page)).not.toContain(before[1]);
    expect(await codedText(page)).toBe('');
  });
});
