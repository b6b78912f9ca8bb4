// Named groups of sources or of codes (db/migrations/0007-sets.ts). A set holds one kind of member;
// its name is unique among the sets of that kind, compared without regard to case, as users read it.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import type { NamedSet, SetKind } from '../model/types.ts';
import { newGuid, type ProjectContext } from './context.ts';

const MEMBERS = {
  sources: { table: 'set_sources', column: 'source_id', target: 'sources', missing: 'source.notFound' },
  codes: { table: 'set_codes', column: 'code_id', target: 'codes', missing: 'code.notFound' },
} as const;

interface SetRow {
  id: number;
  guid: string;
  kind: SetKind;
  name: string;
  description: string;
  members: string | null;
}

const SET_SQL = `SELECT id, guid, kind, name, description,
  CASE kind WHEN 'sources' THEN (SELECT group_concat(source_id) FROM set_sources WHERE set_id = sets.id)
            ELSE (SELECT group_concat(code_id) FROM set_codes WHERE set_id = sets.id) END AS members FROM sets`;

function toSet(r: SetRow): NamedSet {
  const memberIds = r.members ? r.members.split(',').map(Number) : [];
  return { id: r.id, guid: r.guid, kind: r.kind, name: r.name, description: r.description, memberIds: memberIds.sort((a, b) => a - b) };
}

const byName = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Sources sets first, then codes sets, each by name as a reader sorts them (accents and case aside, numbers by value). */
export function listSets(db: Db, kind?: SetKind): NamedSet[] {
  const rows = (kind ? stmt(db, `${SET_SQL} WHERE kind = ?`).all(kind) : stmt(db, SET_SQL).all()) as SetRow[];
  return rows.map(toSet).sort((a, b) => (a.kind === b.kind ? byName.compare(a.name, b.name) || a.id - b.id : a.kind === 'sources' ? -1 : 1));
}

export function getSet(db: Db, id: number): NamedSet {
  const row = stmt(db, `${SET_SQL} WHERE id = ?`).get(id) as SetRow | undefined;
  if (!row) throw new TresseError('set.notFound', { ref: String(id) });
  return toSet(row);
}

/** A set from its number, GUID or name (of the given kind when the name is shared by a sources set and a codes set). */
export function resolveSet(db: Db, ref: string, kind?: SetKind): NamedSet {
  const t = ref.trim();
  const rows = stmt(db, 'SELECT id, kind FROM sets WHERE name = ? OR guid = ? COLLATE NOCASE ORDER BY kind DESC').all(t, t.replace(/[{}]/g, '')) as {
    id: number;
    kind: SetKind;
  }[];
  const found = rows.find((r) => kind === undefined || r.kind === kind);
  if (found) return getSet(db, found.id);
  if (/^\d+$/.test(t)) {
    const byId = stmt(db, 'SELECT id, kind FROM sets WHERE id = ?').get(Number(t)) as { id: number; kind: SetKind } | undefined;
    if (byId && (kind === undefined || byId.kind === kind)) return getSet(db, byId.id);
  }
  throw new TresseError('set.notFound', { ref });
}

function checkedName(db: Db, kind: SetKind, raw: string, except?: number): string {
  const name = raw.trim();
  if (!name) throw new TresseError('set.nameEmpty');
  const other = stmt(db, 'SELECT id FROM sets WHERE kind = ? AND name = ?').get(kind, name) as { id: number } | undefined;
  if (other && other.id !== except) throw new TresseError('set.exists', { kind, name });
  return name;
}

export interface SetMembers {
  sourceIds?: readonly number[];
  codeIds?: readonly number[];
}

function wrongKind(set: Pick<NamedSet, 'kind' | 'name'>, other: SetKind): TresseError {
  return new TresseError('set.wrongKind', { name: set.name, kind: set.kind, other });
}

