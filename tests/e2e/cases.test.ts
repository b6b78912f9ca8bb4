// The cases table as a researcher fills it in Chromium: six attributes at 1366x768 scroll sideways
// with the case's name kept in view and the linked sources reachable; an attribute renamed,
// retyped after a preview of the values it would clear, and deleted; a new attribute's type
// chosen each time, never copied from the previous one.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAttribute, setAttributeValues } from '../../service/attributes.ts';
import { createCase, linkSource } from '../../service/cases.ts';
import { closeProject, createProject } from '../../service/project.ts';
import { addText } from '../helpers/project.ts';
import { startWorkbench, type Workbench } from './harness.ts';
import { openInWorkbench } from './steps.ts';

let wb: Workbench;

const ATTRIBUTES: Array<[string, 'text' | 'number' | 'date' | 'boolean', string[]]> = [
  ['rôle', 'text', ['Coordinatrice du conseil local de santé mentale', 'Infirmière de secteur psychiatrique']],
  ['structure', 'text', ['Mairie – service hygiène et santé', 'Centre médico-psychologique adultes']],
  ['secteur', 'text', ['municipal', 'santé']],
  ['ancienneté', 'text', ['12', 'dix ans']],
  ['première ligne', 'boolean', ['oui', 'non']],
  ['date de l’entretien', 'date', ['2026-03-12', '2026-04-02']],
];

beforeAll(async () => {
  wb = await startWorkbench();
  const path = join(wb.dir, 'cas.tresse');
  const ctx = createProject(path, { grid: 'six-themes', coder: 'Camille' });
  try {
    const cases = ['P1 – coordinatrice CLSM', 'P2 – infirmière CMP'].map((name) => createCase(ctx, { name }));
    for (const [name, type, values] of ATTRIBUTES) {
      defineAttribute(ctx, { name, type });
      values.forEach((v, i) => setAttributeValues(ctx, { caseId: cases[i]!.id }, name, [v]));
    }
    const source = addText(ctx, 'Entretien P1 – coordinatrice du conseil local', 'Le secret partagé protège les personnes.', 'interview');
    linkSource(ctx, cases[0]!.id, source.id);
  } finally {
    closeProject(ctx);
  }
  await wb.page.setViewportSize({ width: 1366, height: 768 });
  await openInWorkbench(wb.page, path);
  await wb.page.getByRole('navigation', { name: 'Vues' }).getByRole('button', { name: 'Cas', exact: true }).click();
}, 180_000);
afterAll(async () => {
  await wb?.close();
});

/** The part of an element the user sees inside the table's scrolling frame, in pixels. */
const visibleWidth = (page: Page, name: string) =>
  page.getByRole('rowheader', { name }).evaluate((cell) => {
    const frame = cell.closest('.table-scroll')!.getBoundingClientRect();
    const box = cell.getBoundingClientRect();
    return Math.min(box.right, frame.right) - Math.max(box.left, frame.left);
  });

