// Sets in the real browser: a set of sources made from the sources panel and a set of codes from
// the codebook, then used as filters of the excerpts and of the codes × sources matrix.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCode } from '../../service/codebook.ts';
import { insertCoding } from '../../service/codings.ts';
import { closeProject, createProject } from '../../service/project.ts';
import { addText } from '../helpers/project.ts';
import { chooseCode, chooseOption, startWorkbench, type Workbench } from './harness.ts';
import { openInWorkbench } from './steps.ts';

let wb: Workbench;

beforeAll(async () => {
  wb = await startWorkbench();
  const path = join(wb.dir, 'sites.tresse');
  const ctx = createProject(path, { grid: 'six-themes', coder: 'Camille' });
  try {
    for (const name of ['Lyon 1', 'Lyon 2', 'Brest 1']) {
      const id = addText(ctx, name, `Entretien ${name} : le secret partagé protège les personnes.`, 'interview').id;
      insertCoding(ctx, { sourceId: id, codeId: resolveCode(ctx.db, 'CL1').id, start: 0, end: 10, coderId: ctx.coder.id });
      insertCoding(ctx, { sourceId: id, codeId: resolveCode(ctx.db, 'CL4').id, start: 11, end: 30, coderId: ctx.coder.id });
    }
  } finally {
    closeProject(ctx);
  }
  await openInWorkbench(wb.page, path);
}, 180_000);
afterAll(async () => {
  await wb?.close();
});

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Vues' }).getByRole('button', { name: view }).click();

describe('sets of sources and of codes', { timeout: 90_000 }, () => {
  it('are made in their dialogs from the sources panel and the codebook', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'Ensembles…', exact: true }).click();
    let dialog = page.getByRole('dialog', { name: 'Ensembles de sources' });
    await dialog.getByRole('button', { name: 'Nouvel ensemble' }).click();
    await dialog.getByLabel('Nom').fill('Site Lyon');
    await dialog.getByLabel('Description').fill('Vague de mars');
    await dialog.getByRole('checkbox', { name: 'Lyon 1' }).check();
    await dialog.getByRole('checkbox', { name: 'Lyon 2' }).check();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.getByText('2 membre(s) · Vague de mars').waitFor();
    // A second set of the same name is refused in words, and nothing is added.
    await dialog.getByRole('button', { name: 'Nouvel ensemble' }).click();
    await dialog.getByLabel('Nom').fill('site lyon');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.getByText('Un ensemble de sources s’appelle déjà « site lyon ».').waitFor();
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await wb.screenshot('sets-01-sources');
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Ensembles de codes…' }).click();
    dialog = page.getByRole('dialog', { name: 'Ensembles de codes' });
    await dialog.getByRole('button', { name: 'Nouvel ensemble' }).click();
    await dialog.getByLabel('Nom').fill('Question 1');
    await dialog.getByRole('checkbox', { name: /^CL4 · / }).check();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.getByText('1 membre(s)').waitFor();
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('filter the excerpts by a set of sources', async () => {
    const { page } = wb;
    await goTo(page, 'Extraits');
    const view = page.locator('.retrieval-view');
    await chooseCode(view.getByLabel('Code', { exact: true }), 'CL1');
    const count = view.locator('.result-count');
    await expect.poll(() => count.textContent()).toBe('3 extrait(s)');
    await chooseOption(view.getByLabel('Ensemble de sources'), 'Site Lyon');
    await expect.poll(() => count.textContent()).toBe('2 extrait(s)');
    await wb.screenshot('sets-02-excerpts');
  });

  it('filter the codes × sources matrix by a set of sources and a set of codes', async () => {
    const { page } = wb;
    await goTo(page, 'Analyse');
    await page.getByRole('tab', { name: 'Codes × sources' }).click();
    const panel = page.locator('#analysis-panel-code-source');
    await panel.locator('thead th').nth(3).waitFor();
    const headers = () => panel.locator('thead th').allTextContents();
    expect((await headers()).slice(1, 4)).toEqual(['Brest 1', 'Lyon 1', 'Lyon 2']);
    const filters = page.locator('details.analysis-filters');
    await filters.locator('summary').click();
    await chooseOption(filters.getByLabel('Ensemble de sources'), 'Site Lyon');
    // Polled whole: while the matrix is fetched again the table is briefly empty (no Brest 1 either).
    await expect.poll(async () => (await headers()).slice(1)).toEqual(['Lyon 1', 'Lyon 2']);
    await chooseOption(filters.getByLabel('Ensemble de codes'), 'Question 1');
    await expect.poll(() => panel.locator('caption').textContent()).toContain('ensemble de codes = Question 1');
    await wb.screenshot('sets-03-matrix');
  });

  it('give the triangulation one column per set of sources', async () => {
    const { page } = wb;
    await page.getByRole('tab', { name: 'Triangulation' }).click();
    const panel = page.locator('#analysis-panel-triangulation');
    await chooseOption(panel.getByLabel('Colonnes'), 'Ensembles de sources');
    await expect.poll(async () => (await panel.locator('thead th').allTextContents()).slice(1, 2)).toEqual(['Site Lyon']);
    await wb.screenshot('sets-04-columns');
  });

  it('once a chosen set is deleted, the excerpts are no longer filtered by it', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'Ensembles…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ensembles de sources' });
    await dialog.getByRole('button', { name: 'Supprimer Site Lyon' }).click();
    await dialog.getByText(/Aucun ensemble/).waitFor();
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await goTo(page, 'Extraits');
    const view = page.locator('.retrieval-view');
    await expect.poll(() => view.locator('.result-count').textContent()).toBe('3 extrait(s)');
    expect(await view.getByLabel('Ensemble de sources').count()).toBe(0);
  });
});
