// The analysis panel end to end, in a real browser against the real browser-mode server, on the
// demo project: the triangulation matrix with its silence, a cell's excerpts and synthesis (kept
// across a reload), a verdict with its note, attribute columns, a co-occurrence picture and the
// supervisor's spreadsheet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMatrix } from '../../service/matrix.ts';
import type { Matrix } from '../../analysis/matrix/types.ts';
import { createDemoProject } from '../../service/demo.ts';
import { closeProject, openProject } from '../../service/project.ts';
import { chooseOption, startWorkbench, type Workbench } from './harness.ts';
import { flashedText, openInWorkbench } from './steps.ts';

let wb: Workbench;
/** The triangulation matrix by themes and sub-codes, as the service computes it: what the page must show. */
let expected: Matrix;

const SYNTHESIS = 'Les professionnels décrivent un secret partagé sans obstacle, limité à ce qui est utile.';
const NOTE = 'Entretiens : aucun obstacle ; observation : le secret partagé vécu comme violent par la personne.';

beforeAll(async () => {
  wb = await startWorkbench();
  const path = join(wb.dir, 'demo-clsm.tresse');
  await createDemoProject(path);
  const ctx = openProject(path);
  try {
    expected = buildMatrix(ctx.db, { type: 'triangulation', rows: 'codes' });
  } finally {
    closeProject(ctx);
  }
  const { page } = wb;
  await openInWorkbench(page, path);
}, 180_000);
afterAll(async () => {
  await wb?.close();
});

const row = (page: Page, abbrev: string): Locator => page.locator(`#analysis-panel-triangulation tr[data-row="${abbrev}"]`);
const cellOf = (r: Locator, column: number): Locator => r.locator('td').nth(column);
const expectedRow = (abbrev: string) => expected.rows.find((r) => r.abbrev === abbrev)!;
const columnIndex = (label: string) => expected.columns.findIndex((c) => c.label === label);

async function openAnalysis(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Vues' }).getByRole('button', { name: 'Analyse' }).click();
  await page.getByRole('tab', { name: 'Triangulation' }).click();
  await row(page, 'CL').waitFor();
}

