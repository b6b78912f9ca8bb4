// The co-occurrence network: codes as circles in their own colours, pairs as lines whose width and
// written number give the count, only pairs at or above a chosen minimum count. The force layout is
// seeded and run a fixed number of ticks, so the same matrix always gives the same picture; labels
// are then placed one by one where they touch no other label.
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, randomLcg, scaleLinear, scaleSqrt, type SimulationNodeDatum } from 'd3';
import type { Lang } from '../../i18n/lang.ts';
import { label } from '../matrix/labels.ts';
import type { Matrix } from '../matrix/types.ts';
import { codeColor } from './colors.ts';
import { el, nameText, svgDocument, text, textWidth, truncate, wrap } from './svg.ts';

interface Node extends SimulationNodeDatum {
  /** The matrix row (d3 keeps `index` for its own use). */
  row: number;
  name: string;
  weight: number;
}

interface Link {
  source: number | Node;
  target: number | Node;
  count: number;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export interface NetworkOptions {
  width?: number;
  height?: number;
  ticks?: number;
  /** Draw a pair only from this many co-occurrences on (1: every pair). */
  minCount?: number;
}

const NAME_SIZE = 12;
const NAME_CHARS = 24;
const COUNT_SIZE = 11;

/** Where a text anchored at (x, y) lies, estimated from its characters (as textWidth does). */
function boxOf(x: number, y: number, s: string, size: number, anchor: 'start' | 'middle' | 'end', bold: boolean): Box {
  const w = textWidth(s, size, bold);
  const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  return { x0: x0 - 2, y0: y - size * 0.8 - 1, x1: x0 + w + 2, y1: y + size * 0.25 + 1 };
}

export function cooccurrenceNetwork(m: Matrix, lang: Lang = 'fr', options: NetworkOptions = {}): string {
  const width = options.width ?? 820;
  const height = options.height ?? 620;
  const minCount = Math.max(1, options.minCount ?? 1);
  const links: Link[] = [];
  const weight = new Map<number, number>();
  m.rows.forEach((r, i) =>
    r.cells.forEach((c, j) => {
      if (j <= i || c.count < minCount) return;
      links.push({ source: i, target: j, count: c.count });
      weight.set(i, (weight.get(i) ?? 0) + c.count);
      weight.set(j, (weight.get(j) ?? 0) + c.count);
    }),
  );
  const nodes: Node[] = [...weight.keys()].sort((a, b) => a - b).map((i) => ({ row: i, name: m.rows[i]!.abbrev ?? m.rows[i]!.label, weight: weight.get(i)! }));
  const byIndex = new Map(nodes.map((n) => [n.row, n]));
  const maxCount = Math.max(1, ...links.map((l) => l.count));
  const radius = scaleSqrt()
    .domain([0, Math.max(1, ...nodes.map((n) => n.weight))])
    .range([7, 22]);
  const stroke = scaleLinear()
    .domain([Math.min(minCount, maxCount), maxCount])
    .range([1, 8]);
  const legendLines = [
    label('legend.network', lang),
    ...(minCount > 1 ? [label('legend.threshold', lang, { count: minCount, shown: nodes.length, total: m.rows.length })] : []),
    ...m.notes,
  ];
  const legend = wrap(legendLines, width - 32, 11);
  const bottom = height - 16 - legend.length * 16;
  const sim = forceSimulation<Node>(nodes)
    .randomSource(randomLcg(0.20261123))
    .force(
      'link',
      forceLink<Node, Link>(links)
        .id((n) => n.row)
        .distance(120),
    )
    .force('charge', forceManyBody().strength(-300))
    .force('center', forceCenter(width / 2, (48 + bottom) / 2))
    .force(
      'collide',
      forceCollide<Node>((n) => Math.max(radius(n.weight) + 18, textWidth(truncate(n.name, NAME_CHARS), NAME_SIZE, true) / 2 + 6)),
    )
    .stop();
  for (let i = 0; i < (options.ticks ?? 300); i++) sim.tick();
  const clampX = (v: number) => Math.max(40, Math.min(width - 40, v));
  const clampY = (v: number) => Math.max(70, Math.min(bottom - 30, v));
  const at = (n: Node) => [clampX(n.x ?? 0), clampY(n.y ?? 0)] as const;
  const circles: Box[] = nodes.map((n) => {
    const [cx, cy] = at(n);
    const r = radius(n.weight);
    return { x0: cx - r, y0: cy - r, x1: cx + r, y1: cy + r };
  });
  const inside = (b: Box) => b.x0 >= 4 && b.x1 <= width - 4 && b.y0 >= 40 && b.y1 <= bottom;

  // Names first, the heaviest codes first: each at the first place around its circle that touches no
  // name already placed (and, if possible, no circle), going further out until one is free.
  const placed: Box[] = [];
  const names: string[] = [];
  for (const n of [...nodes].sort((a, b) => b.weight - a.weight || a.row - b.row)) {
    const [cx, cy] = at(n);
    const r = radius(n.weight);
    const shown = truncate(n.name, NAME_CHARS);
    const candidates: { x: number; y: number; anchor: 'start' | 'middle' | 'end' }[] = [];
    for (let step = 0; step < 12; step++) {
      const d = step * 14;
      candidates.push(
        { x: cx, y: cy + r + 14 + d, anchor: 'middle' },
        { x: cx, y: cy - r - 6 - d, anchor: 'middle' },
        { x: cx + r + 4 + d, y: cy + 4, anchor: 'start' },
        { x: cx - r - 4 - d, y: cy + 4, anchor: 'end' },
      );
    }
    const free = (c: (typeof candidates)[number], avoidCircles: boolean) => {
      const b = boxOf(c.x, c.y, shown, NAME_SIZE, c.anchor, true);
      return inside(b) && !placed.some((p) => overlaps(p, b)) && (!avoidCircles || !circles.some((p) => overlaps(p, b)));
    };
    const spot = candidates.find((c) => free(c, true)) ?? candidates.find((c) => free(c, false)) ?? candidates[0]!;
    placed.push(boxOf(spot.x, spot.y, shown, NAME_SIZE, spot.anchor, true));
    names.push(nameText(spot.x, spot.y, n.name, NAME_CHARS, { 'text-anchor': spot.anchor, 'font-size': NAME_SIZE, 'font-weight': 'bold' }));
  }

  let body = '';
  let counts = '';
  const written: Box[] = [];
  for (const l of links) {
    const a = byIndex.get(typeof l.source === 'number' ? l.source : l.source.row)!;
    const b = byIndex.get(typeof l.target === 'number' ? l.target : l.target.row)!;
    const [[x1, y1], [x2, y2]] = [at(a), at(b)];
    body += el('line', { x1, y1, x2, y2, stroke: '#555555', 'stroke-width': stroke(l.count), 'stroke-linecap': 'round' });
    // The count along its line, where it covers no name, no circle and no other count; in a tangle
    // where there is no such place, the line's width alone tells it (the heatmap has every number).
    const s = String(l.count);
    const spots = [0.5, 0.38, 0.62, 0.28, 0.72].map((t) => ({ x: x1 + (x2 - x1) * t, y: y1 + (y2 - y1) * t - 3 }));
    const spot = spots
      .map((p) => ({ ...p, box: boxOf(p.x, p.y, s, COUNT_SIZE, 'middle', false) }))
      .find((p) => ![...placed, ...circles, ...written].some((q) => overlaps(q, p.box)));
    if (!spot) continue;
    written.push(spot.box);
    counts += text(spot.x, spot.y, s, {
      class: 'count',
      'text-anchor': 'middle',
      'font-size': COUNT_SIZE,
      stroke: '#ffffff',
      'stroke-width': 3,
      'paint-order': 'stroke',
    });
  }
  nodes.forEach((n) => {
    const [cx, cy] = at(n);
    body += el('circle', { cx, cy, r: radius(n.weight), fill: codeColor(m.rows[n.row]!.color, n.row), stroke: '#222222', 'stroke-width': 1.5 });
  });
  body += counts;
  // Names over everything else, on a white halo so that a line passing behind never hides a letter.
  body += el('g', { stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke', 'stroke-linejoin': 'round' }, names.join(''));
  if (links.length === 0) {
    const empty = minCount > 1 ? label('network.emptyThreshold', lang, { count: minCount }) : label('network.empty', lang);
    body += text(width / 2, height / 2, empty, { 'text-anchor': 'middle', 'font-size': 14 });
  }
  legend.forEach((l, i) => (body += text(16, height - 10 - (legend.length - 1 - i) * 16, l, { 'font-size': 11 })));
  return svgDocument(width, height, label('title.network', lang), body, legendLines.join(' '));
}
