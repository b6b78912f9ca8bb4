// Row x column cells from the codings' ranges (service/matrix-queries.ts codingRanges): per row
// and source, the distinct passages (passages.ts), added to every column the source feeds, with
// the distinct sources and cases that hold them.
import type { ColumnPlan } from './columns.ts';
import { passagesOf, rangeAt, type CodingColumns, type CodingRange, type Passages } from './passages.ts';
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
  /** The first excerpt ids kept per cell, the rest only counted: an export quoting that many needs no more. */
  idsPerCell?: number;
  withValences?: boolean;
}

interface Acc {
  count: number;
  codings: number;
  positive: number;
  negative: number;
  sources: Set<number>;
  cases: Set<number>;
  ids: number[];
}

/** Each source's passages per row (row index -> passages), sources by id: what every grid over the same rows adds up. */
export interface SourcePassages {
  sourceId: number;
  byRow: Map<number, Passages>;
}

/**
 * Row x column cells: a passage counts in every row holding one of its codes, and in every column
 * its source feeds. `codings` come grouped by source (codingRanges), best in text order within it
 * (else each row's list is sorted here); excerpt ids come by source, then position.
 */
export function foldCells(
  codings: CodingColumns,
  rows: RowItem[],
  plan: ColumnPlan,
  facts: Map<number, SourceFacts>,
  eligible: Set<number> | null,
  options: FoldOptions = {},
): MatrixCell[][] {
  const placed = (sourceId: number) => {
    const source = facts.get(sourceId);
    return source !== undefined && plan.place(source).length > 0;
  };
  return cellsOf(sourcePassages(codings, rows, eligible, options.agreement ?? null, placed), rows.length, plan, facts, options);
}

/**
 * The passages of every source (those `wanted`, all by default) per row, computed once: the
 * triangulation matrix, each case's grid and the frequencies of one analysis grid all add up the
 * same passages, each in its own columns (cellsOf).
 */
export function sourcePassages(
  codings: CodingColumns,
  rows: RowItem[],
  eligible: Set<number> | null,
  agreement: readonly number[] | null,
  wanted: (sourceId: number) => boolean = () => true,
): SourcePassages[] {
  const rowsOfCode = new Map<number, number[]>();
  rows.forEach((r, i) => {
    for (const c of r.codeIds) {
      const list = rowsOfCode.get(c);
      if (list) list.push(i);
      else rowsOfCode.set(c, [i]);
    }
  });
  // The codings of each source, by their index in `codings`.
  const bySource = new Map<number, number[]>();
  const { sourceId: sourceOf, codeId: codeOf, start, end } = codings;
  for (let i = 0; i < sourceOf.length; i++) {
    const source = sourceOf[i]!;
    if ((eligible && !eligible.has(source)) || !rowsOfCode.has(codeOf[i]!)) continue;
    const list = bySource.get(source);
    if (list) list.push(i);
    else bySource.set(source, [i]);
  }
  const union = new UnionSweep(rows.length, rowsOfCode, codings);
  const out: SourcePassages[] = [];
  for (const sourceId of [...bySource.keys()].sort((a, b) => a - b)) {
    if (!wanted(sourceId)) continue;
    const mine = inTextOrder(bySource.get(sourceId)!, start, end);
    const byRow =
      agreement === null
        ? union.passages(mine)
        : agreementByRow(
            mine.map((i) => rangeAt(codings, i)),
            rowsOfCode,
            agreement,
          );
    out.push({ sourceId, byRow });
  }
  return out;
}

