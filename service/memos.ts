import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import type { Memo, MemoTarget } from '../model/types.ts';
import { newGuid, nowIso, type ProjectContext } from './context.ts';

const TARGET_COLUMN = { source: 'source_id', case: 'case_id', code: 'code_id', coding: 'coding_id' } as const;

interface MemoRow {
  id: number;
  guid: string;
  source_id: number | null;
  case_id: number | null;
  code_id: number | null;
  coding_id: number | null;
  title: string;
  text: string;
  rich_text: string | null;
  author_id: number | null;
  created_at: string;
  updated_at: string;
}

function toMemo(r: MemoRow): Memo {
  const target: MemoTarget =
    r.source_id !== null
      ? { kind: 'source', id: r.source_id }
      : r.case_id !== null
        ? { kind: 'case', id: r.case_id }
        : r.code_id !== null
          ? { kind: 'code', id: r.code_id }
          : r.coding_id !== null
            ? { kind: 'coding', id: r.coding_id }
            : { kind: 'project' };
  return {
    id: r.id,
    guid: r.guid,
    target,
    title: r.title,
    text: r.text,
    richText: r.rich_text,
    authorId: r.author_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Memos of one target (all memos when no target is given). */
export function listMemos(db: Db, target?: MemoTarget): Memo[] {
  if (!target) return (stmt(db, 'SELECT * FROM memos ORDER BY id').all() as MemoRow[]).map(toMemo);
  if (target.kind === 'project') {
    return (
      stmt(
        db,
        `SELECT * FROM memos WHERE source_id IS NULL AND case_id IS NULL AND code_id IS NULL AND coding_id IS NULL
         ORDER BY id`,
      ).all() as MemoRow[]
    ).map(toMemo);
  }
  const col = TARGET_COLUMN[target.kind];
  return (stmt(db, `SELECT * FROM memos WHERE ${col} = ? ORDER BY id`).all(target.id) as MemoRow[]).map(toMemo);
}

export function getMemo(db: Db, id: number): Memo {
  const row = stmt(db, 'SELECT * FROM memos WHERE id = ?').get(id) as MemoRow | undefined;
  if (!row) throw new TresseError('memo.notFound', { ref: String(id) });
  return toMemo(row);
}

export interface MemoInput {
  id?: number;
  target: MemoTarget;
  title?: string;
  text: string;
  richText?: string | null;
  guid?: string;
}

/** Creates a memo, or updates it when `id` is given. */
export function saveMemo(ctx: ProjectContext, input: MemoInput): Memo {
  return ctx.db.transaction(() => {
    const now = nowIso();
    if (input.id !== undefined) {
      getMemo(ctx.db, input.id);
      stmt(ctx.db, 'UPDATE memos SET title = ?, text = ?, rich_text = ?, updated_at = ? WHERE id = ?').run(
        input.title ?? '',
        input.text,
        input.richText ?? null,
        now,
        input.id,
      );
      return getMemo(ctx.db, input.id);
    }
    const t = input.target;
    const ids = { source: null as number | null, case: null as number | null, code: null as number | null, coding: null as number | null };
    if (t.kind !== 'project') ids[t.kind] = t.id;
    try {
      const info = stmt(
        ctx.db,
        `INSERT INTO memos (guid, source_id, case_id, code_id, coding_id, title, text, rich_text, author_id, created_at,
           updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(input.guid ?? newGuid(), ids.source, ids.case, ids.code, ids.coding, input.title ?? '', input.text, input.richText ?? null, ctx.coder.id, now, now);
      return getMemo(ctx.db, Number(info.lastInsertRowid));
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new TresseError('value.invalid', { field: t.kind, value: 'id' in t ? String(t.id) : '' });
      }
      throw e;
    }
  })();
}

export function deleteMemo(ctx: ProjectContext, id: number): Memo {
  return ctx.db.transaction(() => {
    const memo = getMemo(ctx.db, id);
    stmt(ctx.db, 'DELETE FROM memos WHERE id = ?').run(id);
    return memo;
  })();
}
