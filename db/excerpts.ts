import type { Excerpt } from '../model/types.ts';

/** A source's case ids and case names, each list joined by char(31), for the source id `source` (SQL). */
const casesOf = (source: string) => `(SELECT group_concat(cs.case_id, char(31)) FROM case_sources cs WHERE cs.source_id = ${source}) AS caseIdList,
    (SELECT group_concat(ca.name, char(31)) FROM case_sources cs JOIN cases ca ON ca.id = cs.case_id
       WHERE cs.source_id = ${source}) AS caseNameList`;

/**
 * Everything a reader needs to judge a coding. substr() counts characters, i.e. code points: the
 * same unit as coding positions. Callers add WHERE and ORDER BY. Without `cases`, the case lists
 * are left to the caller (CASES_OF_SOURCES).
 */
const excerptSelect = (text: string, cases = true) => `SELECT k.id, k.guid, k.source_id AS sourceId, k.code_id AS codeId, k.coder_id AS coderId,
    k.start, k.end, k.created_at AS createdAt, k.valence, k.segment_kind AS segmentKind,
    (SELECT m.text FROM memos m WHERE m.coding_id = k.id ORDER BY m.id LIMIT 1) AS memo,
    ${text}s.name AS sourceName, s.kind AS sourceKind,
    c.name AS codeName, u.name AS coderName${cases ? `,\n    ${casesOf('k.source_id')}` : ''}
  FROM codings k JOIN sources s ON s.id = k.source_id JOIN codes c ON c.id = k.code_id
  JOIN coders u ON u.id = k.coder_id`;
/**
 * Without the text: substr() walks a long transcript from its start for every row, so a
 * caller placing many excerpts of the same sources cuts their text from each source read once
 * (withPlaces does when `text` is missing).
 */
export const EXCERPT_SELECT_WITHOUT_TEXT = excerptSelect('');

/** Without the text, for the coding ids given as one JSON array: each looked up by its key. */
export const EXCERPT_BY_IDS = `${EXCERPT_SELECT_WITHOUT_TEXT} WHERE k.id IN (SELECT value FROM json_each(?))`;

/**
 * EXCERPT_BY_IDS without the case lists, which the caller reads once per source
 * (CASES_OF_SOURCES): a full-grid export quotes 55,000 excerpts of 500 sources.
 */
export const EXCERPT_BY_IDS_WITHOUT_CASES = `${excerptSelect('', false)} WHERE k.id IN (SELECT value FROM json_each(?))`;

/** The case lists of the source ids given as one JSON array, as EXCERPT_SELECT_WITHOUT_TEXT gives them. */
export const CASES_OF_SOURCES = `SELECT j.value AS sourceId, ${casesOf('j.value')} FROM json_each(?) j`;

/** An excerpt before its place in the source is worked out (service/excerpt-places.ts). */
export type UnplacedExcerpt = Omit<Excerpt, 'place' | 'citation'>;
export type ExcerptRow = Omit<UnplacedExcerpt, 'caseIds' | 'caseNames'> & { caseIdList: string | null; caseNameList: string | null };

export function toExcerpt<R extends Omit<ExcerptRow, 'text'>>({
  caseIdList,
  caseNameList,
  ...r
}: R): Omit<R, 'caseIdList' | 'caseNameList'> & { caseIds: number[]; caseNames: string[] } {
  return {
    ...r,
    caseIds: caseIdList ? caseIdList.split('\u001f').map(Number) : [],
    caseNames: caseNameList ? caseNameList.split('\u001f') : [],
  };
}
