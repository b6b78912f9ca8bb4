// The shapes every matrix shares, so that the exports, the pictures, the command line and the
// views read one format: columns, rows, and per cell the counts and the ids of its excerpts.
import type { SourceKind } from '../../model/types.ts';

export const VERDICTS = ['convergence', 'complementarity', 'dissonance'] as const;
/** What the researcher concludes about a row; silence is never set, it is computed. */
export type Verdict = (typeof VERDICTS)[number];

export const MATRIX_TYPES = ['triangulation', 'participant', 'code-source', 'code-attribute', 'cooccurrence', 'frequencies'] as const;
export type MatrixType = (typeof MATRIX_TYPES)[number];

export type RowMode = 'codes' | 'themes' | 'questions';

export const CELL_STATES = ['evidence', 'silence', 'no-material'] as const;
/**
 * What a cell of a counts matrix says: evidence (at least one passage), silence (the column has
 * material in the selection, and none of it holds the row), or no material (nothing of that kind
 * in the project or the filtered selection: an absence of sources, not of the theme).
 */
export type CellState = (typeof CELL_STATES)[number];

/**
 * Whose codings the cells count: every chosen coder's together (union, the default: all coders
 * when none is chosen), one coder's, or only the stretches every chosen coder coded (agreement).
 */
export interface CoderScope {
  mode: 'union' | 'coder' | 'agreement';
  coders: { id: number; name: string }[];
  /** Two or more coders have codings in the project. */
  team: boolean;
}

/** What the columns are: evidence kinds (the project's mapping), an attribute's values, each source, or one total. */
export type ColumnSpec =
  | { by: 'kind' }
  | { by: 'attribute'; scope: 'case' | 'source'; name: string }
  | { by: 'source' }
  | { by: 'total' }
  /** One column per chosen set of sources, in the order given (a source in two sets counts in both). */
  | { by: 'sets'; setIds: number[] };

export interface MatrixFilter {
  /** The chosen coders (none: all of them). */
  coderIds?: number[];
  /** Count only what every chosen coder coded (all coders with codings when none is chosen). */
  agreement?: boolean;
  sourceKinds?: SourceKind[];
  /** A set of sources (its id): only its sources count. */
  sourceSetId?: number;
  /** A set of codes (its id): only codings of its codes count (not of their subcodes, unless members too). */
  codeSetId?: number;
  /** Every listed attribute must hold one of its values on the same case linked to the source. */
  caseAttributes?: { name: string; values: Array<string | number | boolean> }[];
  /**
   * Date range, ISO days, both inclusive. By default on the coding date (when the passage was coded);
   * with `dateAttribute`, on that date attribute of the cases linked to the source (e.g. the interview
   * date), and then a source without a dated case is left out.
   */
  from?: string;
  to?: string;
  dateAttribute?: string;
}

export interface MatrixRequest {
  type: MatrixType;
  rows?: RowMode;
  columns?: ColumnSpec;
  filter?: MatrixFilter;
  /** The per-participant grid's case. */
  caseId?: number;
  /** Only these rows: what a cell's excerpts need, without counting the whole matrix. */
  rowKeys?: string[];
  /**
   * Cells carry the ids of their excerpts (default). A view that shows counts only and asks for a
   * cell's excerpts when opened can do without: the counts query is then about twice as fast.
   */
  excerptIds?: boolean;
  /**
   * Cells also count the excerpts coded + and - (the valence a coder may give a passage): where
   * one column leans one way and another the other, dissonance is likely. Off by default: it
   * reads the codings table instead of its index.
   */
  valences?: boolean;
}

export interface RowItem {
  key: string;
  label: string;
  abbrev: string | null;
  /** 0 for a theme or a question, 1 for a sub-code... */
  depth: number;
  codeId: number | null;
  questionId: number | null;
  /** Codings of these codes count in the row (a theme holds its sub-codes; a question its codes and theirs). */
  codeIds: number[];
  /** A code row's colour (#rrggbb), as the pictures draw it. */
  color?: string;
}

export interface MatrixColumn {
  key: string;
  label: string;
  /** Kind columns: the source kinds that feed them. */
  kinds?: SourceKind[];
  /** Attribute columns: the value (null: not recorded). */
  value?: string | number | boolean | null;
  sourceId?: number;
  /** Code x attribute: cases holding the value, the denominator of presence. */
  caseTotal?: number;
  /** Per-participant grid: the column shows this case's sources only. */
  caseOnly?: boolean;
}

export interface MatrixCell {
  /** Distinct passages (analysis/matrix/passages.ts); for co-occurrence, pairs. */
  count: number;
  /** The codings behind those passages (two coders on one passage: 2). */
  codings?: number;
  /** Counts matrices (not co-occurrence): evidence, silence or no material of the column's kind. */
  state?: CellState;
  sources: number;
  cases: number;
  /** Empty when the request said `excerptIds: false`. */
  excerptIds: number[];
  synthesis?: string;
  /** With `valences`: excerpts coded + and -. */
  positive?: number;
  negative?: number;
  /** Co-occurrence: pairs of codings that overlap in the text / that sit in the same speaker turn. */
  overlaps?: number;
  sameTurn?: number;
}

export interface RowVerdict {
  verdict: Verdict;
  note: string;
  author: string | null;
  updatedAt: string;
}

export interface MatrixRow extends RowItem {
  cells: MatrixCell[];
  /** Keys of the columns in silence in this row (material exists there, the row is absent); never a column without material. */
  silent?: string[];
  verdict?: RowVerdict | null;
}

export interface Matrix {
  type: MatrixType;
  title: string;
  rowMode: RowMode;
  /** 'kind', 'case:NAME', 'source:NAME', 'source', 'total' or 'code'. */
  dimension: string;
  columns: MatrixColumn[];
  rows: MatrixRow[];
  filter: MatrixFilter;
  /** Counts matrices: whose codings the cells count. */
  coders?: CoderScope;
  caseId?: number;
  caseName?: string;
  /** Things the reader must know to read the matrix right (mapping of synthesis sources, multi-valued attributes...). */
  notes: string[];
}