/** The cells of one grid from the sources' passages: each source's passages added to the columns it feeds. */
export function cellsOf(
  passages: readonly SourcePassages[],
  rowCount: number,
  plan: ColumnPlan,
  facts: Map<number, SourceFacts>,
  options: Omit<FoldOptions, 'agreement'> = {},
): MatrixCell[][] {
  const keep = options.idsPerCell ?? Infinity;
  const acc: Acc[][] = Array.from({ length: rowCount }, () =>
    plan.columns.map(() => ({ count: 0, codings: 0, positive: 0, negative: 0, sources: new Set(), cases: new Set(), ids: [] })),
  );
  for (const { sourceId, byRow } of passages) {
    const source = facts.get(sourceId);
    if (!source) continue;
    const places = plan.place(source);
    if (places.length === 0) continue;
    for (const [r, found] of byRow) {
      if (found.count === 0) continue;
      for (const p of places) {
        const a = acc[r]![p.column]!;
        a.count += found.count;
        a.codings += found.ids.length;
        a.positive += found.positive;
        a.negative += found.negative;
        a.sources.add(sourceId);
        for (const c of p.caseIds) a.cases.add(c);
        if (options.withIds !== false) for (let i = 0; i < found.ids.length && a.ids.length < keep; i++) a.ids.push(found.ids[i]!);
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

/**
 * One source's codings (indices) by start, then end. A typed array of packed keys sorts without a
 * comparator call per step: in a 100,000-coding matrix the comparator sort took as long as the reading.
 */
function inTextOrder(indices: number[], start: readonly number[], end: readonly number[]): number[] {
  const keys = new Float64Array(indices.length);
  // start (< 2^31) * 2^21 + rank (< 2^21) stays below 2^53: exact in a double.
  if (indices.length < 2 ** 21) {
    for (let j = 0; j < indices.length; j++) keys[j] = start[indices[j]!]! * 2 ** 21 + j;
    keys.sort();
    // Plain loops: Array.from with a mapping function and forEach cost a call per element.
    const byStart = new Array<number>(keys.length);
    for (let j = 0; j < keys.length; j++) byStart[j] = indices[keys[j]! % 2 ** 21]!;
    // Equal starts keep table order; the few that also need their ends in order are put so here.
    for (let j = 1; j < byStart.length; j++) {
      if (start[byStart[j]!] !== start[byStart[j - 1]!]) continue;
      for (let m = j; m > 0 && start[byStart[m]!] === start[byStart[m - 1]!] && end[byStart[m]!]! < end[byStart[m - 1]!]!; m--) {
        [byStart[m], byStart[m - 1]] = [byStart[m - 1]!, byStart[m]!];
      }
    }
    return byStart;
  }
  return indices.sort((a, b) => start[a]! - start[b]! || end[a]! - end[b]!);
}

/**
 * Every row's union passages in one source, in one pass over its codings in text order: a coding
 * opens a passage in each of its rows whose passage so far ends at or before its start. The same
 * rule as passagesOf without a list per row: this is the matrix's hot loop on a large project,
 * so its state lives in arrays indexed by row, reused from source to source.
 */
class UnionSweep {
  private readonly end: Float64Array;
  private readonly seen: Int32Array;
  private readonly plus: Uint8Array;
  private readonly minus: Uint8Array;
  private readonly codingCount: Int32Array;
  private stamp = 0;

  constructor(
    rows: number,
    private readonly rowsOfCode: ReadonlyMap<number, number[]>,
    private readonly codings: CodingColumns,
  ) {
    this.end = new Float64Array(rows);
    this.seen = new Int32Array(rows);
    this.plus = new Uint8Array(rows);
    this.minus = new Uint8Array(rows);
    this.codingCount = new Int32Array(rows);
  }

  /** `sorted`: one source's codings, as indices in text order. */
  passages(sorted: readonly number[]): Map<number, Passages> {
    const stamp = ++this.stamp;
    const { codeId, start, end, id, valence } = this.codings;
    const out = new Map<number, Passages>();
    const close = (r: number, p: Passages) => {
      p.positive += this.plus[r]!;
      p.negative += this.minus[r]!;
      this.plus[r] = 0;
      this.minus[r] = 0;
    };
    for (const k of sorted) {
      for (const r of this.rowsOfCode.get(codeId[k]!)!) {
        let p = out.get(r);
        if (this.seen[r] !== stamp) {
          this.seen[r] = stamp;
          this.end[r] = -1;
          this.plus[r] = 0;
          this.minus[r] = 0;
          out.set(r, (p = { count: 0, positive: 0, negative: 0, ids: [] }));
        }
        if (start[k]! >= this.end[r]!) {
          if (p!.count > 0) close(r, p!);
          p!.count++;
        }
        if (end[k]! > this.end[r]!) this.end[r] = end[k]!;
        if (valence?.[k] === '+') this.plus[r] = 1;
        else if (valence?.[k] === '-') this.minus[r] = 1;
        if (id) p!.ids.push(id[k]!);
        else this.codingCount[r]!++;
      }
    }
    for (const [r, p] of out) {
      close(r, p);
      // Without ids asked for, the list only counts the codings: its length is set once, as
      // growing it by one per coding was a runtime call each time (a tenth of the matrix).
      if (!id) {
        p.ids.length = this.codingCount[r]!;
        this.codingCount[r] = 0;
      }
    }
    return out;
  }
}

function agreementByRow(sorted: readonly CodingRange[], rowsOfCode: ReadonlyMap<number, number[]>, agreement: readonly number[]): Map<number, Passages> {
  const perRow = new Map<number, CodingRange[]>();
  for (const k of sorted) {
    for (const r of rowsOfCode.get(k.codeId)!) {
      const list = perRow.get(r);
      if (list) list.push(k);
      else perRow.set(r, [k]);
    }
  }
  return new Map([...perRow].map(([r, list]) => [r, passagesOf(list, agreement, list)]));
}
