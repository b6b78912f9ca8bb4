// Teamwork end to end, in a real browser against the real browser-mode server, on the demo project
// (Camille and Léo coded the same interviews): agreement between them and the review of one
// disagreement, blind coding, comparing the codebook with a teammate's .qdc and merging it, and
// exporting the project for another REFI-QDA program.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCodebook, writeProject } from '../../exchange/refi/index.ts';
import { listCodes } from '../../service/codebook.ts';
import { addCoding } from '../../service/codings.ts';
import { createDemoProject } from '../../service/demo.ts';
import { closeProject, createProject } from '../../service/project.ts';
import { snapshotProject } from '../../service/refi-snapshot.ts';
import { addText } from '../helpers/project.ts';
import { chooseCode, startWorkbench, type Workbench } from './harness.ts';
import { openInWorkbench } from './steps.ts';

let wb: Workbench;
let path: string;

/** Reads a project file beside the server (read-only: the server holds the project open). */
function readProjectFile<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const readProject = <T>(read: (db: Database.Database) => T): T => readProjectFile(path, read);

beforeAll(async () => {
  wb = await startWorkbench();
  path = join(wb.dir, 'demo-equipe.tresse');
  await createDemoProject(path);
  const { page } = wb;
  await openInWorkbench(page, path);
  await page.getByRole('button', { name: 'Équipe', exact: true }).click();
}, 120_000);
afterAll(async () => {
  await wb?.close();
});

/** The overall row of the agreement table, cell by cell. */
async function overallCells(): Promise<string[]> {
  return wb.page.getByTestId('agreement-overall').locator('td').allTextContents();
}

