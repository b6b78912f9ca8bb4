// Code co-occurrence: pairs of codings of different codes by the same coder (two coders meeting
// on a passage is agreement, not co-occurrence) that overlap in the text, or that start in the
// same speaker turn (the source's structure). The cell count is the number of distinct pairs in either way.
// The pairs are read by service/cooccurrence-pairs.ts; they are counted into cells here.
import type { Lang } from '../../i18n/lang.ts';
import type { StructureSegment } from '../../model/types.ts';
import { label } from './labels.ts';
import type { CodingColumns } from './passages.ts';
import type { SourceFacts } from './sources.ts';
import type { Matrix, MatrixFilter, RowItem, RowMode } from './types.ts';

export interface Pair {
  a: number;
  ca: number;
  b: number;
  cb: number;
  sid: number;
}

export interface PlacedCoding {
  id: number;
  code: number;
  coder: number;
  sid: number;
  start: number;
}

/**
 * Each overlapping pair once: codings of one source by the same coder, of different codes, where
 * `b` starts inside `a` (a starting first; on the same start, the lower id is `a`). One sweep per
 * source over its codings by start, each looking ahead only while the next ones start inside it.
 * `codings` need their ids and coders.
 */
export function overlapPairs(codings: CodingColumns): Pair[] {
  const { sourceId, codeId, start, end } = codings;
  const id = codings.id!;
  const coder = codings.coderId!;
  const bySource = new Map<number, number[]>();
  for (let i = 0; i < sourceId.length; i++) {
    const list = bySource.get(sourceId[i]!);
    if (list) list.push(i);
    else bySource.set(sourceId[i]!, [i]);
  }
  const out: Pair[] = [];
  for (const [sid, list] of bySource) {
    list.sort((x, y) => start[x]! - start[y]! || id[x]! - id[y]!);
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      for (let j = i + 1; j < list.length && start[list[j]!]! < end[a]!; j++) {
        const b = list[j]!;
        if (coder[b] === coder[a] && codeId[b] !== codeId[a]) out.push({ a: id[a]!, ca: codeId[a]!, b: id[b]!, cb: codeId[b]!, sid });
      }
    }
  }
  return out;
}

/** The codings as sameTurnPairs takes them: grouped by source, in id order. */
export function placedCodings(codings: CodingColumns): PlacedCoding[] {
  const { sourceId, codeId, start } = codings;
  const id = codings.id!;
  const coder = codings.coderId!;
  return Array.from(sourceId, (sid, i) => ({ id: id[i]!, code: codeId[i]!, coder: coder[i]!, sid, start: start[i]! })).sort(
    (x, y) => x.sid - y.sid || x.id - y.id,
  );
}

/**
 * Pairs starting in the same turn, `a` the older coding. `codings` come grouped by source, in id
 * order; `structureOf` gives a source's structure (in position order), asked once per source, and
 * each coding is placed in its turn by binary search.
 */
export function sameTurnPairs(codings: readonly PlacedCoding[], structureOf: (sourceId: number) => readonly StructureSegment[]): Pair[] {
  const out: Pair[] = [];
  for (let from = 0; from < codings.length;) {
    const sid = codings[from]!.sid;
    let to = from;
    while (to < codings.length && codings[to]!.sid === sid) to++;
    const turns = structureOf(sid).filter((s) => s.kind === 'turn');
    if (turns.length > 0) {
      const starts = turns.map((t) => t.start);
      // Codings by turn and coder, in id order (the query's).
      const groups = new Map<string, PlacedCoding[]>();
      for (let i = from; i < to; i++) {
        const k = codings[i]!;
        const t = lastAtOrBefore(starts, k.start);
        if (t < 0 || k.start >= turns[t]!.end) continue;
        const key = `${t}/${k.coder}`;
        const group = groups.get(key);
        if (group) group.push(k);
        else groups.set(key, [k]);
      }
      for (const group of groups.values()) {
        for (let i = 0; i < group.length; i++) {
          const a = group[i]!;
          for (let j = i + 1; j < group.length; j++) {
            const b = group[j]!;
            if (b.code !== a.code) out.push({ a: a.id, ca: a.code, b: b.id, cb: b.code, sid });
          }
        }
      }
    }
    from = to;
  }
  return out;
}

