// What the matrices read from the project, as rows: the codings grouped by code and source (the
// one query behind every count, on the codings_by_code index, never reading a text), the sources
// with their cases, attribute values, the codebook and coder names. The folding is analysis/.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import type { AttributeScope, NamedSet, SetKind, SourceKind } from '../model/types.ts';
import type { CodeSourceGroup } from '../analysis/matrix/aggregate.ts';
import type { CodingColumns } from '../analysis/matrix/passages.ts';
import type { CodeRow } from '../analysis/matrix/rows.ts';
import { eligibleSources, filterAttributes, type AttributeValues, type AttrValue, type SourceFacts } from '../analysis/matrix/sources.ts';
import type { MatrixFilter } from '../analysis/matrix/types.ts';
import { getSet, setMemberIds } from './sets.ts';

/** The filters that bear on codings themselves (coder, coding date, code set), for the codings aliased `alias`. */
export function codingConditions(alias: string, filter: MatrixFilter): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (filter.coderIds?.length) {
    sql.push(`${alias}.coder_id IN (${filter.coderIds.map(() => '?').join(',')})`);
    params.push(...filter.coderIds);
  }
  if (filter.codeSetId !== undefined) {
    sql.push(`${alias}.code_id IN (SELECT code_id FROM set_codes WHERE set_id = ?)`);
    params.push(filter.codeSetId);
  }
  if (!filter.dateAttribute && filter.from) {
    sql.push(`${alias}.created_at >= ?`);
    params.push(filter.from);
  }
  if (!filter.dateAttribute && filter.to) {
    sql.push(`substr(${alias}.created_at, 1, 10) <= ?`);
    params.push(filter.to);
  }
  return { sql, params };
}

/** Coder and coding-date filters apply here; filters on sources are applied when folding. */
export function groupCodings(db: Db, filter: MatrixFilter, codeIds?: number[], withIds = true, withValences = false): CodeSourceGroup[] {
  const { sql: where, params } = codingConditions('k', filter);
  if (codeIds) {
    where.push(`k.code_id IN (${codeIds.map(() => '?').join(',') || 'NULL'})`);
    params.push(...codeIds);
  }
  return db
    .prepare(
      `SELECT k.code_id AS codeId, k.source_id AS sourceId, count(*) AS count, ${withIds ? 'group_concat(k.id)' : "''"} AS ids
       ${withValences ? ", sum(k.valence = '+') AS positive, sum(k.valence = '-') AS negative" : ''} FROM codings k ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY k.code_id, k.source_id`,
    )
    .all(...params) as CodeSourceGroup[];
}

/** What of each coding the caller needs beyond its code and range: fewer fields, a faster read. */
export interface RangeFields {
  ids?: boolean;
  coders?: boolean;
  valences?: boolean;
}

/**
 * Each coding's range, for the distinct passages (analysis/matrix/passages.ts); coder and
 * coding-date filters apply here. Each field comes as JSON arrays, one per code, in the order of
 * the codings_by_code index: better-sqlite3 makes an object per row, and 100,000 rows cost
 * several times the GROUP BY the counts used to be, where V8 parses a flat array of numbers at
 * memory speed; reading through the index by source and start costs as much again, and the fold
 * sorts each row's few codings per source itself. What is parsed is kept short, as parsing goes
 * by the character: each range's length (three digits) rather than its end (as long as its
 * start), and, unfiltered, the code once per group rather than once per coding. A filter may read
 * the codings through another index, in its order, which the excerpt ids' order follows: then one
 * group, with the code of each coding. Fields not asked for are null.
 */
export function codingRanges(
  db: Db,
  filter: MatrixFilter,
  codeIds?: number[],
  fields: RangeFields = { ids: true, coders: true, valences: true },
): CodingColumns {
  const { sql: where, params } = codingConditions('k', filter);
  if (codeIds) {
    where.push(`k.code_id IN (${codeIds.map(() => '?').join(',') || 'NULL'})`);
    params.push(...codeIds);
  }
  const grouped = where.length === 0;
  const columns = [
    ...(grouped ? [] : ['k.code_id']),
    'k.source_id',
    'k.start',
    'k.end - k.start',
    ...(fields.ids ? ['k.id'] : []),
    ...(fields.coders ? ['k.coder_id'] : []),
    ...(fields.valences ? ['k.valence'] : []),
  ];
  const groups = db
    .prepare(
      `SELECT ${grouped ? 'k.code_id' : 'NULL'}, count(*), ${columns.map((c) => `json_group_array(${c})`).join(', ')}
       FROM codings k ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${grouped ? 'GROUP BY k.code_id' : ''}`,
    )
    .raw()
    .all(...params) as [number | null, number, ...string[]][];
  // Each field's arrays of all the groups joined by one concat(): pushing 100,000 values one by one cost as much as the parsing saved.
  const parsed = groups.map(([code, count, ...arrays]) => {
    const parsed = arrays.map((json) => JSON.parse(json) as unknown[]) as number[][];
    const codeId = code === null ? parsed.shift()! : new Array<number>(count).fill(code);
    const [sourceId, start, length, ...rest] = parsed;
    return {
      sourceId: sourceId!,
      codeId,
      start: start!,
      end: start!.map((s, i) => s + length![i]!),
      id: fields.ids ? rest.shift()! : [],
      coderId: fields.coders ? rest.shift()! : [],
      valence: fields.valences ? (rest.shift()! as unknown as Array<'+' | '-' | null>) : [],
    };
  });
  const joined = <K extends keyof (typeof parsed)[number]>(key: K): (typeof parsed)[number][K] =>
    ([] as (typeof parsed)[number][K][number][]).concat(...parsed.map((g) => g[key])) as (typeof parsed)[number][K];
  return {
    sourceId: joined('sourceId'),
    codeId: joined('codeId'),
    start: joined('start'),
    end: joined('end'),
    id: fields.ids ? joined('id') : null,
    coderId: fields.coders ? joined('coderId') : null,
    valence: fields.valences ? joined('valence') : null,
  };
}

