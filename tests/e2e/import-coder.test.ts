// Import per file, the coder's name and the matrix header, in the real browser: a batch of two
// files each arrives with its guessed kind, a name and a case the user sets before importing; a
// project is never created without a coder's name, and a person opening a project for the first
// time on this machine is asked who is coding; in English the matrix says "Interviews", and no
// header is cut inside a word at 1366x768 or 1920x1080.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoProject } from '../../service/demo.ts';
import { startWorkbench, type Workbench } from './harness.ts';

let wb: Workbench;
beforeAll(async () => {
  wb = await startWorkbench();
}, 180_000);
afterAll(async () => {
  await wb?.close();
});

const INTERVIEW = `Enquêtrice : Depuis quand participez-vous à la cellule de cas complexes ?
Mme K. : Depuis sa création. Au début je venais surtout pour les expulsions.
Enquêtrice : Et aujourd'hui ?
Mme K. : Je viens pour comprendre, et pour que les voisins soient entendus.
Enquêtrice : Qu'est-ce qui a changé pour vous ?
Mme K. : Je sais qui appeler, le secret partagé ne me fait plus peur.
`;

const NOTEBOOK = `Carnet de bord

4 mars 2024 — Premier échange avec la coordinatrice du CLSM.

11 mars 2024 — Réunion de la cellule, j'observe depuis le fond de la salle.

19 mars 2024 — Relance du bailleur, pas de réponse.
`;

/** Bytes as a Windows-1252 file holds them (every character here is in Latin-1). */
const cp1252 = (s: string) => Buffer.from(s, 'latin1');

/** The words of an element's text that the layout split over two lines. */
async function wordsCutIn(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((cells) => {
    const cut: string[] = [];
    for (const cell of cells) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/[\p{L}\p{N}’'-]+/gu)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) cut.push(m[0]);
        }
      }
    }
    return cut;
  });
}

