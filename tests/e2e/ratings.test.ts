// Agreement between coders' ratings, end to end in a real browser against the browser-mode server:
// a project whose case attributes hold Krippendorff's (2011) example C (four coders rate 12 units,
// missing ratings absent), the Team panel's "Accord sur des notes" tab, the published alphas.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAttribute, setAttributeValues } from '../../service/attributes.ts';
import { createCase } from '../../service/cases.ts';
import { closeProject, createProject } from '../../service/project.ts';
import { startWorkbench, type Workbench } from './harness.ts';
import { openInWorkbench } from './steps.ts';
import { OBSERVERS } from '../helpers/krippendorff-2011-c.ts';

let wb: Workbench;

beforeAll(async () => {
  wb = await startWorkbench();
  const path = join(wb.dir, 'notes.tresse');
  const ctx = createProject(path, { grid: 'empty', coder: 'Alice' });
  const ids = Array.from({ length: 12 }, (_, u) => createCase(ctx, { name: `U${u + 1}` }).id);
  for (const [name, values] of Object.entries(OBSERVERS)) {
    defineAttribute(ctx, { name, type: 'number' });
    values.forEach((v, u) => v !== null && setAttributeValues(ctx, { caseId: ids[u]! }, name, [v]));
  }
  closeProject(ctx);
  await openInWorkbench(wb.page, path);
  await wb.page.getByRole('button', { name: 'Équipe', exact: true }).click();
}, 120_000);
afterAll(async () => {
  await wb?.close();
});

describe('rating agreement in the Team panel', { timeout: 90_000 }, () => {
  it('gives the published ordinal and interval alphas with their interval and what they count', async () => {
    const { page } = wb;
    await page.getByRole('tab', { name: 'Accord sur des notes' }).click();
    const attributes = page.getByRole('group', { name: /Attributs comparés/ });
    for (const name of Object.keys(OBSERVERS)) await attributes.getByRole('checkbox', { name }).check();
    await page.getByRole('radio', { name: /Ordinal/ }).check();
    await page.getByRole('button', { name: 'Calculer l’alpha' }).click();
    const result = page.getByTestId('rating-agreement');
    await result.getByText(/Alpha de Krippendorff ordinal : 0,815 \(IC 95 % bootstrap/).waitFor();
    expect(await result.textContent()).toContain('12 cas, dont 11 notés par au moins deux codeurs ; 40 valeurs appariables');
    await wb.screenshot('team-ratings');

    await page.getByRole('radio', { name: /Intervalle/ }).check();
    await page.getByRole('button', { name: 'Calculer l’alpha' }).click();
    await result.getByText(/Alpha de Krippendorff d’intervalle : 0,849/).waitFor();
  });
});
