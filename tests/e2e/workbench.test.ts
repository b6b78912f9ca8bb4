// The workbench end to end, in a real browser against the real browser-mode server: create a
// project, import an interview, read it, search it, code the hits, retrieve the excerpts, describe
// the participant, and reshape the codebook.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInterviewDocx } from './fixtures.ts';
import { chooseCode, startWorkbench, type Workbench } from './harness.ts';
import { flashedText } from './steps.ts';

let wb: Workbench;
beforeAll(async () => {
  wb = await startWorkbench();
}, 120_000);
afterAll(async () => {
  await wb?.close();
});

// Each step drives a real browser: give slow machines room.
describe('the desktop workbench in browser mode', { timeout: 60_000 }, () => {
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
    // "reunion" finds "réunion" and its plural "réunions" (a word's forms), not "réunir".
    await expect.poll(() => hits.count()).toBe(2);
    const marks = await hits.locator('mark').allTextContents();
    expect(new Set(marks)).toEqual(new Set(['réunion', 'réunions']));
    const first = await hits.first().locator('mark').first().textContent();
    await wb.screenshot('03-search');
    await hits.first().click();
    await page.getByTestId('transcript').waitFor();
    // The hit is marked in its source: the word, not its paragraph.
    await expect.poll(() => flashedText(page)).toBe(first);
    // Back to the search: the query and its hits are still there.
    await page.getByRole('button', { name: 'Recherche' }).click();
    expect(await page.getByLabel('Mots recherchés').inputValue()).toBe('reunion');
    expect(await hits.count()).toBe(2);
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
    // The keyboard picker finds the code through a typo; Enter codes, and the review closes.
    await page.getByRole('button', { name: 'Coder 1 résultat(s) avec…' }).click();
    const picker = page.getByRole('dialog', { name: 'Code à appliquer' });
    await picker.getByRole('combobox').fill('secret profesionel');
    await picker.getByRole('combobox').press('Enter');
    await page.getByRole('status').getByText("1 passage(s) codé(s) avec « Secret professionnel et partage d'informations ». Ctrl+Z annule.").waitFor();
    await expect.poll(() => review.count()).toBe(0);
    expect(await picker.count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Coder 1 résultat/ }).count()).toBe(0);

    const cl1 = page.getByRole('treeitem', { name: /^CL1 · Secret professionnel/ });
    await expect.poll(() => cl1.getAttribute('aria-label')).toContain('1 codage(s)');
    const cl = page.getByRole('treeitem', { name: /^CL · Cadre légal/ });
    await expect.poll(() => cl.getAttribute('aria-label')).toContain('1 avec les sous-codes');

    await page.getByRole('button', { name: 'Extraits', exact: true }).first().click();
    await chooseCode(page.getByLabel('Code', { exact: true }), 'CL · Cadre légal');
    const excerpts = page.getByRole('list', { name: /Extraits/ }).getByRole('listitem');
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
    await expect.poll(() => flashedText(page)).toBe('secret');
  });

  it('describes the participant in the cases table and filters excerpts by that attribute', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'Cas', exact: true }).click();
    await page.getByLabel('Nouvel attribut').fill('secteur');
    await page.getByRole('form', { name: 'Ajouter l’attribut' }).getByLabel('Type', { exact: true }).selectOption({ label: 'texte' });
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
    const excerpts = page.getByRole('list', { name: /Extraits/ }).getByRole('listitem');
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
    await page.getByRole('dialog').getByLabel('Couleur').fill('#cc79a7');
    await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer' }).click();
    const edited = page.getByRole('treeitem', { name: /^Co-construction/ });
    // The definition is shown under the chosen code's row, and describes it.
    await page
      .locator(`#${await edited.getAttribute('aria-describedby')}`)
      .getByText('Ce que les partenaires élaborent ensemble.')
      .waitFor();
    expect(await edited.locator('.swatch').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(204, 121, 167)');

    await page.getByRole('treeitem', { name: /^CL1 · Secret/ }).click();
    await page.getByRole('button', { name: 'Supprimer…' }).click();
    await page.getByRole('dialog').getByText('1 codage(s) seront supprimés avec ce code.').waitFor();
    await wb.screenshot('06-delete-code');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByRole('treeitem', { name: /^CL1 · Secret/ }).count()).toBe(1);
  });

  it('re-parents a code by dragging it onto another', async () => {
    const { page } = wb;
    const row = page.getByRole('treeitem', { name: /^Co-construction/ }).first();
    const target = page.getByRole('treeitem', { name: /^PA · Travail en partenariat/ }).first();
    await row.dragTo(target);
    const moved = page.getByRole('treeitem', { name: /^Co-construction/ });
    await expect.poll(() => moved.getAttribute('aria-level')).toBe('2');
  });

  it('merges a code into another when it is dropped with Alt held, after confirmation', async () => {
    const { page } = wb;
    const row = page.getByRole('treeitem', { name: /^Co-construction/ }).first();
    const target = page.getByRole('treeitem', { name: /^PA2 · Façons de travailler ensemble/ }).first();
    await page.keyboard.down('Alt');
    await row.dragTo(target);
    await page.keyboard.up('Alt');
    const dialog = page.getByRole('dialog', { name: 'Fusionner « Co-construction »' });
    await dialog.getByText(/passeront à « Façons de travailler ensemble »/).waitFor();
    await dialog.getByRole('button', { name: 'Fusionner' }).click();
    await expect.poll(() => page.getByRole('treeitem', { name: /^Co-construction/ }).count()).toBe(0);
  });

  it('imports files dropped on the sources panel, guessing their kind from the name', async () => {
    const { page } = wb;
    const notes = 'Comité de pilotage du 31 mars\nPrésents : la coordinatrice, deux élus, le bailleur.\nLa parole circule peu.';
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'observation-comite-pilotage.txt', { type: 'text/plain' }));
      return dt;
    }, notes);
    const panel = page.getByRole('navigation', { name: 'Sources' }).locator('section');
    await panel.dispatchEvent('dragover', { dataTransfer: transfer });
    await panel.dispatchEvent('drop', { dataTransfer: transfer });
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('Type de source').inputValue()).toBe('observation');
    await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
    await dialog.getByText('Importé comme « observation-comite-pilotage ».').waitFor();
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    const group = page.getByRole('group', { name: /Observations/ });
    await expect.poll(() => group.getByRole('option').count()).toBe(1);
    expect(await group.getByRole('option').textContent()).toContain('sans cas');
  });

  it('links a source to a case from the cases table, and unlinks it', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'Cas', exact: true }).click();
    await page.getByLabel('Lier une source à P2').selectOption({ label: 'observation-comite-pilotage' });
    const unlink = page.getByRole('button', { name: 'Délier « observation-comite-pilotage » de P2' });
    await unlink.waitFor();
    const observation = page.getByRole('group', { name: /Observations/ }).getByRole('option');
    await expect.poll(() => observation.textContent()).toContain('P2');
    await unlink.click();
    await expect.poll(() => observation.textContent()).toContain('sans cas');
  });

  it('shows why a file is refused', async () => {
    const { page } = wb;
    await page.getByTestId('import-input').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([137, 80, 78, 71, 0, 0]) });
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
    await dialog.getByRole('alert').filter({ hasText: 'photo.png' }).waitFor();
    await dialog.getByRole('button', { name: 'Fermer' }).click();
  });

  it('has landmarks, and a codebook tree usable with the arrow keys', async () => {
    const { page } = wb;
    for (const [role, name] of [
      ['banner', undefined],
      ['navigation', 'Sources'],
      ['main', undefined],
      ['complementary', 'Livre de codes'],
    ] as const) {
      expect(await page.getByRole(role, name ? { name } : {}).count(), role).toBe(1);
    }
    const sm = page.getByRole('treeitem', { name: /^SM · Santé mentale/ });
    const sm1 = page.getByRole('treeitem', { name: /^SM1 · Profil/ });
    await sm.focus();
    await page.keyboard.press('ArrowDown');
    expect(await sm1.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect(await sm.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect(await sm.getAttribute('aria-expanded')).toBe('false');
    expect(await sm1.count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    expect(await sm.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    expect(await sm1.getAttribute('aria-selected')).toBe('true');
    await page.getByRole('button', { name: 'Modifier' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('Nom', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    // Tab from the last control comes back to the first: the focus stays in the dialog.
    await dialog.getByRole('button', { name: 'Enregistrer' }).focus();
    await page.keyboard.press('Tab');
    expect(await dialog.getByLabel('Nom', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('switches the interface to English', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Codebook' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Cases', exact: true }).click();
    await page.getByRole('heading', { name: 'Cases and attributes' }).waitFor();
    await wb.screenshot('14-english-cases');
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByRole('button', { name: 'Reading', exact: true }).click();
    await wb.screenshot('15-narrow-reading');
    await page.setViewportSize({ width: 1400, height: 860 });
    await page.getByRole('button', { name: 'FR', exact: true }).click();
    await page.getByRole('heading', { name: 'Livre de codes' }).waitFor();
  });

  it('closes the project and reopens it from the recent projects', async () => {
    const { page } = wb;
    const path = join(wb.dir, 'etude-cls.tresse');
    await page.getByRole('button', { name: 'Fermer le projet' }).click();
    const recent = page.getByRole('region', { name: 'Projets récents' }).getByRole('button', { name: /etude-cls/ });
    expect(await recent.textContent()).toContain(path);
    await wb.screenshot('13-recent');
    await recent.click();
    await expect.poll(() => page.getByTestId('project-path').textContent()).toBe(path);
    await expect.poll(() => page.getByRole('option', { name: /entretien-P1-infirmier/ }).count()).toBe(1);
  });
});
