// Extending a coding: a passage that overlaps codings of the same code by the same coder becomes
// one coding over the union, since two codings of one passage would count and quote it twice.
// The codings it replaces give it their memos; the undo puts them back, memos included, so the
// extension is one step in the history.
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import type { Coding, SegmentKind, Valence } from '../model/types.ts';
import { absorbContained, coveringCoding, extensionOf, getCoding, insertCoding, type NewCoding } from './codings.ts';
import type { ProjectContext } from './context.ts';

/** A coding an extension replaced, with what its undo needs: the memos that moved to the union. */
export interface ReplacedCoding {
  /** Its id when it was replaced, for the callers that follow ids (the undo history); the undo gives it a new one. */
  id: number;
  guid: string;
  start: number;
  end: number;
  createdAt: string;
  valence: Valence | null;
  segmentKind: SegmentKind;
  memoGuids: string[];
  /** The exchanged selection it was read from (codings.selection_guid), given back by the undo. */
  selectionGuid?: string | null;
}

export interface Extension {
  coding: Coding;
  replaced: ReplacedCoding[];
}

/**
 * Codes the union of a passage and the codings of the same code by the same coder it overlaps,
 * replacing them. A passage that overlaps none is simply coded; one already inside a coding is
 * refused (there is nothing to extend).
 */
export function extendCoding(ctx: ProjectContext, input: NewCoding): Extension {
  return ctx.db.transaction(() => {
    const key = { sourceId: input.sourceId, codeId: input.codeId, coderId: input.coderId ?? ctx.coder.id };
    // Out-of-range passages and unknown codes are refused by insertCoding with their own message.
    const union = Number.isInteger(input.start) && Number.isInteger(input.end) ? extensionOf(ctx.db, key, input.start, input.end) : null;
    if (!union || union.overlapping.length === 0 || coveringCoding(ctx.db, key, input.start, input.end)) {
      return { coding: insertCoding(ctx, input), replaced: [] };
    }
    const first = union.overlapping[0]!;
    const replaced = union.overlapping.map((k) => ({
      id: k.id,
      guid: k.guid,
      start: k.start,
      end: k.end,
      createdAt: k.createdAt,
      valence: k.valence,
      segmentKind: k.segmentKind,
      memoGuids: stmt(ctx.db, 'SELECT guid FROM memos WHERE coding_id = ? ORDER BY id').pluck().all(k.id) as string[],
      selectionGuid: stmt(ctx.db, 'SELECT selection_guid FROM codings WHERE id = ?').pluck().get(k.id) as string | null,
    }));
    const coding = insertCoding(
      ctx,
      { ...input, ...key, start: union.start, end: union.end, valence: input.valence ?? first.valence, segmentKind: input.segmentKind ?? first.segmentKind },
      'keep',
    );
    absorbContained(ctx.db, coding);
    return { coding: getCoding(ctx.db, coding.id), replaced };
  })();
}

/**
 * The undo of extendCoding: removes the union coding and codes again the passages it replaced,
 * with their identity, each with the memos it had. Memos written on the union since go with it.
 */
export function undoExtendCoding(ctx: ProjectContext, id: number, replaced: readonly ReplacedCoding[]): Coding[] {
  return ctx.db.transaction(() => {
    const union = getCoding(ctx.db, id);
    for (const r of replaced) {
      if (r.start < union.start || r.end > union.end) throw new TresseError('coding.range', { start: r.start, end: r.end, length: union.end });
    }
    // Set aside (as project memos for an instant) so that deleting the union does not take them along.
    const setAside = stmt(ctx.db, 'UPDATE memos SET coding_id = NULL WHERE guid = ? AND coding_id = ?');
    const memos = replaced.map((r) => r.memoGuids.filter((guid) => setAside.run(guid, id).changes > 0));
    stmt(ctx.db, 'DELETE FROM codings WHERE id = ?').run(id);
    return replaced.map((r, i) => {
      const back = insertCoding(
        ctx,
        {
          sourceId: union.sourceId,
          codeId: union.codeId,
          coderId: union.coderId,
          start: r.start,
          end: r.end,
          guid: r.guid,
          createdAt: r.createdAt,
          valence: r.valence,
          segmentKind: r.segmentKind,
          selectionGuid: r.selectionGuid ?? null,
        },
        'keep',
      );
      const attach = stmt(ctx.db, 'UPDATE memos SET coding_id = ? WHERE guid = ?');
      for (const guid of memos[i]!) attach.run(back.id, guid);
      return getCoding(ctx.db, back.id);
    });
  })();
}
