// The workbench end to end, in a real browser against the real browser-mode server: create a
// project, import an interview, read it, search it, code the hits, retrieve the excerpts, describe
// the participant, and reshape the codebook.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInterviewDocx } from './fixtures.ts';
import { chooseOption, startWorkbench, type Workbench } from './harness.ts';

let wb: Workbench;
beforeAll(async () => {
  wb = await startWorkbench();
}, 120_000);
afterAll(async () => {
  await wb?.close();
});

describe('the desktop workbench in browser mode', () => {
  it('creates a project from the six-theme grid and shows its file path', async () => {
    const { page } = wb;
    const path = join(wb.dir, 'etude-cls.tresse');
    await page.getByRole('heading', { name: 'Nouveau projet' }).waitFor();
    await wb.screenshot('01-start');
    await page.locator('#create-path').fill(path);
    await page.getByRole('radio', { name: /six thèmes/ }).check();
    await page.getByLabel('Votre nom de codeur ou codeuse').fill('Camille');
    await page.getByRole('button', { name: 'Créer le projet' }).click();
    await expect.poll(() => page.getByTestId('project-path').textContent()).toBe(path);
    await expect.poll(() => page.getByRole('treeitem').count()).toBeGreaterThan(30);
    expect(await page.getByRole('treeitem', { name: /^SM · Santé mentale/ }).count()).toBe(1);
  });

  it('imports a DOCX interview into a new case and opens it', async () => {
    const { page } = wb;
    await page.getByTestId('import-input').setInputFiles({
      name: 'entretien-P1-infirmier.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(await makeInterviewDocx()),
    });
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('Type de source').inputValue()).toBe('interview');
    await dialog.getByLabel('Cas (participant)').selectOption({ label: 'Nouveau cas…' });
    await dialog.getByLabel('Nom du nouveau cas').fill('P1');
    await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
    await dialog.getByText('Importé comme « entretien-P1-infirmier ».').waitFor();
    await dialog.getByRole('button', { name: 'Fermer' }).click();

    const option = page.getByRole('option', { name: /entretien-P1-infirmier/ });
    await expect.poll(() => option.textContent()).toContain('P1');
    await expect.poll(() => option.getAttribute('aria-selected')).toBe('true');
    const group = page.getByRole('group', { name: /Entretiens/ });
    expect(await group.getByRole('option').count()).toBe(1);
    await page.getByTestId('transcript-text').getByText('cellule de cas complexes').waitFor();
    await wb.screenshot('02-source');
  });

  it('finds a word typed without its accent and opens the hit in its source', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'Recherche' }).click();
    await page.getByLabel('Mots recherchés').fill('reunion');
    await page.getByRole('button', { name: 'Chercher' }).click();
    const hits = page.getByRole('listbox', { name: /Résultats/ }).getByRole('option');
    // "reunion" finds "réunion" but not "réunions": a word, not a prefix.
    await expect.poll(() => hits.count()).toBe(1);
    expect(await hits.first().locator('mark').textContent()).toBe('réunion');
    await wb.screenshot('03-search');
    await hits.first().click();
    await page.getByTestId('transcript').waitFor();
    await expect.poll(() => page.locator('.tr-flash').count()).toBeGreaterThan(0);
    expect(await page.locator('.tr-flash').first().textContent()).toContain('réunion');
  });

  it('codes the reviewed hits of a search, then retrieves them as excerpts', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'Recherche' }).click();
    await page.getByLabel('Mots recherchés').fill('secret');
    await page.getByRole('button', { name: 'Chercher' }).click();
    await page.getByText(/1 résultat\(s\)/).waitFor();
    await page.getByRole('button', { name: 'Coder tous les résultats…' }).click();
    const review = page.getByRole('group', { name: 'Décochez les résultats à ne pas coder' });
    expect(await review.getByRole('checkbox').count()).toBe(1);
    await chooseOption(page.getByLabel('Code à appliquer'), 'CL1 · Secret professionnel');
    await page.getByRole('button', { name: 'Coder 1 résultat(s)' }).click();
    await page.getByRole('status').getByText('1 passage(s) codé(s).').waitFor();

    const cl1 = page.getByRole('treeitem', { name: /^CL1 · Secret professionnel/ });
    await expect.poll(() => cl1.getAttribute('aria-label')).toContain('1 codage(s)');
    const cl = page.getByRole('treeitem', { name: /^CL · Cadre légal/ });
    await expect.poll(() => cl.getAttribute('aria-label')).toContain('1 avec les sous-codes');

    await page.getByRole('button', { name: 'Extraits', exact: true }).first().click();
    await chooseOption(page.getByLabel('Code', { exact: true }), 'CL · Cadre légal');
    const excerpts = page.getByRole('listbox', { name: /Extraits/ }).getByRole('option');
    await expect.poll(() => excerpts.count()).toBe(1);
    expect(await excerpts.first().textContent()).toContain('P1');
    await page.getByLabel('Inclure les sous-codes').uncheck();
    await page.getByText('Aucun extrait ne correspond.').waitFor();
    await page.getByLabel('Inclure les sous-codes').check();
    await page.getByRole('checkbox', { name: 'Documents' }).check();
    await page.getByText('Aucun extrait ne correspond.').waitFor();
    await page.getByRole('checkbox', { name: 'Documents' }).uncheck();
    await expect.poll(() => excerpts.count()).toBe(1);
    await wb.screenshot('04-retrieval');
    await excerpts.first().click();
    await expect.poll(() => page.locator('.tr-flash').count()).toBeGreaterThan(0);
    expect(await page.locator('.tr-flash').first().textContent()).toContain('secret');
  });

  it('describes the participant in the cases table and filters excerpts by that attribute', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'Cas', exact: true }).click();
    await page.getByLabel('Nouvel attribut').fill('secteur');
    await page.getByRole('button', { name: 'Ajouter l’attribut' }).click();
    const cell = page.getByLabel('secteur de P1');
    await cell.fill('santé');
    await cell.press('Enter');
    await page.getByLabel('Nouveau cas', { exact: true }).fill('P2');
    await page.getByRole('button', { name: 'Ajouter le cas' }).click();
    await page.getByRole('rowheader', { name: 'P2' }).waitFor();
    await expect.poll(() => page.getByLabel('secteur de P1').inputValue()).toBe('santé');
    await wb.screenshot('05-cases');

    await page.getByRole('button', { name: 'Extraits', exact: true }).first().click();
    const excerpts = page.getByRole('listbox', { name: /Extraits/ }).getByRole('option');
    await page.getByLabel('Attribut du cas').selectOption('secteur');
    await page.getByLabel('Valeur(s), séparées par « ; »').fill('social');
    await page.getByText('Aucun extrait ne correspond.').waitFor();
    await page.getByLabel('Valeur(s), séparées par « ; »').fill('santé');
    await expect.poll(() => excerpts.count()).toBe(1);
  });

  it('adds, edits and deletes a code, telling how many codings go with it', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'Nouveau code' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nom', { exact: true }).fill('Coconstruction');
    await dialog.getByRole('button', { name: 'Ajouter' }).click();
    const added = page.getByRole('treeitem', { name: /^Coconstruction/ });
    await added.waitFor();
    await page.getByRole('button', { name: 'Modifier' }).click();
    await page.getByRole('dialog').getByLabel('Nom', { exact: true }).fill('Co-construction');
    await page.getByRole('dialog').getByLabel('Définition', { exact: true }).fill('Ce que les partenaires élaborent ensemble.');
    await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('treeitem', { name: /^Co-construction/ }).getByText('Ce que les partenaires élaborent ensemble.').waitFor();

    await page.getByRole('treeitem', { name: /^CL1 · Secret/ }).locator('.tree-row').click();
    await page.getByRole('button', { name: 'Supprimer…' }).click();
    await page.getByRole('dialog').getByText('1 codage(s) seront supprimés avec ce code.').waitFor();
    await wb.screenshot('06-delete-code');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByRole('treeitem', { name: /^CL1 · Secret/ }).count()).toBe(1);
  });

  it('re-parents a code by dragging it onto another', async () => {
    const { page } = wb;
    const row = page.getByRole('treeitem', { name: /^Co-construction/ }).locator('.tree-row').first();
    const target = page.getByRole('treeitem', { name: /^PA · Travail en partenariat/ }).locator('.tree-row').first();
    await row.dragTo(target);
    const moved = page.getByRole('treeitem', { name: /^Co-construction/ });
    await expect.poll(() => moved.getAttribute('aria-level')).toBe('2');
  });

  it('switches the interface to English', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Codebook' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'FR', exact: true }).click();
    await page.getByRole('heading', { name: 'Livre de codes' }).waitFor();
  });
});
