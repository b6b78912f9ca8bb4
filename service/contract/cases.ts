// Cases (participants, sites) and the attributes that describe cases and sources.
import { z } from 'zod';
import { ATTRIBUTE_TYPES } from '../../model/types.ts';
import { defineAttribute, listAttributes, setAttributeValues } from '../attributes.ts';
import { deleteAttribute, renameAttribute, retypeAttribute } from '../attribute-changes.ts';
import { setCaseAttributes } from '../case-attributes.ts';
import { createCase, deleteCase, linkSource, listCases, resolveCase, unlinkSource, updateCase } from '../cases.ts';
import { method } from './define.ts';
import { attributeScope, attributeValue, id, longText, noArgument, nonEmpty, shortText } from './fields.ts';

const link = z.strictObject({ caseId: id, sourceId: id });

export const caseMethods = {
  listCases: method({ args: noArgument, run: (_, { ws }) => listCases(ws.project.db) }),
  /** A case as a user types it: its number or its name. */
  findCase: method({ args: z.strictObject({ ref: nonEmpty }), run: ({ ref }, { ws }) => resolveCase(ws.project.db, ref) }),
  createCase: method({
    args: z.strictObject({ name: shortText, description: longText.optional() }),
    run: (args, { ws }) => createCase(ws.project, args),
  }),
  updateCase: method({
    args: z.strictObject({ id, name: shortText.optional(), description: longText.optional() }),
    run: ({ id, ...changes }, { ws }) => updateCase(ws.project, id, changes),
  }),
  deleteCase: method({ args: z.strictObject({ id }), run: ({ id }, { ws }) => deleteCase(ws.project, id) }),
  listAttributes: method({
    args: z.strictObject({ scope: attributeScope.optional() }).default({}),
    run: ({ scope }, { ws }) => listAttributes(ws.project.db, scope),
  }),
  defineAttribute: method({
    args: z.strictObject({ name: nonEmpty, type: z.enum(ATTRIBUTE_TYPES), scope: attributeScope.optional(), multi: z.boolean().optional() }),
    run: (args, { ws }) => defineAttribute(ws.project, args),
  }),
  renameAttribute: method({
    args: z.strictObject({ id, name: shortText }),
    run: ({ id, name }, { ws }) => renameAttribute(ws.project, id, name),
  }),
  /** With `preview`, lists the values that would not read as the new type and writes nothing; otherwise converts the rest and clears those. */
  retypeAttribute: method({
    args: z.strictObject({ id, type: z.enum(ATTRIBUTE_TYPES), preview: z.boolean().optional() }),
    run: ({ id, type, preview }, { ws }) => retypeAttribute(ws.project, id, type, { preview: preview ?? false, lang: ws.lang }),
  }),
  deleteAttribute: method({ args: z.strictObject({ id }), run: ({ id }, { ws }) => deleteAttribute(ws.project, id) }),
  setAttributeValues: method({
    args: z.strictObject({
      target: z.union([z.strictObject({ caseId: id }), z.strictObject({ sourceId: id })]),
      name: nonEmpty,
      values: z.array(attributeValue).max(10_000),
    }),
    run: ({ target, name, values }, { ws }) => setAttributeValues(ws.project, target, name, values),
  }),
  /** Several attributes of one case, defined on the way if new, in one transaction. */
  setCaseAttributes: method({
    args: z.strictObject({
      caseId: id,
      type: z.enum(ATTRIBUTE_TYPES).optional(),
      values: z
        .array(z.strictObject({ name: nonEmpty, values: z.array(z.string().max(100_000)).max(10_000) }))
        .min(1)
        .max(1_000),
    }),
    run: ({ caseId, type, values }, { ws }) => setCaseAttributes(ws.project, caseId, values, type),
  }),
  linkSource: method({ args: link, run: ({ caseId, sourceId }, { ws }) => linkSource(ws.project, caseId, sourceId) }),
  unlinkSource: method({ args: link, run: ({ caseId, sourceId }, { ws }) => unlinkSource(ws.project, caseId, sourceId) }),
};
