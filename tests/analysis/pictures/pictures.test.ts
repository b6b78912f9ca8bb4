import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { codebookUsage, computeMatrix, setRowVerdict } from '../../../service/analysis.ts';
import {
  codebookSunburst,
  cooccurrenceHeatmap,
  cooccurrenceNetwork,
  frequencyBars,
  heatmapSvg,
  triangulationHeatmap,
} from '../../../analysis/pictures/index.ts';
import { listCodes } from '../../../service/codebook.ts';
import { buildFixture } from '../matrix/fixture.ts';

/** Parses strictly: any XML error fails the test. */
function parse(svg: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ errorHandler: { warning: () => {}, error: (m) => errors.push(m), fatalError: (m) => errors.push(m) } }).parseFromString(
    svg,
    'image/svg+xml',
  );
  expect(errors).toEqual([]);
  // What is drawn, not the hatching and dot patterns defined once in <defs>.
  const all = (name: string) => Array.from(doc.getElementsByTagName(name)).filter((e) => (e.parentNode as Element).tagName !== 'pattern');
  return { doc, all, texts: all('text').map((t) => t.textContent ?? '') };
}

describe('pictures as standalone SVG', () => {
  it('draws the triangulation heatmap with silence hatched and marked ∅, and the verdicts written', () => {
    const { ctx } = buildFixture();
    setRowVerdict(ctx, {}, 'CL1', 'dissonance', '');
    const m = computeMatrix(ctx.db, { type: 'triangulation', rows: 'codes' });
    const { doc, all, texts } = parse(triangulationHeatmap(m));
    expect(doc.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(all('title')[0]!.textContent).toBe('Matrice de triangulation');
    const silent = m.rows.reduce((n, r) => n + r.cells.filter((c) => c.count === 0).length, 0);
    expect(all('rect').filter((r) => r.getAttribute('fill') === 'url(#hatch)')).toHaveLength(silent);
    expect(texts.filter((t) => t === '∅')).toHaveLength(silent);
    expect(texts).toContain('dissonance');
    expect(texts).toContain('silence : Documents');
    // Counts are written, not only shaded: CL1's three columns.
    expect(texts).toEqual(expect.arrayContaining(['2', '3']));
    expect(texts.some((t) => t.includes('∅ hachuré'))).toBe(true);
  });

  it('escapes labels and keeps grey levels ordered by count', () => {
    const svg = heatmapSvg({
      title: 'Essai <script>alert(1)</script> & "guillemets"',
      rowLabels: ['A <b>', 'B & C'],
      columnLabels: ['x', 'y'],
      values: [
        [0, 10],
        [5, null],
      ],
      legend: ['légende'],
    });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    const { all, texts } = parse(svg);
    expect(all('title')[0]!.textContent).toBe('Essai <script>alert(1)</script> & "guillemets"');
    expect(texts).toContain('A <b>');
    const fills = all('rect')
      .map((r) => r.getAttribute('fill')!)
      .filter((f) => /^#[0-9a-f]{6}$/.test(f) && f !== '#ffffff');
    const lum = (f: string) => parseInt(f.slice(1, 3), 16);
    // Drawn row by row: 0, 10, 5 (the unknown cell stays white). 0 → lightest, 5 → middle, 10 → darkest.
    const [zero, ten, five] = fills.map(lum);
    expect(zero!).toBeGreaterThan(five!);
    expect(five!).toBeGreaterThan(ten!);
  });

  it('draws the co-occurrence heatmap and a network laid out the same way every time', () => {
    const { ctx } = buildFixture();
    const m = computeMatrix(ctx.db, { type: 'cooccurrence', rows: 'codes' });
    parse(cooccurrenceHeatmap(m));
    const a = cooccurrenceNetwork(m);
    expect(cooccurrenceNetwork(m)).toBe(a);
    const { all, texts } = parse(a);
    // Three pairs (CL1–SC1, CL1–CL4, SC1–CL4) between three codes.
    expect(all('line')).toHaveLength(3);
    expect(all('circle')).toHaveLength(3);
    expect(texts).toEqual(expect.arrayContaining(['CL1', 'CL4', 'SC1']));
    for (const c of all('circle')) {
      expect(Number(c.getAttribute('cx'))).toBeGreaterThan(0);
      expect(Number(c.getAttribute('cx'))).toBeLessThan(820);
    }
  });

  it('draws frequency bars proportional to the counts, with the numbers written', () => {
    const { ctx } = buildFixture();
    const m = computeMatrix(ctx.db, { type: 'frequencies', rows: 'themes' });
    const { all, texts } = parse(frequencyBars(m));
    // One bar a theme, outlined; in the theme's own colour.
    const bars = all('rect').filter((r) => r.getAttribute('stroke') === '#222222');
    expect(bars).toHaveLength(6);
    expect(bars.map((b) => b.getAttribute('fill'))).toEqual(
      listCodes(ctx.db)
        .filter((c) => c.parentId === null)
        .map((c) => c.color),
    );
    const width = (i: number) => Number(bars[i]!.getAttribute('width'));
    const order = m.rows.map((r) => r.abbrev);
    // CL 10 codings, of which #1 #2 and #3 #9 overlap: 8 distinct passages; SC 2.
    expect(width(order.indexOf('CL')) / width(order.indexOf('SC'))).toBeCloseTo(4, 5);
    expect(width(order.indexOf('SM'))).toBe(0);
    expect(texts).toEqual(expect.arrayContaining(['8', '2', 'Nombre de passages codés (distincts)']));
  });

  it('draws the codebook as a sunburst sized by use', () => {
    const { ctx } = buildFixture();
    const { all, texts } = parse(codebookSunburst(codebookUsage(ctx.db)));
    // Used: CL (CL1 7, CL4 3) and SC (SC1 1, SC2 1): six slices; unused codes get none.
    expect(all('path')).toHaveLength(6);
    expect(texts).toContain('12');
    expect(texts).toContain('CL1 (7)');
  });
});
