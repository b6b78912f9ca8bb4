// Retrieval and search: the excerpts of a code (filtered by kind, coder, case attribute) and the
// full-text search over every source.
import { z } from 'zod';
import { searchSources } from '../../db/search.ts';
import { locatePassage, retrieveExcerptPage, retrieveExcerpts } from '../codings.ts';
import { getSourceSummary, getSourceText } from '../sources.ts';
import { textLanguageOf } from '../text-language.ts';
import { method } from './define.ts';
import { attributeValue, id, longText, nonEmpty, sourceKind } from './fields.ts';

const retrieveFilter = {
  /** Without a code, the excerpts of every code (usually with `sourceIds`). */
  codeId: id.optional(),
  includeSubcodes: z.boolean().optional(),
  sourceIds: z.array(id).max(100_000).optional(),
  sourceKinds: z.array(sourceKind).optional(),
  coderIds: z.array(id).max(1_000).optional(),
  sourceSetId: id.optional(),
  codeSetId: id.optional(),
  caseAttribute: z.strictObject({ name: nonEmpty, values: z.array(attributeValue).max(10_000) }).optional(),
};
const page = z.number().int().nonnegative().max(10_000_000);

export const retrievalMethods = {
  retrieve: method({
    args: z.strictObject(retrieveFilter),
    run: (filter, { ws }) => retrieveExcerpts(ws.project.db, filter),
  }),
  /** The same excerpts a page at a time, with how many there are in all (the Extraits tab). */
  retrievePage: method({
    args: z.strictObject({ ...retrieveFilter, offset: page.optional(), limit: page.optional() }),
    run: ({ offset, limit, ...filter }, { ws }) =>
      retrieveExcerptPage(ws.project.db, filter, { ...(offset !== undefined ? { offset } : {}), ...(limit !== undefined ? { limit } : {}) }),
  }),
  /**
   * Where a passage typed as text lies in a source (code points): straight quotes and plain spaces
   * match the transcript's own; it must occur once, or `occurrence` (from 1) says which.
   */
  locatePassage: method({
    args: z.strictObject({ sourceId: id, text: longText.min(1), occurrence: z.number().int().positive().optional() }),
    run: ({ sourceId, text, occurrence }, { ws }) => {
      const db = ws.project.db;
      return locatePassage(getSourceText(db, sourceId), text, getSourceSummary(db, sourceId).name, occurrence);
    },
  }),
  search: method({
    args: z.strictObject({
      query: z.string().max(10_000),
      limit: z.number().int().positive().max(100_000).optional(),
      sourceKinds: z.array(sourceKind).optional(),
    }),
    run: ({ query, limit, sourceKinds }, { ws }) =>
      searchSources(ws.project.db, query, {
        language: textLanguageOf(ws.project.db),
        ...(limit ? { limit } : {}),
        ...(sourceKinds ? { sourceKinds } : {}),
      }),
  }),
};
