// Excerpts read by their coding ids, placed in their sources: one statement for any number of ids.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { EXCERPT_BY_IDS, type ExcerptRow, type UnplacedExcerpt } from '../db/excerpts.ts';
import type { Excerpt } from '../model/types.ts';
import { withPlaces } from './excerpt-places.ts';

/**
 * Excerpts by coding id, in no particular order, for a caller that looks them up by id or puts
 * them in its own order (an export quoting tens of thousands, a page of the Extraits tab): one
 * statement for all the ids (a JSON array), and each text cut from its source read once
 * (withPlaces) rather than by substr() walking the source from its start for every row.
 */
export function excerptsInAnyOrder(db: Db, ids: readonly number[]): Excerpt[] {
  const rows = stmt(db, EXCERPT_BY_IDS).all(JSON.stringify([...new Set(ids)])) as Omit<ExcerptRow, 'text'>[];
  return withPlaces(db, rows.map(unplaced));
}

/**
 * toExcerpt's object, its fields named: copying a row by rest and spread goes through V8's slow
 * path, a second per 50,000 excerpts of a full-grid export.
 */
const unplaced = (r: Omit<ExcerptRow, 'text'>): Omit<UnplacedExcerpt, 'text'> => ({
  id: r.id,
  guid: r.guid,
  sourceId: r.sourceId,
  codeId: r.codeId,
  coderId: r.coderId,
  start: r.start,
  end: r.end,
  createdAt: r.createdAt,
  valence: r.valence,
  segmentKind: r.segmentKind,
  memo: r.memo,
  sourceName: r.sourceName,
  sourceKind: r.sourceKind,
  codeName: r.codeName,
  coderName: r.coderName,
  caseIds: r.caseIdList ? r.caseIdList.split('\u001f').map(Number) : [],
  caseNames: r.caseNameList ? r.caseNameList.split('\u001f') : [],
});
