// The pairs of codings the co-occurrence matrix counts (analysis/matrix/cooccurrence.ts), from
// the codings read under the matrix's coder and coding-date filters.
import type { Db } from '../db/open.ts';
import { overlapPairs, placedCodings, sameTurnPairs, type Pair } from '../analysis/matrix/cooccurrence.ts';
import type { CodingColumns } from '../analysis/matrix/passages.ts';
import type { MatrixFilter } from '../analysis/matrix/types.ts';
import { codingRanges } from './matrix-queries.ts';
import { readStructure } from './structure.ts';

/**
 * The overlapping pairs and those in the same speaker turn, from one read of the codings (the
 * analysis grid passes the one it already made, with ids and coders). A self-join of the codings
 * on the codings_by_source index gave the same pairs in SQL, at several times the cost of reading
 * the codings once and sweeping each source in JavaScript.
 */
export function cooccurrencePairs(db: Db, filter: MatrixFilter, read?: CodingColumns): { overlaps: Pair[]; sameTurn: Pair[] } {
  const codings = read ?? codingRanges(db, filter, undefined, { ids: true, coders: true });
  return { overlaps: overlapPairs(codings), sameTurn: sameTurnPairs(placedCodings(codings), (sid) => readStructure(db, sid)) };
}
