// Quotations in the interface, in a real browser against the browser-mode server: an excerpt of an
// imported transcript shows its citation (source, speaker, paragraph, timestamp), and the citation
// format set under the exports (a wrong placeholder named as it is typed) changes it everywhere.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../service/workspace.ts';
import { apiOf, contextOf } from '../helpers/contract.ts';
import { chooseCode, startWorkbench, type Workbench } from './harness.ts';
import { openInWorkbench } from './steps.ts';

const TRANSCRIPT = [
  '[00:07:00] Enquêtrice : Et le secret partagé ?',
  '[00:08:55] Coordinatrice : Le secret, on fait avec ce qu’on a.',
  '[00:09:30] Enquêtrice : Merci.',
].join('\n');

let wb: Workbench;

beforeAll(async () => {
  wb = await startWorkbench();
  const path = join(wb.dir, 'these.tresse');
  const ws = new Workspace({ configDir: join(wb.dir, 'setup'), lang: 'fr', autoBackup: false });
  try {
    const api = apiOf(contextOf(ws));
    await api.createProject({ path, grid: 'six-themes', coder: 'Camille' });
    const e8 = await api.createCase({ name: 'E8' });
    const { source } = await api.importSource({ fileName: 'E8.txt', bytes: new TextEncoder().encode(TRANSCRIPT), kind: 'interview', caseIds: [e8.id] });
    const range = await api.locatePassage({ sourceId: source.id, text: 'Le secret, on fait avec ce qu’on a.' });
    await api.addCoding({ sourceId: source.id, codeId: (await api.findCode({ ref: 'CL1' })).id, ...range });
  } finally {
    ws.close();
  }
  await openInWorkbench(wb.page, path);
}, 180_000);
afterAll(async () => {
  await wb?.close();
});

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Vues' }).getByRole('button', { name: view }).click();

async function citationShown(page: Page): Promise<string | null> {
  await goTo(page, 'Extraits');
  const view = page.locator('.retrieval-view');
  await chooseCode(view.getByLabel('Code', { exact: true }), 'CL1');
  const cite = view
    .getByRole('list', { name: /Extraits/ })
    .getByRole('listitem')
    .first()
    .locator('cite');
  await cite.waitFor();
  return cite.textContent();
}

describe('quotations in the interface', { timeout: 90_000 }, () => {
  it('shows an excerpt’s citation in the project’s format, never its code points', async () => {
    const { page } = wb;
    expect(await citationShown(page)).toBe('E8, Coordinatrice, § 2, 00:08:55');
    await expect.poll(() => page.locator('.retrieval-view').textContent()).not.toMatch(/car\. \d+–\d+/);
  });

  it('sets the citation format under the exports, naming a wrong placeholder as it is typed', async () => {
    const { page } = wb;
    await goTo(page, 'Analyse');
    await page.getByRole('tab', { name: 'Triangulation' }).click();
    const form = page.locator('#analysis-panel-triangulation details.citation-format');
    await form.locator('summary').click();
    const field = form.getByLabel('Format', { exact: true });
    await expect.poll(() => field.inputValue()).toBe('{source}, {case}, {speaker}, § {paragraph}, {time}');
    await field.fill('{source}, {locuteur}');
    await expect.poll(() => form.locator('.citation-example').textContent()).toContain('Élément inconnu dans le format des citations : {locuteur}');
    await field.fill('{speaker}, {time}');
    await expect.poll(() => form.locator('.citation-example').textContent()).toBe('Exemple : « … » (coordinatrice, 00:08:55)');
    await form.getByRole('button', { name: 'Enregistrer le format' }).click();
    await form.getByText('Format des citations enregistré.').waitFor();
    await wb.screenshot('quotes-01-citation-format');
    expect(await citationShown(page)).toBe('Coordinatrice, 00:08:55');
  });
});
