// "Done" marks: a coder says "I read this source and coded what there was to code". Agreement is
// computed over the sources every compared coder marked (see agreementScope), so a source read and
// left uncoded counts as agreement on absence, and a source a coder never opened is not held
// against them.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import { requireCoder } from './coders.ts';
import { nowIso, type ProjectContext } from './context.ts';

export interface DoneMark {
  sourceId: number;
  coderId: number;
  coder: string;
  markedAt: string;
}

export function listDoneMarks(db: Db): DoneMark[] {
  return stmt(
    db,
    `SELECT d.source_id AS sourceId, d.coder_id AS coderId, c.name AS coder, d.marked_at AS markedAt
     FROM source_done d JOIN coders c ON c.id = d.coder_id ORDER BY d.source_id, c.name`,
  ).all() as DoneMark[];
}

/** Marks or unmarks a source as done for a coder (the session's coder when none is named). */
export function setSourceDone(ctx: ProjectContext, sourceId: number, done: boolean, coderName?: string): DoneMark[] {
  const coder = coderName === undefined ? ctx.coder : requireCoder(ctx.db, coderName);
  if (!stmt(ctx.db, 'SELECT 1 FROM sources WHERE id = ?').get(sourceId)) throw new TresseError('source.notFound', { ref: String(sourceId) });
  if (done) stmt(ctx.db, 'INSERT OR IGNORE INTO source_done (source_id, coder_id, marked_at) VALUES (?, ?, ?)').run(sourceId, coder.id, nowIso());
  else stmt(ctx.db, 'DELETE FROM source_done WHERE source_id = ? AND coder_id = ?').run(sourceId, coder.id);
  return listDoneMarks(ctx.db).filter((m) => m.sourceId === sourceId);
}

export type ScopeRule = 'done' | 'all';

export interface AgreementScope {
  /** 'done': the sources every compared coder marked; 'all': no compared coder marked any source. */
  rule: ScopeRule;
  sourceIds: number[];
  /** Sources some but not all compared coders marked done: left out, listed so the team can finish them. */
  partlyMarkedIds: number[];
}

/**
 * The sources agreement compares: those every coder marked done; when none of the coders marked
 * any, every source of the project. Coding plays no part, so a source nobody coded counts.
 */
export function agreementScope(db: Db, coderIds: readonly number[]): AgreementScope {
  const marks = stmt(db, 'SELECT source_id AS sourceId, coder_id AS coderId FROM source_done').all() as { sourceId: number; coderId: number }[];
  const wanted = new Set(coderIds);
  const byCoderCount = new Map<number, number>();
  for (const m of marks) if (wanted.has(m.coderId)) byCoderCount.set(m.sourceId, (byCoderCount.get(m.sourceId) ?? 0) + 1);
  if (byCoderCount.size === 0) {
    const all = (stmt(db, 'SELECT id FROM sources ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    return { rule: 'all', sourceIds: all, partlyMarkedIds: [] };
  }
  const sourceIds: number[] = [];
  const partlyMarkedIds: number[] = [];
  for (const [sourceId, n] of [...byCoderCount].sort((a, b) => a[0] - b[0])) (n === wanted.size ? sourceIds : partlyMarkedIds).push(sourceId);
  return { rule: 'done', sourceIds, partlyMarkedIds };
}