describe('the analysis panel on the demo project', { timeout: 90_000 }, () => {
  it('shows the triangulation matrix: the CL theme with evidence in the three columns, CL4 silent in Documents', async () => {
    const { page } = wb;
    await openAnalysis(page);
    expect(expected.columns.map((c) => c.label)).toEqual(['Documents', 'Entretiens', 'Observations']);
    const headers = await page.locator('#analysis-panel-triangulation thead th').allTextContents();
    expect(headers.slice(1, 4)).toEqual(['Documents', 'Entretiens', 'Observations']);
    const cl = row(page, 'CL');
    const want = expectedRow('CL');
    for (let j = 0; j < 3; j++) {
      expect(want.cells[j]!.count).toBeGreaterThan(0);
      expect(await cellOf(cl, j).locator('.cell-main').textContent()).toBe(String(want.cells[j]!.count));
      expect((await cellOf(cl, j).getAttribute('class')) ?? '').not.toContain('cell-silent');
    }
    // Sub-codes fold under their theme until asked for.
    expect(await row(page, 'CL4').count()).toBe(0);
    await page.getByRole('button', { name: 'Déplier CL' }).click();
    const cl4 = row(page, 'CL4');
    await cl4.waitFor();
    const documents = cellOf(cl4, columnIndex('Documents'));
    expect(expectedRow('CL4').cells[columnIndex('Documents')]!.count).toBe(0);
    expect(await documents.getAttribute('class')).toContain('cell-silent');
    expect(await documents.locator('.cell-main').textContent()).toBe('∅');
    expect(await documents.getByRole('button').getAttribute('aria-label')).toMatch(/Documents : silence : aucun extrait/);
    expect(await cl4.locator('.verdict-badge.silence').textContent()).toBe('silence : Documents');
    await wb.screenshot('analysis-01-matrix');
  });

  it('opens a cell onto its excerpts, and one excerpt onto its passage in the source', async () => {
    const { page } = wb;
    const j = columnIndex('Entretiens');
    await cellOf(row(page, 'CL'), j).getByRole('button').click();
    const dialog = page.getByRole('dialog', { name: /^CL — Cadre légal.* × Entretiens$/ });
    const excerpts = dialog.getByRole('list', { name: /Extraits/ }).getByRole('listitem');
    // The dialog lists the codings behind the cell's distinct passages.
    const count = expectedRow('CL').cells[j]!.codings!;
    await expect.poll(() => excerpts.count()).toBe(Math.min(count, 50));
    await dialog.getByRole('heading', { name: `Extraits (${count})` }).waitFor();
    for (const text of await excerpts.locator('.excerpt-meta strong').allTextContents()) expect(text).toMatch(/^Entretien \d/);
    await wb.screenshot('analysis-02-cell');
    const first = (await excerpts.first().locator('.excerpt-text').textContent())!;
    await excerpts.first().click();
    await page.getByTestId('transcript').waitFor();
    // The excerpt's passage is marked in its source, exactly.
    await expect.poll(() => flashedText(page)).toBe(first);
    // Back to the analysis: the cell is still open where it was left.
    await page.getByRole('navigation', { name: 'Vues' }).getByRole('button', { name: 'Analyse' }).click();
    await dialog.waitFor();
  });

  it('saves a cell synthesis, which is still there after the page is reloaded', async () => {
    const { page } = wb;
    const dialog = page.getByRole('dialog', { name: /× Entretiens$/ });
    await dialog.getByLabel('Synthèse de la case').fill(SYNTHESIS);
    await dialog.getByRole('button', { name: 'Enregistrer la synthèse' }).click();
    await dialog.getByRole('status').getByText('Synthèse enregistrée.').waitFor();
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await page.reload();
    await openAnalysis(page);
    const cell = cellOf(row(page, 'CL'), columnIndex('Entretiens'));
    expect(await cell.locator('.cell-synthesis').textContent()).toContain(SYNTHESIS);
    expect(await cell.getByRole('button').getAttribute('aria-label')).toContain('synthèse rédigée');
    await cell.getByRole('button').click();
    const dialog2 = page.getByRole('dialog', { name: /× Entretiens$/ });
    expect(await dialog2.getByLabel('Synthèse de la case').inputValue()).toBe(SYNTHESIS);
    await dialog2.getByRole('button', { name: 'Fermer' }).click();
  });

  it('sets the verdict "dissonance" with a note, shown at a glance in the row', async () => {
    const { page } = wb;
    const cl = row(page, 'CL');
    await cl.locator('.verdict-button').click();
    const dialog = page.getByRole('dialog', { name: /^Verdict — CL — / });
    await dialog.getByRole('radio', { name: /dissonance/ }).check();
    await dialog.getByLabel('Note (ce qui fonde le verdict)').fill(NOTE);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => cl.getAttribute('class')).toContain('verdict-dissonance');
    expect(await cl.locator('.verdict-badge.dissonance').textContent()).toBe('dissonance');
    expect(await cl.locator('.verdict-note').textContent()).toBe(NOTE);
    await wb.screenshot('analysis-03-verdict');
  });

  it('switches the columns to a case attribute', async () => {
    const { page } = wb;
    await chooseOption(page.getByLabel('Colonnes', { exact: true }), 'secteur');
    const headers = page.locator('#analysis-panel-triangulation thead th');
    await expect.poll(() => headers.allTextContents()).toContain('psychiatrie');
    const labels = await headers.allTextContents();
    for (const sector of ['municipal', 'social', 'logement', 'pairs']) expect(labels).toContain(sector);
    expect(labels).not.toContain('Entretiens');
    await wb.screenshot('analysis-04-attribute-columns');
    await chooseOption(page.getByLabel('Colonnes', { exact: true }), 'Types de preuves');
    await expect.poll(() => headers.allTextContents()).toContain('Entretiens');
  });

  it('shows the co-occurrence network as a picture and exports it as PNG', async () => {
    const { page } = wb;
    await page.getByRole('tab', { name: 'Cooccurrences' }).click();
    const panel = page.locator('#analysis-panel-cooccurrence');
    await panel.locator('table').waitFor();
    await panel.getByRole('button', { name: 'Images' }).click();
    const network = panel.getByRole('img', { name: 'Réseau des cooccurrences' });
    await network.waitFor();
    await expect.poll(() => network.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(100);
    expect(await network.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    await panel.getByRole('img', { name: 'Cooccurrences des codes' }).waitFor();
    await wb.screenshot('analysis-05-cooccurrence-pictures');
    // `has` is matched inside each figure, so it takes a locator not anchored on the panel.
    const figure = panel.locator('figure', { has: page.getByRole('img', { name: 'Réseau des cooccurrences' }) });
    const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Exporter PNG' }).click()]);
    expect(download.suggestedFilename()).toMatch(/network\.png$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('shows the code frequencies and the codebook sized by use as pictures', async () => {
    const { page } = wb;
    await page.getByRole('tab', { name: 'Fréquences' }).click();
    const panel = page.locator('#analysis-panel-frequencies');
    await panel.locator('table').waitFor();
    await panel.getByRole('button', { name: 'Images' }).click();
    for (const name of ['Fréquences des codes', 'Livre de codes, taille selon l’usage']) {
      const img = panel.getByRole('img', { name });
      await img.waitFor();
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(100);
    }
    await wb.screenshot('analysis-06-frequency-pictures');
    const figure = panel.locator('figure').first();
    const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Exporter PNG' }).click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('downloads the triangulation matrix as a spreadsheet for the supervisor', async () => {
    const { page } = wb;
    await page.getByRole('tab', { name: 'Triangulation' }).click();
    const panel = page.locator('#analysis-panel-triangulation');
    await panel.getByRole('button', { name: 'Tableau' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'XLSX' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    // The workbook holds the synthesis written above.
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const texts: string[] = [];
    book.worksheets[0]!.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts.some((t) => t.includes(SYNTHESIS))).toBe(true);
    expect(texts.some((t) => t.includes(NOTE))).toBe(true);
  });
});
