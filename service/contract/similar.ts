// "Passages like this one": the corpus's passages ranked by the words they share with a coding or
// a selection. Coding the chosen ones is addCodings (one transaction, one undo step), as for the
// hits of a search.
import { z } from 'zod';
import { similarPassages } from '../similar-passages.ts';
import { method } from './define.ts';
import { id, position } from './fields.ts';

const limit = z.number().int().positive().max(1_000).optional();

export const similarMethods = {
  /**
   * From a coding (the passages not coded with its code yet) or a selection (with a code: not
   * coded with it; without: not coded at all), best first; the query passage itself left out.
   */
  similarPassages: method({
    args: z.union([z.strictObject({ codingId: id, limit }), z.strictObject({ sourceId: id, start: position, end: position, codeId: id.optional(), limit })]),
    run: (query, { ws }) => similarPassages(ws.project.db, query),
  }),
};
