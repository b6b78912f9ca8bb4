// Code frequencies as horizontal bars with the number written at the end of each bar; themes
// hatched, sub-codes in plain grey, so the two levels read apart in black and white.
import { scaleBand, scaleLinear } from 'd3';
import type { Lang } from '../../i18n/lang.ts';
import { label } from '../matrix/labels.ts';
import type { Matrix } from '../matrix/types.ts';
import { rowLabel } from '../matrix/row-text.ts';
import { el, svgDocument, text, textWidth, truncate } from './svg.ts';

export function frequencyBars(m: Matrix, lang: Lang = 'fr'): string {
  const rows = m.rows.map((r) => ({ label: `${'  '.repeat(r.depth)}${truncate(rowLabel(r), 52)}`, depth: r.depth, value: r.cells[0]?.count ?? 0 }));
  const left = Math.min(380, 24 + Math.max(60, ...rows.map((r) => textWidth(r.label))));
  const plotW = 460;
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
    body += text(x(t), top - 8, String(t), { 'text-anchor': 'middle', 'font-size': 10 });
  }
  rows.forEach((r, i) => {
    const by = y(i)!;
    body += text(left - 8, by + y.bandwidth() / 2 + 4, r.label, {
      'text-anchor': 'end',
      'font-size': 12,
      'font-weight': r.depth === 0 ? 'bold' : undefined,
      'xml:space': 'preserve',
    });
    const w = x(r.value) - left;
    const fill = r.depth === 0 ? 'url(#hatch)' : '#9a9a9a';
    body += el('rect', { x: left, y: by, width: Math.max(0, w), height: y.bandwidth(), fill, stroke: '#222222', 'stroke-width': 0.6 });
    body += text(left + w + 5, by + y.bandwidth() / 2 + 4, String(r.value), { 'font-size': 11 });
  });
  const foot = top + rows.length * barH + 24;
  body += text(left + plotW / 2, foot, label('axis.codings', lang), { 'text-anchor': 'middle', 'font-size': 12 });
  m.notes.forEach((n, i) => (body += text(16, foot + 20 + i * 16, n, { 'font-size': 11 })));
  return svgDocument(left + plotW + 60, foot + 24 + m.notes.length * 16, m.title, body);
}
