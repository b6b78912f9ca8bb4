// A matrix laid out for a reader: one row per theme or question, one cell per column holding the
// synthesis, the counts and the quoted excerpts with their source references. Every export
// format (XLSX, DOCX, CSV, HTML) renders this one layout.
import type { Lang } from '../../i18n/lang.ts';
import { label } from '../../analysis/matrix/labels.ts';
import { quotation } from '../../analysis/quotes/quotation.ts';
import { rowLabel, verdictText } from '../../analysis/matrix/row-text.ts';
import { coderWords } from '../../analysis/matrix/coder-scope.ts';
import type { CellState, Matrix, MatrixCell } from '../../analysis/matrix/types.ts';
import type { Excerpt } from '../../model/types.ts';

export { rowLabel, verdictText };

/** The excerpts of these coding ids that exist, in any order: the project's, read by the caller. */
export type ExcerptsOf = (ids: readonly number[]) => Excerpt[];

export interface Quote {
  /** The excerpt's coding id. */
  id: number;
  /** The excerpt's own text, as stored. */
  text: string;
  /** The text as quoted: one line, between the language's marks when verbatim, […] where a sentence is cut. */
  quoted: string;
  /** Where it comes from, in the project's citation format, with its valence when coded. */
  reference: string;
  source: string;
  cases: string[];
  coder: string;
  code: string;
  valence: '+' | '-' | null;
}

export interface ReportCell {
  /** Numbers stay numbers in a spreadsheet; text cells carry the parts below. */
  value: number | string | null;
  synthesis?: string;
  counts?: string;
  quotes?: Quote[];
  /** Excerpts of the cell not reproduced (over the cap). */
  more?: number;
  /** Grid cells: evidence, silence, or no material of the column's kind (said instead of the counts). */
  state?: CellState;
}

const STATE_LABEL = { silence: 'cell.silence', 'no-material': 'cell.noMaterial' } as const;

/** "∅ silence" or "— no material of this kind" for an empty grid cell; null for evidence. */
export const stateText = (cell: ReportCell, lang: Lang): string | null =>
  cell.state && cell.state !== 'evidence' ? label(STATE_LABEL[cell.state], lang) : null;

export interface ReportRow {
  label: string;
  depth: number;
  cells: ReportCell[];
}

export interface ReportTable {
  title: string;
  /** Short name, for a spreadsheet tab (31 characters at most there). */
  sheet: string;
  /** 'grid': text cells with excerpts (triangulation, per-participant); 'counts': numbers. */
  kind: 'grid' | 'counts';
  notes: string[];
  header: string[];
  rows: ReportRow[];
}

export const DEFAULT_EXCERPTS_PER_CELL = 20;

export interface TableOptions {
  lang?: Lang;
  /** Excerpts quoted per cell; the rest are counted ("… and 12 more"). Default 20 (DEFAULT_EXCERPTS_PER_CELL). */
  excerptsPerCell?: number;
  /**
   * Shared by the tables of one export: an excerpt quoted in many grids (the corpus' documents
   * appear in every case's grid) is quoted once. A plain Map for the export's life, not a
   * WeakMap on the excerpts: tens of thousands of weak entries cost the GC more than the quoting.
   */
  quotes?: QuoteCache;
}

/** "E8, coordinatrice, § 12, 00:08:55 ; valence +": where a quotation comes from, in the project's format. */
export function quoteReference(x: Excerpt, lang: Lang = 'fr'): string {
  return [x.citation, ...(x.valence ? [label('quote.valence', lang, { valence: x.valence === '-' ? '−' : '+' })] : [])].join(' ; ');
}

/** The text of a cell as one string, for CSV and spreadsheet cells. */
export function cellText(cell: ReportCell, lang: Lang = 'fr'): string {
  if (cell.quotes === undefined && cell.synthesis === undefined && cell.counts === undefined) {
    return cell.value === null ? '' : String(cell.value);
  }
  return cellLines(cell, lang)
    .map((line) => (typeof line === 'string' ? line : quoteLine(line)))
    .join('\n');
}

/** A quotation's line in a cell's text. */
export const quoteLine = (q: Quote): string => `${q.quoted} (${q.reference})`;

/**
 * The lines of a text cell (cellText joins them), its quotations left as quotes: the XLSX writer
 * writes each quotation's line once however many cells quote it (quoteLine says what it is).
 */
export function cellLines(cell: ReportCell, lang: Lang = 'fr'): (string | Quote)[] {
  const lines: (string | Quote)[] = [];
  const state = stateText(cell, lang);
  if (state) lines.push(state);
  if (cell.synthesis) lines.push(label('cell.synthesis', lang, { text: cell.synthesis }));
  if (cell.counts && !state) lines.push(cell.counts);
  for (const q of cell.quotes ?? []) lines.push(q);
  if (cell.more) lines.push(label('cell.more', lang, { count: cell.more }));
  return lines;
}

/** Quotes already made, by excerpt, for one language: the tables of one export share them. */
export type QuoteCache = Map<Excerpt, Quote>;

const quoteOf = (x: Excerpt, lang: Lang): Quote => ({
  id: x.id,
  text: x.text,
  quoted: quotation(x.text, lang, x.place, x.segmentKind === 'verbatim'),
  reference: quoteReference(x, lang),
  source: x.sourceName,
  cases: x.caseNames,
  coder: x.coderName,
  code: x.codeName,
  valence: x.valence,
});

/** The first header cell says whose codings the table counts, so that even a CSV, which has no notes, says it. */
function withCoders(head: string, m: Matrix, lang: Lang): string {
  const whose = coderWords(m.coders, lang);
  return whose ? `${head} (${whose})` : head;
}

