// The triangulation cells in a real browser: a project holding only interviews shows "no material"
// (flat, '—') under Documents and Observations, silence (hatched, '∅') only where interviews exist
// and the theme is absent, each with a tooltip saying which; in a team project the choice of whose
// codings is in view, and choosing the agreement of all coders changes the cells and says so.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCode } from '../../service/codebook.ts';
import { ensureCoder } from '../../service/coders.ts';
import { insertCoding } from '../../service/codings.ts';
import { closeProject, createProject } from '../../service/project.ts';
import { addText } from '../helpers/project.ts';
import { chooseOption, startWorkbench, type Workbench } from './harness.ts';
import { openInWorkbench } from './steps.ts';

let wb: Workbench;

const INTERVIEW = 'Le secret partagé protège les personnes. Les usagers ne viennent pas aux réunions.';

beforeAll(async () => {
  wb = await startWorkbench();
  const path = join(wb.dir, 'entretiens.tresse');
  const ctx = createProject(path, { grid: 'six-themes', coder: 'Camille' });
  try {
    const leo = ensureCoder(ctx.db, 'Léo').id;
    const e1 = addText(ctx, 'E1', INTERVIEW, 'interview').id;
    const code = (ref: string, start: number, end: number, coderId: number) =>
      insertCoding(ctx, { sourceId: e1, codeId: resolveCode(ctx.db, ref).id, start, end, coderId });
    // Both code the first sentence CL1: one passage. Only Camille codes the second one CL4.
    code('CL1', 0, 40, ctx.coder.id);
    code('CL1', 0, 40, leo);
    code('CL4', 41, 82, ctx.coder.id);
  } finally {
    closeProject(ctx);
  }
  await openInWorkbench(wb.page, path);
}, 180_000);
afterAll(async () => {
  await wb?.close();
});

const row = (page: Page, abbrev: string): Locator => page.locator(`#analysis-panel-triangulation tr[data-row="${abbrev}"]`);
const cell = (page: Page, abbrev: string, column: number): Locator => row(page, abbrev).locator('td').nth(column);

describe('triangulation cells that say what they count', { timeout: 90_000 }, () => {
  it('shows no material apart from silence, with a tooltip saying which', async () => {
    const { page } = wb;
    await page.getByRole('navigation', { name: 'Vues' }).getByRole('button', { name: 'Analyse' }).click();
    await page.getByRole('tab', { name: 'Triangulation' }).click();
    await row(page, 'CL').waitFor();
    await page.locator('#analysis-panel-triangulation').getByRole('button', { name: 'Tout déplier' }).click();
    await row(page, 'CL4').waitFor();
    const headers = await page.locator('#analysis-panel-triangulation thead th').allTextContents();
    expect(headers.slice(1, 4)).toEqual(['Documents', 'Entretiens', 'Observations']);
    // CL1: no documents, one passage in interviews (coded by both), no observations.
    const documents = cell(page, 'CL1', 0);
    expect(await documents.getAttribute('class')).toBe('cell-nomaterial');
    expect(await documents.locator('.cell-main').textContent()).toBe('—');
    expect(await documents.locator('button').getAttribute('title')).toBe(
      'Aucun matériau de ce type dans le projet ou la sélection filtrée : ce n’est pas un silence',
    );
    const interviews = cell(page, 'CL1', 1);
    expect(await interviews.locator('.cell-main').textContent()).toBe('1');
    expect(await interviews.locator('button').getAttribute('title')).toBe('1 passage(s) distinct(s) (2 codage(s)) dans 1 source(s) (union de Camille, Léo)');
    // SC has interviews to be found in: silence there, no material elsewhere, and the verdict column names only the silence.
    expect(await cell(page, 'SC', 1).getAttribute('class')).toBe('cell-silent');
    expect(await cell(page, 'SC', 1).locator('button').getAttribute('title')).toMatch(/^Silence : la sélection contient du matériau de ce type/);
    expect(await cell(page, 'SC', 0).getAttribute('class')).toBe('cell-nomaterial');
    expect(await row(page, 'SC').locator('.verdict-badge.silence').textContent()).toBe('silence : Entretiens');
    // The caption says whose codings, in a team project.
    expect(await page.locator('#analysis-panel-triangulation caption').textContent()).toContain('Codages comptés : union de tous les codeurs (Camille, Léo)');
    // Opened, the cell says the same.
    await documents.locator('button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Aucun matériau de ce type dans le projet ou la sélection filtrée : ce n’est pas un silence').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await wb.screenshot('matrix-cells-union');
  });

  it('counts the agreement of all coders when chosen, and says so', async () => {
    const { page } = wb;
    const choice = page.getByLabel('Codages comptés');
    expect(await choice.isVisible()).toBe(true);
    await chooseOption(choice, 'Accord de tous les codeurs');
    const caption = page.locator('#analysis-panel-triangulation caption');
    await caption.filter({ hasText: 'accord seulement' }).waitFor();
    // CL4 was Camille's alone: silence under agreement; CL1 both coded: still one passage.
    // A new request shows the table folded again.
    await page.locator('#analysis-panel-triangulation').getByRole('button', { name: 'Tout déplier' }).click();
    await cell(page, 'CL4', 1).and(page.locator('.cell-silent')).waitFor();
    expect(await cell(page, 'CL1', 1).locator('.cell-main').textContent()).toBe('1');
    expect(await cell(page, 'CL1', 1).locator('button').getAttribute('title')).toContain('(accord de Camille, Léo)');
    await wb.screenshot('matrix-cells-agreement');
  });
});
