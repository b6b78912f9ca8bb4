// Row x column cells from the codings' ranges (service/matrix-queries.ts codingRanges): per row
// and source, the distinct passages (passages.ts), added to every column the source feeds, with
// the distinct sources and cases that hold them.
import type { ColumnPlan } from './columns.ts';
import { byStart, passagesOf, type CodingRange } from './passages.ts';
import type { SourceFacts } from './sources.ts';
import type { MatrixCell, RowItem } from './types.ts';

/** Codings grouped by code and source, counted in SQL (the codebook sized by use). */
export interface CodeSourceGroup {
  codeId: number;
  sourceId: number;
  count: number;
  ids: string;
  positive?: number;
  negative?: number;
}

export interface FoldOptions {
  /** Coders who must all have coded a stretch for it to count; null: the union of the codings given. */
  agreement?: readonly number[] | null;
  withIds?: boolean;
  withValences?: boolean;
}

const inTextOrder = (list: readonly CodingRange[]) => list.every((k, i) => i === 0 || byStart(list[i - 1]!, k) <= 0);

interface Acc {
  count: number;
  codings: number;
  positive: number;
  negative: number;
  sources: Set<number>;
  cases: Set<number>;
  ids: number[];
}

/**
 * Row x column cells: a passage counts in every row holding one of its codes, and in every column
 * its source feeds. `codings` come grouped by source (codingRanges), best in text order within it
 * (else each row's list is sorted here); excerpt ids come by source, then position.
 */
export function foldCells(
  codings: readonly CodingRange[],
  rows: RowItem[],
  plan: ColumnPlan,
  facts: Map<number, SourceFacts>,
  eligible: Set<number> | null,
  options: FoldOptions = {},
): MatrixCell[][] {
  // Per source, per row, the row's codings in text order: `codings` come by source and start.
  const rowsOfCode = new Map<number, number[]>();
  rows.forEach((r, i) => r.codeIds.forEach((c) => rowsOfCode.set(c, [...(rowsOfCode.get(c) ?? []), i])));
  const bySource = new Map<number, Map<number, CodingRange[]>>();
  for (const k of codings) {
    if (eligible && !eligible.has(k.sourceId)) continue;
    const rowIdx = rowsOfCode.get(k.codeId);
    if (!rowIdx) continue;
    let perRow = bySource.get(k.sourceId);
    if (!perRow) bySource.set(k.sourceId, (perRow = new Map()));
    for (const r of rowIdx) {
      const list = perRow.get(r);
      if (list) list.push(k);
      else perRow.set(r, [k]);
    }
  }
  const acc: Acc[][] = rows.map(() =>
    plan.columns.map(() => ({ count: 0, codings: 0, positive: 0, negative: 0, sources: new Set(), cases: new Set(), ids: [] })),
  );
  const sourceIds = [...bySource.keys()].sort((a, b) => a - b);
  for (const sourceId of sourceIds) {
    const source = facts.get(sourceId);
    if (!source) continue;
    const places = plan.place(source);
    if (places.length === 0) continue;
    for (const [r, mine] of bySource.get(sourceId)!) {
      if (!inTextOrder(mine)) mine.sort(byStart);
      const found = passagesOf(mine, options.agreement ?? null, mine);
      if (found.count === 0) continue;
      for (const p of places) {
        const a = acc[r]![p.column]!;
        a.count += found.count;
        a.codings += found.ids.length;
        a.positive += found.positive;
        a.negative += found.negative;
        a.sources.add(sourceId);
        for (const c of p.caseIds) a.cases.add(c);
        if (options.withIds !== false) for (const id of found.ids) a.ids.push(id);
      }
    }
  }
  return acc.map((cells) =>
    cells.map((a) => ({
      count: a.count,
      codings: a.codings,
      sources: a.sources.size,
      cases: a.cases.size,
      excerptIds: a.ids,
      ...(options.withValences ? { positive: a.positive, negative: a.negative } : {}),
    })),
  );
}