/**
 * The excerpts every grid among `matrices` quotes (the first `cap` of each cell), read in one call
 * and then looked up by id: the full analysis grid quotes the same excerpts in many sheets, and
 * one read per matrix cost a query and a pass over the sources each time.
 */
export function quotedExcerpts(matrices: readonly Matrix[], excerptsOf: ExcerptsOf, options: TableOptions = {}): ExcerptsOf {
  const cap = options.excerptsPerCell ?? DEFAULT_EXCERPTS_PER_CELL;
  const wanted = new Set<number>();
  for (const m of matrices) {
    if (m.type !== 'triangulation' && m.type !== 'participant') continue;
    for (const r of m.rows) for (const c of r.cells) for (const id of c.excerptIds.slice(0, cap)) wanted.add(id);
  }
  const byId = new Map(excerptsOf([...wanted]).map((x) => [x.id, x]));
  return (ids) => {
    const out: Excerpt[] = [];
    for (const id of ids) {
      const x = byId.get(id);
      if (x) out.push(x);
    }
    return out;
  };
}

export function reportTable(m: Matrix, excerptsOf: ExcerptsOf, options: TableOptions = {}): ReportTable {
  const lang = options.lang ?? 'fr';
  const grid = m.type === 'triangulation' || m.type === 'participant';
  const table = grid ? gridTable(excerptsOf, m, lang, options.excerptsPerCell ?? DEFAULT_EXCERPTS_PER_CELL, options.quotes ?? new Map()) : countsTable(m, lang);
  const attribute = m.dimension.replace(/^(case|source):/, '');
  return { ...table, sheet: label(`sheet.${m.type}`, lang, { case: m.caseName ?? '', attribute }) };
}

function gridTable(excerptsOf: ExcerptsOf, m: Matrix, lang: Lang, cap: number, cache: QuoteCache): Omit<ReportTable, 'sheet'> {
  const wanted = m.rows.flatMap((r) => r.cells.flatMap((c) => c.excerptIds.slice(0, cap)));
  const byId = new Map(excerptsOf(wanted).map((x) => [x.id, x]));
  const whose = coderWords(m.coders, lang);
  const gridCell = (c: MatrixCell): ReportCell => {
    const quotes: Quote[] = [];
    for (const id of c.excerptIds.slice(0, cap)) {
      const x = byId.get(id);
      if (!x) continue;
      let q = cache.get(x);
      if (!q) cache.set(x, (q = quoteOf(x, lang)));
      quotes.push(q);
    }
    return {
      value: null,
      ...(c.synthesis ? { synthesis: c.synthesis } : {}),
      counts: [
        label('cell.counts', lang, { count: c.count, codings: c.codings ?? c.excerptIds.length, sources: c.sources, cases: c.cases }),
        ...(whose ? [whose] : []),
        ...((c.positive ?? 0) + (c.negative ?? 0) > 0 ? [label('cell.valences', lang, { positive: c.positive, negative: c.negative })] : []),
      ].join(' ; '),
      quotes,
      // Counted from `codings`: a full-grid export keeps only the first ids of each cell (analysisGrid).
      more: Math.max(0, (c.codings ?? c.excerptIds.length) - quotes.length),
      state: c.state ?? (c.count > 0 ? 'evidence' : 'silence'),
    };
  };
  return {
    title: m.title,
    kind: 'grid',
    notes: m.notes,
    header: [withCoders(label('header.row', lang), m, lang), ...m.columns.map((c) => c.label), label('header.verdict', lang), label('header.note', lang)],
    rows: m.rows.map((r) => ({
      label: rowLabel(r),
      depth: r.depth,
      cells: [...r.cells.map(gridCell), { value: verdictText(m, r, lang) }, { value: r.verdict?.note ?? '' }],
    })),
  };
}

function countsTable(m: Matrix, lang: Lang): Omit<ReportTable, 'sheet'> {
  const first = withCoders(label(m.type === 'frequencies' || m.type === 'cooccurrence' ? 'header.code' : 'header.row', lang), m, lang);
  if (m.type === 'frequencies') {
    return {
      title: m.title,
      kind: 'counts',
      notes: m.notes,
      header: [first, label('header.excerpts', lang), label('header.sources', lang), label('header.cases', lang)],
      rows: m.rows.map((r) => ({
        label: rowLabel(r),
        depth: r.depth,
        cells: [{ value: r.cells[0]!.count }, { value: r.cells[0]!.sources }, { value: r.cells[0]!.cases }],
      })),
    };
  }
  if (m.type === 'code-attribute') {
    return {
      title: m.title,
      kind: 'counts',
      notes: m.notes,
      header: [
        first,
        ...m.columns.flatMap((c) => [
          `${c.label} — ${label('header.excerpts', lang).toLowerCase()}`,
          `${c.label} — ${label('header.presence', lang).toLowerCase()}${c.caseTotal !== undefined ? ` /${c.caseTotal}` : ''}`,
        ]),
      ],
      rows: m.rows.map((r) => ({ label: rowLabel(r), depth: r.depth, cells: r.cells.flatMap((c) => [{ value: c.count }, { value: c.cases }]) })),
    };
  }
  return {
    title: m.title,
    kind: 'counts',
    notes: m.notes,
    header: [first, ...m.columns.map((c) => c.label)],
    rows: m.rows.map((r) => ({ label: rowLabel(r), depth: r.depth, cells: r.cells.map((c) => ({ value: c.count })) })),
  };
}
