// Code frequencies as horizontal bars in each code's colour, with the number written at the end of
// each bar; themes in bold with a heavier outline, sub-codes indented, so the two levels read apart
// in black and white too.
import { scaleBand, scaleLinear } from 'd3';
import type { Lang } from '../../i18n/lang.ts';
import { label } from '../matrix/labels.ts';
import type { Matrix } from '../matrix/types.ts';
import { rowLabel } from '../matrix/row-text.ts';
import { codeColor } from './colors.ts';
import { PRINT_WIDTH, charsIn, el, nameText, svgDocument, text, textWidth, wrap } from './svg.ts';

export function frequencyBars(m: Matrix, lang: Lang = 'fr'): string {
  const rows = m.rows.map((r, i) => ({
    label: `${'  '.repeat(r.depth)}${rowLabel(r)}`,
    depth: r.depth,
    value: r.cells[0]?.count ?? 0,
    color: codeColor(r.color, i),
  }));
  const left = Math.min(360, 24 + Math.max(60, ...rows.map((r) => textWidth(r.label, 12, r.depth === 0))));
  const plotW = Math.max(240, PRINT_WIDTH - 60 - left);
  const barH = 20;
  const top = 70;
  const y = scaleBand<number>()
    .domain(rows.map((_, i) => i))
    .range([top, top + rows.length * barH])
    .padding(0.2);
  const x = scaleLinear()
    .domain([0, Math.max(1, ...rows.map((r) => r.value))])
    .nice()
    .range([left, left + plotW]);
  let body = '';
  for (const t of x.ticks(5)) {
    body += el('line', { x1: x(t), x2: x(t), y1: top - 4, y2: top + rows.length * barH, stroke: '#cccccc', 'stroke-width': 0.6 });
    body += text(x(t), top - 8, String(t), { 'text-anchor': 'middle', 'font-size': 11 });
  }
  rows.forEach((r, i) => {
    const by = y(i)!;
    const bold = r.depth === 0;
    body += nameText(left - 8, by + y.bandwidth() / 2 + 4, r.label, charsIn(left - 16, 12, bold), {
      'text-anchor': 'end',
      'font-size': 12,
      'font-weight': bold ? 'bold' : undefined,
      'xml:space': 'preserve',
    });
    const w = x(r.value) - left;
    body += el('rect', {
      x: left,
      y: by,
      width: Math.max(0, w),
      height: y.bandwidth(),
      fill: r.color,
      stroke: '#222222',
      'stroke-width': bold ? 1.4 : 0.6,
    });
    body += text(left + w + 5, by + y.bandwidth() / 2 + 4, String(r.value), { class: 'count', 'font-size': 11 });
  });
  const width = left + plotW + 60;
  const foot = top + rows.length * barH + 24;
  const notes = wrap(m.notes, width - 32, 11);
  body += text(left + plotW / 2, foot, label('axis.codings', lang), { 'text-anchor': 'middle', 'font-size': 12 });
  notes.forEach((n, i) => (body += text(16, foot + 20 + i * 16, n, { 'font-size': 11 })));
  return svgDocument(width, foot + 24 + notes.length * 16, m.title, body);
}