/** Index of the last value <= x in an ascending array, -1 when none. */
function lastAtOrBefore(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export interface CooccurrenceParts {
  mode: RowMode;
  /** The rows; with code rows, each code holds only its own codings (rows.ts `own`). */
  items: RowItem[];
  overlaps: readonly Pair[];
  sameTurn: readonly Pair[];
  facts: Map<number, SourceFacts>;
  /** The sources the filter keeps (null: all). */
  eligible: Set<number> | null;
  filter: MatrixFilter;
  filterNotes: string[];
}

/** Square matrix over the rows. */
export function cooccurrenceMatrix(parts: CooccurrenceParts, lang: Lang = 'fr'): Matrix {
  const { mode, items, overlaps, sameTurn, facts, eligible, filter } = parts;
  const rowsOf = new Map<number, number[]>();
  items.forEach((r, i) => r.codeIds.forEach((c) => rowsOf.set(c, [...(rowsOf.get(c) ?? []), i])));
  const n = items.length;
  // A large project has some 100,000 pairs: ids are gathered in plain lists, sorted and made
  // unique once per cell at the end, and a cell's sources are added once per run of one source.
  const acc = Array.from({ length: n * n }, () => ({ count: 0, overlaps: 0, sameTurn: 0, ids: [] as number[], sources: new Set<number>(), last: -1 }));
  // A pair both overlapping and in the same turn is one co-occurrence: count it once.
  const key = (p: Pair) => Math.min(p.a, p.b) * 2 ** 26 + Math.max(p.a, p.b);
  const overlapping = sameTurn.length > 0 ? new Set(overlaps.map(key)) : new Set<number>();
  const cells = new Set<number>();
  const visit = (p: Pair, kind: 'overlaps' | 'sameTurn') => {
    if (eligible && !eligible.has(p.sid)) return;
    const fresh = kind === 'overlaps' || !overlapping.has(key(p));
    cells.clear();
    for (const i of rowsOf.get(p.ca) ?? []) for (const j of rowsOf.get(p.cb) ?? []) cells.add(i * n + j).add(j * n + i);
    for (const c of cells) {
      const a = acc[c]!;
      a[kind]++;
      if (fresh) a.count++;
      a.ids.push(p.a, p.b);
      if (a.last !== p.sid) a.sources.add((a.last = p.sid));
    }
  };
  overlaps.forEach((p) => visit(p, 'overlaps'));
  sameTurn.forEach((p) => visit(p, 'sameTurn'));
  const casesOf = (sources: Set<number>) => new Set([...sources].flatMap((s) => facts.get(s)?.caseIds ?? [])).size;
  const distinct = (ids: number[]): number[] => {
    const sorted = Float64Array.from(ids).sort();
    const out: number[] = [];
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]!);
    return out;
  };
  return {
    type: 'cooccurrence',
    title: label('title.cooccurrence', lang),
    rowMode: mode,
    dimension: 'code',
    columns: items.map((r) => ({ key: r.key, label: r.abbrev ?? r.label })),
    rows: items.map((r, i) => ({
      ...r,
      cells: items.map((_, j) => {
        const a = acc[i * n + j]!;
        return {
          count: a.count,
          overlaps: a.overlaps,
          sameTurn: a.sameTurn,
          sources: a.sources.size,
          cases: casesOf(a.sources),
          excerptIds: distinct(a.ids),
        };
      }),
    })),
    filter,
    notes: [label('note.cooccurrence', lang), ...parts.filterNotes],
  };
}
