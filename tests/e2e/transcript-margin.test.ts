// The transcript as a reader of MAXQDA expects it, in a real browser: paragraph numbers in the
// margin that are the § its quotations cite, stripes labelled with whole abbreviations, and, while
// the code picker is open, the selected passage still highlighted and never covered by the picker.
// At 1366 × 768 and 1920 × 1080, with screenshots of both.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../service/workspace.ts';
import { apiOf, contextOf } from '../helpers/contract.ts';
import { chooseCode, SCREENSHOTS, startWorkbench, type Workbench } from './harness.ts';
import { dragSelect, openInWorkbench } from './steps.ts';

const TURNS = [
  'Enquêtrice : Pouvez-vous me parler de votre rôle dans la cellule ?',
  'Coordinatrice : Je prépare les réunions, je relance les partenaires et je rédige les comptes rendus.',
  'Enquêtrice : Et le regard porté sur les personnes concernées ?',
  'Coordinatrice : On entend encore « le fou du quartier » chez certains voisins. Ça pèse sur les personnes, qui finissent par se voir comme ça aussi.',
  'Enquêtrice : Qu’est-ce qui a changé depuis la cellule ?',
  'Coordinatrice : Les bailleurs parlent autrement des locataires. On ne dit plus « cas social », on décrit la situation. Les élus aussi ont suivi une sensibilisation.',
  'Enquêtrice : Et les difficultés ?',
  'Coordinatrice : Le délai pour un rendez-vous au CMP reste long, plusieurs mois parfois.',
];
const MORE = Array.from({ length: 8 }, (_, i) =>
  i % 2 ? `Coordinatrice : Sur le point ${i}, les partenaires se connaissent mieux qu’avant.` : `Enquêtrice : Et sur le point ${i + 1} ?`,
);
const TRANSCRIPT = [...TURNS.slice(0, 4), '', ...TURNS.slice(4), ...MORE].join('\n');
const OVERLAPPED = 'On entend encore « le fou du quartier » chez certains voisins.';
const CITED = 'On ne dit plus « cas social », on décrit la situation.';

let wb: Workbench;

beforeAll(async () => {
  wb = await startWorkbench();
  const path = join(wb.dir, 'marges.tresse');
  const ws = new Workspace({ configDir: join(wb.dir, 'setup'), lang: 'fr', autoBackup: false });
  try {
    const api = apiOf(contextOf(ws));
    await api.createProject({ path, grid: 'six-themes', coder: 'Camille' });
    const e3 = await api.createCase({ name: 'E3' });
    const { source } = await api.importSource({ fileName: 'E3.txt', bytes: new TextEncoder().encode(TRANSCRIPT), kind: 'interview', caseIds: [e3.id] });
    const code = async (text: string, ref: string) => {
      const range = await api.locatePassage({ sourceId: source.id, text });
      await api.addCoding({ sourceId: source.id, codeId: (await api.findCode({ ref })).id, ...range });
    };
    // Three codes of one theme on one passage: they must not look alike.
    for (const ref of ['ST1', 'ST2', 'ST3']) await code(OVERLAPPED, ref);
    await code(CITED, 'ST4');
    // A code without an abbreviation: its stripe shows its initials.
    const free = await api.addCode({ name: 'Vocabulaire des bailleurs' });
    const range = await api.locatePassage({ sourceId: source.id, text: 'Les bailleurs parlent autrement des locataires.' });
    await api.addCoding({ sourceId: source.id, codeId: free.id, ...range });
  } finally {
    ws.close();
  }
  await openInWorkbench(wb.page, path);
}, 180_000);
afterAll(async () => {
  await wb?.close();
});

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Vues' }).getByRole('button', { name: view, exact: true }).click();

async function openTranscript(page: Page): Promise<void> {
  await goTo(page, 'Lecture');
  await page.getByRole('option', { name: /^E3/ }).click();
  await page
    .getByTestId('transcript-text')
    .getByText(/cas social/)
    .waitFor();
}

