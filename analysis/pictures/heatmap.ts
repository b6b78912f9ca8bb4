// Heatmaps of a matrix: grey level by count with the count written in the cell, silence hatched
// and marked "∅", a column without material flat light grey and marked "—" (not a finding), and for the triangulation matrix the verdict written at the end of each row.
import { scaleBand, scaleLinear } from 'd3';
import type { Lang } from '../../i18n/lang.ts';
import { label } from '../matrix/labels.ts';
import type { Matrix } from '../matrix/types.ts';
import { rowLabel, verdictText } from '../matrix/row-text.ts';
import { el, grey, inkOn, svgDocument, text, textWidth, truncate } from './svg.ts';

export interface HeatmapInput {
  title: string;
  rowLabels: string[];
  rowDepths?: number[];
  columnLabels: string[];
  values: (number | null)[][];
  /** Cells drawn as silence (hatched, "∅"). */
  silent?: boolean[][];
  /** Cells with no material of their column's kind (light grey, "—"). */
  absent?: boolean[][];
  /** Text written after each row (the verdict). */
  rowNotes?: string[];
  legend: string[];
}

export function heatmapSvg(input: HeatmapInput): string {
  const labels = input.rowLabels.map((l, i) => `${'  '.repeat(input.rowDepths?.[i] ?? 0)}${truncate(l, 48)}`);
  const left = Math.min(340, 20 + Math.max(60, ...labels.map((l) => textWidth(l))));
  const cols = input.columnLabels.map((c) => truncate(c, 28));
  const rotate = cols.length > 4 || cols.some((c) => textWidth(c) > 80);
  const headerH = rotate ? 30 + Math.max(...cols.map((c) => textWidth(c))) * 0.72 : 34;
  const cellW = rotate ? 40 : 96;
  const cellH = 24;
  const top = 48 + headerH;
  const x = scaleBand<number>()
    .domain(cols.map((_, i) => i))
    .range([left, left + cols.length * cellW]);
  const y = scaleBand<number>()
    .domain(labels.map((_, i) => i))
    .range([top, top + labels.length * cellH]);
  const max = Math.max(1, ...input.values.flat().map((v) => v ?? 0));
  const share = scaleLinear().domain([0, max]).range([0, 1]).clamp(true);
  const noteW = input.rowNotes ? Math.min(380, 20 + Math.max(0, ...input.rowNotes.map((n) => textWidth(n, 11)))) : 0;
  const width = left + cols.length * cellW + noteW + 20;
  const height = top + labels.length * cellH + 24 + input.legend.length * 18;
  let body = '';
  cols.forEach((c, j) => {
    const cx = x(j)! + cellW / 2;
    body += rotate
      ? text(cx, top - 6, c, { transform: `rotate(-50 ${cx} ${top - 6})`, 'font-size': 11 })
      : text(cx, top - 10, c, { 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 'bold' });
  });
  labels.forEach((l, i) => {
    const cy = y(i)! + cellH / 2 + 4;
    const weight = input.rowDepths?.[i] === 0 ? 'bold' : undefined;
    body += text(left - 8, cy, l, { 'text-anchor': 'end', 'font-size': 12, 'font-weight': weight, 'xml:space': 'preserve' });
    input.values[i]!.forEach((v, j) => {
      const silent = input.silent?.[i]?.[j] ?? false;
      const absent = input.absent?.[i]?.[j] ?? false;
      const s = v === null ? 0 : share(v);
      body += el('rect', {
        x: x(j)!,
        y: y(i)!,
        width: cellW,
        height: cellH,
        fill: silent ? 'url(#hatch)' : absent ? '#eeeeee' : v === null ? '#ffffff' : grey(s),
        stroke: '#444444',
        'stroke-width': 0.6,
      });
      const mark = silent ? '∅' : absent ? '—' : v === null ? '' : String(v);
      if (mark) {
        body += text(x(j)! + cellW / 2, y(i)! + cellH / 2 + 4, mark, {
          'text-anchor': 'middle',
          'font-size': 12,
          'font-weight': silent ? 'bold' : undefined,
          fill: silent ? '#000000' : absent ? '#666666' : inkOn(s),
          ...(silent ? { stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke' } : {}),
        });
      }
    });
    const note = input.rowNotes?.[i];
    if (note) body += text(left + cols.length * cellW + 10, cy, note, { 'font-size': 11, 'font-style': 'italic' });
  });
  input.legend.forEach((l, i) => {
    body += text(16, top + labels.length * cellH + 24 + i * 18, l, { 'font-size': 11 });
  });
  return svgDocument(width, height, input.title, body, input.legend.join(' '));
}

/** The triangulation matrix (or a per-participant grid) as a heatmap. */
export function triangulationHeatmap(m: Matrix, lang: Lang = 'fr'): string {
  return heatmapSvg({
    title: m.title,
    rowLabels: m.rows.map(rowLabel),
    rowDepths: m.rows.map((r) => r.depth),
    columnLabels: m.columns.map((c) => c.label),
    values: m.rows.map((r) => r.cells.map((c) => c.count)),
    silent: m.rows.map((r) => r.cells.map((c) => c.state === 'silence')),
    absent: m.rows.map((r) => r.cells.map((c) => c.state === 'no-material')),
    rowNotes: m.rows.map((r) => verdictText(m, r, lang)),
    legend: [
      label('legend.heat', lang),
      label('legend.silence', lang),
      ...(m.rows.some((r) => r.cells.some((c) => c.state === 'no-material')) ? [label('legend.noMaterial', lang)] : []),
      ...m.notes,
    ],
  });
}

/** Co-occurrence counts; the diagonal of a code with itself is left blank. */
export function cooccurrenceHeatmap(m: Matrix, lang: Lang = 'fr'): string {
  return heatmapSvg({
    title: m.title,
    rowLabels: m.rows.map((r) => r.abbrev ?? r.label),
    columnLabels: m.columns.map((c) => c.label),
    values: m.rows.map((r, i) => r.cells.map((c, j) => (i === j && m.rowMode === 'codes' ? null : c.count))),
    legend: [label('legend.heat', lang), ...m.notes],
  });
}
