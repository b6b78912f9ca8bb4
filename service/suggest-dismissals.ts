// Suggestions the researcher turned down (db/migrations/0012-dismissed-suggestions.ts): a code
// dismissed for a passage is not suggested again for it, nor for a passage that is mostly the same
// text (each covers at least half of the other), so that a selection a few letters wider does not
// bring it back.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import { nowIso, type ProjectContext } from './context.ts';

export interface PassageCode {
  sourceId: number;
  start: number;
  end: number;
  codeId: number;
}

export function dismissSuggestion(ctx: ProjectContext, d: PassageCode): void {
  const src = stmt(ctx.db, 'SELECT length FROM sources WHERE id = ?').get(d.sourceId) as { length: number } | undefined;
  if (!src) throw new TresseError('source.notFound', { ref: String(d.sourceId) });
  if (d.start < 0 || d.end <= d.start || d.end > src.length) throw new TresseError('coding.range', { start: d.start, end: d.end, length: src.length });
  if (!stmt(ctx.db, 'SELECT 1 FROM codes WHERE id = ?').get(d.codeId)) throw new TresseError('code.notFound', { ref: String(d.codeId) });
  stmt(
    ctx.db,
    `INSERT INTO dismissed_suggestions (source_id, code_id, start, end, coder_id, dismissed_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (source_id, start, end, code_id) DO NOTHING`,
  ).run(d.sourceId, d.codeId, d.start, d.end, ctx.coder.id, nowIso());
}

/** The dismissals of one source, to test its passages against. */
export function dismissalsOf(db: Db, sourceId: number): PassageCode[] {
  return stmt(db, 'SELECT source_id AS sourceId, code_id AS codeId, start, end FROM dismissed_suggestions WHERE source_id = ?').all(sourceId) as PassageCode[];
}

/** The codes dismissed for [start, end): dismissals covering at least half of it and lying at least half in it. */
export function dismissedFor(dismissals: readonly PassageCode[], start: number, end: number): Set<number> {
  const codes = new Set<number>();
  for (const d of dismissals) {
    const overlap = Math.min(d.end, end) - Math.max(d.start, start);
    if (overlap > 0 && 2 * overlap >= end - start && 2 * overlap >= d.end - d.start) codes.add(d.codeId);
  }
  return codes;
}