/** The number drawn in the margin of the line holding `text` ('' when none). */
const marginNumberOf = (page: Page, text: string) =>
  page.getByTestId('transcript-text').evaluate((root, wanted) => {
    const line = [...root.children].find((el) => el.textContent!.includes(wanted));
    if (!line) throw new Error(`no line holds "${wanted}"`);
    const content = getComputedStyle(line, '::after').content;
    return content === 'none' ? '' : content.replace(/"/g, '');
  }, text);

describe('the transcript margin and the code picker', { timeout: 90_000 }, () => {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    it(`at ${width} × ${height}: numbers the paragraphs as quotations cite them`, async () => {
      const { page } = wb;
      await page.setViewportSize({ width, height });
      // The citation of the ST4 excerpt, as the excerpts view shows it.
      await goTo(page, 'Extraits');
      const view = page.locator('.retrieval-view');
      await chooseCode(view.getByLabel('Code', { exact: true }), 'ST4');
      const cite = view
        .getByRole('list', { name: /Extraits/ })
        .getByRole('listitem')
        .first()
        .locator('cite');
      await cite.waitFor();
      const paragraph = /§ (\d+)/.exec((await cite.textContent()) ?? '')?.[1];
      expect(paragraph).toBeDefined();

      await openTranscript(page);
      expect(await marginNumberOf(page, CITED)).toBe(paragraph);
      // Every non-empty line has its number, in order; the empty line has none.
      const numbers = await page
        .getByTestId('transcript-text')
        .evaluate((root) => [...root.children].map((el) => (el.textContent!.trim() ? getComputedStyle(el, '::after').content.replace(/"/g, '') : null)));
      expect(numbers.filter((n) => n !== null)).toEqual(numbers.filter((n) => n !== null).map((_, i) => String(i + 1)));
      expect(numbers).toContain(null);
      // The number is not text: copying a line never copies it.
      expect(await page.getByTestId('transcript-text').evaluate((root) => root.textContent!.startsWith('Enquêtrice'))).toBe(true);

      // Stripes labelled with the whole abbreviation, or the name's initials; none cut.
      const labels = await page
        .locator('.tr-stripe-label')
        .evaluateAll((els) => els.map((el) => ({ text: el.textContent, cut: el.scrollWidth > (el.parentElement as HTMLElement).clientWidth })));
      expect(labels.map((l) => l.text).sort()).toEqual(['ST1', 'ST2', 'ST3', 'ST4', 'VB']);
      expect(labels.every((l) => !l.cut)).toBe(true);
      await wb.screenshot(`transcript-margin-${width}x${height}`);
      // Close up: three codes on one passage, their hatch and underlines beside the letters.
      await page
        .getByTestId('transcript-text')
        .locator('p', { hasText: 'le fou du quartier' })
        .screenshot({ path: join(SCREENSHOTS, `transcript-overlap-${width}x${height}.png`) });
    });

    it(`at ${width} × ${height}: keeps the selection highlighted and uncovered while the picker is open`, async () => {
      const { page } = wb;
      await page.setViewportSize({ width, height });
      await openTranscript(page);
      // Several lines, so that the picker has to find room around a tall passage.
      const passage = 'Je prépare les réunions';
      await dragSelect(page, passage);
      await page.getByTestId('code-picker-input').waitFor();
      const state = await page.evaluate(() => {
        const highlight = CSS.highlights.get('cp-selection');
        const ranges = highlight ? ([...highlight] as Range[]) : [];
        const picker = document.querySelector('.cp-dialog')!.getBoundingClientRect();
        const rects = ranges.flatMap((r) => [...r.getClientRects()]);
        const covered = rects.some((r) => r.width > 0 && picker.left < r.right && r.left < picker.right && picker.top < r.bottom && r.top < picker.bottom);
        const inWindow = picker.top >= 0 && picker.left >= 0 && picker.bottom <= window.innerHeight && picker.right <= window.innerWidth;
        return {
          text: ranges.map((r) => r.toString()).join(''),
          rects: rects.length,
          covered,
          inWindow,
          focus: document.activeElement?.getAttribute('data-testid'),
        };
      });
      expect(state.focus).toBe('code-picker-input');
      expect(state.text).toBe(passage);
      expect(state.rects).toBeGreaterThan(0);
      expect(state.covered).toBe(false);
      expect(state.inWindow).toBe(true);
      await wb.screenshot(`transcript-picker-${width}x${height}`);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.evaluate(() => CSS.highlights.has('cp-selection'))).toBe(false);
    });
  }

  it('keeps a tall selection uncovered, the picker beside or around it', async () => {
    const { page } = wb;
    await page.setViewportSize({ width: 1366, height: 768 });
    await openTranscript(page);
    await dragSelect(page, TURNS.slice(1, 4).join('\n'));
    await page.getByTestId('code-picker-input').waitFor();
    const covered = await page.evaluate(() => {
      const picker = document.querySelector('.cp-dialog')!.getBoundingClientRect();
      const rects = [...CSS.highlights.get('cp-selection')!].flatMap((r) => [...(r as Range).getClientRects()]);
      return rects.some((r) => r.width > 0 && picker.left < r.right && r.left < picker.right && picker.top < r.bottom && r.top < picker.bottom);
    });
    expect(covered).toBe(false);
    await wb.screenshot('transcript-picker-tall-1366x768');
    await page.keyboard.press('Escape');
  });
});
