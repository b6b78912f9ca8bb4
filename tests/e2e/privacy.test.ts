// Confidentiality in the real browser against the real browser-mode server: pseudonymise names
// with a reviewed preview (one false friend unticked) and see the coding stay on its words, be
// told that the older backups still hold the real names and delete them;
// correct a typo in a coded source; back up and restore; delete backups; and be told, with the
// host and the lock file, that a project is already open in another program.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../db/lock.ts';
import { startWorkbench, type Workbench } from './harness.ts';
import { createProject, dragSelect } from './steps.ts';

const INTERVIEW = [
  'Enquêtrice : Qui coordone la cellule de cas complexes ?',
  'P1 : Marie-Claire Dupont coordonne la cellule depuis trois ans. Mme Dupont connaît tous les partenaires du territoire.',
  'Enquêtrice : Et le bailleur ?',
  'P1 : Il envoie parfois quelqu’un, mais la rue Dupont n’est pas dans son secteur.',
].join('\n');
const OBSERVATION = 'Comité de pilotage du 12 mars.\nMme Dupont présente la situation ; la parole circule peu entre les élus.';
const CODED = 'Marie-Claire Dupont coordonne la cellule';
const CODED_AFTER = 'Louise Martin coordonne la cellule';

let wb: Workbench;
let projectPath: string;

async function importText(page: Page, fileName: string, text: string, caseName?: string): Promise<void> {
  await page.getByTestId('import-input').setInputFiles({ name: fileName, mimeType: 'text/plain', buffer: Buffer.from(text) });
  const dialog = page.getByRole('dialog');
  if (caseName) {
    await dialog.getByLabel('Cas (participant)').selectOption({ label: 'Nouveau cas…' });
    await dialog.getByLabel('Nom du nouveau cas').fill(caseName);
  }
  await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
  await dialog.getByText(/Importé comme/).waitFor();
  await dialog.getByRole('button', { name: 'Fermer' }).click();
}

/** The text of the transcript's runs that carry one visible coding. */
function codedText(page: Page): Promise<string> {
  return page.getByTestId('transcript-text').evaluate((root) =>
    Array.from(root.querySelectorAll<HTMLElement>('[data-visible-ids]'))
      .filter((el) => el.dataset.visibleIds!.split(' ').length === 1)
      .map((el) => el.textContent)
      .join(''),
  );
}

