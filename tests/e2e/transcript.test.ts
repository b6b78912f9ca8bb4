// The transcript and the panels around it in a real browser, on the demo project, in a window of
// 1280 × 800: the analysis and team panels scroll inside their pane, never the page; a passage
// is selected and coded with the keyboard alone; the code picker stays in the window for a
// selection taller than it; a search hit opened in its source is marked exactly.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoProject } from '../../service/demo.ts';
import { startWorkbench, type Workbench } from './harness.ts';
import { flashedText, openInWorkbench } from './steps.ts';

let wb: Workbench;
beforeAll(async () => {
  wb = await startWorkbench();
  const { page } = wb;
  await page.setViewportSize({ width: 1280, height: 800 });
  const path = join(wb.dir, 'demo-transcript.tresse');
  await createDemoProject(path);
  await openInWorkbench(page, path);
}, 180_000);
afterAll(async () => {
  await wb?.close();
});

const view = (page: Page, name: string) => page.getByRole('navigation', { name: 'Vues' }).getByRole('button', { name, exact: true });

/** How far the page itself scrolls: 0 when everything scrolls inside its pane. */
const pageOverflow = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollHeight - window.innerHeight);

/** The passage selected in the page, as the reader sees it highlighted. */
const selectedText = (page: Page) => page.evaluate(() => window.getSelection()!.toString());

/** Whether the code picker lies wholly inside the window. */
const pickerInWindow = (page: Page) =>
  page.locator('.cp-dialog').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  });

async function openSource(page: Page, name: string): Promise<void> {
  await view(page, 'Lecture').click();
  await page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  await page.getByTestId('transcript-text').waitFor();
}

/** Tabs from where the focus is to the transcript's text, as a keyboard user does. */
async function tabToText(page: Page): Promise<void> {
  const text = page.getByTestId('transcript-text');
  for (let i = 0; i < 20 && !(await text.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  expect(await text.evaluate((el) => el === document.activeElement)).toBe(true);
}

describe('the transcript and its panels on the demo project', { timeout: 90_000 }, () => {
  it('scrolls the analysis and team panels inside their pane, never the whole page', async () => {
    const { page } = wb;
    await view(page, 'Analyse').click();
    await page.locator('#analysis-panel-triangulation tr[data-row="CL"]').waitFor();
    // The verdict buttons hold text for screen readers only, one per row, down the long matrix.
    expect(await page.locator('.verdict-button .visually-hidden').count()).toBeGreaterThan(5);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await wb.screenshot('transcript-01-analysis');

    await view(page, 'Équipe').click();
    await page.getByRole('tab', { name: 'Accord inter-codeurs' }).click();
    await page.getByRole('button', { name: 'Calculer l’accord' }).click();
    // Each disagreement starts with its number, for screen readers only.
    await page.getByTestId('disagreement').first().waitFor();
    expect(await page.locator('[data-testid="disagreement"] .visually-hidden').count()).toBeGreaterThan(1);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('disagreement').first().scrollIntoViewIfNeeded();
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await wb.screenshot('transcript-02-team');
  });

  it('selects a passage with the keyboard alone and codes it', async () => {
    const { page } = wb;
    await openSource(page, 'Entretien 6');
    await tabToText(page);
    await page.locator('.tr-caret').waitFor();
    // To the second line, then word by word, then to the end of the line.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Control+ArrowRight');
    expect(await selectedText(page)).toBe('2 avril 2026');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+Control+ArrowRight');
    expect(await selectedText(page)).toBe('2 avril 2026, au');
    await page.keyboard.press('Shift+Control+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    expect(await selectedText(page)).toBe('2 avril 2026,');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.locator('.tr-key-hint').getByText('Entrée : coder').waitFor();
    await wb.screenshot('transcript-03-keyboard-selection');
    // Selecting does not open the picker: Enter does.
    expect(await page.getByTestId('code-picker-input').count()).toBe(0);
    await page.keyboard.press('Enter');
    const input = page.getByTestId('code-picker-input');
    await input.waitFor();
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await pickerInWindow(page)).toBe(true);
    await page.keyboard.type('profil interlocuteur');
    await page.keyboard.press('Enter');
    await expect.poll(() => input.count()).toBe(0);
    const coded = page.getByTestId('transcript-text').locator('[data-visible-ids]');
    await expect.poll(() => coded.allTextContents().then((t) => t.join(''))).toBe('2 avril 2026');
    // Back in the text, where the passage ended, ready for the next one.
    expect(await page.getByTestId('transcript-text').evaluate((el) => el === document.activeElement)).toBe(true);
    await wb.screenshot('transcript-04-keyboard-coded');
  });

  it('opens the code picker inside the window for a selection taller than it (select all)', async () => {
    const { page } = wb;
    const text = page.getByTestId('transcript-text');
    await text.focus();
    await page.keyboard.press('Control+a');
    expect((await selectedText(page)).length).toBeGreaterThan(5000);
    await page.keyboard.press('Enter');
    const input = page.getByTestId('code-picker-input');
    await input.waitFor();
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await pickerInWindow(page)).toBe(true);
    await wb.screenshot('transcript-05-picker-select-all');
    await page.keyboard.press('Escape');
    await expect.poll(() => input.count()).toBe(0);
  });

  it('marks exactly the word of a search hit opened in its source, not its paragraph', async () => {
    const { page } = wb;
    await view(page, 'Recherche').click();
    await page.getByLabel('Mots recherchés').fill('experientiel');
    await page.getByRole('button', { name: 'Chercher' }).click();
    const hits = page.getByRole('listbox', { name: /Résultats/ }).getByRole('option');
    await expect.poll(() => hits.count()).toBeGreaterThan(0);
    const word = await hits.first().locator('mark').first().textContent();
    expect(word).toBe('expérientiel');
    await hits.first().click();
    await page.getByTestId('transcript').waitFor();
    await expect.poll(() => flashedText(page)).toBe(word);
    // In view in the transcript's own scroller.
    const inView = await page.evaluate(() => {
      const range = [...CSS.highlights.get('tr-flash')!][0] as Range;
      const r = range.getBoundingClientRect();
      const box = document.querySelector('[data-testid="transcript"]')!.getBoundingClientRect();
      return r.top >= box.top && r.bottom <= box.bottom;
    });
    expect(inView).toBe(true);
    await wb.screenshot('transcript-06-search-hit');
  });
});
