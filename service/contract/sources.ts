// Sources: importing a file (parsed in a worker, stored whole or not at all), listing, renaming,
// reclassifying and deleting.
import { z } from 'zod';
import { deleteSource, getSource, guessImport, importSource, listSources, resolveSource, updateSource } from '../sources.ts';
import { method } from './define.ts';
import { bytes, id, noArgument, nonEmpty, shortText, sourceKind } from './fields.ts';

export const sourceMethods = {
  listSources: method({ args: noArgument, run: (_, { ws }) => listSources(ws.project.db) }),
  getSource: method({ args: z.strictObject({ id }), run: ({ id }, { ws }) => getSource(ws.project.db, id) }),
  /** A source as a user types it: its number, its name, or its file name. */
  findSource: method({ args: z.strictObject({ ref: nonEmpty }), run: ({ ref }, { ws }) => resolveSource(ws.project.db, ref) }),
  importSource: method({
    args: z.strictObject({
      fileName: nonEmpty,
      bytes,
      kind: sourceKind,
      name: shortText.optional(),
      caseIds: z.array(id).max(10_000).optional(),
      /** A case by name: linked if it exists, else created with the source (one transaction). */
      newCase: shortText.optional(),
      turnPatterns: z.array(shortText).max(100).optional(),
    }),
    run: (args, { ws }) => importSource(ws.project, args),
  }),
  /** The kind guessed from a file's content and its default name, before importing it; writes nothing. */
  guessImport: method({
    args: z.strictObject({ fileName: nonEmpty, bytes, turnPatterns: z.array(shortText).max(100).optional() }),
    run: (args) => guessImport(args),
  }),
  updateSource: method({
    args: z.strictObject({ id, name: shortText.optional(), kind: sourceKind.optional() }),
    run: ({ id, ...changes }, { ws }) => updateSource(ws.project, id, changes),
  }),
  deleteSource: method({ args: z.strictObject({ id }), run: ({ id }, { ws }) => deleteSource(ws.project, id) }),
};