describe('the cases table', { timeout: 90_000 }, () => {
  it('scrolls sideways with six attributes, keeping the case’s name in view and the linked sources reachable', async () => {
    const { page } = wb;
    const frame = page.locator('.cases-view .table-scroll');
    const sizes = await frame.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, page: document.documentElement.scrollWidth }));
    // Wider than the window: it scrolls inside its frame, not the whole page.
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    expect(sizes.page).toBeLessThanOrEqual(1366);
    const nameWidth = await visibleWidth(page, 'P1 – coordinatrice CLSM');
    expect(nameWidth).toBeGreaterThan(60);
    await wb.screenshot('cases-1366-left');

    await frame.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    // The first column has not moved out with the rest.
    expect(await visibleWidth(page, 'P1 – coordinatrice CLSM')).toBe(nameWidth);
    const sources = page.getByRole('columnheader', { name: 'Sources liées' });
    const inView = await sources.evaluate((cell) => {
      const f = cell.closest('.table-scroll')!.getBoundingClientRect();
      const b = cell.getBoundingClientRect();
      return b.left >= f.left && b.right <= f.right + 1;
    });
    expect(inView).toBe(true);
    await page.getByRole('button', { name: 'Délier « Entretien P1 – coordinatrice du conseil local » de P1 – coordinatrice CLSM' }).waitFor();
    // A long value can be read whole.
    expect(await page.getByLabel('structure de P2 – infirmière CMP').getAttribute('title')).toBe('Centre médico-psychologique adultes');
    await wb.screenshot('cases-1366-right');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await wb.screenshot('cases-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('renames an attribute, keeping its values', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'Renommer, changer le type ou supprimer « secteur »' }).click();
    const dialog = page.getByRole('dialog', { name: 'Attribut « secteur »' });
    await dialog.getByLabel('Nom', { exact: true }).fill('secteur d’activité');
    await dialog.getByRole('button', { name: 'Renommer' }).click();
    await page.getByRole('status').getByText('Attribut « secteur » renommé « secteur d’activité ».').waitFor();
    expect(await dialog.count()).toBe(0);
    expect(await page.getByLabel('secteur d’activité de P2 – infirmière CMP').inputValue()).toBe('santé');
  });

  it('retypes an attribute after showing the values it would clear', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'Renommer, changer le type ou supprimer « ancienneté »' }).click();
    const dialog = page.getByRole('dialog', { name: 'Attribut « ancienneté »' });
    await dialog.getByLabel('Type', { exact: true }).selectOption({ label: 'nombre' });
    const lost = dialog.getByRole('list', { name: 'Valeurs qui seront effacées' });
    await lost.waitFor();
    expect(await lost.getByRole('listitem').allTextContents()).toEqual(['P2 – infirmière CMP : « dix ans »']);
    await wb.screenshot('cases-retype-preview');
    await dialog.getByRole('button', { name: 'Changer le type et effacer 1 valeur(s)' }).click();
    await page.getByRole('status').getByText('Attribut « ancienneté » passé au type nombre ; 1 valeur(s) effacée(s).').waitFor();
    expect(await page.getByRole('columnheader', { name: /ancienneté \(nombre\)/ }).count()).toBe(1);
    expect(await page.getByLabel('ancienneté de P1 – coordinatrice CLSM').inputValue()).toBe('12');
    expect(await page.getByLabel('ancienneté de P2 – infirmière CMP').inputValue()).toBe('');
  });

  it('deletes an attribute after saying what goes with it', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'Renommer, changer le type ou supprimer « structure »' }).click();
    const dialog = page.getByRole('dialog', { name: 'Attribut « structure »' });
    await dialog.getByRole('button', { name: 'Supprimer l’attribut…' }).click();
    await dialog.getByText(/2 cas renseigné\(s\)/).waitFor();
    await dialog.getByRole('button', { name: 'Supprimer', exact: true }).click();
    await page.getByRole('status').getByText('Attribut « structure » supprimé.').waitFor();
    expect(await page.getByRole('columnheader', { name: /^structure/ }).count()).toBe(0);
  });

  it('asks for the type of each new attribute instead of copying the previous one', async () => {
    const { page } = wb;
    const type = page.getByRole('form', { name: 'Ajouter l’attribut' }).getByLabel('Type', { exact: true });
    await page.getByLabel('Nouvel attribut').fill('formation en santé mentale');
    expect(await page.getByRole('button', { name: 'Ajouter l’attribut' }).isDisabled()).toBe(true);
    await type.selectOption({ label: 'oui/non' });
    await page.getByRole('button', { name: 'Ajouter l’attribut' }).click();
    await page.getByRole('columnheader', { name: /formation en santé mentale \(oui\/non\)/ }).waitFor();
    expect(await type.inputValue()).toBe('');
    await page.getByLabel('Nouvel attribut').fill('lieu');
    expect(await page.getByRole('button', { name: 'Ajouter l’attribut' }).isDisabled()).toBe(true);
  });
});
