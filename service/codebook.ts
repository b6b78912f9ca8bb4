import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import type { GridCode } from '../codebooks/grids.ts';
import { defaultCodeColor } from '../codebooks/palette.ts';
import { TresseError } from '../i18n/error.ts';
import type { Code } from '../model/types.ts';
import { foldContained } from './codings.ts';
import { newGuid, nowIso, type ProjectContext } from './context.ts';

export interface CodeWithCount extends Code {
  /** Codings of this code itself (sub-codes not included). */
  codingCount: number;
}

const CODE_COLUMNS = `id, guid, parent_id AS parentId, name, abbrev, color, definition, inclusion, exclusion, example,
  codable, position`;

type CodeRow = Omit<Code, 'codable'> & { codable: number };
const toCode = (r: CodeRow): Code => ({ ...r, codable: r.codable === 1 });

export function listCodes(db: Db): CodeWithCount[] {
  const rows = stmt(
    db,
    `SELECT ${CODE_COLUMNS}, (SELECT count(*) FROM codings WHERE code_id = codes.id) AS codingCount
     FROM codes ORDER BY parent_id NULLS FIRST, position, id`,
  ).all() as (CodeRow & { codingCount: number })[];
  return rows.map((r) => ({ ...toCode(r), codingCount: r.codingCount }));
}

export function getCode(db: Db, id: number): Code {
  const row = stmt(db, `SELECT ${CODE_COLUMNS} FROM codes WHERE id = ?`).get(id) as CodeRow | undefined;
  if (!row) throw new TresseError('code.notFound', { ref: String(id) });
  return toCode(row);
}

/** Ids of a code and all its descendants. */
export function codeAndDescendants(db: Db, id: number): number[] {
  const rows = stmt(
    db,
    `WITH RECURSIVE tree(id) AS (SELECT ? UNION ALL SELECT c.id FROM codes c JOIN tree ON c.parent_id = tree.id)
     SELECT id FROM tree`,
  ).all(id) as { id: number }[];
  return rows.map((r) => r.id);
}

