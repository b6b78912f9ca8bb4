// The one query behind every count: codings grouped by code and source, with their ids. It stays
// on the codings_by_code index and never reads a text; the groups are then folded into
// row x column cells, counting distinct sources and cases.
import type { Db } from '../../db/open.ts';
import type { ColumnPlan } from './columns.ts';
import type { SourceFacts } from './sources.ts';
import type { MatrixCell, MatrixFilter, RowItem } from './types.ts';

export interface CodeSourceGroup {
  codeId: number;
  sourceId: number;
  count: number;
  ids: string;
  positive?: number;
  negative?: number;
}

/** The filters that bear on codings themselves (coder, coding date), for the codings aliased `alias`. */
export function codingConditions(alias: string, filter: MatrixFilter): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (filter.coderIds?.length) {
    sql.push(`${alias}.coder_id IN (${filter.coderIds.map(() => '?').join(',')})`);
    params.push(...filter.coderIds);
  }
  if (!filter.dateAttribute && filter.from) {
    sql.push(`${alias}.created_at >= ?`);
    params.push(filter.from);
  }
  if (!filter.dateAttribute && filter.to) {
    sql.push(`substr(${alias}.created_at, 1, 10) <= ?`);
    params.push(filter.to);
  }
  return { sql, params };
}

/** Coder and coding-date filters apply here; filters on sources are applied when folding. */
export function groupCodings(
  db: Db,
  filter: MatrixFilter,
  codeIds?: number[],
  withIds = true,
  withValences = false,
): CodeSourceGroup[] {
  const { sql: where, params } = codingConditions('k', filter);
  if (codeIds) {
    where.push(`k.code_id IN (${codeIds.map(() => '?').join(',') || 'NULL'})`);
    params.push(...codeIds);
  }
  return db
    .prepare(
      `SELECT k.code_id AS codeId, k.source_id AS sourceId, count(*) AS count, ${withIds ? 'group_concat(k.id)' : "''"} AS ids
       ${withValences ? ", sum(k.valence = '+') AS positive, sum(k.valence = '-') AS negative" : ''} FROM codings k ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY k.code_id, k.source_id`,
    )
    .all(...params) as CodeSourceGroup[];
}

interface Acc {
  count: number;
  positive: number;
  negative: number;
  sources: Set<number>;
  cases: Set<number>;
  /** The groups' id lists (text), parsed once per cell at the end: much faster than number by number. */
  ids: string[];
}

/**
 * Row x column cells from the groups: a coding counts in every row holding its code, and in every
 * column its source feeds. Excerpt ids come in index order (code, source, position).
 */
export function foldCells(
  groups: CodeSourceGroup[],
  rows: RowItem[],
  plan: ColumnPlan,
  facts: Map<number, SourceFacts>,
  eligible: Set<number> | null,
  withValences = false,
): MatrixCell[][] {
  const rowsOfCode = new Map<number, number[]>();
  rows.forEach((r, i) => r.codeIds.forEach((c) => rowsOfCode.set(c, [...(rowsOfCode.get(c) ?? []), i])));
  const acc: Acc[][] = rows.map(() => plan.columns.map(() => ({ count: 0, positive: 0, negative: 0, sources: new Set(), cases: new Set(), ids: [] })));
  const placements = new Map<number, ReturnType<ColumnPlan['place']>>();
  groups.forEach((g) => {
    const rowIdx = rowsOfCode.get(g.codeId);
    if (!rowIdx || (eligible && !eligible.has(g.sourceId))) return;
    const source = facts.get(g.sourceId);
    if (!source) return;
    let places = placements.get(g.sourceId);
    if (!places) placements.set(g.sourceId, (places = plan.place(source)));
    if (places.length === 0) return;
    for (const r of rowIdx) {
      for (const p of places) {
        const a = acc[r]![p.column]!;
        a.count += g.count;
        a.positive += g.positive ?? 0;
        a.negative += g.negative ?? 0;
        a.sources.add(g.sourceId);
        for (const c of p.caseIds) a.cases.add(c);
        if (g.ids) a.ids.push(g.ids);
      }
    }
  });
  return acc.map((cells) =>
    cells.map((a) => ({
      count: a.count,
      sources: a.sources.size,
      cases: a.cases.size,
      excerptIds: a.ids.length ? (JSON.parse(`[${a.ids.join(',')}]`) as number[]) : [],
      ...(withValences ? { positive: a.positive, negative: a.negative } : {}),
    })),
  );
}