async function openPrivacy(page: Page, tab: 'Pseudonymes' | 'Sauvegardes') {
  await page.getByRole('button', { name: 'Confidentialité' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confidentialité et sauvegardes' });
  // The focus starts on the first tab; the arrow keys move between tabs, as in any tab list.
  const first = dialog.getByRole('tab', { name: 'Pseudonymes' });
  await expect.poll(() => first.evaluate((el) => el === document.activeElement)).toBe(true);
  if (tab === 'Sauvegardes') await page.keyboard.press('ArrowRight');
  await expect.poll(() => dialog.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
  return dialog;
}

beforeAll(async () => {
  wb = await startWorkbench();
  projectPath = join(wb.dir, 'confidentiel.tresse');
  await createProject(wb.page, projectPath);
  await importText(wb.page, 'observation-comite-pilotage.txt', OBSERVATION);
  await importText(wb.page, 'entretien-P1-coordination.txt', INTERVIEW, 'P1');
}, 180_000);
afterAll(async () => {
  await wb?.close();
});

describe('confidentiality in the workbench', { timeout: 90_000 }, () => {
  it('codes a passage that names a participant', async () => {
    const { page } = wb;
    await page.getByRole('option', { name: /entretien-P1-coordination/ }).click();
    await page.getByTestId('transcript-text').getByText('coordonne la cellule', { exact: false }).waitFor();
    await dragSelect(page, CODED);
    const input = page.getByTestId('code-picker-input');
    await input.fill('secret partage');
    await input.press('Enter');
    await expect.poll(() => codedText(page)).toBe(CODED);
  });

  it('pseudonymises a name after a reviewed preview; the coding stays on its words', async () => {
    const { page } = wb;
    const dialog = await openPrivacy(page, 'Pseudonymes');
    await dialog.getByLabel('Nom réel à remplacer').fill('Marie-Claire Dupont');
    await dialog.getByLabel('Pseudonyme', { exact: true }).fill('Louise Martin');
    await dialog.getByLabel('Cas', { exact: true }).selectOption({ label: 'P1' });
    await dialog.getByRole('button', { name: 'Ajouter' }).click();
    const row = dialog.getByRole('row', { name: /Louise Martin/ });
    await expect.poll(() => row.textContent()).toContain('Marie-Claire Dupont');
    expect(await row.textContent()).toContain('P1');
    expect(await row.textContent()).toContain('pas encore appliqué');
    await wb.screenshot('privacy-01-table');

    await dialog.getByRole('button', { name: 'Prévisualiser' }).click();
    const review = dialog.getByRole('group', { name: /Occurrences à remplacer/ });
    const boxes = review.getByRole('checkbox');
    // The full name, "Mme Dupont" twice (interview, observation) and the street.
    await expect.poll(() => boxes.count()).toBe(4);
    for (const box of await boxes.all()) expect(await box.isChecked()).toBe(true);
    const street = review.getByRole('checkbox', { name: /la rue Dupont/ });
    expect(await review.getByText(/coordonne la cellule depuis/).count()).toBe(1);
    await street.uncheck();
    await dialog.getByText('4 occurrence(s) trouvée(s), 3 cochée(s).').waitFor();

    // The filter by place shows the observation's match alone.
    await dialog.getByLabel('Source ou champ').selectOption({ label: 'observation-comite-pilotage (1)' });
    expect(await boxes.count()).toBe(1);
    expect(await boxes.first().isChecked()).toBe(true);
    await dialog.getByLabel('Source ou champ').selectOption({ label: 'Partout' });
    await wb.screenshot('privacy-02-preview');

    await dialog.getByRole('button', { name: 'Appliquer 3 remplacement(s)' }).click();
    await dialog.getByText(/3 remplacement\(s\) faits dans 2 source\(s\)/).waitFor();
    // The backups taken before, the one taken when the project opened among them, still hold the
    // real names: the user is told how many and where.
    const backupDir = `${projectPath}.backups`;
    const oldBackups = readdirSync(backupDir).filter((f) => f.endsWith('.tresse'));
    expect(oldBackups.length).toBeGreaterThan(0);
    const warning = dialog.getByText(/contiennent encore les noms réels/);
    await warning.waitFor();
    expect(await warning.textContent()).toContain(`${oldBackups.length} sauvegarde(s) de ce projet, dont celle que Tresse prend à chaque ouverture`);
    expect(await warning.textContent()).toContain(backupDir);
    expect(await row.textContent()).toContain('appliqué le');
    await wb.screenshot('privacy-03-applied');

    await dialog.getByRole('button', { name: 'Oublier les noms réels' }).click();
    await dialog.getByText(/1 nom\(s\) réel\(s\) oublié\(s\)/).waitFor();
    await expect.poll(() => row.textContent()).toContain('nom réel oublié');
    expect(await row.textContent()).not.toContain('Marie-Claire');
    // Scrubbed: no copy of the old text is left in the project file's bytes (index, free pages, log).
    for (const file of [projectPath, `${projectPath}-wal`]) {
      const bytes = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
      expect(bytes.includes(Buffer.from('Marie-Claire')), file).toBe(false);
    }
    // Forgetting cleans the project file, not its backups: the warning stays, with the offer to delete them.
    expect(await warning.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: `Supprimer les ${oldBackups.length} sauvegarde(s) qui contiennent les noms réels…` }).click();
    const confirmDelete = dialog.getByRole('alertdialog');
    expect(await confirmDelete.textContent()).toContain(backupDir);
    await wb.screenshot('privacy-03b-old-backups');
    await confirmDelete.getByRole('button', { name: 'Oui, tout supprimer' }).click();
    await dialog.getByText('Les sauvegardes prises avant ont été supprimées.').waitFor();
    expect(await warning.count()).toBe(0);
    expect(readdirSync(backupDir).filter((f) => oldBackups.includes(f))).toEqual([]);
    await dialog.getByRole('button', { name: 'Fermer', exact: true }).last().click();

    const text = page.getByTestId('transcript-text');
    await text.getByText(/Mme Martin connaît/).waitFor();
    expect(await text.textContent()).toContain('la rue Dupont');
    expect(await text.textContent()).not.toContain('Marie-Claire');
    await expect.poll(() => codedText(page)).toBe(CODED_AFTER);
  });

  it('corrects a typo in the coded source; the coding moves with its words', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'Corriger le texte' }).click();
    const area = page.getByLabel('Texte de la source');
    const old = await area.inputValue();
    expect(old).toContain('Qui coordone la cellule');
    await area.fill(old.replace('coordone', 'coordonne'));
    await page.getByRole('button', { name: 'Prévisualiser' }).click();
    const effect = page.getByRole('region', { name: 'Prévisualiser' });
    await effect.getByText(/1 modification\(s\) du texte/).waitFor();
    await effect.getByText('Codages déplacés (même texte)').waitFor();
    expect(await effect.textContent()).toContain(CODED_AFTER);
    expect(await effect.textContent()).toContain('0 supprimé(s)');
    await wb.screenshot('privacy-04-edit-preview');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page
      .getByRole('status')
      .getByText(/Texte enregistré\. 1 codage\(s\) déplacé\(s\)/)
      .waitFor();
    await page
      .getByTestId('transcript-text')
      .getByText(/Qui coordonne la cellule/)
      .waitFor();
    await expect.poll(() => codedText(page)).toBe(CODED_AFTER);
  });

  it('asks for confirmation before a correction removes a coding', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'Corriger le texte' }).click();
    const area = page.getByLabel('Texte de la source');
    await area.fill((await area.inputValue()).replace(`${CODED_AFTER} depuis trois ans. `, ''));
    await page.getByRole('button', { name: 'Prévisualiser' }).click();
    const effect = page.getByRole('region', { name: 'Prévisualiser' });
    await effect.getByText('Codages supprimés (tout leur texte disparaît)').waitFor();
    expect(await effect.textContent()).toContain(`« ${CODED_AFTER} »`);
    expect(await page.getByRole('button', { name: 'Enregistrer', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Annuler', exact: true }).click();
    await expect.poll(() => codedText(page)).toBe(CODED_AFTER);
  });

  it('takes a backup, then restores it after a change', async () => {
    const { page } = wb;
    const dialog = await openPrivacy(page, 'Sauvegardes');
    await dialog.getByText(/toutes les 10 minutes/).waitFor();
    // The interval is the project's own: it is in the backup too, so it survives the restore below.
    await dialog.getByLabel('Sauvegarde automatique toutes les (minutes)').fill('5');
    await dialog.getByRole('button', { name: 'Appliquer', exact: true }).click();
    await dialog.getByText(/sauvegardé toutes les 5 minutes tant qu’il change/).waitFor();
    await dialog.getByText(/puis toutes les 5 minutes/).waitFor();
    await dialog.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
    const done = dialog.getByRole('status').getByText(/Sauvegarde faite :/);
    const file = ((await done.textContent()) ?? '').replace(/^.*: /, '').trim();
    expect(file).toMatch(/^confidentiel-.*\.tresse$/);
    const backupRow = dialog.getByRole('row', { name: new RegExp(file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    await backupRow.waitFor();
    expect(await backupRow.textContent()).toMatch(/\d+(,\d)? Kio/);
    await wb.screenshot('privacy-05-backups');

    // A change after the backup: a second person in the table.
    await dialog.getByRole('tab', { name: 'Pseudonymes' }).click();
    await dialog.getByLabel('Nom réel à remplacer').fill('Paul Bernard');
    await dialog.getByLabel('Pseudonyme', { exact: true }).fill('Jean Petit');
    await dialog.getByRole('button', { name: 'Ajouter' }).click();
    // A person not applied yet can still be changed, from the keyboard.
    await dialog.getByRole('button', { name: 'Modifier « Jean Petit »' }).click();
    const editing = dialog.locator('tbody input[aria-label="Pseudonyme"]');
    await editing.fill('Jean Petitot');
    await editing.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.getByRole('row', { name: /Jean Petitot/ }).waitFor();

    await dialog.getByRole('tab', { name: 'Sauvegardes' }).click();
    await backupRow.getByRole('button', { name: /Restaurer la sauvegarde/ }).click();
    const confirm = dialog.getByRole('alertdialog');
    expect(await confirm.textContent()).toContain(`${projectPath}.before-restore`);
    await wb.screenshot('privacy-06-restore-confirm');
    await confirm.getByRole('button', { name: 'Restaurer cette sauvegarde' }).click();
    await dialog.getByText(/restaurée ; le projet a été rouvert/).waitFor();
    expect(await dialog.getByLabel('Sauvegarde automatique toutes les (minutes)').inputValue()).toBe('5');

    await dialog.getByRole('tab', { name: 'Pseudonymes' }).click();
    await dialog.getByRole('row', { name: /Louise Martin/ }).waitFor();
    expect(await dialog.getByRole('row', { name: /Jean Petit/ }).count()).toBe(0);
    expect(await dialog.getByText('Paul Bernard').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Fermer', exact: true }).last().click();
    expect(await page.getByTestId('project-path').textContent()).toBe(projectPath);
    await page.getByRole('option', { name: /entretien-P1-coordination/ }).click();
    await expect.poll(() => codedText(page)).toBe(CODED_AFTER);
  });

  it('deletes a backup, then all of them, each once confirmed; the project stays', async () => {
    const { page } = wb;
    const dialog = await openPrivacy(page, 'Sauvegardes');
    await dialog.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
    const done = dialog.getByRole('status').getByText(/Sauvegarde faite :/);
    const file = ((await done.textContent()) ?? '').replace(/^.*: /, '').trim();
    const row = dialog.getByRole('row', { name: new RegExp(file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    await row.waitFor();
    const rows = dialog.locator('tbody tr');
    const before = await rows.count();
    expect(before).toBeGreaterThan(1);

    await row.getByRole('button', { name: /Supprimer la sauvegarde du/ }).click();
    const confirm = dialog.getByRole('alertdialog');
    expect(await confirm.textContent()).toContain(file);
    expect(await confirm.textContent()).toContain('sans retour possible');
    await wb.screenshot('privacy-06b-delete-confirm');
    await confirm.getByRole('button', { name: 'Supprimer cette sauvegarde' }).click();
    await dialog
      .getByRole('status')
      .getByText(/^Sauvegarde du .* supprimée\.$/)
      .waitFor();
    await expect.poll(() => rows.count()).toBe(before - 1);
    expect(await row.count()).toBe(0);
    expect(existsSync(join(`${projectPath}.backups`, file))).toBe(false);

    await dialog.getByRole('button', { name: 'Supprimer toutes les sauvegardes' }).click();
    await dialog.getByRole('alertdialog').getByRole('button', { name: 'Oui, tout supprimer' }).click();
    await dialog.getByText('Aucune sauvegarde pour l’instant.').waitFor();
    await dialog.getByText(`${before - 1} sauvegarde(s) supprimée(s).`).waitFor();
    expect(readdirSync(`${projectPath}.backups`).filter((f) => f.endsWith('.tresse'))).toEqual([]);
    expect(await dialog.getByRole('button', { name: 'Supprimer toutes les sauvegardes' }).isDisabled()).toBe(true);
    await wb.screenshot('privacy-06c-backups-deleted');
    await dialog.getByRole('button', { name: 'Fermer', exact: true }).last().click();
    expect(await page.getByTestId('project-path').textContent()).toBe(projectPath);
  });

  it('says who holds a project already open in another program, and where the lock file is', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'Fermer le projet' }).click();
    // The start screen shows once the project is closed and its lock released, not at the click.
    await page.locator('#open-path').waitFor();
    const lock = acquireLock(projectPath);
    try {
      await page.locator('#open-path').fill(projectPath);
      await page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'déjà ouvert ailleurs' });
      await alert.waitFor();
      const message = (await alert.textContent()) ?? '';
      expect(message).toContain(`sur « ${hostname()} »`);
      expect(message).toContain(`${projectPath}.lock`);
      await wb.screenshot('privacy-07-locked');
    } finally {
      lock.release();
    }
    await page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
    await expect.poll(() => page.getByTestId('project-path').textContent()).toBe(projectPath);
  });
});
