// What the analysis views compute without the project: the request a tab sends, which rows a
// collapsed codebook shows, and what each cell says on screen and to a screen reader.
import type { CoderScope, ColumnSpec, MatrixCell, MatrixColumn, MatrixFilter, MatrixRow } from '../../../analysis/matrix/types.ts';
import type { SourceKind } from '../../../model/types.ts';
import type { Translate } from '../../../i18n/catalogue.ts';

export interface FilterState {
  coderId: number | null;
  /** Count only what every coder coded (with coderId null). */
  agreement: boolean;
  attribute: string;
  /** One value or several separated by ";". */
  attributeValue: string;
  kinds: SourceKind[];
  sourceSetId: number | null;
  codeSetId: number | null;
  /** ISO days, '' for none. */
  from: string;
  to: string;
  /** '' : the coding date; otherwise a date attribute of the cases. */
  dateAttribute: string;
}

export const NO_FILTER: FilterState = {
  coderId: null,
  agreement: false,
  attribute: '',
  attributeValue: '',
  kinds: [],
  sourceSetId: null,
  codeSetId: null,
  from: '',
  to: '',
  dateAttribute: '',
};

export function filterOf(f: FilterState): MatrixFilter {
  const filter: MatrixFilter = {};
  if (f.coderId !== null) filter.coderIds = [f.coderId];
  else if (f.agreement) filter.agreement = true;
  if (f.kinds.length > 0) filter.sourceKinds = [...f.kinds];
  if (f.sourceSetId !== null) filter.sourceSetId = f.sourceSetId;
  if (f.codeSetId !== null) filter.codeSetId = f.codeSetId;
  const values = f.attributeValue
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);
  if (f.attribute && values.length > 0) filter.caseAttributes = [{ name: f.attribute, values }];
  if (f.from) filter.from = f.from;
  if (f.to) filter.to = f.to;
  if ((f.from || f.to) && f.dateAttribute) filter.dateAttribute = f.dateAttribute;
  return filter;
}

/** A column choice as a select value: 'kind', 'case:NAME' or 'source:NAME'. */
export function columnSpecOf(choice: string): ColumnSpec {
  const m = /^(case|source):(.+)$/.exec(choice);
  return m ? { by: 'attribute', scope: m[1] as 'case' | 'source', name: m[2]! } : { by: 'kind' };
}

export const rowLabel = (r: Pick<MatrixRow, 'abbrev' | 'label'>): string => (r.abbrev ? `${r.abbrev} — ${r.label}` : r.label);

/** Whether the row right after `i` is one of its sub-codes. */
export const hasChildren = (rows: readonly Pick<MatrixRow, 'depth'>[], i: number): boolean => (rows[i + 1]?.depth ?? -1) > rows[i]!.depth;

/** The rows shown: each row whose ancestors are all expanded (rows come depth first, as the codebook). */
export function visibleRows<R extends Pick<MatrixRow, 'key' | 'depth'>>(rows: readonly R[], expanded: ReadonlySet<string>): R[] {
  const out: R[] = [];
  /** Depth below which rows are hidden, while inside a collapsed row. */
  let hiddenBelow = Infinity;
  rows.forEach((r, i) => {
    if (r.depth > hiddenBelow) return;
    hiddenBelow = Infinity;
    out.push(r);
    if (hasChildren(rows, i) && !expanded.has(r.key)) hiddenBelow = r.depth;
  });
  return out;
}

/** Keys of the rows that have sub-rows: what "expand all" opens. */
export const parentKeys = (rows: readonly Pick<MatrixRow, 'key' | 'depth'>[]): string[] => rows.filter((_, i) => hasChildren(rows, i)).map((r) => r.key);

export type CellMode =
  { kind: 'evidence'; silence: boolean } | { kind: 'count' } | { kind: 'presence' } | { kind: 'cooccurrence'; measure: 'count' | 'overlaps' | 'sameTurn' };

