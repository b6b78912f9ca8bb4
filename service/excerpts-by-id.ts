// Excerpts read by their coding ids, placed in their sources: one statement for any number of ids.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { CASES_OF_SOURCES, EXCERPT_BY_IDS_WITHOUT_CASES, type ExcerptRow } from '../db/excerpts.ts';
import type { Excerpt } from '../model/types.ts';
import { placer } from './excerpt-places.ts';

type Row = Omit<ExcerptRow, 'text' | 'caseIdList' | 'caseNameList'>;

interface SourceCases {
  caseIds: number[];
  caseNames: string[];
}

/**
 * Excerpts by coding id, in no particular order, for a caller that looks them up by id or puts
 * them in its own order (an export quoting tens of thousands, a page of the Extraits tab): one
 * statement for all the ids (a JSON array), each source's cases read once rather than for every
 * excerpt, and each text cut from its source read once (placer) rather than by substr() walking
 * the source from its start for every row.
 */
export function excerptsInAnyOrder(db: Db, ids: readonly number[]): Excerpt[] {
  const rows = stmt(db, EXCERPT_BY_IDS_WITHOUT_CASES).all(JSON.stringify([...new Set(ids)])) as Row[];
  const cases = casesOf(db, rows);
  const place = placer(db);
  return rows.map((r) => {
    const { caseIds, caseNames } = cases.get(r.sourceId)!;
    const placed = place({ sourceId: r.sourceId, start: r.start, end: r.end, sourceName: r.sourceName, caseNames });
    // toExcerpt's and withPlaces' object, its fields named: copying a row by rest and spread goes
    // through V8's slow path, a second per 50,000 excerpts of a full-grid export.
    return {
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
      caseIds: [...caseIds],
      caseNames: [...caseNames],
      text: placed.text,
      place: placed.place,
      citation: placed.citation,
    };
  });
}

/** The cases of the rows' sources, by source. */
function casesOf(db: Db, rows: readonly Row[]): Map<number, SourceCases> {
  const sources = [...new Set(rows.map((r) => r.sourceId))];
  const lists = stmt(db, CASES_OF_SOURCES).all(JSON.stringify(sources)) as { sourceId: number; caseIdList: string | null; caseNameList: string | null }[];
  return new Map(
    lists.map((l) => [
      l.sourceId,
      { caseIds: l.caseIdList ? l.caseIdList.split('\u001f').map(Number) : [], caseNames: l.caseNameList ? l.caseNameList.split('\u001f') : [] },
    ]),
  );
}
