// What a QA pass of the real interface found, on the demo project in the real browser: search
// operators and their help line, the attribute filter of the excerpts, the French CSV separator,
// a wrong number kept in its cell with the reason beside it, an error banner cleared by moving on,
// new codes in a free colour, pseudonym places named as the user knows them, and the keyboard kept
// inside the confidentiality dialog after "Back up now".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walk } from '../../codebooks/tree.ts';
import { loadGrid } from '../../codebooks/grids.ts';
import { createDemoProject } from '../../service/demo.ts';
import { chooseCode, startWorkbench, type Workbench } from './harness.ts';
import { dragSelect, openInWorkbench } from './steps.ts';

let wb: Workbench;

beforeAll(async () => {
  wb = await startWorkbench();
  const path = join(wb.dir, 'demo-qa.tresse');
  await createDemoProject(path);
  const { page } = wb;
  await openInWorkbench(page, path);
}, 180_000);
afterAll(async () => {
  await wb?.close();
});

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Vues' }).getByRole('button', { name: view }).click();
const banner = (page: Page) => page.locator('.workbench > .error-notice');
/** Where the keyboard is: inside the open dialog, on <body>, or elsewhere. */
const focusPlace = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'body';
    return active.closest('dialog, [role="dialog"]')
      ? `dialog:${active.textContent?.trim() || active.getAttribute('aria-label') || active.tagName}`
      : 'outside';
  });

