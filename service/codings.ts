import type { Db } from '../db/open.ts';
import { EXCERPT_SELECT_WITHOUT_TEXT, toExcerpt, type ExcerptRow } from '../db/excerpts.ts';
import { withPlaces } from './excerpt-places.ts';
import { excerptsInAnyOrder } from './excerpts-by-id.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import type { Coding, Excerpt, SegmentKind, SourceKind, Valence } from '../model/types.ts';
import { sliceCodePoints } from '../text/offsets.ts';
import { findPassage } from '../text/passage-match.ts';
import { codeAndDescendants, getCode } from './codebook.ts';
import { newGuid, nowIso, type ProjectContext } from './context.ts';
import { setMemberIds } from './sets.ts';

export interface NewCoding {
  sourceId: number;
  codeId: number;
  start: number;
  end: number;
  valence?: Valence | null;
  segmentKind?: SegmentKind;
  memo?: string | null;
  /** Given when a coding comes back (undo, merge, exchange) so it keeps its identity. */
  guid?: string;
  /** The REFI-QDA selection it was read from (db/migrations/0007-exchange-kept.ts), when it comes back. */
  selectionGuid?: string | null;
  coderId?: number;
  createdAt?: string;
}

/** What a caller may give when coding a passage; the coder and date are the session's. */
export type CodingInput = Omit<NewCoding, 'coderId' | 'createdAt'>;

const CODING_SQL = `SELECT k.id, k.guid, k.source_id AS sourceId, k.code_id AS codeId, k.coder_id AS coderId, k.start, k.end,
  k.created_at AS createdAt, k.valence, k.segment_kind AS segmentKind,
  (SELECT m.text FROM memos m WHERE m.coding_id = k.id ORDER BY m.id LIMIT 1) AS memo
  FROM codings k`;

/** Applies a code to a passage, attributed to the current coder. */
export function addCoding(ctx: ProjectContext, input: NewCoding): Coding {
  return ctx.db.transaction(() => insertCoding(ctx, input))();
}

/**
 * Codes several passages (code-all-hits, and its redo) in one transaction: every passage, or none
 * when one is refused, so a failure midway never leaves half the hits coded.
 */
export function addCodings(ctx: ProjectContext, inputs: readonly NewCoding[]): Coding[] {
  return ctx.db.transaction(() => inputs.map((input) => insertCoding(ctx, input)))();
}

/**
 * What to do when the passage overlaps codings of the same code, source and coder without lying
 * inside one: 'refuse' (a user's gesture: they are offered to extend instead, see coding-extend.ts)
 * or 'keep' (an import or a merge, which cannot ask; the caller absorbs what the new one contains).
 * A passage inside one of them is refused either way: it would count and quote the words twice.
 */
export type OverlapPolicy = 'refuse' | 'keep';

export function insertCoding(ctx: ProjectContext, input: NewCoding, overlaps: OverlapPolicy = 'refuse'): Coding {
  const db = ctx.db;
  const src = stmt(db, 'SELECT length FROM sources WHERE id = ?').get(input.sourceId) as { length: number } | undefined;
  if (!src) throw new TresseError('source.notFound', { ref: String(input.sourceId) });
  const { start, end } = input;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > src.length) {
    throw new TresseError('coding.range', { start, end, length: src.length });
  }
  const code = stmt(db, 'SELECT name, codable FROM codes WHERE id = ?').get(input.codeId) as { name: string; codable: number } | undefined;
  if (!code) throw new TresseError('code.notFound', { ref: String(input.codeId) });
  if (code.codable !== 1) throw new TresseError('code.notCodable', { name: code.name });
  const coding = codingOf(ctx, input);
  assertNotCovered(db, coding, code.name);
  if (overlaps === 'refuse') assertNoOverlap(db, coding, code.name);
  return storeCoding(ctx, coding, input.selectionGuid ?? null);
}

/** The coding `input` describes, defaults filled in (the session's coder, now), not stored yet. */
export function codingOf(ctx: ProjectContext, input: NewCoding): Coding {
  return {
    id: 0,
    guid: input.guid ?? newGuid(),
    sourceId: input.sourceId,
    codeId: input.codeId,
    coderId: input.coderId ?? ctx.coder.id,
    start: input.start,
    end: input.end,
    createdAt: input.createdAt ?? nowIso(),
    valence: input.valence ?? null,
    segmentKind: input.segmentKind ?? 'verbatim',
    memo: input.memo?.trim() ? input.memo.trim() : null,
  };
}

/**
 * Writes a coding (and its memo) whose source, code, range and place among the others were checked
 * by the caller: insertCoding, or a merge that keeps its own index of the codings already there.
 */