/** The ids given for the set's kind; members of the other kind are refused. */
function ownIds(set: Pick<NamedSet, 'kind' | 'name'>, members: SetMembers): readonly number[] {
  const [mine, theirs] = set.kind === 'sources' ? [members.sourceIds, members.codeIds] : [members.codeIds, members.sourceIds];
  if (theirs && theirs.length > 0) throw wrongKind(set, set.kind === 'sources' ? 'codes' : 'sources');
  return mine ?? [];
}

/** The ids given for the set's kind, each naming a source (or a code) of the project. */
function membersFor(db: Db, set: Pick<NamedSet, 'kind' | 'name'>, members: SetMembers): number[] {
  const m = MEMBERS[set.kind];
  const ids = [...new Set(ownIds(set, members))];
  for (const id of ids) if (!stmt(db, `SELECT 1 FROM ${m.target} WHERE id = ?`).get(id)) throw new TresseError(m.missing, { ref: String(id) });
  return ids;
}

function insertMembers(db: Db, set: NamedSet | { id: number; kind: SetKind }, ids: readonly number[]): void {
  const m = MEMBERS[set.kind];
  const insert = stmt(db, `INSERT OR IGNORE INTO ${m.table} (set_id, ${m.column}) VALUES (?, ?)`);
  for (const id of ids) insert.run(set.id, id);
}

export function createSet(ctx: ProjectContext, input: { kind: SetKind; name: string; description?: string; guid?: string } & SetMembers): NamedSet {
  return ctx.db.transaction(() => {
    const name = checkedName(ctx.db, input.kind, input.name);
    const ids = membersFor(ctx.db, { kind: input.kind, name }, input);
    const info = stmt(ctx.db, 'INSERT INTO sets (guid, kind, name, description) VALUES (?, ?, ?, ?)').run(
      input.guid ?? newGuid(),
      input.kind,
      name,
      input.description ?? '',
    );
    const id = Number(info.lastInsertRowid);
    insertMembers(ctx.db, { id, kind: input.kind }, ids);
    return getSet(ctx.db, id);
  })();
}

export function updateSet(ctx: ProjectContext, id: number, changes: { name?: string; description?: string }): NamedSet {
  return ctx.db.transaction(() => {
    const set = getSet(ctx.db, id);
    const name = changes.name === undefined ? set.name : checkedName(ctx.db, set.kind, changes.name, id);
    stmt(ctx.db, 'UPDATE sets SET name = ?, description = ? WHERE id = ?').run(name, changes.description ?? set.description, id);
    return getSet(ctx.db, id);
  })();
}

export function deleteSet(ctx: ProjectContext, id: number): void {
  ctx.db.transaction(() => {
    getSet(ctx.db, id);
    stmt(ctx.db, 'DELETE FROM sets WHERE id = ?').run(id);
  })();
}

export function addSetMembers(ctx: ProjectContext, id: number, members: SetMembers): NamedSet {
  return ctx.db.transaction(() => {
    const set = getSet(ctx.db, id);
    insertMembers(ctx.db, set, membersFor(ctx.db, set, members));
    return getSet(ctx.db, id);
  })();
}

/** Takes members out of a set; an id that is not a member is ignored (the set ends up without it either way). */
export function removeSetMembers(ctx: ProjectContext, id: number, members: SetMembers): NamedSet {
  return ctx.db.transaction(() => {
    const set = getSet(ctx.db, id);
    const mine = ownIds(set, members);
    const m = MEMBERS[set.kind];
    const remove = stmt(ctx.db, `DELETE FROM ${m.table} WHERE set_id = ? AND ${m.column} = ?`);
    for (const member of mine) remove.run(id, member);
    return getSet(ctx.db, id);
  })();
}

/** The source ids of a sources set, or the code ids of a codes set (for filters); refuses a set of the other kind. */
export function setMemberIds(db: Db, id: number, kind: SetKind): number[] {
  const set = getSet(db, id);
  if (set.kind !== kind) throw wrongKind(set, kind);
  return set.memberIds;
}
