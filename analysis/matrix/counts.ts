// A counts matrix of any kind: rows from the codebook or the questions, columns from a spec,
// cells folded from the single grouped query. The triangulation, the per-participant grid, the
// crosstabs and the frequencies are all this plus their own annotations.
import type { Lang } from '../../i18n/lang.ts';
import type { ColumnPlan } from './columns.ts';
import { label } from './labels.ts';
import type { Matrix, MatrixCell, MatrixColumn, MatrixFilter, MatrixType, RowItem, RowMode } from './types.ts';

export const silentColumns = (columns: MatrixColumn[], cells: MatrixCell[]): string[] => columns.filter((_, i) => cells[i]!.count === 0).map((c) => c.key);

export interface CountsParts {
  type: MatrixType;
  rowMode: RowMode;
  items: RowItem[];
  plan: ColumnPlan;
  cells: MatrixCell[][];
  filter: MatrixFilter;
  /** The filters in words (notes.ts). */
  filterNotes: string[];
  titleParams?: Record<string, string>;
}

export function countsMatrix(parts: CountsParts, lang: Lang = 'fr'): Matrix {
  const { plan, cells } = parts;
  return {
    type: parts.type,
    title: label(`title.${parts.type}` as 'title.code-source', lang, parts.titleParams ?? {}),
    rowMode: parts.rowMode,
    dimension: plan.dimension,
    columns: plan.columns,
    rows: parts.items.map((item, i) => ({ ...item, cells: cells[i]!, silent: silentColumns(plan.columns, cells[i]!) })),
    filter: parts.filter,
    notes: [...(plan.multi ? [label('note.multiValued', lang)] : []), ...parts.filterNotes],
  };
}