export function storeCoding(ctx: ProjectContext, coding: Coding, selectionGuid: string | null): Coding {
  const db = ctx.db;
  const info = stmt(
    db,
    `INSERT INTO codings (guid, source_id, code_id, coder_id, start, end, created_at, valence, segment_kind, selection_guid)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    coding.guid,
    coding.sourceId,
    coding.codeId,
    coding.coderId,
    coding.start,
    coding.end,
    coding.createdAt,
    coding.valence,
    coding.segmentKind,
    selectionGuid,
  );
  coding.id = Number(info.lastInsertRowid);
  if (coding.memo) {
    stmt(db, `INSERT INTO memos (guid, coding_id, title, text, author_id, created_at, updated_at) VALUES (?, ?, '', ?, ?, ?, ?)`).run(
      newGuid(),
      coding.id,
      coding.memo,
      coding.coderId,
      coding.createdAt,
      coding.createdAt,
    );
  }
  return coding;
}

/** Which codings must stay one per passage: the same source, code and coder. */
export type CodingKey = Pick<Coding, 'sourceId' | 'codeId' | 'coderId'>;

/** The codings of `key` that share at least one character with [start, end), in source order. */
export function overlappingCodings(db: Db, key: CodingKey, start: number, end: number): Coding[] {
  return stmt(db, `${CODING_SQL} WHERE k.code_id = ? AND k.source_id = ? AND k.coder_id = ? AND k.start < ? AND k.end > ? ORDER BY k.start, k.end, k.id`).all(
    key.codeId,
    key.sourceId,
    key.coderId,
    end,
    start,
  ) as Coding[];
}

/** The coding of `key` that already holds all of [start, end), if any. */
export function coveringCoding(db: Db, key: CodingKey, start: number, end: number): Coding | undefined {
  return overlappingCodings(db, key, start, end).find((k) => k.start <= start && end <= k.end);
}

/**
 * The range one coding would cover if [start, end) and the codings of `key` it overlaps became one:
 * grown until it overlaps nothing more (two codings kept side by side by an import may chain).
 */
export function extensionOf(db: Db, key: CodingKey, start: number, end: number): { start: number; end: number; overlapping: Coding[] } {
  let range = { start, end };
  for (;;) {
    const overlapping = overlappingCodings(db, key, range.start, range.end);
    const next = {
      start: Math.min(range.start, ...overlapping.map((k) => k.start)),
      end: Math.max(range.end, ...overlapping.map((k) => k.end)),
    };
    if (next.start === range.start && next.end === range.end) return { ...range, overlapping };
    range = next;
  }
}

function assertNotCovered(db: Db, coding: Coding, codeName: string): void {
  const covering = coveringCoding(db, coding, coding.start, coding.end);
  if (!covering) return;
  throw new TresseError('coding.alreadyCoded', {
    code: codeName,
    text: quoteOf(db, coding.sourceId, covering.start, covering.end),
    start: covering.start,
    end: covering.end,
    id: covering.id,
  });
}

function assertNoOverlap(db: Db, coding: Coding, codeName: string): void {
  const union = extensionOf(db, coding, coding.start, coding.end);
  if (union.overlapping.length === 0) return;
  throw new TresseError('coding.overlaps', {
    code: codeName,
    count: union.overlapping.length,
    text: quoteOf(db, coding.sourceId, union.start, union.end),
    start: union.start,
    end: union.end,
    ids: union.overlapping.map((k) => k.id).join(','),
  });
}

/** The words of a range, shortened for a message. */
function quoteOf(db: Db, sourceId: number, start: number, end: number): string {
  const { text } = stmt(db, 'SELECT text FROM sources WHERE id = ?').get(sourceId) as { text: string };
  return shorten(sliceCodePoints(text, start, end));
}

/**
 * Folds into `kept` the codings of its key that it contains (an import or a merge brought a wider
 * passage): their memos move to it, then they go. Returns the ids removed.
 */
export function absorbContained(db: Db, kept: Coding): number[] {
  const inside = overlappingCodings(db, kept, kept.start, kept.end).filter((k) => k.id !== kept.id && kept.start <= k.start && k.end <= kept.end);
  const ids = inside.map((k) => k.id);
  foldInto(db, kept.id, ids);
  return ids;
}

/** Deletes the codings `ids`, their memos moved to the coding `keptId`. */
export function foldInto(db: Db, keptId: number, ids: readonly number[]): void {
  for (const id of ids) {
    stmt(db, 'UPDATE memos SET coding_id = ? WHERE coding_id = ?').run(keptId, id);
    stmt(db, 'DELETE FROM codings WHERE id = ?').run(id);
  }
}

/**
 * Folds each of `ids` into the coding of its key that holds it, or the codings it holds into it
 * (absorbContained); says how many codings went, and how many of those were among `ids`.
 */
export function foldContained(db: Db, ids: readonly number[]): { count: number; movedGone: number } {
  const gone = new Set<number>();
  for (const id of ids) {
    if (gone.has(id)) continue;
    const k = getCoding(db, id);
    const holder = coveringOther(db, k);
    if (holder) {
      stmt(db, 'UPDATE memos SET coding_id = ? WHERE coding_id = ?').run(holder.id, k.id);
      stmt(db, 'DELETE FROM codings WHERE id = ?').run(k.id);
      gone.add(k.id);
    } else for (const absorbed of absorbContained(db, k)) gone.add(absorbed);
  }
  const movedGone = ids.filter((id) => gone.has(id)).length;
  return { count: gone.size, movedGone };
}

/** Another coding of the same key whose range holds all of `k`'s. */
function coveringOther(db: Db, k: Coding): Coding | undefined {
  return overlappingCodings(db, k, k.start, k.end).find((o) => o.id !== k.id && o.start <= k.start && k.end <= o.end);
}

/** Removes a coding and returns it, so that undo can put it back with the same identity. */
export function removeCoding(ctx: ProjectContext, id: number): Coding {
  return ctx.db.transaction(() => {
    const coding = getCoding(ctx.db, id);
    stmt(ctx.db, 'DELETE FROM codings WHERE id = ?').run(id);
    return coding;
  })();
}

/**
 * Removes several codings in one transaction and returns them (the undo of a batch): all of them,
 * or none when one is already gone.
 */
export function removeCodings(ctx: ProjectContext, ids: readonly number[]): Coding[] {
  return ctx.db.transaction(() =>
    ids.map((id) => {
      const coding = getCoding(ctx.db, id);
      stmt(ctx.db, 'DELETE FROM codings WHERE id = ?').run(id);
      return coding;
    }),
  )();
}

export function getCoding(db: Db, id: number): Coding {
  const row = stmt(db, `${CODING_SQL} WHERE k.id = ?`).get(id) as Coding | undefined;
  if (!row) throw new TresseError('coding.notFound', { ref: String(id) });
  return row;
}

export function findCodingByGuid(db: Db, guid: string): Coding | undefined {
  return stmt(db, `${CODING_SQL} WHERE k.guid = ?`).get(guid) as Coding | undefined;
}

export function listCodingsOfSource(db: Db, sourceId: number): Coding[] {
  return stmt(db, `${CODING_SQL} WHERE k.source_id = ? ORDER BY k.start, k.end, k.id`).all(sourceId) as Coding[];
}

/** The codings of one code, in source order: the query behind retrieval, kept on its index. */
export function listCodingsOfCode(db: Db, codeId: number): Coding[] {
  return stmt(
    db,
    `SELECT id, guid, source_id AS sourceId, code_id AS codeId, coder_id AS coderId, start, end, created_at AS createdAt,
       valence, segment_kind AS segmentKind, NULL AS memo
     FROM codings WHERE code_id = ? ORDER BY source_id, start`,
  ).all(codeId) as Coding[];
}

export interface RetrieveFilter {
  /** Without a code, the excerpts of every code (usually with `sourceIds`). */
  codeId?: number;
  includeSubcodes?: boolean;
  sourceIds?: number[];
  sourceKinds?: SourceKind[];
  coderIds?: number[];
  /** Keep excerpts from the sources of this set of sources. */
  sourceSetId?: number;
  /** Keep excerpts of the codes of this set of codes. */
  codeSetId?: number;
  /** Keep excerpts from sources linked to a case whose attribute has one of these values. */
  caseAttribute?: { name: string; values: Array<string | number | boolean> };
}

/** The coded excerpts of a code, with their text and where they come from. */
export function retrieveExcerpts(db: Db, filter: RetrieveFilter): Excerpt[] {
  const { where, params } = retrieveConditions(db, filter);
  const sql = `${EXCERPT_SELECT_WITHOUT_TEXT} WHERE ${where} ${READING_ORDER}`;
  const rows = db.prepare(sql).all(...params) as Omit<ExcerptRow, 'text'>[];
  return withPlaces(db, rows.map(toExcerpt));
}

export interface ExcerptPage {
  /** Every excerpt the filter keeps. */
  total: number;
  excerpts: Excerpt[];
}

/**
 * One page of the same excerpts in the same order, as the Extraits tab shows them: the ids of all
 * in one read of the index on codings by code (no text, no subquery per row), then the page's
 * own rows and texts. Only the page's sources are read, so a code spread over the whole corpus is
 * shown without reading the corpus.
 */
export function retrieveExcerptPage(db: Db, filter: RetrieveFilter, page: { offset?: number; limit?: number } = {}): ExcerptPage {
  const { where, params } = retrieveConditions(db, filter);
  const ids = db
    .prepare(`${EXCERPT_IDS} WHERE ${where} ${READING_ORDER}`)
    .pluck()
    .all(...params) as number[];
  const offset = page.offset ?? 0;
  const wanted = page.limit === undefined ? ids.slice(offset) : ids.slice(offset, offset + page.limit);
  const rank = new Map(wanted.map((id, i) => [id, i]));
  return { total: ids.length, excerpts: excerptsInAnyOrder(db, wanted).sort((a, b) => rank.get(a.id)! - rank.get(b.id)!) };
}

/** By kind of source, source name, then position; the id settles codings of the same range. */
const READING_ORDER = 'ORDER BY s.kind, s.name, k.start, k.end, k.id';
/** The ids of the excerpts a filter keeps: the same joins and conditions as EXCERPT_SELECT_WITHOUT_TEXT. */
export const EXCERPT_IDS = 'SELECT k.id FROM codings k JOIN sources s ON s.id = k.source_id';

/** The WHERE clause of a retrieval (over codings `k` and sources `s`) and its parameters. */
function retrieveConditions(db: Db, filter: RetrieveFilter): { where: string; params: unknown[] } {
  const where: string[] = ['1'];
  const params: unknown[] = [];
  if (filter.codeId !== undefined) {
    getCode(db, filter.codeId);
    const codeIds = filter.includeSubcodes ? codeAndDescendants(db, filter.codeId) : [filter.codeId];
    where.push(`k.code_id IN (${codeIds.map(() => '?').join(',')})`);
    params.push(...codeIds);
  }
  if (filter.sourceIds?.length) {
    where.push(`k.source_id IN (${filter.sourceIds.map(() => '?').join(',')})`);
    params.push(...filter.sourceIds);
  }
  if (filter.sourceKinds?.length) {
    where.push(`s.kind IN (${filter.sourceKinds.map(() => '?').join(',')})`);
    params.push(...filter.sourceKinds);
  }
  if (filter.coderIds?.length) {
    where.push(`k.coder_id IN (${filter.coderIds.map(() => '?').join(',')})`);
    params.push(...filter.coderIds);
  }
  for (const [setId, kind, column] of [
    [filter.sourceSetId, 'sources', 'source_id'],
    [filter.codeSetId, 'codes', 'code_id'],
  ] as const) {
    if (setId === undefined) continue;
    setMemberIds(db, setId, kind);
    where.push(`k.${column} IN (SELECT ${column} FROM set_${kind} WHERE set_id = ?)`);
    params.push(setId);
  }
  if (filter.caseAttribute) {
    const values = filter.caseAttribute.values.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));
    where.push(`EXISTS (SELECT 1 FROM case_sources cs JOIN attribute_values v ON v.case_id = cs.case_id
      JOIN attributes a ON a.id = v.attribute_id
      WHERE cs.source_id = k.source_id AND a.scope = 'case' AND a.name = ? AND v.value IN (${values.map(() => '?').join(',')}))`);
    params.push(filter.caseAttribute.name, ...values);
  }
  return { where: where.join(' AND '), params };
}

/**
 * Code-point range of a typed passage in a text. It must occur once, unless `occurrence`
 * (1-based) says which one: coding by quotation never lands on the wrong sentence silently.
 * The match tolerates what a keyboard cannot type (text/passage-match.ts) and covers the text's
 * own characters.
 */
export function locatePassage(text: string, passage: string, sourceName: string, occurrence?: number): { start: number; end: number } {
  const hits = findPassage(text, passage);
  if (hits.length === 0) throw new TresseError('coding.textNotFound', { source: sourceName, text: shorten(passage) });
  if (occurrence !== undefined) {
    if (!Number.isInteger(occurrence) || occurrence < 1 || occurrence > hits.length) {
      throw new TresseError('coding.occurrence', { occurrence, count: hits.length });
    }
    return hits[occurrence - 1]!;
  }
  if (hits.length > 1) {
    throw new TresseError('coding.textAmbiguous', { text: shorten(passage), count: hits.length, source: sourceName });
  }
  return hits[0]!;
}

function shorten(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
