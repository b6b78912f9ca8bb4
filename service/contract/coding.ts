// Coding: applying a code to a passage, taking it off, and the codings of a source. What the user
// does in one gesture (code every reviewed hit, create a code from the picker and code with it) is
// one method, run in one transaction, so it is done whole or not at all.
import { z } from 'zod';
import { SEGMENT_KINDS } from '../../model/types.ts';
import { addCodeAndCoding, removeCodeAndCoding } from '../code-and-coding.ts';
import { extendCoding, undoExtendCoding } from '../coding-extend.ts';
import { addCoding, addCodings, listCodingsOfSource, removeCoding, removeCodings } from '../codings.ts';
import { newCode } from './codebook.ts';
import { method } from './define.ts';
import { id, longText, position, shortText } from './fields.ts';

/** A passage and how it is coded, without the code; a GUID when it comes back with its identity (redo, exchange). */
const passageFields = {
  sourceId: id,
  start: position,
  end: position,
  valence: z.enum(['+', '-']).nullable().optional(),
  segmentKind: z.enum(SEGMENT_KINDS).optional(),
  memo: longText.nullable().optional(),
  guid: shortText.optional(),
};
const endAfterStart = (c: { start: number; end: number }) => c.end > c.start;
const endMessage = { path: ['end'], message: 'end must be after start' };

/** A passage coded by the session's coder. */
export const newCoding = z.strictObject({ ...passageFields, codeId: id }).refine(endAfterStart, endMessage);
const newPassage = z.strictObject(passageFields).refine(endAfterStart, endMessage);
/** A coding an extension replaced, as extendCoding returned it (for its undo). */
const replacedCoding = z.strictObject({
  id,
  guid: shortText,
  start: position,
  end: position,
  createdAt: shortText,
  valence: z.enum(['+', '-']).nullable(),
  segmentKind: z.enum(SEGMENT_KINDS),
  memoGuids: z.array(shortText).max(10_000),
  selectionGuid: shortText.nullable().optional(),
});
/** As many passages as a search may return, and a bound all the same. */
const batch = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(100_000);

export const codingMethods = {
  addCoding: method({ args: newCoding, run: (args, { ws }) => addCoding(ws.project, args) }),
  removeCoding: method({ args: z.strictObject({ id }), run: ({ id }, { ws }) => removeCoding(ws.project, id) }),
  /**
   * Codes a passage that overlaps my codings of the same code (addCoding refuses it with
   * 'coding.overlaps'): one coding over the union replaces them, with their memos.
   */
  extendCoding: method({ args: newCoding, run: (args, { ws }) => extendCoding(ws.project, args) }),
  /** The undo of extendCoding: the union goes, the codings it replaced come back with their memos. */
  undoExtendCoding: method({
    args: z.strictObject({ id, replaced: z.array(replacedCoding).min(1).max(100_000) }),
    run: ({ id, replaced }, { ws }) => undoExtendCoding(ws.project, id, replaced),
  }),
  listCodings: method({ args: z.strictObject({ sourceId: id }), run: ({ sourceId }, { ws }) => listCodingsOfSource(ws.project.db, sourceId) }),
  /** Codes several passages (code-all-hits): every one, or none when one is refused. */
  addCodings: method({
    args: z.strictObject({ codings: batch(newCoding) }),
    run: ({ codings }, { ws }) => addCodings(ws.project, codings),
  }),
  /** Removes several codings (the undo of a batch): all of them, or none when one is already gone. */
  removeCodings: method({
    args: z.strictObject({ ids: batch(id) }),
    run: ({ ids }, { ws }) => removeCodings(ws.project, ids),
  }),
  /** Creates a code from the picker and codes the passage with it: both, or neither. */
  addCodeAndCoding: method({
    args: z.strictObject({ code: newCode, passage: newPassage }),
    run: ({ code, passage }, { ws }) => addCodeAndCoding(ws.project, code, passage),
  }),
  /** The undo of addCodeAndCoding: the coding and its code, refused if the code has served since. */
  removeCodeAndCoding: method({
    args: z.strictObject({ codeId: id, codingId: id }),
    run: ({ codeId, codingId }, { ws }) => removeCodeAndCoding(ws.project, codeId, codingId),
  }),
};
