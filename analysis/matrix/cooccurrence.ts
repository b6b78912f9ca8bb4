// Code co-occurrence: pairs of codings of different codes by the same coder (two coders meeting
// on a passage is agreement, not co-occurrence) that overlap in the text, or that start in the
// same speaker turn (source_structure). The cell count is the number of distinct pairs in either way.
import type { Db } from '../../db/open.ts';
import type { Lang } from '../../i18n/lang.ts';
import { codingConditions } from './aggregate.ts';
import { filterNotes } from './notes.ts';
import { label } from './labels.ts';
import { rowItems } from './rows.ts';
import { eligibleSources, loadSourceFacts } from './sources.ts';
import type { Matrix, MatrixFilter, RowMode } from './types.ts';

interface Pair {
  a: number;
  ca: number;
  b: number;
  cb: number;
  sid: number;
}

function codingWhere(alias: string, filter: MatrixFilter): { sql: string; params: unknown[] } {
  const { sql, params } = codingConditions(alias, filter);
  return { sql: sql.length ? sql.join(' AND ') : '1', params };
}

/**
 * Each overlapping pair once, `a` being the coding that starts first (ties: the older id): then
 * b starts inside a, a range the codings_by_source index answers without comparing every pair.
 */
function pairs(db: Db, filter: MatrixFilter): { overlaps: Pair[]; sameTurn: Pair[] } {
  const wa = codingWhere('a', filter);
  const wb = codingWhere('b', filter);
  const overlaps = db
    .prepare(
      `SELECT a.id AS a, a.code_id AS ca, b.id AS b, b.code_id AS cb, a.source_id AS sid
       FROM codings a JOIN codings b ON b.source_id = a.source_id AND b.start >= a.start AND b.start < a.end
         AND (b.start > a.start OR b.id > a.id) AND b.coder_id = a.coder_id AND b.code_id <> a.code_id
       WHERE ${wa.sql} AND ${wb.sql}`,
    )
    .all(...wa.params, ...wb.params) as Pair[];
  const wk = codingWhere('k', filter);
  const sameTurn = db
    .prepare(
      `WITH placed AS (
         SELECT k.id, k.code_id, k.coder_id, k.source_id, t.id AS turn FROM codings k
         JOIN source_structure t ON t.source_id = k.source_id AND t.kind = 'turn' AND t.start <= k.start AND k.start < t.end
         WHERE ${wk.sql})
       SELECT a.id AS a, a.code_id AS ca, b.id AS b, b.code_id AS cb, a.source_id AS sid
       FROM placed a JOIN placed b ON b.turn = a.turn AND b.coder_id = a.coder_id AND b.id > a.id AND b.code_id <> a.code_id`,
    )
    .all(...wk.params) as Pair[];
  return { overlaps, sameTurn };
}

/** Square matrix over the rows; with code rows, each code holds only its own codings. */
export function buildCooccurrence(db: Db, mode: RowMode, filter: MatrixFilter, lang: Lang = 'fr'): Matrix {
  const facts = loadSourceFacts(db);
  const eligible = eligibleSources(db, facts, filter);
  const items = rowItems(db, mode, mode === 'codes');
  const rowsOf = new Map<number, number[]>();
  items.forEach((r, i) => r.codeIds.forEach((c) => rowsOf.set(c, [...(rowsOf.get(c) ?? []), i])));
  const n = items.length;
  const acc = Array.from({ length: n * n }, () => ({ count: 0, overlaps: 0, sameTurn: 0, ids: new Set<number>(), sources: new Set<number>() }));
  const { overlaps, sameTurn } = pairs(db, filter);
  // A pair both overlapping and in the same turn is one co-occurrence: count it once.
  const key = (p: Pair) => Math.min(p.a, p.b) * 2 ** 26 + Math.max(p.a, p.b);
  const overlapping = new Set(overlaps.map(key));
  const visit = (p: Pair, kind: 'overlaps' | 'sameTurn') => {
    if (eligible && !eligible.has(p.sid)) return;
    const fresh = kind === 'overlaps' || !overlapping.has(key(p));
    const cells = new Set<number>();
    for (const i of rowsOf.get(p.ca) ?? []) for (const j of rowsOf.get(p.cb) ?? []) cells.add(i * n + j).add(j * n + i);
    for (const c of cells) {
      const a = acc[c]!;
      a[kind]++;
      if (fresh) a.count++;
      a.ids.add(p.a).add(p.b);
      a.sources.add(p.sid);
    }
  };
  overlaps.forEach((p) => visit(p, 'overlaps'));
  sameTurn.forEach((p) => visit(p, 'sameTurn'));
  const casesOf = (sources: Set<number>) => new Set([...sources].flatMap((s) => facts.get(s)?.caseIds ?? [])).size;
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
          excerptIds: [...a.ids].sort((x, y) => x - y),
        };
      }),
    })),
    filter,
    notes: [label('note.cooccurrence', lang), ...filterNotes(db, filter, lang)],
  };
}
