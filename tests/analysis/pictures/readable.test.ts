// The pictures in the codes' colours and readable at print size: the co-occurrence of a 33-code grid
// shows only the 8 codes that co-occur, no label is too small for an A4 page, none overlaps another
// or is cut off without its whole name kept.
import { describe, expect, it } from 'vitest';
import { codebookUsage, computeMatrix } from '../../../service/analysis.ts';
import { listCodes } from '../../../service/codebook.ts';
import { contrast, luminance } from '../../../analysis/pictures/colors.ts';
import { cooccurrenceHeatmap, cooccurrenceNetwork, frequencyBars, picturesFor } from '../../../analysis/pictures/index.ts';
import { svgToPng } from '../../../analysis/pictures/png.ts';
import { MIN_FONT } from '../../../analysis/pictures/svg.ts';
import type { ProjectContext } from '../../../service/context.ts';
import type { Matrix } from '../../../analysis/matrix/types.ts';
import { buildFixture } from '../matrix/fixture.ts';
import { COOCCURRING, LONG_NAME, PAIRS, buildDenseProject } from './dense-fixture.ts';
import { overlapping, parseSvg, pointsAtA4 } from './svg-inspect.ts';

const colorOf = (ctx: ProjectContext) => new Map(listCodes(ctx.db).map((c) => [c.abbrev ?? c.name, c.color]));
const isGrey = (hex: string) => hex.slice(1, 3) === hex.slice(3, 5) && hex.slice(3, 5) === hex.slice(5, 7);

function everyPicture(ctx: ProjectContext) {
  return (['triangulation', 'cooccurrence', 'frequencies', 'code-source'] as const).flatMap((type) => {
    const m = computeMatrix(ctx.db, { type, rows: 'codes', excerptIds: false });
    return picturesFor(m, 'fr', type === 'frequencies' ? codebookUsage(ctx.db, m.filter) : undefined).map((p) => ({ ...p, name: `${type} ${p.name}` }));
  });
}

