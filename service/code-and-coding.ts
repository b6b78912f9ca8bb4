// A code created from the code picker together with its first coding. The user asked for one
// thing, so it is one transaction (a refused passage leaves no code nobody asked for) and its undo
// is one transaction too (no code left without the coding it was made for, or the reverse).
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import type { Code, Coding } from '../model/types.ts';
import { addCode, getCode, type NewCode } from './codebook.ts';
import { getCoding, insertCoding, type NewCoding } from './codings.ts';
import type { ProjectContext } from './context.ts';

export interface CodeAndCoding {
  code: Code;
  coding: Coding;
}

/** Creates a code and codes a passage with it; GUIDs given (redo) are kept for both. */
export function addCodeAndCoding(ctx: ProjectContext, code: NewCode, passage: Omit<NewCoding, 'codeId'>): CodeAndCoding {
  return ctx.db.transaction(() => {
    const made = addCode(ctx, code);
    return { code: made, coding: insertCoding(ctx, { ...passage, codeId: made.id }) };
  })();
}

/**
 * Takes back what addCodeAndCoding made: the coding, then the code. Refused, with nothing removed,
 * when the code has served since (other codings, sub-codes, a memo): deleting it would take those
 * away with it.
 */
export function removeCodeAndCoding(ctx: ProjectContext, codeId: number, codingId: number): CodeAndCoding {
  return ctx.db.transaction(() => {
    const code = getCode(ctx.db, codeId);
    const coding = getCoding(ctx.db, codingId);
    if (coding.codeId !== codeId) throw new TresseError('coding.notFound', { ref: String(codingId) });
    const { used } = stmt(
      ctx.db,
      `SELECT (SELECT count(*) FROM codings WHERE code_id = @codeId AND id <> @codingId)
            + (SELECT count(*) FROM codes WHERE parent_id = @codeId)
            + (SELECT count(*) FROM memos WHERE code_id = @codeId) AS used`,
    ).get({ codeId, codingId }) as { used: number };
    if (used > 0) throw new TresseError('code.usedSinceCreated', { name: code.name });
    stmt(ctx.db, 'DELETE FROM codings WHERE id = ?').run(codingId);
    stmt(ctx.db, 'DELETE FROM codes WHERE id = ?').run(codeId);
    return { code, coding };
  })();
}
