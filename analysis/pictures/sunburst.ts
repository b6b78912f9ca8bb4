// The codebook as a sunburst sized by use: themes on the inner ring, sub-codes outside, each slice
// in its code's colour and labelled (abbreviation and count, dark or light by the colour's
// luminance) only where the label fits inside it; unused codes get no slice.
import { arc, hierarchy, partition, type HierarchyRectangularNode } from 'd3';
import type { Lang } from '../../i18n/lang.ts';
import { label } from '../matrix/labels.ts';
import type { UsageNode } from '../matrix/usage.ts';
import { codeColor, inkOn } from './colors.ts';
import { el, svgDocument, text, textWidth, truncate } from './svg.ts';

type Datum = Omit<UsageNode, 'children'> & { children?: Datum[] };

const LABEL_SIZE = 11;

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
  layout.descendants().forEach((d, i) => {
    if (d.depth === 0 || (d.value ?? 0) === 0) return;
    const fill = codeColor(d.data.color, i);
    body += el('path', {
      d: slice(d) ?? '',
      transform: `translate(${cx},${cy})`,
      fill,
      stroke: '#ffffff',
      'stroke-width': d.depth === 1 ? 2 : 1,
    });
    const angle = (d.x0 + d.x1) / 2;
    const r = inner(d) + ringWidth / 2;
    const name = `${truncate(d.data.abbrev ?? d.data.name, 10)} (${d.value})`;
    const bold = d.depth === 1;
    // Written level, so across the slice it needs its width along the arc at mid-radius and its
    // height along the ring's depth, in proportions set by where the slice points.
    const [w, h] = [textWidth(name, LABEL_SIZE, bold) + 4, LABEL_SIZE + 4];
    const [along, across] = [Math.abs(Math.cos(angle)), Math.abs(Math.sin(angle))];
    if (w * along + h * across > (d.x1 - d.x0) * r || w * across + h * along > ringWidth - 2) return;
    body += text(cx + Math.sin(angle) * r, cy - Math.cos(angle) * r, name, {
      class: 'label',
      'text-anchor': 'middle',
      'dominant-baseline': 'middle',
      'font-size': LABEL_SIZE,
      'font-weight': bold ? 'bold' : undefined,
      fill: inkOn(fill),
    });
  });
  body += text(cx, cy + 4, String(root.value ?? 0), { 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 'bold' });
  return svgDocument(size, size + 40, label('title.codebook', lang), body);
}
