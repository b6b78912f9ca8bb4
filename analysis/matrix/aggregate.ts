// Row x column cells from the one query behind every count (service/matrix-queries.ts
// groupCodings: codings grouped by code and source, with their ids), counting distinct sources
// and cases.
import type { ColumnPlan } from './columns.ts';
import type { SourceFacts } from './sources.ts';
import type { MatrixCell, RowItem } from './types.ts';

export interface CodeSourceGroup {
  codeId: number;
  sourceId: number;
  count: number;
  ids: string;
  positive?: number;
  negative?: number;
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
