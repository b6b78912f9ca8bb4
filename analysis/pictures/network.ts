// The co-occurrence network: codes as labelled circles, pairs as lines whose width and written
// number give the count. The force layout is seeded and run a fixed number of ticks, so the same
// matrix always gives the same picture.
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, randomLcg, scaleLinear, scaleSqrt, type SimulationNodeDatum } from 'd3';
import type { Lang } from '../../i18n/lang.ts';
import { label } from '../matrix/labels.ts';
import type { Matrix } from '../matrix/types.ts';
import { el, svgDocument, text, truncate } from './svg.ts';

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

export function cooccurrenceNetwork(m: Matrix, lang: Lang = 'fr', options: { width?: number; height?: number; ticks?: number } = {}): string {
  const width = options.width ?? 820;
  const height = options.height ?? 620;
  const links: Link[] = [];
  const weight = new Map<number, number>();
  m.rows.forEach((r, i) =>
    r.cells.forEach((c, j) => {
      if (j <= i || c.count === 0) return;
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
    .range([6, 22]);
  const stroke = scaleLinear().domain([1, maxCount]).range([1, 8]);
  const sim = forceSimulation<Node>(nodes)
    .randomSource(randomLcg(0.20261123))
    .force(
      'link',
      forceLink<Node, Link>(links)
        .id((n) => n.row)
        .distance(120),
    )
    .force('charge', forceManyBody().strength(-260))
    .force('center', forceCenter(width / 2, height / 2 + 20))
    .force(
      'collide',
      forceCollide<Node>((n) => radius(n.weight) + 18),
    )
    .stop();
  for (let i = 0; i < (options.ticks ?? 300); i++) sim.tick();
  const clampX = (v: number) => Math.max(40, Math.min(width - 40, v));
  const clampY = (v: number) => Math.max(60, Math.min(height - 50, v));
  let body = '';
  for (const l of links) {
    const a = byIndex.get(typeof l.source === 'number' ? l.source : l.source.row)!;
    const b = byIndex.get(typeof l.target === 'number' ? l.target : l.target.row)!;
    const [x1, y1, x2, y2] = [clampX(a.x ?? 0), clampY(a.y ?? 0), clampX(b.x ?? 0), clampY(b.y ?? 0)];
    body += el('line', { x1, y1, x2, y2, stroke: '#555555', 'stroke-width': stroke(l.count), 'stroke-linecap': 'round' });
    body += text((x1 + x2) / 2, (y1 + y2) / 2 - 3, String(l.count), {
      'text-anchor': 'middle',
      'font-size': 11,
      stroke: '#ffffff',
      'stroke-width': 3,
      'paint-order': 'stroke',
    });
  }
  for (const n of nodes) {
    const [cx, cy] = [clampX(n.x ?? 0), clampY(n.y ?? 0)];
    const r = radius(n.weight);
    body += el('circle', { cx, cy, r, fill: '#ffffff', stroke: '#000000', 'stroke-width': 1.5 });
    body += text(cx, cy + r + 13, truncate(n.name, 24), { 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 'bold' });
  }
  if (links.length === 0) body += text(width / 2, height / 2, label('network.empty', lang), { 'text-anchor': 'middle', 'font-size': 14 });
  const legend = [label('legend.network', lang), ...m.notes];
  legend.forEach((l, i) => (body += text(16, height - 10 - (legend.length - 1 - i) * 16, l, { 'font-size': 11 })));
  return svgDocument(width, height, label('title.network', lang), body, legend.join(' '));
}