/** The coders with at least one coding: a team project has two or more. */
export function codingCoders(db: Db): { id: number; name: string }[] {
  return stmt(db, 'SELECT c.id, c.name FROM coders c WHERE EXISTS (SELECT 1 FROM codings k WHERE k.coder_id = c.id) ORDER BY c.name, c.id').all() as {
    id: number;
    name: string;
  }[];
}

export function loadSourceFacts(db: Db): Map<number, SourceFacts> {
  const rows = stmt(
    db,
    `SELECT s.id, s.name, s.kind, (SELECT group_concat(case_id) FROM case_sources cs WHERE cs.source_id = s.id) AS caseList
     FROM sources s ORDER BY s.kind, s.name, s.id`,
  ).all() as { id: number; name: string; kind: SourceKind; caseList: string | null }[];
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, kind: r.kind, caseIds: r.caseList ? r.caseList.split(',').map(Number) : [] }]));
}

/** Values of one attribute by case (or source) id; throws when the project has no such attribute. */
export function attributeValues(db: Db, scope: AttributeScope, name: string): AttributeValues {
  const def = stmt(db, 'SELECT id, type, multi FROM attributes WHERE scope = ? AND name = ?').get(scope, name.trim()) as
    { id: number; type: string; multi: number } | undefined;
  if (!def) throw new TresseError('attribute.notFound', { name });
  const col = scope === 'case' ? 'case_id' : 'source_id';
  const rows = stmt(db, `SELECT ${col} AS owner, value FROM attribute_values WHERE attribute_id = ? ORDER BY id`).all(def.id) as {
    owner: number;
    value: string | number;
  }[];
  const values = new Map<number, AttrValue[]>();
  for (const r of rows) {
    const v = def.type === 'boolean' ? r.value === 1 : r.value;
    const list = values.get(r.owner);
    if (list) list.push(v);
    else values.set(r.owner, [v]);
  }
  return { values, multi: def.multi === 1 };
}

/** The values of the case attributes a filter reads, by name; throws for an attribute the project lacks. */
export function filterAttributeValues(db: Db, filter: MatrixFilter): Map<string, Map<number, AttrValue[]>> {
  return new Map(filterAttributes(filter).map((name) => [name, attributeValues(db, 'case', name).values]));
}

/** The codebook in its order: parents first, then by position. */
export function codeRows(db: Db): CodeRow[] {
  return stmt(db, 'SELECT id, parent_id AS parentId, name, abbrev, color FROM codes ORDER BY parent_id NULLS FIRST, position, id').all() as CodeRow[];
}

/** The names of these coders; an id no coder has is refused (a filter naming a coder who does not exist). */
export function coderNames(db: Db, ids: readonly number[]): Map<number, string> {
  const nameOf = stmt(db, 'SELECT name FROM coders WHERE id = ?');
  return new Map(
    ids.map((id) => {
      const row = nameOf.get(id) as { name: string } | undefined;
      if (!row) throw new TresseError('coder.unknown', { name: `#${id}` });
      return [id, row.name] as const;
    }),
  );
}

export function caseById(db: Db, id: number): { id: number; name: string } | undefined {
  return stmt(db, 'SELECT id, name FROM cases WHERE id = ?').get(id) as { id: number; name: string } | undefined;
}

/** Whether the project has an attribute of that name for cases or sources. */
export function hasAttribute(db: Db, scope: AttributeScope, name: string): boolean {
  return stmt(db, 'SELECT 1 FROM attributes WHERE scope = ? AND name = ?').get(scope, name) !== undefined;
}

/**
 * The sources a matrix counts (null: all), its source set applied. Every matrix goes through here
 * first, so a set that is unknown or of the wrong kind is refused before anything is counted.
 */
export function eligibleOf(db: Db, facts: Map<number, SourceFacts>, filter: MatrixFilter): Set<number> | null {
  const { sources } = setsOfFilter(db, filter);
  return eligibleSources(facts, filter, filterAttributeValues(db, filter), sources ? new Set(sources.memberIds) : undefined);
}

/** The filter's sets, checked: a source set must group sources and a code set codes. */
export function setsOfFilter(db: Db, filter: MatrixFilter): { sources?: NamedSet; codes?: NamedSet } {
  const of = (id: number | undefined, kind: SetKind) => {
    if (id === undefined) return undefined;
    setMemberIds(db, id, kind);
    return getSet(db, id);
  };
  const sources = of(filter.sourceSetId, 'sources');
  const codes = of(filter.codeSetId, 'codes');
  return { ...(sources ? { sources } : {}), ...(codes ? { codes } : {}) };
}