describe('import per file, the coder’s name, the matrix header', { timeout: 120_000 }, () => {
  it('refuses to create a project without a coder’s name, saying why, and creates it once a name is given', async () => {
    const { page } = wb;
    const path = join(wb.dir, 'etude.tresse');
    await page.locator('#create-path').fill(path);
    await page.getByRole('radio', { name: /six thèmes/ }).check();
    const coder = page.getByLabel('Votre nom de codeur ou codeuse');
    expect(await coder.inputValue()).toBe('');
    await page.getByRole('button', { name: 'Créer le projet' }).click();
    await page.getByText(/Indiquez votre nom de codeur ou codeuse/).waitFor();
    expect(existsSync(path)).toBe(false);
    await coder.fill('Camille');
    await page.getByRole('button', { name: 'Créer le projet' }).click();
    await page.getByTestId('project-path').waitFor();
    expect(existsSync(path)).toBe(true);
    // Who created it said who codes: nothing is asked.
    expect(await page.getByRole('dialog', { name: 'Qui code dans ce projet ?' }).count()).toBe(0);
  });

  it('imports two files at once, each with its guessed kind, its own name and its own case', async () => {
    const { page } = wb;
    await page.getByTestId('import-input').setInputFiles([
      { name: 'E8-partenord.cp1252.txt', mimeType: 'text/plain', buffer: cp1252(INTERVIEW) },
      { name: 'notes-terrain.txt', mimeType: 'text/plain', buffer: Buffer.from(NOTEBOOK) },
    ]);
    const dialog = page.getByRole('dialog');
    const kindOf = (file: string) => dialog.getByLabel(`Type de source — ${file}`);
    const nameOf = (file: string) => dialog.getByLabel(`Nom de la source — ${file}`);
    const caseOf = (file: string) => dialog.getByLabel(`Cas (participant) — ${file}`);
    await dialog.getByRole('button', { name: 'Importer', exact: true }).and(page.locator(':enabled')).waitFor();
    expect(await kindOf('E8-partenord.cp1252.txt').inputValue()).toBe('interview');
    expect(await kindOf('notes-terrain.txt').inputValue()).toBe('notebook');
    expect(await nameOf('E8-partenord.cp1252.txt').inputValue()).toBe('E8-partenord');
    expect(await nameOf('notes-terrain.txt').inputValue()).toBe('notes-terrain');
    await wb.screenshot('import-coder-01-rows');

    await nameOf('E8-partenord.cp1252.txt').fill('Entretien Mme K. (bailleur)');
    await caseOf('E8-partenord.cp1252.txt').selectOption({ label: 'Nouveau cas…' });
    await dialog.getByLabel('Nom du nouveau cas — E8-partenord.cp1252.txt').fill('Mme K.');
    await caseOf('notes-terrain.txt').selectOption({ label: 'Nouveau cas…' });
    await dialog.getByLabel('Nom du nouveau cas — notes-terrain.txt').fill('Chercheuse');
    await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
    await dialog.getByText('Importé comme « Entretien Mme K. (bailleur) ».').waitFor();
    await dialog.getByText('Importé comme « notes-terrain ».').waitFor();
    await dialog.getByRole('button', { name: 'Fermer' }).click();

    const list = page.getByRole('listbox', { name: 'Sources' });
    const interviews = list.getByRole('group', { name: /Entretiens/ });
    const notebooks = list.getByRole('group', { name: /Carnet/ });
    await interviews.getByRole('option', { name: /Entretien Mme K\. \(bailleur\)/ }).waitFor();
    expect(await interviews.getByRole('option').first().textContent()).toContain('Mme K.');
    expect(await notebooks.getByRole('option').first().textContent()).toContain('notes-terrain');
    expect(await notebooks.getByRole('option').first().textContent()).toContain('Chercheuse');
    await wb.screenshot('import-coder-02-sources');
  });

  it('asks who is coding when a person opens a project for the first time here, offering its coders and a new name', async () => {
    const { page } = wb;
    const path = join(wb.dir, 'demo-coder.tresse');
    await createDemoProject(path);
    await page.getByRole('button', { name: 'Fermer le projet' }).first().click();
    await page.locator('#open-path').fill(path);
    await page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
    const ask = page.getByRole('dialog', { name: 'Qui code dans ce projet ?' });
    await ask.waitFor();
    expect(await ask.getByRole('radio').count()).toBeGreaterThan(2);
    await ask.getByRole('radio', { name: /a codé en dernier/ }).waitFor();
    // An empty new name is refused with the service's words.
    await ask.getByRole('button', { name: 'Coder sous ce nom' }).click();
    await ask
      .getByRole('alert')
      .getByText(/Indiquez votre nom de codeur ou codeuse/)
      .waitFor();
    await ask.getByLabel('Votre nom de codeur ou codeuse').fill('Yanis');
    await wb.screenshot('import-coder-03-who-codes');
    await ask.getByRole('button', { name: 'Coder sous ce nom' }).click();
    await ask.waitFor({ state: 'hidden' });
    // The next opening from this machine is Yanis's without asking.
    await page.reload();
    await page.getByTestId('project-path').waitFor();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    expect(await ask.count()).toBe(0);
  });

  it('in English, the matrix columns say Interviews and no header is cut inside a word, at 1366x768 and 1920x1080', async () => {
    const { page } = wb;
    await page.getByRole('group', { name: 'Langue de l’interface' }).getByRole('button', { name: 'EN' }).click();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Analysis' }).click();
    await page.getByRole('tab', { name: 'Triangulation' }).click();
    const head = '#analysis-panel-triangulation thead th';
    await page.locator(`${head}`, { hasText: 'Interviews' }).waitFor();
    const headers = await page.locator(head).allTextContents();
    expect(headers.some((h) => h.startsWith('Interviews'))).toBe(true);
    expect(headers.join(' ')).not.toContain('Entretiens');
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))));
      expect(await wordsCutIn(page, head), `${width}x${height}`).toEqual([]);
      const style = await page
        .locator(head)
        .nth(1)
        .evaluate((th) => {
          const s = getComputedStyle(th);
          return [s.overflowWrap, s.wordBreak, s.hyphens];
        });
      expect(style).toEqual(['normal', 'normal', 'manual']);
      await wb.screenshot(`import-coder-04-matrix-en-${width}x${height}`);
    }
  });
});