describe('the co-occurrence of a 33-code grid where 8 codes co-occur', () => {
  // Projects close after each test: each builds its own.
  const matrix = () => {
    const ctx = buildDenseProject();
    return { ctx, m: computeMatrix(ctx.db, { type: 'cooccurrence', rows: 'codes', excerptIds: false }) };
  };

  it('is a heatmap of the 8 codes only, clustered, in their colours, with empty pairs left blank', () => {
    const { ctx, m } = matrix();
    expect(m.rows).toHaveLength(33);
    const { all, texts } = parseSvg(cooccurrenceHeatmap(m));
    const rowLabels = texts.filter((t) => t.cls === 'label' && t.angle === 0);
    const names = (t: { text: string; title: string | null }) => (t.title ?? t.text).split(' ')[0]!;
    const labels = texts.filter((t) => t.cls === 'label');
    // Eight rows and the same eight columns.
    expect(labels).toHaveLength(16);
    expect(new Set(labels.map(names))).toEqual(new Set(COOCCURRING));
    // The rows in clustered order: SM1, SM2 and SC1 (which share sentence 1) together, so do PA1 and PA2.
    const order = rowLabels.sort((a, b) => a.y0 - b.y0).map(names);
    const apart = (group: string[]) => Math.max(...group.map((c) => order.indexOf(c))) - Math.min(...group.map((c) => order.indexOf(c)));
    expect(apart(['SM1', 'SM2', 'SC1'])).toBe(2);
    expect(apart(['CL1', 'CL2', 'LONG'])).toBe(2);
    expect(apart(['PA1', 'PA2'])).toBe(1);
    // Each pair written twice (both halves of the matrix), and nothing else: no zeros.
    const counts = texts.filter((t) => t.cls === 'count').map((t) => Number(t.text));
    expect(counts.sort()).toEqual(PAIRS.flatMap(([, , n]) => [n, n]).sort());
    // The swatches beside the labels are the codes' own colours.
    const colors = colorOf(ctx);
    const fills = new Set(all('rect').map((r) => r.getAttribute('fill')!));
    for (const c of COOCCURRING) expect(fills).toContain(colors.get(c));
  });

  it('keeps a name too long for its label whole in a <title>', () => {
    const { m } = matrix();
    const { texts } = parseSvg(cooccurrenceHeatmap(m));
    const long = texts.find((t) => t.title === `LONG ${LONG_NAME}`);
    expect(long).toBeDefined();
    expect(long!.text.endsWith('…')).toBe(true);
    expect(LONG_NAME.startsWith(long!.text.slice(5, -1))).toBe(true);
  });

  it('is a network of the 8 codes in their colours, thinned by a threshold', () => {
    const { ctx, m } = matrix();
    const colors = colorOf(ctx);
    const every = parseSvg(cooccurrenceNetwork(m));
    expect(every.all('circle')).toHaveLength(8);
    expect(new Set(every.all('circle').map((c) => c.getAttribute('fill')))).toEqual(new Set(COOCCURRING.map((c) => colors.get(c))));
    expect(every.all('line')).toHaveLength(PAIRS.length);

    // From 2 on: SM1–SM2 and CL1–LONG only.
    const strong = parseSvg(cooccurrenceNetwork(m, 'fr', { minCount: 2 }));
    expect(strong.all('line')).toHaveLength(PAIRS.filter(([, , n]) => n >= 2).length);
    expect(new Set(strong.texts.filter((t) => t.cls === 'label').map((t) => t.text))).toEqual(new Set(['SM1', 'SM2', 'CL1', 'LONG']));
    expect(strong.texts.map((t) => t.text)).toContain('Traits à partir de 2 cooccurrences : 4 codes sur 33');

    const none = parseSvg(cooccurrenceNetwork(m, 'en', { minCount: 3 }));
    expect(none.all('circle')).toHaveLength(0);
    expect(none.texts.map((t) => t.text)).toContain('No pair of codes reaches 3 co-occurrences.');
  });

  it('draws the frequencies in the codes’ colours, and a code with no colour of its own in a palette colour', () => {
    const { ctx } = matrix();
    const f = computeMatrix(ctx.db, { type: 'frequencies', rows: 'codes', excerptIds: false });
    const { all } = parseSvg(frequencyBars(f));
    const bars = all('rect').filter((r) => r.getAttribute('stroke') === '#222222');
    expect(bars).toHaveLength(33);
    const colors = colorOf(ctx);
    const own = f.rows.map((r) => colors.get(r.abbrev ?? r.label));
    const drawn = bars.map((b) => b.getAttribute('fill'));
    f.rows.forEach((r, i) => {
      if (r.abbrev === 'NC') {
        expect(own[i]).toBe('#9e9e9e');
        expect(isGrey(drawn[i]!)).toBe(false);
      } else expect(drawn[i]).toBe(own[i]);
    });
  });
});

/** A co-occurrence matrix of `n` codes, each pair seen `count(i, j)` times. */
function syntheticMatrix(n: number, count: (i: number, j: number) => number): Matrix {
  const rows = Array.from({ length: n }, (_, i) => ({
    key: `code:${i + 1}`,
    label: `Code numéro ${i + 1}`,
    abbrev: `THEME-${String(i + 1).padStart(2, '0')}`,
    depth: 1,
    codeId: i + 1,
    questionId: null,
    codeIds: [i + 1],
    color: i % 2 ? '#0072b2' : '#f0e442',
    cells: Array.from({ length: n }, (_, j) => ({ count: i === j ? 0 : count(Math.min(i, j), Math.max(i, j)), sources: 1, cases: 0, excerptIds: [] })),
  }));
  return {
    type: 'cooccurrence',
    title: 'Cooccurrences',
    rowMode: 'codes',
    dimension: 'code',
    columns: rows.map((r) => ({ key: r.key, label: r.label })),
    rows,
    filter: {},
    notes: [],
  };
}

