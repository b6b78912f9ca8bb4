// The pictures in the real browser, on the demo project: drawn in the codes' colours (not grey),
// and the co-occurrence network thinned by its threshold control.
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoProject } from '../../service/demo.ts';
import { listCodes } from '../../service/codebook.ts';
import { closeProject, openProject } from '../../service/project.ts';
import { startWorkbench, type Workbench } from './harness.ts';
import { openInWorkbench } from './steps.ts';

let wb: Workbench;
/** The demo codebook's colours, as the project holds them. */
let codeColors: Set<string>;

beforeAll(async () => {
  wb = await startWorkbench();
  const path = join(wb.dir, 'demo-images.tresse');
  await createDemoProject(path);
  const ctx = openProject(path);
  try {
    codeColors = new Set(listCodes(ctx.db).map((c) => c.color));
  } finally {
    closeProject(ctx);
  }
  await openInWorkbench(wb.page, path);
  await wb.page.getByRole('navigation', { name: 'Vues' }).getByRole('button', { name: 'Analyse' }).click();
}, 180_000);
afterAll(async () => {
  await wb?.close();
});

/** The SVG text an <img> of the gallery shows. */
async function svgOf(img: Locator): Promise<string> {
  const src = (await img.getAttribute('src')) ?? '';
  expect(src).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
  return decodeURIComponent(src.slice(src.indexOf(',') + 1));
}

const fills = (svg: string) => [...svg.matchAll(/<(?:rect|circle|path)\b[^>]*\bfill="(#[0-9a-f]{6})"/g)].map((m) => m[1]!);
const isGrey = (hex: string) => hex.slice(1, 3) === hex.slice(3, 5) && hex.slice(3, 5) === hex.slice(5, 7);
/** The network's code circles (not the dots of the patterns). */
const nodes = (svg: string) => (svg.match(/<circle[^>]*stroke-width="1.50"/g) ?? []).length;

describe('the pictures of the demo project', { timeout: 90_000 }, () => {
  it('shows the frequencies and the codebook in the codes’ own colours, not grey', async () => {
    const { page } = wb;
    await page.getByRole('tab', { name: 'Fréquences' }).click();
    const panel = page.locator('#analysis-panel-frequencies');
    await panel.locator('table').waitFor();
    await panel.getByRole('button', { name: 'Images' }).click();
    for (const name of ['Fréquences des codes', 'Livre de codes, taille selon l’usage']) {
      const img = panel.getByRole('img', { name });
      await img.waitFor();
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(100);
      const colours = fills(await svgOf(img)).filter((f) => f !== '#ffffff');
      expect(
        colours.some((f) => !isGrey(f)),
        name,
      ).toBe(true);
      expect(colours.filter((f) => codeColors.has(f)).length, name).toBeGreaterThan(10);
    }
    await wb.screenshot('pictures-01-frequencies');
  });

  it('thins the co-occurrence network with its threshold control', async () => {
    const { page } = wb;
    await page.getByRole('tab', { name: 'Cooccurrences' }).click();
    const panel = page.locator('#analysis-panel-cooccurrence');
    await panel.locator('table').waitFor();
    await panel.getByRole('button', { name: 'Images' }).click();
    const network = panel.getByRole('img', { name: 'Réseau des cooccurrences' });
    await network.waitFor();
    const every = await svgOf(network);
    // The demo's one pair, DI1–DI2, seen once: two circles in the codes' colours.
    expect(nodes(every)).toBe(2);
    expect(fills(every).filter((f) => codeColors.has(f))).toHaveLength(2);
    const heatmap = await svgOf(panel.getByRole('img', { name: 'Cooccurrences des codes' }));
    expect(heatmap).toContain('Seuls les 2 codes sur 31');
    await wb.screenshot('pictures-02-cooccurrence');

    const threshold = panel.getByLabel('Paires vues au moins (fois)');
    await threshold.scrollIntoViewIfNeeded();
    await wb.screenshot('pictures-03-network-threshold');
    await threshold.fill('2');
    await expect.poll(async () => nodes(await svgOf(network))).toBe(0);
    expect(await svgOf(network)).toContain('Aucune paire de codes n’atteint 2 cooccurrences.');
    await threshold.fill('1');
    await expect.poll(async () => nodes(await svgOf(network))).toBe(2);
  });
});