describe('fixes from the QA pass', { timeout: 90_000 }, () => {
  it('searches with AND/OR and explains the query syntax under the search box', async () => {
    const { page } = wb;
    await goTo(page, 'Recherche');
    const box = page.getByRole('searchbox', { name: 'Mots recherchés' });
    const help = await box.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${help}"]`).textContent()).toMatch(
      /"secret partagé" : l’expression exacte · partag\* .* -bailleur : sans ce mot · secret OR confidentialité/,
    );
    await box.fill('secret AND partage');
    await page.getByRole('button', { name: 'Chercher' }).click();
    const count = page.locator('.search-view .result-count');
    await expect.poll(() => count.textContent()).toMatch(/^[1-9]\d* résultat\(s\)/);
    await wb.screenshot('qa-01-search-help');
  });

  it('offers the existing attribute values in Extraits and matches them whatever their case', async () => {
    const { page } = wb;
    await goTo(page, 'Extraits');
    const view = page.locator('.retrieval-view');
    await chooseCode(view.getByLabel('Code', { exact: true }), 'CL1');
    await view.getByLabel('Attribut du cas').selectOption('rôle');
    const value = view.getByLabel('Valeur(s), séparées par « ; »');
    const offered = await page
      .locator(`datalist[id="${await value.getAttribute('list')}"] option`)
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toContain('infirmier');
    const count = view.locator('.result-count');
    await expect.poll(() => count.textContent()).toMatch(/^[1-9]\d* extrait/);
    const unfiltered = await count.textContent();
    await value.fill('infirmier');
    await expect.poll(() => count.textContent()).not.toBe(unfiltered);
    const exact = await count.textContent();
    expect(exact).toMatch(/^[1-9]\d* extrait/);
    await value.fill('INFIRMIER');
    await expect.poll(() => count.textContent()).toBe(exact);
    await value.fill('');
  });

  it('exports a CSV that a French spreadsheet splits on ";"', async () => {
    const { page } = wb;
    await goTo(page, 'Analyse');
    await page.getByRole('tab', { name: 'Triangulation' }).click();
    const panel = page.locator('#analysis-panel-triangulation');
    await panel.locator('tr[data-row="CL"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'CSV' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    // The first column names whose codings the matrix counts, as the panel does.
    expect(text.slice(1, text.indexOf('\r\n')).split(';')).toEqual([
      'Thème / question (union de Camille, Léo)',
      'Documents',
      'Entretiens',
      'Observations',
      'Verdict',
      'Note',
    ]);
  });

  it('keeps a wrong number in its cell, marked invalid with the reason in French beside it', async () => {
    const { page } = wb;
    await goTo(page, 'Cas');
    const cell = page.getByLabel('ancienneté (ans) de P1');
    await cell.fill('dix ans');
    await cell.press('Enter');
    await expect.poll(() => cell.getAttribute('aria-invalid')).toBe('true');
    expect(await cell.inputValue()).toBe('dix ans');
    const reason = page.locator(`[id="${await cell.getAttribute('aria-describedby')}"]`);
    expect(await reason.textContent()).toContain('La valeur « dix ans » ne convient pas à l’attribut « ancienneté (ans) » (type nombre)');
    expect(await banner(page).count()).toBe(0);
    await reason.scrollIntoViewIfNeeded();
    await wb.screenshot('qa-02-invalid-cell');
    // Escape puts back the stored value and clears the mark.
    await cell.focus();
    await cell.press('Escape');
    await expect.poll(() => cell.getAttribute('aria-invalid')).toBe(null);
    expect(await cell.inputValue()).toBe('6');
  });

  it('clears an error banner when the user moves to another view', async () => {
    const { page } = wb;
    await page.getByLabel('Nouveau cas').fill('P1');
    await page.getByRole('button', { name: 'Ajouter le cas' }).click();
    await expect.poll(() => banner(page).textContent()).toContain('Un cas s’appelle déjà « P1 »');
    await goTo(page, 'Recherche');
    await expect.poll(() => banner(page).count()).toBe(0);
  });

  it('gives a code made from the picker, and a sub-code from the dialog, a colour no theme uses', async () => {
    const { page } = wb;
    const pa = page.getByRole('treeitem', { name: /^PA · Travail en partenariat/ });
    const swatch = async (name: RegExp) =>
      page
        .getByRole('treeitem', { name })
        .locator('.swatch')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    const rgbOf = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    const grid = loadGrid('six-themes');
    const gridColours = [...walk(grid)].map((w) => rgbOf(w.code.color));
    const paColour = await swatch(/^PA · Travail en partenariat/);
    expect(paColour).toBe(rgbOf(grid.find((t) => t.abbrev === 'PA')!.color));

    await page.locator('.source-option', { hasText: 'Entretien 2 — infirmier du CMP' }).click();
    await page
      .getByTestId('transcript-text')
      .getByText(/Tu peux me tutoyer/)
      .waitFor();
    await dragSelect(page, 'Tu peux me tutoyer, pas de souci.');
    await page.getByTestId('code-picker-input').fill('Tutoiement entre pairs');
    await page.getByRole('option', { name: 'Créer le code « Tutoiement entre pairs »' }).click();
    const made = /^Tutoiement entre pairs/;
    await page.getByRole('treeitem', { name: made }).waitFor();
    // A colour no code of the grid uses.
    expect(gridColours).not.toContain(await swatch(made));

    await pa.click();
    await page.getByRole('button', { name: 'Sous-code' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau code' });
    const shown = await dialog.getByLabel('Couleur').inputValue();
    expect(rgbOf(shown)).not.toBe(paColour);
    await dialog.getByLabel('Nom', { exact: true }).fill('Bailleurs sociaux');
    await wb.screenshot('qa-03-new-code-colour');
    await dialog.getByRole('button', { name: 'Ajouter' }).click();
    await page.getByRole('treeitem', { name: /^Bailleurs sociaux/ }).waitFor();
    const rgb = rgbOf(shown);
    expect(await swatch(/^Bailleurs sociaux/)).toBe(rgb);
    expect(rgb).not.toBe(paColour);
  });

  it('names the places of pseudonym matches by case, memo owner, speaker label and source', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'Confidentialité' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confidentialité et sauvegardes' });
    await dialog.getByLabel('Nom réel à remplacer').fill('Marc');
    await dialog.getByLabel('Pseudonyme', { exact: true }).fill('Paul');
    await dialog.getByRole('button', { name: 'Ajouter' }).click();
    await dialog.getByRole('button', { name: 'Prévisualiser' }).click();
    const places = dialog.getByLabel('Source ou champ');
    await expect.poll(() => places.locator('option').count()).toBeGreaterThan(2);
    const labels = await places.locator('option').allTextContents();
    expect(labels.filter((l) => /n° \d/.test(l))).toEqual([]);
    expect(labels).toContain('description de cas « P2 » (1)');
    expect(labels).toContainEqual(expect.stringMatching(/^locuteur « Marc » \(source « Entretien 2 — infirmier du CMP »\) \(\d+\)$/));
    expect(labels).toContainEqual(expect.stringMatching(/^mémo \(codage [A-Z]+\d* — .+, .+\) \(1\)$/));
    await places.selectOption({ label: 'description de cas « P2 » (1)' });
    await wb.screenshot('qa-04-pseudonym-places');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('keeps the keyboard in the dialog after "Back up now": Tab stays inside, Escape closes', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'Confidentialité' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confidentialité et sauvegardes' });
    await dialog.getByRole('tab', { name: 'Sauvegardes' }).click();
    await dialog.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
    await dialog
      .getByRole('status')
      .getByText(/Sauvegarde faite :/)
      .waitFor();
    await expect.poll(() => focusPlace(page)).toBe('dialog:Sauvegarder maintenant');
    await wb.screenshot('qa-05-backup-focus');
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await focusPlace(page)).toMatch(/^dialog:/);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });
});
