// Heatmaps of a matrix: each row in shades of its code's colour with the count written in the
// cell, silence hatched and marked "∅", a column without material flat light grey and marked "—"
// (not a finding), and for the triangulation matrix the verdict written at the end of each row.
// The co-occurrence heatmap keeps only the codes that co-occur, clustered, its empty pairs blank.
import { scaleBand, scaleLinear } from 'd3';
import type { Lang } from '../../i18n/lang.ts';
import { label } from '../matrix/labels.ts';
import type { Matrix } from '../matrix/types.ts';
import { rowLabel, verdictText } from '../matrix/row-text.ts';
import { clusterOrder } from './cluster.ts';
import { codeColor, inkOn, tint } from './colors.ts';
import { PRINT_WIDTH, charsIn, el, grey, nameText, svgDocument, text, textWidth, truncate, wrap } from './svg.ts';

export interface HeatmapInput {
  title: string;
  rowLabels: string[];
  rowDepths?: number[];
  /** Each row's colour (its code's): its cells are shades of it and a swatch marks it. */
  rowColors?: string[];
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

const SWATCH = 10;

export function heatmapSvg(input: HeatmapInput): string {
  const indent = (i: number) => '  '.repeat(input.rowDepths?.[i] ?? 0);
  const swatchW = input.rowColors ? SWATCH + 6 : 0;
  const left = Math.min(340, 20 + swatchW + Math.max(60, ...input.rowLabels.map((l, i) => textWidth(`${indent(i)}${l}`, 12, true))));
  const cols = input.columnLabels;
  const rotate = cols.length > 4 || cols.some((c) => textWidth(c) > 80);
  const colChars = rotate ? 28 : charsIn(92, 12, true);
  const headerH = rotate ? 30 + Math.max(...cols.map((c) => textWidth(c.slice(0, colChars), 11))) * 0.77 : 34;
  const cellW = rotate ? 40 : 96;
  const cellH = 24;
  const top = 48 + headerH;
  const x = scaleBand<number>()
    .domain(cols.map((_, i) => i))
    .range([left, left + cols.length * cellW]);
  const y = scaleBand<number>()
    .domain(input.rowLabels.map((_, i) => i))
    .range([top, top + input.rowLabels.length * cellH]);
  const max = Math.max(1, ...input.values.flat().map((v) => v ?? 0));
  const share = scaleLinear().domain([0, max]).range([0, 1]).clamp(true);
  const gridRight = left + cols.length * cellW;
  // Verdicts take what is left of a printable width (never less than a few words).
  const noteW = input.rowNotes
    ? Math.min(380, 20 + Math.max(0, ...input.rowNotes.map((n) => textWidth(n, 11))), Math.max(160, PRINT_WIDTH - 20 - gridRight))
    : 0;
  // A slanted head reaches right of its column: the last ones must not run off the picture.
  const slant = rotate ? Math.max(0, ...cols.map((c, j) => x(j)! + cellW / 2 + textWidth(truncate(c, colChars), 11) * 0.64 + 12)) : 0;
  const width = Math.max(gridRight + noteW + 20, slant);
  const legend = wrap(input.legend, width - 32, 11);
  const height = top + input.rowLabels.length * cellH + 24 + legend.length * 18;
  let body = '';
  cols.forEach((c, j) => {
    const cx = x(j)! + cellW / 2;
    body += rotate
      ? nameText(cx, top - 6, c, colChars, { transform: `rotate(-50 ${cx} ${top - 6})`, 'font-size': 11 })
      : nameText(cx, top - 10, c, colChars, { 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 'bold' });
  });
  input.rowLabels.forEach((l, i) => {
    const cy = y(i)! + cellH / 2 + 4;
    const weight = input.rowDepths?.[i] === 0 ? 'bold' : undefined;
    const color = input.rowColors?.[i];
    if (color)
      body += el('rect', { x: left - 8 - SWATCH, y: y(i)! + 6, width: SWATCH, height: cellH - 12, fill: color, stroke: '#333333', 'stroke-width': 0.5 });
    body += nameText(left - 8 - swatchW, cy, `${indent(i)}${l}`, charsIn(left - 20 - swatchW, 12, weight !== undefined), {
      'text-anchor': 'end',
      'font-size': 12,
      'font-weight': weight,
      'xml:space': 'preserve',
    });
    input.values[i]!.forEach((v, j) => {
      const silent = input.silent?.[i]?.[j] ?? false;
      const absent = input.absent?.[i]?.[j] ?? false;
      const s = v === null ? 0 : share(v);
      const shade = color ? tint(color, s) : grey(s);
      const fill = absent ? '#eeeeee' : v === null ? '#ffffff' : shade;
      body += el('rect', {
        x: x(j)!,
        y: y(i)!,
        width: cellW,
        height: cellH,
        fill: silent ? 'url(#hatch)' : fill,
        stroke: '#444444',
        'stroke-width': 0.6,
      });
      const mark = silent ? '∅' : absent ? '—' : v === null ? '' : String(v);
      if (mark) {
        body += text(x(j)! + cellW / 2, y(i)! + cellH / 2 + 4, mark, {
          class: 'count',
          'text-anchor': 'middle',
          'font-size': 12,
          'font-weight': silent ? 'bold' : undefined,
          fill: silent ? '#000000' : absent ? '#595959' : inkOn(fill),
          ...(silent ? { stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke' } : {}),
        });
      }
    });
    const note = input.rowNotes?.[i];
    if (note) body += nameText(gridRight + 10, cy, note, charsIn(noteW - 14, 11), { class: 'note', 'font-size': 11, 'font-style': 'italic' });
  });
  legend.forEach((l, i) => {
    body += text(16, top + input.rowLabels.length * cellH + 24 + i * 18, l, { 'font-size': 11 });
  });
  return svgDocument(width, height, input.title, body, input.legend.join(' '));
}

/** The colour of each row of a matrix: its code's, or the palette's for a question. */
export const rowColors = (m: Matrix) => m.rows.map((r, i) => codeColor(r.color, i));

/** The triangulation matrix (or a per-participant grid) as a heatmap. */
export function triangulationHeatmap(m: Matrix, lang: Lang = 'fr'): string {
  return heatmapSvg({
    title: m.title,
    rowLabels: m.rows.map(rowLabel),
    rowDepths: m.rows.map((r) => r.depth),
    rowColors: rowColors(m),
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

/** One hue for every pair, so blocks read by darkness; the codes' own colours mark the axes. */
const PAIR_HUE = '#26456e';

/**
 * Co-occurrence counts of the codes that co-occur with at least one other code, in clustered order
 * (codes used together side by side); a code with itself and a pair never seen are left blank, and a
 * count is written only where it fits its cell.
 */
export function cooccurrenceHeatmap(m: Matrix, lang: Lang = 'fr'): string {
  const pair = (i: number, j: number) => (i === j ? 0 : (m.rows[i]?.cells[j]?.count ?? 0));
  const kept = m.rows.map((_, i) => i).filter((i) => m.rows.some((_, j) => pair(i, j) > 0));
  const order = clusterOrder(kept.map((i) => kept.map((j) => pair(i, j)))).map((k) => kept[k]!);
  const colors = rowColors(m);
  const legendLines = [label('legend.cooccurring', lang, { shown: kept.length, total: m.rows.length }), label('legend.cooccurrenceHeat', lang), ...m.notes];
  if (order.length === 0) {
    const width = 640;
    const legend = wrap(legendLines, width - 32, 11);
    let body = text(width / 2, 90, label('network.empty', lang), { 'text-anchor': 'middle', 'font-size': 14 });
    legend.forEach((l, i) => (body += text(16, 130 + i * 18, l, { 'font-size': 11 })));
    return svgDocument(width, 140 + legend.length * 18, m.title, body, legendLines.join(' '));
  }
  const rowName = (i: number) => {
    const r = m.rows[i]!;
    return r.abbrev ? `${r.abbrev} ${r.label}` : r.label;
  };
  const colName = (i: number) => m.rows[i]!.abbrev ?? m.rows[i]!.label;
  const left = Math.min(300, 20 + SWATCH + 8 + Math.max(60, ...order.map((i) => textWidth(rowName(i), 12))));
  const rowChars = charsIn(left - 26 - SWATCH, 12);
  // Cells as large as a printable width allows, never so small that a row label would not fit.
  const cell = Math.max(18, Math.min(40, Math.floor((PRINT_WIDTH - 20 - left) / order.length)));
  const headerH = Math.min(150, 24 + SWATCH + Math.max(...order.map((i) => textWidth(colName(i), 11))));
  const colChars = charsIn(headerH - 24 - SWATCH, 11);
  const top = 48 + headerH;
  const gridRight = left + order.length * cell;
  const width = Math.max(480, gridRight + 20);
  const legend = wrap(legendLines, width - 32, 11);
  const height = top + order.length * cell + 28 + legend.length * 18;
  const max = Math.max(1, ...order.flatMap((i) => order.map((j) => pair(i, j))));
  let body = '';
  order.forEach((i, k) => {
    const cx = left + k * cell + cell / 2;
    const cy = top + k * cell + cell / 2;
    // Column heads read upwards, one per column, so they never touch.
    body += el('rect', { x: cx - SWATCH / 2, y: top - 4 - SWATCH, width: SWATCH, height: SWATCH, fill: colors[i], stroke: '#333333', 'stroke-width': 0.5 });
    body += nameText(cx + 4, top - 10 - SWATCH, colName(i), colChars, { transform: `rotate(-90 ${cx + 4} ${top - 10 - SWATCH})`, 'font-size': 11 });
    body += el('rect', { x: left - 4 - SWATCH, y: cy - SWATCH / 2, width: SWATCH, height: SWATCH, fill: colors[i], stroke: '#333333', 'stroke-width': 0.5 });
    body += nameText(left - 10 - SWATCH, cy + 4, rowName(i), rowChars, { 'text-anchor': 'end', 'font-size': 12 });
  });
  order.forEach((i, a) => {
    order.forEach((j, b) => {
      const v = pair(i, j);
      const fill = i === j ? '#f2f2f2' : v === 0 ? '#ffffff' : tint(PAIR_HUE, v / max);
      body += el('rect', { x: left + b * cell, y: top + a * cell, width: cell, height: cell, fill, stroke: '#d0d0d0', 'stroke-width': 0.5 });
      if (v > 0 && textWidth(String(v), 11) + 4 <= cell) {
        body += text(left + b * cell + cell / 2, top + a * cell + cell / 2 + 4, String(v), {
          class: 'count',
          'text-anchor': 'middle',
          'font-size': 11,
          fill: inkOn(fill),
        });
      }
    });
  });
  body += el('rect', { x: left, y: top, width: order.length * cell, height: order.length * cell, fill: 'none', stroke: '#444444', 'stroke-width': 0.8 });
  legend.forEach((l, i) => (body += text(16, top + order.length * cell + 28 + i * 18, l, { 'font-size': 11 })));
  return svgDocument(width, height, m.title, body, legendLines.join(' '));
}
