// Memos: notes on the project, a source, a case, a code or a coding.
import { z } from 'zod';
import { deleteMemo, listMemos, saveMemo } from '../memos.ts';
import { method } from './define.ts';
import { id, longText, shortText } from './fields.ts';

const memoTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('project') }),
  z.strictObject({ kind: z.literal('source'), id }),
  z.strictObject({ kind: z.literal('case'), id }),
  z.strictObject({ kind: z.literal('code'), id }),
  z.strictObject({ kind: z.literal('coding'), id }),
]);

export const memoMethods = {
  listMemos: method({
    args: z.strictObject({ target: memoTarget.optional() }).default({}),
    run: ({ target }, { ws }) => listMemos(ws.project.db, target),
  }),
  /** Creates a memo, or replaces its text (with `id`). */
  saveMemo: method({
    args: z.strictObject({ id: id.optional(), target: memoTarget, title: shortText.optional(), text: longText, richText: longText.nullable().optional() }),
    run: (args, { ws }) => saveMemo(ws.project, args),
  }),
  deleteMemo: method({ args: z.strictObject({ id }), run: ({ id }, { ws }) => deleteMemo(ws.project, id) }),
};
