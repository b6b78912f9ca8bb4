// Code suggestions: for a passage or a turn, for the uncoded passages of a source, accepted (a
// coding, undone by removeCoding) or dismissed (not suggested again for that passage), and their
// precision measured on the project's own codings. Computed in the service, nothing sent anywhere.
import { z } from 'zod';
import { acceptSuggestion, suggestCodes, suggestForSource } from '../suggest.ts';
import { dismissSuggestion } from '../suggest-dismissals.ts';
import { evaluateProjectSuggestions } from '../suggest-evaluation.ts';
import { method } from './define.ts';
import { id, noArgument, position } from './fields.ts';

const limit = z.number().int().min(1).max(100).optional();
const passageCode = z
  .strictObject({ sourceId: id, start: position, end: position, codeId: id })
  .refine((p) => p.end > p.start, { path: ['end'], message: 'end must be after start' });

export const suggestMethods = {
  /** The codes suggested for a selection (start, end) or a turn (1-based; a paragraph's number when the source has no turns). */
  suggestCodes: method({
    args: z.union([
      z
        .strictObject({ sourceId: id, start: position, end: position, limit })
        .refine((p) => p.end > p.start, { path: ['end'], message: 'end must be after start' }),
      z.strictObject({ sourceId: id, turn: z.number().int().positive(), limit }),
    ]),
    run: (target, { ws }) => suggestCodes(ws.project.db, target),
  }),
  /** "Suggest for the uncoded turns": each uncoded passage of the source with its first codes. */
  suggestForSource: method({
    args: z.strictObject({ sourceId: id, limit }),
    run: ({ sourceId, limit }, { ws }) => suggestForSource(ws.project.db, sourceId, limit),
  }),
  /** Codes the passage with the suggested code; removeCoding with the coding's id undoes it. */
  acceptSuggestion: method({ args: passageCode, run: (s, { ws }) => acceptSuggestion(ws.project, s) }),
  /** The code will not be suggested again for this passage. */
  dismissSuggestion: method({ args: passageCode, run: (s, { ws }) => dismissSuggestion(ws.project, s) }),
  /** Leave-one-source-out precision at 1 and 3, beside the most-frequent-codes baseline. */
  evaluateSuggestions: method({ args: noArgument, run: (_args, { ws }) => evaluateProjectSuggestions(ws.project.db) }),
};