export interface CellFace {
  /** The big figure. */
  main: string;
  /** Small print under it. */
  meta: string;
  /** Excerpts coded + and -, when any: a column leaning one way and another the other hints at dissonance. */
  valence: string;
  silent: boolean;
  /** No material of the column's kind in the selection: neither silence nor evidence. */
  noMaterial: boolean;
  /** What hovering the cell says: which state it is in, and whose codings it counts. */
  tooltip: string;
  /** Not a cell one can open (co-occurrence diagonal). */
  blank: boolean;
  /** What a screen reader says. */
  spoken: string;
}

/** Whose codings a matrix counts, in a few words; empty for a project with one coder and no choice made. */
export function coderWords(scope: CoderScope | undefined, t: Translate): string {
  if (!scope || (!scope.team && scope.mode === 'union')) return '';
  return t(`analysis.coders.${scope.mode}`, { coders: scope.coders.map((c) => c.name).join(', ') });
}

const PLAIN = { silent: false, noMaterial: false, tooltip: '', blank: false } as const;

/** `whose`: coderWords of the matrix, said in each cell's tooltip. */
export function cellFace(mode: CellMode, cell: MatrixCell, column: MatrixColumn, diagonal: boolean, t: Translate, whose = ''): CellFace {
  const counts = { count: cell.count, codings: cell.codings ?? cell.count, sources: cell.sources, cases: cell.cases };
  const withWhose = (text: string) => (whose ? `${text} (${whose})` : text);
  switch (mode.kind) {
    case 'evidence': {
      const state = cell.state ?? (cell.count === 0 ? 'silence' : 'evidence');
      if (mode.silence && state === 'no-material') {
        const tooltip = t('analysis.cell.noMaterialHint');
        return { ...PLAIN, main: '—', meta: t('analysis.cell.noMaterial'), valence: '', noMaterial: true, tooltip, spoken: tooltip };
      }
      if (mode.silence && state === 'silence') {
        const tooltip = withWhose(t('analysis.cell.silentHint'));
        return { ...PLAIN, main: '∅', meta: t('analysis.cell.silent'), valence: '', silent: true, tooltip, spoken: t('analysis.cell.silentSpoken') };
      }
      const signs = { positive: cell.positive ?? 0, negative: cell.negative ?? 0 };
      const valued = signs.positive + signs.negative > 0;
      return {
        ...PLAIN,
        main: String(cell.count),
        meta: t('analysis.cell.meta', counts),
        valence: valued ? t('analysis.cell.valences', signs) : '',
        tooltip: withWhose(t('analysis.cell.passages', counts)),
        spoken: [t('analysis.cell.spoken', counts), ...(valued ? [t('analysis.cell.valencesSpoken', signs)] : [])].join(', '),
      };
    }
    case 'count':
      return {
        ...PLAIN,
        main: String(cell.count),
        meta: '',
        valence: '',
        tooltip: withWhose(t('analysis.cell.passages', counts)),
        spoken: t('analysis.cell.spoken', counts),
      };
    case 'presence': {
      const total = column.caseTotal;
      const main = total ? `${cell.cases}/${total}` : String(cell.cases);
      const share = total ? Math.round((100 * cell.cases) / total) : null;
      return {
        ...PLAIN,
        main,
        meta: share === null ? '' : `${share} %`,
        valence: '',
        spoken: total ? t('analysis.cell.presenceSpoken', { cases: cell.cases, total }) : t('analysis.cell.spoken', counts),
      };
    }
    case 'cooccurrence': {
      if (diagonal) return { ...PLAIN, main: '', meta: '', valence: '', blank: true, spoken: '' };
      const value = mode.measure === 'count' ? cell.count : (cell[mode.measure] ?? 0);
      const detail = t('analysis.cell.cooccurrence', { overlaps: cell.overlaps ?? 0, sameTurn: cell.sameTurn ?? 0 });
      return {
        ...PLAIN,
        main: String(value),
        meta: '',
        valence: '',
        spoken: `${t('analysis.cell.pairs', { count: cell.count })}, ${detail}`,
      };
    }
  }
}

/** Grey level behind a count, as the heatmap picture shades it: a quick read of where evidence is dense. */
export function shade(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.min(1, value / max);
}
