// The codebook: codes with their definitions, the tree, merging and deleting, and the codebook as
// a JSON or CSV file.
import { z } from 'zod';
import { addCode, deleteCode, listCodes, mergeCodes, moveCode, resolveCode, updateCode } from '../codebook.ts';
import { exportCodebook, importCodebook } from '../codebook-exchange.ts';
import { method } from './define.ts';
import { id, longText, noArgument, nonEmpty, position, shortText } from './fields.ts';

/** What a code says about itself; a new code and a change to a code share it. */
const codeFields = {
  name: shortText,
  abbrev: shortText.nullable().optional(),
  color: shortText.optional(),
  definition: longText.optional(),
  inclusion: longText.optional(),
  exclusion: longText.optional(),
  example: longText.optional(),
  codable: z.boolean().optional(),
};

/** A new code: its fields, where it goes, and a GUID when it comes back with its identity (redo, exchange). */
export const newCode = z.strictObject({ ...codeFields, parentId: id.nullable().optional(), guid: shortText.optional() });
const codebookFormat = z.enum(['json', 'csv']);

export const codebookMethods = {
  listCodes: method({ args: noArgument, run: (_, { ws }) => listCodes(ws.project.db) }),
  /** A code as a user types it: its abbreviation, its path (« PA / Confiance »), its name or its number. */
  findCode: method({ args: z.strictObject({ ref: nonEmpty }), run: ({ ref }, { ws }) => resolveCode(ws.project.db, ref) }),
  addCode: method({ args: newCode, run: (args, { ws }) => addCode(ws.project, args) }),
  updateCode: method({
    args: z.strictObject({ id, changes: z.strictObject({ ...codeFields, name: shortText.optional() }) }),
    run: ({ id, changes }, { ws }) => updateCode(ws.project, id, changes),
  }),
  moveCode: method({
    args: z.strictObject({ id, parentId: id.nullable(), position: position.optional() }),
    run: ({ id, parentId, position }, { ws }) => moveCode(ws.project, id, parentId, position),
  }),
  /** Moves every coding of one code onto another and deletes the first, in one transaction. */
  mergeCodes: method({
    args: z.strictObject({ fromId: id, intoId: id }),
    run: ({ fromId, intoId }, { ws }) => mergeCodes(ws.project, fromId, intoId),
  }),
  deleteCode: method({
    args: z.strictObject({ id, confirm: z.boolean().optional() }),
    run: ({ id, confirm }, { ws }) => deleteCode(ws.project, id, confirm),
  }),
  exportCodebook: method({
    args: z.strictObject({ format: codebookFormat }),
    run: ({ format }, { ws }) => exportCodebook(ws.project.db, format, ws.lang),
  }),
  importCodebook: method({
    args: z.strictObject({ format: codebookFormat, text: longText }),
    run: ({ format, text }, { ws }) => importCodebook(ws.project, format, text),
  }),
};
