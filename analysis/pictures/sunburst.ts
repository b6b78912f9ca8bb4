// The codebook as a sunburst sized by use: themes on the inner ring, sub-codes outside, each
// slice labelled (abbreviation and count) when wide enough, grey by ring; unused codes get no slice.
import { arc, hierarchy, partition, type HierarchyRectangularNode } from 'd3';
import type { Lang } from '../../i18n/lang.ts';
import { label } from '../matrix/labels.ts';
import type { UsageNode } from '../matrix/usage.ts';
import { el, svgDocument, text, truncate } from './svg.ts';

type Datum = Omit<UsageNode, 'children'> & { children?: Datum[] };

const FILLS = ['#ffffff', '#d0d0d0', '#a8a8a8', '#8a8a8a'];

export function codebookSunburst(tree: UsageNode[], lang: Lang = 'fr', size = 640): string {
  const root = hierarchy<Datum>({ name: '', abbrev: null, count: 0, children: tree })
    .sum((d) => d.count)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const radius = size / 2 - 20;
  const layout = partition<Datum>().size([2 * Math.PI, radius])(root);
  const ringWidth = radius / Math.max(1, layout.height + 0.4);
  const inner = (d: HierarchyRectangularNode<Datum>) => (d.depth - 1) * ringWidth + ringWidth * 0.4;
  const slice = arc<HierarchyRectangularNode<Datum>>()
    .startAngle((d) => d.x0)
    .endAngle((d) => d.x1)
    .innerRadius((d) => inner(d))
    .outerRadius((d) => inner(d) + ringWidth - 1);
  const cx = size / 2;
  const cy = size / 2 + 30;
  let body = '';
  for (const d of layout.descendants()) {
    if (d.depth === 0 || (d.value ?? 0) === 0) continue;
    body += el('path', {
      d: slice(d) ?? '',
      transform: `translate(${cx},${cy})`,
      fill: d.depth === 1 ? 'url(#dots)' : FILLS[Math.min(d.depth, FILLS.length - 1)],
      stroke: '#000000',
      'stroke-width': 0.8,
    });
    const angle = (d.x0 + d.x1) / 2;
    const r = inner(d) + ringWidth / 2;
    if ((d.x1 - d.x0) * r < 26) continue;
    const x = cx + Math.sin(angle) * r;
    const y = cy - Math.cos(angle) * r;
    const name = truncate(d.data.abbrev ?? d.data.name, 10);
    body += text(x, y, `${name} (${d.value})`, {
      'text-anchor': 'middle',
      'dominant-baseline': 'middle',
      'font-size': 11,
      'font-weight': d.depth === 1 ? 'bold' : undefined,
      stroke: '#ffffff',
      'stroke-width': 3,
      'paint-order': 'stroke',
    });
  }
  body += text(cx, cy + 4, String(root.value ?? 0), { 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 'bold' });
  return svgDocument(size, size + 40, label('title.codebook', lang), body);
}