/** Path of names from the root, e.g. "Cadre légal et place des usagers/Secret professionnel…". */
export function codePath(codes: ReadonlyMap<number, Pick<Code, 'name' | 'parentId'>>, id: number): string[] {
  const names: string[] = [];
  let cur = codes.get(id);
  for (let guard = 0; cur && guard < 1000; guard++) {
    names.unshift(cur.name);
    cur = cur.parentId === null ? undefined : codes.get(cur.parentId);
  }
  return names;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/**
 * Finds a code from what a user typed: its abbreviation ("SC2"), its GUID, its path
 * ("Partenariat/Freins"), or its name when only one code has it. Case and accents are ignored.
 */
export function resolveCode(db: Db, ref: string): Code {
  const codes = listCodes(db);
  const wanted = fold(ref);
  const byId = new Map(codes.map((c) => [c.id, c]));
  const pick = (found: Code[]): Code | undefined => {
    if (found.length === 1) return found[0];
    if (found.length > 1) {
      throw new TresseError('code.ambiguous', {
        ref,
        matches: found.map((c) => codePath(byId, c.id).join('/')).join(', '),
      });
    }
    return undefined;
  };
  const hit =
    pick(codes.filter((c) => c.abbrev !== null && fold(c.abbrev) === wanted)) ??
    pick(codes.filter((c) => c.guid.toLowerCase() === ref.trim().toLowerCase().replace(/[{}]/g, ''))) ??
    (ref.includes('/') ? pick(codes.filter((c) => fold(codePath(byId, c.id).join('/')) === wanted.replace(/\s*\/\s*/g, '/'))) : undefined) ??
    pick(codes.filter((c) => fold(c.name) === wanted));
  if (!hit) throw new TresseError('code.notFound', { ref });
  return hit;
}

export interface NewCode {
  name: string;
  parentId?: number | null;
  abbrev?: string | null;
  color?: string;
  definition?: string;
  inclusion?: string;
  exclusion?: string;
  example?: string;
  codable?: boolean;
  guid?: string;
}

export function addCode(ctx: ProjectContext, input: NewCode): Code {
  return ctx.db.transaction(() => insertCode(ctx.db, input))();
}

function insertCode(db: Db, input: NewCode): Code {
  const name = input.name.trim();
  if (!name) throw new TresseError('value.invalid', { field: 'name', value: input.name });
  const parentId = input.parentId ?? null;
  if (parentId !== null) getCode(db, parentId);
  assertFreeName(db, parentId, name, null);
  const color = normaliseColor(input.color ?? defaultColor(db, parentId));
  const position = (stmt(db, 'SELECT coalesce(max(position) + 1, 0) AS p FROM codes WHERE parent_id IS ?').get(parentId) as { p: number }).p;
  const guid = input.guid ?? newGuid();
  const info = stmt(
    db,
    `INSERT INTO codes (guid, parent_id, name, abbrev, color, definition, inclusion, exclusion, example, codable, position,
       created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    guid,
    parentId,
    name,
    input.abbrev?.trim() || null,
    color,
    input.definition ?? '',
    input.inclusion ?? '',
    input.exclusion ?? '',
    input.example ?? '',
    input.codable === false ? 0 : 1,
    position,
    nowIso(),
  );
  return getCode(db, Number(info.lastInsertRowid));
}

/** Inserts a grid (built-in or imported) under `parentId`, keeping the grid's order. */
export function insertCodeTree(db: Db, tree: readonly (GridCode & { guid?: string | null })[], parentId: number | null): number {
  let n = 0;
  for (const node of tree) {
    const code = insertCode(db, {
      name: node.name,
      parentId,
      abbrev: node.abbrev,
      color: node.color,
      definition: node.definition,
      inclusion: node.inclusion,
      exclusion: node.exclusion,
      example: node.example,
      codable: node.codable,
      ...(node.guid ? { guid: node.guid } : {}),
    });
    n += 1 + insertCodeTree(db, node.children, code.id);
  }
  return n;
}

export type CodeChanges = Partial<Pick<Code, 'name' | 'abbrev' | 'color' | 'definition' | 'inclusion' | 'exclusion' | 'example' | 'codable'>>;

/** Renames, recolours or redefines a code; returns the code as it was, for undo. */
export function updateCode(ctx: ProjectContext, id: number, changes: CodeChanges): { before: Code; after: Code } {
  return ctx.db.transaction(() => {
    const before = getCode(ctx.db, id);
    const next = { ...before, ...changes };
    next.name = next.name.trim();
    if (!next.name) throw new TresseError('value.invalid', { field: 'name', value: changes.name ?? '' });
    if (next.name !== before.name) assertFreeName(ctx.db, before.parentId, next.name, id);
    next.color = normaliseColor(next.color);
    stmt(
      ctx.db,
      `UPDATE codes SET name = ?, abbrev = ?, color = ?, definition = ?, inclusion = ?, exclusion = ?, example = ?,
         codable = ? WHERE id = ?`,
    ).run(next.name, next.abbrev?.trim() || null, next.color, next.definition, next.inclusion, next.exclusion, next.example, next.codable ? 1 : 0, id);
    return { before, after: getCode(ctx.db, id) };
  })();
}

/** Re-parents a code (null = top level), placed last among its new siblings unless `position` is given. */
export function moveCode(ctx: ProjectContext, id: number, parentId: number | null, position?: number): Code {
  return ctx.db.transaction(() => {
    const code = getCode(ctx.db, id);
    if (parentId !== null) {
      getCode(ctx.db, parentId);
      if (codeAndDescendants(ctx.db, id).includes(parentId)) throw new TresseError('code.cycle', { name: code.name });
    }
    if (parentId !== code.parentId) assertFreeName(ctx.db, parentId, code.name, id);
    const siblings = (
      stmt(ctx.db, 'SELECT id FROM codes WHERE parent_id IS ? AND id <> ? ORDER BY position, id').all(parentId, id) as {
        id: number;
      }[]
    ).map((r) => r.id);
    const at = position === undefined ? siblings.length : Math.max(0, Math.min(position, siblings.length));
    siblings.splice(at, 0, id);
    stmt(ctx.db, 'UPDATE codes SET parent_id = ? WHERE id = ?').run(parentId, id);
    const setPos = stmt(ctx.db, 'UPDATE codes SET position = ? WHERE id = ?');
    siblings.forEach((sid, i) => setPos.run(i, sid));
    return getCode(ctx.db, id);
  })();
}

/**
 * Merges `fromId` into `intoId`: its codings, memos, sub-codes and research-question links move to
 * the survivor, then it is deleted, all in one transaction. A coding that would duplicate one the
 * survivor already has (same source, range and coder) is dropped rather than doubled; its memos
 * go to the coding it duplicates.
 */
export function mergeCodes(ctx: ProjectContext, fromId: number, intoId: number): { moved: number; duplicates: number } {
  if (fromId === intoId) throw new TresseError('code.mergeSelf');
  return ctx.db.transaction(() => {
    const from = getCode(ctx.db, fromId);
    getCode(ctx.db, intoId);
    if (codeAndDescendants(ctx.db, fromId).includes(intoId)) throw new TresseError('code.cycle', { name: from.name });
    stmt(
      ctx.db,
      `UPDATE memos SET coding_id = coalesce((SELECT k.id FROM codings d JOIN codings k ON k.code_id = @intoId
         AND k.source_id = d.source_id AND k.start = d.start AND k.end = d.end AND k.coder_id = d.coder_id
         WHERE d.id = memos.coding_id ORDER BY k.id LIMIT 1), coding_id)
       WHERE coding_id IN (SELECT id FROM codings WHERE code_id = @fromId)`,
    ).run({ fromId, intoId });
    const duplicates = stmt(
      ctx.db,
      `DELETE FROM codings WHERE code_id = ? AND EXISTS (SELECT 1 FROM codings k WHERE k.code_id = ?
         AND k.source_id = codings.source_id AND k.start = codings.start AND k.end = codings.end
         AND k.coder_id = codings.coder_id)`,
    ).run(fromId, intoId).changes;
    const movedIds = stmt(ctx.db, 'SELECT id FROM codings WHERE code_id = ?').pluck().all(fromId) as number[];
    const moved = stmt(ctx.db, 'UPDATE codings SET code_id = ? WHERE code_id = ?').run(intoId, fromId).changes;
    // A moved passage inside a coding of the survivor by the same coder, or around one, is one
    // coding now: the widest keeps the words (and the memos) once.
    const folded = foldContained(ctx.db, movedIds);
    stmt(ctx.db, 'UPDATE memos SET code_id = ? WHERE code_id = ?').run(intoId, fromId);
    stmt(
      ctx.db,
      `INSERT OR IGNORE INTO research_question_codes (question_id, code_id, position)
       SELECT question_id, ?, position FROM research_question_codes WHERE code_id = ?`,
    ).run(intoId, fromId);
    const children = stmt(ctx.db, 'SELECT id FROM codes WHERE parent_id = ? ORDER BY position').all(fromId) as { id: number }[];
    for (const child of children) moveCode(ctx, child.id, intoId);
    stmt(ctx.db, 'DELETE FROM codes WHERE id = ?').run(fromId);
    return { moved: moved - folded.movedGone, duplicates: duplicates + folded.count };
  })();
}

export interface DeletedCodes {
  codes: Code[];
  codings: number;
}

/**
 * Deletes a code with its sub-codes and their codings. When codings would go, the caller must
 * confirm: without `confirm` the deletion is refused with the count, so nothing is lost by a slip.
 */
export function deleteCode(ctx: ProjectContext, id: number, confirm = false): DeletedCodes {
  return ctx.db.transaction(() => {
    const code = getCode(ctx.db, id);
    const ids = codeAndDescendants(ctx.db, id);
    const marks = ids.map(() => '?').join(',');
    const codings = (stmt(ctx.db, `SELECT count(*) AS n FROM codings WHERE code_id IN (${marks})`).get(...ids) as { n: number }).n;
    if (codings > 0 && !confirm) throw new TresseError('code.deleteNeedsConfirm', { name: code.name, count: codings });
    const codes = ids.map((cid) => getCode(ctx.db, cid));
    stmt(ctx.db, 'DELETE FROM codes WHERE id = ?').run(id);
    return { codes, codings };
  })();
}

function assertFreeName(db: Db, parentId: number | null, name: string, exceptId: number | null): void {
  const clash = stmt(db, 'SELECT id FROM codes WHERE parent_id IS ? AND name = ? COLLATE NOCASE AND id IS NOT ?').get(parentId, name, exceptId);
  if (clash) throw new TresseError('code.exists', { name });
}

function defaultColor(db: Db, parentId: number | null): string {
  const codes = stmt(db, 'SELECT id, parent_id AS parentId, color FROM codes').all() as Array<{ id: number; parentId: number | null; color: string }>;
  return defaultCodeColor(codes, parentId);
}

export function normaliseColor(color: string): string {
  const c = color.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (!/^#[0-9a-f]{6}$/.test(c)) throw new TresseError('code.color', { color });
  return c;
}