describe('teamwork in the workbench', { timeout: 90_000 }, () => {
  it('computes the agreement between Camille and Léo, per code and overall', async () => {
    const { page } = wb;
    await page.getByRole('tab', { name: 'Accord inter-codeurs' }).click();
    const coders = page.getByRole('group', { name: /Codeurs comparés/ });
    expect(await coders.getByRole('checkbox', { name: 'Camille' }).isChecked()).toBe(true);
    expect(await coders.getByRole('checkbox', { name: 'Léo' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'Segment' }).check();
    await page.getByRole('button', { name: 'Calculer l’accord' }).click();
    const table = page.getByTestId('agreement-table');
    await table.waitFor();
    const head = await table.locator('thead th').allTextContents();
    // At segment level: percent agreement and Brennan & Prediger only, never a kappa that cannot be positive.
    expect(head).toEqual(['Code', 'Unités (segment)', 'Segments (Camille)', 'Segments (Léo)', 'Accord observé', 'Kappa de Brennan et Prediger']);
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(3);
    const overall = await overallCells();
    expect(overall[3]).toMatch(/^\d+,\d\s?%$/);
    expect(overall[4]).toMatch(/^-?\d,\d{3}$/);
    // What the figures count is said above them: unit, scope (the two interviews both marked done), threshold.
    const said = await page.getByTestId('agreement-description').textContent();
    expect(said).toContain('Unité : le segment codé.');
    expect(said).toContain('Périmètre : 2 source(s) que chaque codeur comparé a marquée(s) « codage terminé »');
    expect(said).toContain('Seuil de recouvrement : 0,50');
    expect(await page.getByRole('heading', { name: /Désaccords à examiner \(\d+\)/ }).count()).toBe(1);
    await page.getByTestId('agreement-overall').scrollIntoViewIfNeeded();
    await wb.screenshot('team-agreement');
  });

  it('limits the agreement to one code found with the keyboard picker, then to all codes again', async () => {
    const { page } = wb;
    const table = page.getByTestId('agreement-table');
    const rows = table.locator('tbody tr');
    const all = await rows.count();
    const first = (await rows.first().locator('th').textContent())!;
    const abbrev = first.split(' · ')[0]!;
    const field = page.getByLabel('Limiter à un code');
    expect(await field.textContent()).toBe('Tous les codes');
    await chooseCode(field, abbrev);
    expect(await field.textContent()).toContain(abbrev);
    await page.getByRole('button', { name: 'Calculer l’accord' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().locator('th').textContent()).toBe(first);
    await page.getByRole('button', { name: new RegExp(`^Retirer « ${abbrev} ·`) }).click();
    await page.getByRole('button', { name: 'Calculer l’accord' }).click();
    await expect.poll(() => rows.count()).toBe(all);
  });

  it('settles a disagreement by taking Camille’s reading, and shows the figures recomputed', async () => {
    const { page } = wb;
    const before = await overallCells();
    const title = await page.getByRole('heading', { name: /Désaccords à examiner/ }).textContent();
    const count = Number(/\((\d+)\)/.exec(title ?? '')![1]);
    expect(count).toBeGreaterThan(0);
    const first = page.getByTestId('disagreement').first();
    // Both readings side by side: who coded the passage, and who did not.
    expect(await first.getByRole('region').count()).toBe(2);
    await first
      .getByText(/^Codé par /)
      .first()
      .waitFor();
    await first.scrollIntoViewIfNeeded();
    await wb.screenshot('team-review');
    await first.getByRole('button', { name: 'Retenir la lecture de Camille' }).click();
    await page
      .getByTestId('agreement-change')
      .getByText(/Chiffres recalculés : kappa de brennan et prediger global/)
      .waitFor();
    await expect.poll(() => page.getByRole('heading', { name: `Désaccords à examiner (${count - 1})` }).count()).toBe(1);
    const after = await overallCells();
    expect(after).not.toEqual(before);
    // Taking one coder's reading turns a disagreement into agreement: observed agreement goes up.
    const pct = (cells: string[]) => Number(cells[3]!.replace(/[\s%]/g, '').replace(',', '.'));
    expect(pct(after)).toBeGreaterThan(pct(before));
    await page.getByTestId('agreement-overall').scrollIntoViewIfNeeded();
    await wb.screenshot('team-review-after');
  });

  it('marks a source done for Léo, which brings it into the figures, and opens the Method page', async () => {
    const { page } = wb;
    const marks = page.getByTestId('done-marks');
    const box = marks.getByRole('checkbox', { name: 'Entretien 3 — assistante sociale du CCAS : codage terminé par Léo' });
    expect(await box.isChecked()).toBe(false);
    // The box shows the project's answer, so it is ticked once the mark is stored, not at the click.
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(true);
    await expect.poll(() => readProject((db) => db.prepare('SELECT COUNT(*) FROM source_done').pluck().get())).toBe(13);
    await page.getByRole('button', { name: 'Calculer l’accord' }).click();
    await expect.poll(async () => (await page.getByTestId('agreement-description').textContent()) ?? '').toContain('Périmètre : 3 source(s)');
    // A click, not uncheck(): on a loaded machine the agreement's answer can re-render the table
    // between the click and uncheck()'s own reading of the box; what counts is where it ends.
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(false);
    await expect.poll(() => readProject((db) => db.prepare('SELECT COUNT(*) FROM source_done').pluck().get())).toBe(12);
    await page.getByRole('button', { name: 'Méthode : ce que chaque chiffre compte' }).click();
    await page.getByRole('heading', { name: 'Méthode : définitions et références' }).waitFor();
    expect(await page.getByText(/Brennan, R. L. & Prediger, D. J. \(1981\)/).count()).toBe(1);
    // The page also says what a triangulation cell counts and how a quotation is cited.
    await page.getByRole('heading', { name: 'Matrice de triangulation : ce que compte une case' }).waitFor();
    expect(await page.getByText(/« aucun matériau » quand la sélection/).count()).toBe(1);
    await page.getByRole('heading', { name: 'Citations', exact: true }).waitFor();
    await wb.screenshot('method-page');
    await page.getByRole('button', { name: 'Retour à l’accord inter-codeurs' }).click();
    await page.getByTestId('agreement-table').waitFor();
  });

  it('hides the other coder’s highlights while coding blind', async () => {
    const { page } = wb;
    // A source both coded, and which of its codings are Camille's, read from the project file.
    const { name, camille, all } = readProject((db) => {
      const ids = (n: string) => (db.prepare('SELECT id FROM coders WHERE name = ?').get(n) as { id: number }).id;
      const [c, l] = [ids('Camille'), ids('Léo')];
      const s = db
        .prepare(
          `SELECT s.id, s.name FROM sources s WHERE EXISTS (SELECT 1 FROM codings WHERE source_id = s.id AND coder_id = ?)
           AND EXISTS (SELECT 1 FROM codings WHERE source_id = s.id AND coder_id = ?) ORDER BY s.id LIMIT 1`,
        )
        .get(c, l) as { id: number; name: string };
      const of = (coder: number) =>
        (db.prepare('SELECT id FROM codings WHERE source_id = ? AND coder_id = ? ORDER BY id').all(s.id, coder) as { id: number }[]).map((r) => r.id);
      return { name: s.name, camille: of(c), all: [...of(c), ...of(l)].sort((a, b) => a - b) };
    });
    await page
      .getByRole('option', { name: new RegExp(name) })
      .first()
      .click();
    await page.getByTestId('transcript-text').waitFor();
    const shownIds = () =>
      page.getByTestId('transcript-text').evaluate((root) => {
        const ids = new Set<number>();
        for (const el of root.querySelectorAll<HTMLElement>('[data-visible-ids]')) {
          for (const id of el.dataset.visibleIds!.split(' ').filter(Boolean)) ids.add(Number(id));
        }
        return [...ids].sort((a, b) => a - b);
      });
    await expect.poll(shownIds).toEqual(all);
    await wb.screenshot('team-blind-off');
    const toggle = page.getByRole('switch', { name: 'Codage à l’aveugle' });
    await toggle.check();
    await expect.poll(shownIds).toEqual(camille);
    await wb.screenshot('team-blind-on');
    // The same setting in the team panel.
    await page.getByRole('button', { name: 'Équipe', exact: true }).click();
    expect(await page.getByRole('switch', { name: 'Codage à l’aveugle' }).isChecked()).toBe(true);
    await page.getByRole('switch', { name: 'Codage à l’aveugle' }).uncheck();
    await page.getByRole('button', { name: 'Lecture', exact: true }).click();
    await expect.poll(shownIds).toEqual(all);
  });

  it('compares the codebook with a teammate’s .qdc, then merges their rename and their new code', async () => {
    const { page } = wb;
    // Léo's codebook: one code renamed (same GUID), one code added.
    const codes = readProject((db) => snapshotProject(db).codes);
    const target = codes.find((c) => c.parentGuid !== null && c.codable)!;
    const renamed = `${target.name} (reformulé)`;
    const theirs = [
      ...codes.map((c) => (c.guid === target.guid ? { ...c, name: renamed } : c)),
      { guid: randomUUID(), parentGuid: null, name: 'Pair-aidance', color: '#56b4e9', definition: 'Soutien apporté par des pairs.', codable: true },
    ];
    await page.getByRole('button', { name: 'Équipe', exact: true }).click();
    await page.getByRole('tab', { name: 'Comparer les livres de codes' }).click();
    await page.getByTestId('compare-input').setInputFiles({
      name: 'grille-leo.qdc',
      mimeType: 'application/xml',
      buffer: Buffer.from(writeCodebook(theirs)),
    });
    await page.getByText('Fichier choisi : grille-leo.qdc').waitFor();
    await page.getByRole('button', { name: 'Comparer', exact: true }).click();
    const summary = page.getByTestId('compare-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/^1 ajouté\(s\), 0 absent\(s\) de B, 1 renommé\(s\) dont 0 proposé\(s\)/);
    // Side by side, the differences marked on the codes they touch.
    const mine = page.getByRole('region', { name: 'Mon livre de codes (A)' });
    const their = page.getByRole('region', { name: 'Leur livre de codes (B)' });
    await mine.locator('li', { hasText: target.name }).locator('.badge-renamed').waitFor();
    await their.locator('li', { hasText: renamed }).locator('.badge-renamed').waitFor();
    expect(await their.locator('li', { hasText: 'Pair-aidance' }).locator('.badge-added').count()).toBe(1);
    expect(await mine.locator('li', { hasText: 'Pair-aidance' }).count()).toBe(0);
    const decision = page.getByLabel(`Décision pour « ${target.name} »`);
    expect(await decision.inputValue()).toBe('mine');
    await decision.selectOption({ label: 'Prendre la leur' });
    await page.getByRole('button', { name: 'Appliquer la fusion' }).scrollIntoViewIfNeeded();
    await wb.screenshot('team-compare');
    await page.getByRole('button', { name: 'Appliquer la fusion' }).click();
    await page.getByText('Fusion appliquée.').waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Fusion appliquée.' }).textContent()).toContain('1 code(s) ajouté(s), 1 renommé(s)');
    const tree = page.getByRole('complementary', { name: 'Livre de codes' });
    await expect.poll(() => tree.getByRole('treeitem', { name: /Pair-aidance/ }).count()).toBe(1);
    await expect.poll(() => tree.getByRole('treeitem', { name: new RegExp(renamed.replace(/[()]/g, '\\$&')) }).count()).toBe(1);
    // Compared again after the merge: nothing left to decide.
    await expect.poll(() => summary.textContent()).toMatch(/^0 ajouté\(s\), 0 absent\(s\) de B, 0 renommé\(s\)/);
    await wb.screenshot('team-compare-applied');
  });

  it('merges a teammate’s project file into mine and says what came in', async () => {
    const { page } = wb;
    // Sasha's project: one interview of her own, one coding.
    const theirs = join(wb.dir, 'projet-sasha.tresse');
    const ctx = createProject(theirs, { grid: 'six-themes', coder: 'Sasha' });
    const text = 'Enquêtrice : Comment travaillez-vous avec le CMP ?\nÉducatrice : On se voit chaque mois en réunion de concertation.';
    const source = addText(ctx, 'Entretien 7 — éducatrice spécialisée', text);
    const code = listCodes(ctx.db).find((c) => c.abbrev === 'PA2')!;
    addCoding(ctx, { sourceId: source.id, codeId: code.id, start: 54, end: 110 });
    closeProject(ctx);

    // First through the comparison, deciding that their "Profil de l'interlocuteur" is my renamed code.
    await page.getByRole('button', { name: 'Équipe', exact: true }).click();
    await page.getByRole('tab', { name: 'Comparer les livres de codes' }).click();
    const compare = page.getByRole('tabpanel', { name: 'Comparer les livres de codes' });
    await compare.getByRole('radio', { name: /Un fichier sur cet ordinateur/ }).check();
    await compare.getByLabel('Chemin du fichier').fill(theirs);
    await compare.getByRole('button', { name: 'Comparer', exact: true }).click();
    const decision = compare.getByLabel("Décision pour « Profil de l'interlocuteur (reformulé) »");
    expect(await decision.inputValue()).toBe('distinct');
    await decision.selectOption({ label: 'Même code (leurs codages vont sur le mien)' });
    await compare.getByRole('button', { name: /Fusionner tout leur projet/ }).click();
    const merged = compare.getByRole('status').filter({ hasText: 'Fusion terminée.' });
    await merged.waitFor();
    const lines = await merged.locator('li').allTextContents();
    expect(lines).toContain('Codeurs ajoutés : Sasha');
    expect(lines).toContain('Sources : 1 ajoutée(s), 0 déjà présente(s) (même texte).');
    expect(lines).toContain('Codages : 1 ajouté(s), 0 déjà présent(s), 0 ignoré(s).');
    await merged.getByText('Tout a été repris : aucun avertissement.').waitFor();
    await page.getByRole('option', { name: /Entretien 7 — éducatrice spécialisée/ }).waitFor();
    const tree = page.getByRole('complementary', { name: 'Livre de codes' });
    expect(await tree.getByRole('treeitem', { name: /^SM1 · Profil de l'interlocuteur \(reformulé\)/ }).count()).toBe(1);
    expect(await tree.getByRole('treeitem', { name: /^Profil de l'interlocuteur/ }).count()).toBe(0);

    // Then the same file from the merge section: no source or coding comes in twice.
    await page.getByRole('tab', { name: 'Fusionner un projet' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Fusionner un projet' });
    await panel.getByRole('radio', { name: /Un fichier sur cet ordinateur/ }).check();
    await panel.getByLabel('Chemin du fichier').fill(theirs);
    await panel.getByRole('button', { name: 'Fusionner dans mon projet' }).click();
    const summary = panel.getByRole('status').filter({ hasText: 'Fusion terminée.' });
    await summary.waitFor();
    const again = await summary.locator('li').allTextContents();
    expect(again).toContain('Sources : 0 ajoutée(s), 1 déjà présente(s) (même texte).');
    expect(again).toContain('Codages : 0 ajouté(s), 1 déjà présent(s), 0 ignoré(s).');
    await wb.screenshot('team-merge');

    // The same project as a .qdpx, with a source whose text was lost: the import says so.
    const snapshot = readProjectFile(theirs, snapshotProject);
    const broken = { ...snapshot, sources: snapshot.sources.map((s) => ({ ...s, guid: randomUUID(), text: ' ' })) };
    broken.codings = broken.codings.map((k) => ({ ...k, sourceGuid: broken.sources[0]!.guid }));
    await page.getByRole('tab', { name: 'Échange REFI-QDA' }).click();
    await page.getByTestId('refi-input').setInputFiles({ name: 'sasha.qdpx', mimeType: 'application/zip', buffer: Buffer.from(writeProject(broken)) });
    await page.getByRole('button', { name: 'Importer « sasha.qdpx »' }).click();
    const result = page.getByRole('status').filter({ hasText: 'importé' });
    await result.waitFor();
    const warnings = result.getByRole('region', { name: /Ce qui n’a pas pu être repris/ });
    expect(await warnings.textContent()).toContain('Entretien 7 — éducatrice spécialisée');
    await warnings.scrollIntoViewIfNeeded();
    await wb.screenshot('team-import-warnings');
  });

  it('exports the project as a .qdpx archive', async () => {
    const { page } = wb;
    await page.getByRole('tab', { name: 'Échange REFI-QDA' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter le projet (.qdpx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.qdpx$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await page
      .getByRole('status')
      .getByText(/Fichier « .*\.qdpx » enregistré/)
      .waitFor();
    await wb.screenshot('team-exchange');
  });

  it('speaks English when asked, keyboard included', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    const exchange = page.getByRole('tab', { name: 'REFI-QDA exchange' });
    await exchange.focus();
    // Arrow keys move between the sections, as in any tab list; the last one is the rating agreement.
    await page.keyboard.press('End');
    expect(await page.getByRole('tab', { name: 'Rating agreement' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    const agreement = page.getByRole('tab', { name: 'Inter-coder agreement' });
    expect(await agreement.getAttribute('aria-selected')).toBe('true');
    expect(await agreement.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'Compute agreement' }).click();
    // Still at segment level, as chosen above; the description comes in English too.
    await page.getByRole('columnheader', { name: "Brennan & Prediger's kappa" }).waitFor();
    expect(await page.getByTestId('agreement-description').textContent()).toContain('Unit: the coded segment.');
    expect(await page.getByTestId('agreement-overall').locator('th').textContent()).toBe('All codes');
    await page.getByRole('heading', { name: /Disagreements to review/ }).scrollIntoViewIfNeeded();
    await wb.screenshot('team-english');
    await page.getByRole('button', { name: 'FR', exact: true }).click();
    await page.getByRole('tab', { name: 'Accord inter-codeurs' }).waitFor();
  });
});