describe('a crowded network', () => {
  it('places every name where it touches no other name, inside the picture', () => {
    // 24 codes all linked, drawn small: the circles crowd together and names must move aside.
    const m = syntheticMatrix(24, (i, j) => 1 + ((i * 7 + j) % 4));
    for (const minCount of [1, 3]) {
      const { texts, width, height, all } = parseSvg(cooccurrenceNetwork(m, 'fr', { width: 520, height: 420, minCount }));
      const names = texts.filter((t) => t.cls === 'label');
      expect(names).toHaveLength(all('circle').length);
      expect(overlapping(names)).toEqual([]);
      for (const t of names) {
        expect(t.x0).toBeGreaterThanOrEqual(0);
        expect(t.x1).toBeLessThanOrEqual(width);
        expect(t.y1).toBeLessThanOrEqual(height);
      }
    }
  });
});

describe('every picture, readable at print size', () => {
  const projects = { dense: buildDenseProject, small: () => buildFixture().ctx };

  for (const [name, build] of Object.entries(projects)) {
    it(`${name} project: no text under the minimum size, and 6 pt or more on an A4 page`, () => {
      const ctx = build();
      for (const p of everyPicture(ctx)) {
        const { texts, width } = parseSvg(p.svg);
        const small = texts.filter((t) => t.size < MIN_FONT).map((t) => `${p.name}: ${t.text} ${t.size}`);
        expect(small).toEqual([]);
        if (p.name !== 'code-source heatmap') {
          expect(pointsAtA4(Math.min(...texts.map((t) => t.size)), width), p.name).toBeGreaterThanOrEqual(6);
        }
      }
    });

    it(`${name} project: no two labels overlap and none is cut off by the edge`, () => {
      const ctx = build();
      for (const p of everyPicture(ctx)) {
        const { texts, width, height } = parseSvg(p.svg);
        const labels = texts.filter((t) => t.cls === 'label');
        // Column heads slanted at 50° (the triangulation heatmap) lie side by side along the slant,
        // where their upright boxes overlap: only the others are compared.
        expect(overlapping(labels.filter((t) => t.angle === 0 || t.angle === -90)), p.name).toEqual([]);
        for (const t of [...labels, ...texts.filter((u) => u.cls === 'count')]) {
          expect(t.x0, `${p.name}: ${t.text}`).toBeGreaterThanOrEqual(0);
          expect(t.x1, `${p.name}: ${t.text}`).toBeLessThanOrEqual(width);
          expect(t.y0, `${p.name}: ${t.text}`).toBeGreaterThanOrEqual(0);
          expect(t.y1, `${p.name}: ${t.text}`).toBeLessThanOrEqual(height);
        }
      }
    });
  }

  it('writes counts dark on light fills and light on dark ones, always legible', () => {
    for (const p of everyPicture(buildDenseProject())) {
      const { doc } = parseSvg(p.svg);
      // A count written inside a cell follows the cell's rect.
      for (const t of Array.from(doc.getElementsByTagName('text')).filter((e) => e.getAttribute('class') === 'count' && e.getAttribute('fill'))) {
        let prev = t.previousSibling as Element | null;
        while (prev && prev.tagName !== 'rect') prev = prev.previousSibling as Element | null;
        const fill = prev?.getAttribute('fill') ?? '';
        if (!/^#[0-9a-f]{6}$/.test(fill)) continue;
        const ink = t.getAttribute('fill')!;
        expect(contrast(ink, fill), `${p.name}: ${t.textContent} on ${fill}`).toBeGreaterThanOrEqual(4.5);
        if (ink === '#000000' || ink === '#ffffff') expect(ink).toBe(luminance(fill) > 0.18 ? '#000000' : '#ffffff');
      }
    }
  });

  it('rasterises the coloured pictures to valid PNGs, the same bytes on every run', async () => {
    const m = computeMatrix(buildDenseProject().db, { type: 'cooccurrence', rows: 'codes', excerptIds: false });
    for (const svg of [cooccurrenceHeatmap(m), cooccurrenceNetwork(m, 'fr', { minCount: 2 })]) {
      const a = await svgToPng(svg);
      const b = await svgToPng(svg);
      expect(Buffer.from(a.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    }
  });
});
