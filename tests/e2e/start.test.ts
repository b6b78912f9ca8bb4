// The start screen in the browser mode, where there is no file dialog: a project typed as a bare
// name is shown with its full path before anything is written, created there with .tresse, and a
// second project of the same name is refused rather than replacing the first.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkbench, type Workbench } from './harness.ts';

let wb: Workbench;
let documents: string;
beforeAll(async () => {
  wb = await startWorkbench();
  // The documents folder comes from the throwaway configuration folder, never the real home.
  documents = join(wb.dir, 'Documents');
  mkdirSync(documents);
  mkdirSync(join(wb.dir, 'config'), { recursive: true });
  writeFileSync(join(wb.dir, 'config', 'folders.json'), JSON.stringify({ documents }));
}, 120_000);
afterAll(async () => {
  await wb?.close();
});

describe('a new project typed as a name in the browser mode', { timeout: 60_000 }, () => {
  it('shows where it will go as the name is typed, then creates it there with .tresse', async () => {
    const { page } = wb;
    await page.getByRole('heading', { name: 'Nouveau projet' }).waitFor();
    const field = page.getByRole('form', { name: 'Nouveau projet' }).getByLabel('Fichier du projet');
    const target = page.getByTestId('create-path-target');

    await field.pressSequentially('mem');
    await expect.poll(() => target.textContent()).toBe(`Le projet sera créé ici : ${join(documents, 'mem.tresse')}`);
    await field.pressSequentially('oire');
    await expect.poll(() => target.textContent()).toBe(`Le projet sera créé ici : ${join(documents, 'memoire.tresse')}`);
    expect(existsSync(join(documents, 'memoire.tresse'))).toBe(false);
    await wb.screenshot('start-01-target-path');

    await page.getByRole('radio', { name: /six thèmes/ }).check();
    await page.getByLabel('Votre nom de codeur ou codeuse').fill('Camille');
    await page.getByRole('button', { name: 'Créer le projet' }).click();
    await expect.poll(() => page.getByTestId('project-path').textContent()).toBe(join(documents, 'memoire.tresse'));
    expect(existsSync(join(documents, 'memoire.tresse'))).toBe(true);
    expect(existsSync(join(documents, 'memoire'))).toBe(false);
    expect(existsSync(join(process.cwd(), 'memoire'))).toBe(false);
  });

  it('refuses the same name again, saying a file is already there', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'Fermer le projet' }).click();
    await page.getByRole('heading', { name: 'Nouveau projet' }).waitFor();
    await page.getByRole('form', { name: 'Nouveau projet' }).getByLabel('Fichier du projet').fill('memoire');
    const target = page.getByTestId('create-path-target');
    await expect.poll(() => target.textContent()).toContain(`Un fichier existe déjà à cet endroit : ${join(documents, 'memoire.tresse')}`);
    expect(await page.getByRole('button', { name: 'Créer le projet' }).isDisabled()).toBe(true);
    await wb.screenshot('start-02-exists');
  });
});
