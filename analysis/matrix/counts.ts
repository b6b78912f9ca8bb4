// A counts matrix of any kind: rows from the codebook or the questions, columns from a spec,
// cells folded from the single grouped query. The triangulation, the per-participant grid, the
// crosstabs and the frequencies are all this plus their own annotations.
import type { Lang } from '../../i18n/lang.ts';
import type { ColumnPlan } from './columns.ts';
import { coderNotes } from './coder-scope.ts';
import { label } from './labels.ts';
import type { SourceFacts } from './sources.ts';
import type { CellState, CoderScope, Matrix, MatrixCell, MatrixColumn, MatrixFilter, MatrixType, RowItem, RowMode } from './types.ts';

export const silentColumns = (columns: MatrixColumn[], cells: MatrixCell[]): string[] =>
  columns.filter((_, i) => cells[i]!.state === 'silence').map((c) => c.key);

/** Per column, whether any of the kept sources feeds it: where there is none, a zero is no material, not silence. */
export function columnsWithMaterial(plan: ColumnPlan, kept: readonly SourceFacts[]): boolean[] {
  const material = plan.columns.map(() => false);
  for (const s of kept) for (const p of plan.place(s)) material[p.column] = true;
  return material;
}

export const cellState = (cell: MatrixCell, material: boolean): CellState => (cell.count > 0 ? 'evidence' : material ? 'silence' : 'no-material');

export interface CountsParts {
  type: MatrixType;
  rowMode: RowMode;
  items: RowItem[];
  plan: ColumnPlan;
  cells: MatrixCell[][];
  /** Per column, whether the selection holds material of it (columnsWithMaterial). */
  material: boolean[];
  coders: CoderScope;
  filter: MatrixFilter;
  /** The filters in words (notes.ts). */
  filterNotes: string[];
  titleParams?: Record<string, string>;
}

export function countsMatrix(parts: CountsParts, lang: Lang = 'fr'): Matrix {
  const { plan, cells, material } = parts;
  for (const row of cells) row.forEach((cell, i) => (cell.state = cellState(cell, material[i] ?? false)));
  return {
    type: parts.type,
    title: label(`title.${parts.type}` as 'title.code-source', lang, parts.titleParams ?? {}),
    rowMode: parts.rowMode,
    dimension: plan.dimension,
    columns: plan.columns,
    rows: parts.items.map((item, i) => ({ ...item, cells: cells[i]!, silent: silentColumns(plan.columns, cells[i]!) })),
    filter: parts.filter,
    coders: parts.coders,
    notes: [...coderNotes(parts.coders, lang), ...(plan.multi ? [label(plan.multiNote ?? 'note.multiValued', lang)] : []), ...parts.filterNotes],
  };
}
