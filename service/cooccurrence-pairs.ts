// The pairs of codings the co-occurrence matrix counts (analysis/matrix/cooccurrence.ts), read
// from the project under the matrix's coder and coding-date filters.
import type { Db } from '../db/open.ts';
import { sameTurnPairs, type Pair, type PlacedCoding } from '../analysis/matrix/cooccurrence.ts';
import type { MatrixFilter } from '../analysis/matrix/types.ts';
import { codingConditions } from './matrix-queries.ts';
import { readStructure } from './structure.ts';

function codingWhere(alias: string, filter: MatrixFilter): { sql: string; params: unknown[] } {
  const { sql, params } = codingConditions(alias, filter);
  return { sql: sql.length ? sql.join(' AND ') : '1', params };
}

/**
 * Each overlapping pair once, `a` being the coding that starts first (ties: the older id): then
 * b starts inside a, a range the codings_by_source index answers without comparing every pair.
 */
export function cooccurrencePairs(db: Db, filter: MatrixFilter): { overlaps: Pair[]; sameTurn: Pair[] } {
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
  const codings = db
    .prepare(
      `SELECT k.id, k.code_id AS code, k.coder_id AS coder, k.source_id AS sid, k.start FROM codings k
       WHERE ${wk.sql} ORDER BY k.source_id, k.id`,
    )
    .all(...wk.params) as PlacedCoding[];
  return { overlaps, sameTurn: sameTurnPairs(codings, (sid) => readStructure(db, sid)) };
}
