// Named groups of sources and of codes: to group interviews by site or wave, codes by question, and
// to filter retrieval and the matrices by them.
import { z } from 'zod';
import { SET_KINDS } from '../../model/types.ts';
import { addSetMembers, createSet, deleteSet, listSets, removeSetMembers, resolveSet, updateSet } from '../sets.ts';
import { method } from './define.ts';
import { id, longText, nonEmpty, shortText } from './fields.ts';

const ids = z.array(id).max(100_000);
const members = { sourceIds: ids.optional(), codeIds: ids.optional() };

export const setMethods = {
  listSets: method({
    args: z.strictObject({ kind: z.enum(SET_KINDS).optional() }).default({}),
    run: ({ kind }, { ws }) => listSets(ws.project.db, kind),
  }),
  /** A set as a user types it: its number, GUID or name (of that kind when given). */
  findSet: method({
    args: z.strictObject({ ref: nonEmpty, kind: z.enum(SET_KINDS).optional() }),
    run: ({ ref, kind }, { ws }) => resolveSet(ws.project.db, ref, kind),
  }),
  createSet: method({
    args: z.strictObject({ kind: z.enum(SET_KINDS), name: shortText, description: longText.optional(), ...members }),
    run: (args, { ws }) => createSet(ws.project, args),
  }),
  /** Renames a set or changes its description. */
  updateSet: method({
    args: z.strictObject({ id, name: shortText.optional(), description: longText.optional() }),
    run: ({ id, ...changes }, { ws }) => updateSet(ws.project, id, changes),
  }),
  deleteSet: method({ args: z.strictObject({ id }), run: ({ id }, { ws }) => deleteSet(ws.project, id) }),
  addSetMembers: method({ args: z.strictObject({ id, ...members }), run: ({ id, ...m }, { ws }) => addSetMembers(ws.project, id, m) }),
  removeSetMembers: method({ args: z.strictObject({ id, ...members }), run: ({ id, ...m }, { ws }) => removeSetMembers(ws.project, id, m) }),
};
