// Coding: applying a code to a passage, taking it off, and the codings of a source.
import { z } from 'zod';
import { SEGMENT_KINDS } from '../../model/types.ts';
import { addCoding, listCodingsOfSource, removeCoding } from '../codings.ts';
import { method } from './define.ts';
import { id, longText, position, shortText } from './fields.ts';

/** A passage coded by the session's coder; a GUID when the coding comes back with its identity (redo, exchange). */
export const newCoding = z
  .strictObject({
    sourceId: id,
    codeId: id,
    start: position,
    end: position,
    valence: z.enum(['+', '-']).nullable().optional(),
    segmentKind: z.enum(SEGMENT_KINDS).optional(),
    memo: longText.nullable().optional(),
    guid: shortText.optional(),
  })
  .refine((c) => c.end > c.start, { path: ['end'], message: 'end must be after start' });

export const codingMethods = {
  addCoding: method({ args: newCoding, run: (args, { ws }) => addCoding(ws.project, args) }),
  removeCoding: method({ args: z.strictObject({ id }), run: ({ id }, { ws }) => removeCoding(ws.project, id) }),
  listCodings: method({ args: z.strictObject({ sourceId: id }), run: ({ sourceId }, { ws }) => listCodingsOfSource(ws.project.db, sourceId) }),
};
