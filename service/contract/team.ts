// Team work: REFI-QDA exchange, comparing and merging codebooks and projects, inter-coder
// agreement and the review of disagreements.
import { z } from 'zod';
import { projectAgreement } from '../agreement.ts';
import { agreementCsv, agreementXlsx } from '../agreement-report.ts';
import { applyCodebookMerge } from '../codebook-merge.ts';
import { comparisonHtml, comparisonXlsx } from '../compare-report.ts';
import { listDisagreements, resolveDisagreement, type Resolution } from '../disagreements.ts';
import { mergeSnapshot } from '../merge-project.ts';
import { otherFile } from '../path-policy.ts';
import { exportQdc, exportQdpx, importQdc, importQdpx } from '../refi.ts';
import { compareWithOther, loadOther, otherCodes } from '../team-other.ts';
import { TresseError } from '../../i18n/error.ts';
import { method } from './define.ts';
import { bytes, longText, noArgument, nonEmpty, shortText } from './fields.ts';

/** The other side: a file's bytes (.qdc, .qdpx), or a file on this computer (.tresse, .qdc, .qdpx). */
const other = z.union([z.strictObject({ fileName: nonEmpty, bytes }), z.strictObject({ path: nonEmpty })]);
const decisions = z
  .array(z.strictObject({ id: shortText, choice: z.enum(['add', 'ignore', 'mine', 'theirs', 'map', 'distinct']) }))
  .max(100_000);
const review = {
  /** Coder names, at least two. */
  coders: z.array(nonEmpty).min(2).max(30),
  /** A code (GUID, abbreviation, path or name) and its sub-codes; default every code. */
  codeRef: nonEmpty.optional(),
  overlapThreshold: z.number().gt(0).max(1).optional(),
};
const unit = z.enum(['character', 'segment', 'document']);
const reviewAction = z.enum(['accept', 'keep-both', 'discuss']);
const fileArgs = z.strictObject({ fileName: nonEmpty, bytes });

export type ReviewAction = z.infer<typeof reviewAction>;

export const teamMethods = {
  exportQdpx: method({ args: noArgument, run: (_, { ws }) => exportQdpx(ws.project.db) }),
  exportQdc: method({ args: noArgument, run: (_, { ws }) => exportQdc(ws.project.db) }),
  /** Merges a .qdpx into the open project; what could not be brought over is in `warnings`. */
  importQdpx: method({ args: fileArgs, run: ({ fileName, bytes }, { ws }) => importQdpx(ws.project, bytes, { fileName }) }),
  importQdc: method({ args: fileArgs, run: ({ fileName, bytes }, { ws }) => importQdc(ws.project, bytes, [], fileName) }),
  /** My codebook (A) against the other's (B). */
  compareCodebooks: method({
    args: z.strictObject({ other }),
    path: otherFile,
    run: ({ other }, { ws }) => compareWithOther(ws.project, other),
  }),
  exportComparison: method({
    args: z.strictObject({ other, format: z.enum(['html', 'xlsx']) }),
    path: otherFile,
    run: ({ other, format }, { ws }) => {
      const cmp = compareWithOther(ws.project, other);
      return format === 'html' ? new TextEncoder().encode(comparisonHtml(cmp, ws.lang)) : comparisonXlsx(cmp, ws.lang);
    },
  }),
  /** Applies the user's decisions on the comparison to my codebook, in one transaction. */
  applyCodebookMerge: method({
    args: z.strictObject({ other, decisions }),
    path: otherFile,
    run: ({ other, decisions }, { ws }) => {
      const { codes, warnings } = otherCodes(ws.project, other);
      const { diff: _diff, plan: _plan, ...counts } = applyCodebookMerge(ws.project, codes, decisions);
      return { ...counts, warnings };
    },
  }),
  mergeProject: method({
    args: z.strictObject({ other, decisions: decisions.optional() }),
    path: otherFile,
    run: ({ other, decisions = [] }, { ws }) => {
      const o = loadOther(ws.project, other, ['.tresse', '.qdpx']);
      return 'snapshot' in o ? mergeSnapshot(ws.project, o.snapshot, decisions) : importQdpx(ws.project, o.bytes, { fileName: o.label, decisions });
    },
  }),
  computeAgreement: method({
    args: z.strictObject({ ...review, unit }),
    run: (query, { ws }) => projectAgreement(ws.project.db, query),
  }),
  exportAgreement: method({
    args: z.strictObject({ ...review, unit, format: z.enum(['csv', 'xlsx']) }),
    run: ({ format, ...query }, { ws }) => {
      const report = projectAgreement(ws.project.db, query);
      return format === 'csv' ? new TextEncoder().encode(agreementCsv(report, ws.lang)) : agreementXlsx(report, ws.lang);
    },
  }),
  listDisagreements: method({ args: z.strictObject(review), run: (query, { ws }) => listDisagreements(ws.project.db, query) }),
  resolveDisagreement: method({
    args: z.strictObject({ ...review, id: nonEmpty, action: reviewAction, coder: nonEmpty.optional(), note: longText.optional() }),
    run: ({ id, action, coder, note, ...query }, { ws }) => {
      const item = listDisagreements(ws.project.db, query).find((d) => d.id === id);
      if (!item) throw new TresseError('team.disagreementNotFound', { id });
      const resolution: Resolution =
        action === 'accept'
          ? { action, item, coder: coder ?? '' }
          : action === 'discuss'
            ? { action, item, note: note ?? '' }
            : { action, item, ...(note ? { note } : {}) };
      return resolveDisagreement(ws.project, resolution);
    },
  }),
};
