// A counts matrix of any kind: rows from the codebook or the questions, columns from a spec,
// cells from the single grouped query. The triangulation, the per-participant grid, the
// crosstabs and the frequencies are all this plus their own annotations.
import type { Db } from '../../db/open.ts';
import type { Lang } from '../../i18n/lang.ts';
import { groupCodings, foldCells } from './aggregate.ts';
import { columnPlan, type ColumnPlan } from './columns.ts';
import { rowItems } from './rows.ts';
import { eligibleSources, loadSourceFacts, type SourceFacts } from './sources.ts';
import type { ColumnSpec, MatrixCell, MatrixColumn, MatrixFilter, RowItem, RowMode } from './types.ts';

export interface CountsInput {
  rows: RowMode;
  columns: ColumnSpec;
  filter: MatrixFilter;
  /** Only these rows (a cell's excerpts are asked for one row). */
  rowKeys?: string[] | undefined;
  excerptIds?: boolean | undefined;
  valences?: boolean | undefined;
  /** Changes where a source's codings go (the per-participant grid narrows one column to a case). */
  adjust?: (plan: ColumnPlan) => ColumnPlan;
}

export interface Counts {
  items: RowItem[];
  columns: MatrixColumn[];
  cells: MatrixCell[][];
  dimension: string;
  multi: boolean;
  facts: Map<number, SourceFacts>;
}

export function countMatrix(db: Db, input: CountsInput, lang: Lang = 'fr'): Counts {
  const facts = loadSourceFacts(db);
  const eligible = eligibleSources(db, facts, input.filter);
  const kept = [...facts.values()].filter((s) => !eligible || eligible.has(s.id));
  let plan = columnPlan(db, input.columns, kept, lang);
  if (input.adjust) plan = input.adjust(plan);
  let items = rowItems(db, input.rows);
  if (input.rowKeys) items = items.filter((r) => input.rowKeys!.includes(r.key));
  const codeIds = input.rowKeys ? [...new Set(items.flatMap((r) => r.codeIds))] : undefined;
  const groups = groupCodings(db, input.filter, codeIds, input.excerptIds !== false, !!input.valences);
  const cells = foldCells(groups, items, plan, facts, eligible, !!input.valences);
  return { items, columns: plan.columns, cells, dimension: plan.dimension, multi: plan.multi, facts };
}

export const silentColumns = (columns: MatrixColumn[], cells: MatrixCell[]): string[] =>
  columns.filter((_, i) => cells[i]!.count === 0).map((c) => c.key);
