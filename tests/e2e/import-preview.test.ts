// The import preview in a real browser against the browser-mode server: choosing a .qdpx shows
// what it will bring, adapt and lose before anything is written; Annuler leaves the project as it
// was, Importer imports what the preview announced.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProject, createProject } from '../../service/project.ts';
import { MESSY_FIRST_TEXT, messyQdpx } from '../exchange/refi/report-fixture.ts';
import { addText } from '../helpers/project.ts';
import { startWorkbench, type Workbench } from './harness.ts';
import { openInWorkbench } from './steps.ts';

let wb: Workbench;
let path: string;

/** What the project file holds, read beside the server (read-only: the server holds it open). */
function content(): { sources: string[]; codings: number; codes: number } {
  const db = new Database(path, { readonly: true });
  try {
    return {
      sources: (db.prepare('SELECT name FROM sources ORDER BY name').all() as { name: string }[]).map((s) => s.name),
      codings: (db.prepare('SELECT count(*) AS n FROM codings').get() as { n: number }).n,
      codes: (db.prepare('SELECT count(*) AS n FROM codes').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  wb = await startWorkbench();
  path = join(wb.dir, 'terrain.tresse');
  const ctx = createProject(path, { grid: 'empty', coder: 'Inès' });
  addText(ctx, 'Journal de terrain', 'Déjà là avant l’import.');
  closeProject(ctx);
  await openInWorkbench(wb.page, path);
  await wb.page.getByRole('button', { name: 'Équipe', exact: true }).click();
  await wb.page.getByRole('tab', { name: 'Échange REFI-QDA' }).click();
}, 120_000);
afterAll(async () => {
  await wb?.close();
});

const file = { name: 'reseau.qdpx', mimeType: 'application/zip', buffer: Buffer.from(messyQdpx()) };

describe('the import preview', { timeout: 90_000 }, () => {
  it('shows what the file will bring, adapt and lose; Annuler writes nothing', async () => {
    const { page } = wb;
    const before = content();
    await page.getByTestId('refi-input').setInputFiles(file);
    const preview = page.getByRole('region', { name: 'Avant d’importer « reseau.qdpx » (projet « Réseau local »)' });
    await preview.waitFor();
    const counts = await preview.getByRole('list', { name: 'Sera importé' }).locator('li').allTextContents();
    expect(counts).toEqual(expect.arrayContaining(['2 source(s)', '2 code(s)', '2 codage(s)', '1 utilisateur(s)']));
    const adapted = await preview.getByRole('region', { name: 'Sera adapté' }).textContent();
    expect(adapted).toContain('Fins de ligne Windows (CRLF) converties en fins de ligne simples dans 1 texte(s) : Entretien P07.');
    const notKept = await preview.getByRole('region', { name: 'Ne peut pas être gardé' }).textContent();
    expect(notKept).toContain('Source « Plan du quartier » de type picture');
    const bad = await preview.getByRole('region', { name: 'Erreurs dans le fichier (le reste est importé)' }).textContent();
    expect(bad).toContain(
      '1 passage(s) de « Entretien P07 » finissent après la fin de son texte (151 caractères ; par exemple 400–420) : ignoré(s), les autres passages sont importés.',
    );
    expect(bad).toContain('« Entretien P07 (doublon) » est laissé de côté');
    await preview.getByRole('button', { name: 'Annuler' }).scrollIntoViewIfNeeded();
    await wb.screenshot('import-preview');

    await preview.getByRole('button', { name: 'Annuler' }).click();
    await preview.waitFor({ state: 'detached' });
    expect(content()).toEqual(before);
  });

  it('imports what the preview announced when the user chooses Importer', async () => {
    const { page } = wb;
    await page.getByTestId('refi-input').setInputFiles(file);
    const preview = page.getByRole('region', { name: /Avant d’importer « reseau\.qdpx »/ });
    await preview.getByRole('button', { name: 'Importer « reseau.qdpx »' }).click();
    await page.getByRole('status').filter({ hasText: 'Projet « Réseau local » importé.' }).waitFor();
    await preview.waitFor({ state: 'detached' });
    expect(content()).toEqual({ sources: ['Entretien P07', 'Journal de terrain', 'Notes de terrain'], codings: 2, codes: 2 });
    const db = new Database(path, { readonly: true });
    try {
      expect((db.prepare("SELECT text FROM sources WHERE name = 'Entretien P07'").get() as { text: string }).text).toBe(MESSY_FIRST_TEXT);
    } finally {
      db.close();
    }
  });

  it('shows the same preview before merging a .qdpx from the merge section', async () => {
    const { page } = wb;
    await page.getByRole('tab', { name: 'Fusionner un projet' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Fusionner un projet' });
    await panel.getByTestId('merge-input').setInputFiles(file);
    await panel.getByRole('button', { name: 'Fusionner dans mon projet' }).click();
    const preview = panel.getByRole('region', { name: /Avant d’importer « reseau\.qdpx »/ });
    expect(await preview.getByRole('region', { name: 'Ne peut pas être gardé' }).textContent()).toContain('Plan du quartier');
    await preview.getByRole('button', { name: 'Fusionner « reseau.qdpx » dans mon projet' }).click();
    const summary = panel.getByRole('status').filter({ hasText: 'Fusion terminée.' });
    await summary.waitFor();
    expect(await summary.locator('li').allTextContents()).toContain('Codages : 0 ajouté(s), 2 déjà présent(s), 0 ignoré(s).');
    await preview.waitFor({ state: 'detached' });
    expect(content().codings).toBe(2);
    await page.getByRole('tab', { name: 'Échange REFI-QDA' }).click();
  });

  it('speaks English when asked', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByTestId('refi-input').setInputFiles(file);
    const preview = page.getByRole('region', { name: 'Before importing "reseau.qdpx" (project "Réseau local")' });
    const notKept = await preview.getByRole('region', { name: 'Cannot be kept' }).textContent();
    expect(notKept).toContain('Source "Plan du quartier" is of type picture');
    expect(await preview.getByRole('list', { name: 'Will be imported' }).locator('li').first().textContent()).toBe('1 user(s)');
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await preview.waitFor({ state: 'detached' });
  });
});
