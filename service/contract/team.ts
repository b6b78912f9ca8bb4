// Team work: REFI-QDA exchange, comparing and merging codebooks and projects, inter-coder
// agreement and the review of disagreements.
import { z } from 'zod';
import { projectAgreement } from '../agreement.ts';
import { agreementCsv, agreementXlsx, describeAgreement } from '../agreement-report.ts';
import { listDisagreements, resolveDisagreement, type Resolution } from '../disagreements.ts';
import { newProjectPath, otherFile } from '../path-policy.ts';
import { ratingAgreement } from '../rating-agreement.ts';
import { closeProject } from '../project.ts';
import { listDoneMarks, setSourceDone } from '../source-done.ts';
import { EXPORT_TARGETS } from '../../exchange/refi/vendor.ts';
import { TresseError } from '../../i18n/error.ts';
import { method } from './define.ts';
import { bytes, id, longText, noArgument, nonEmpty, shortText } from './fields.ts';

/** The other side: a file's bytes (.qdc, .qdpx), or a file on this computer (.tresse, .qdc, .qdpx). */
const other = z.union([z.strictObject({ fileName: nonEmpty, bytes }), z.strictObject({ path: nonEmpty })]);
const decisions = z.array(z.strictObject({ id: shortText, choice: z.enum(['add', 'ignore', 'mine', 'theirs', 'map', 'distinct']) })).max(100_000);
const review = {
  /** Coder names, at least two (the service says so in the user's words when there are fewer). */
  coders: z.array(nonEmpty).max(30),
  /** A code (GUID, abbreviation, path or name) and its sub-codes; default every code. */
  codeRef: nonEmpty.optional(),
  /** Above 0 and at most 1, checked by the service ('agreement.threshold'). */
  overlapThreshold: z.number().optional(),
};
/** 'character', 'segment' or 'document', checked by the service ('agreement.unit'). */
const unit = shortText;
const reviewAction = z.enum(['accept', 'keep-both', 'discuss']);
const fileArgs = z.strictObject({ fileName: nonEmpty, bytes, decisions: decisions.optional() });
/** REFI-QDA and codebook merging, loaded with the first call that needs them (see team-exchange.ts). */
const exchange = () => import('../team-exchange.ts');

export type ReviewAction = z.infer<typeof reviewAction>;

export const teamMethods = {
  /**
   * The project as a .qdpx; with `target`, written for that program where it reads positions or
   * line ends otherwise than the standard (exchange/refi/vendor.ts). The standard file by default.
   */
  exportQdpx: method({
    args: z.strictObject({ target: z.enum(EXPORT_TARGETS).optional() }).optional(),
    run: async (args, { ws }) => (await exchange()).exportQdpxAsync(ws.project.db, args?.target ? { target: args.target } : {}),
  }),
  exportQdc: method({ args: noArgument, run: async (_, { ws }) => (await exchange()).exportQdc(ws.project.db) }),
  /** Merges a .qdpx into the open project; what could not be brought over is in `warnings`. */
  importQdpx: method({
    args: fileArgs,
    run: async ({ fileName, bytes, decisions }, { ws }) => (await exchange()).importQdpx(ws.project, bytes, { fileName, ...(decisions ? { decisions } : {}) }),
  }),
  /**
   * What a .qdpx holds and how it would come in (adapted, not kept, wrong in the file), read as
   * importQdpx reads it; nothing is written and no project needs to be open.
   */
  exchangeReport: method({
    args: z.strictObject({ other }),
    path: otherFile,
    run: async ({ other }) => (await exchange()).reportOnQdpx(other),
  }),
  importQdc: method({
    args: fileArgs,
    run: async ({ fileName, bytes, decisions }, { ws }) => (await exchange()).importQdc(ws.project, bytes, decisions ?? [], fileName),
  }),
  /** A new project at `path` made from a .qdpx (written beside and put in place whole); it is left closed. */
  createProjectFromQdpx: method({
    args: z.strictObject({ path: nonEmpty, fileName: nonEmpty, bytes, coder: nonEmpty.optional() }),
    path: newProjectPath,
    run: async ({ path, fileName, bytes, coder }) => {
      const { ctx, result } = (await exchange()).importQdpxAsNewProject(path, bytes, { fileName, ...(coder ? { coder } : {}) });
      closeProject(ctx);
      return result;
    },
  }),
  /**
   * Two codebook files compared (.tresse read from a copy, .qdc, .qdpx), no project open; with
   * `format`, the report as a file. Both are paths the path policy cannot check together yet, so
   * only the command line, whose paths are not restricted, may send them.
   */
  compareCodebookFiles: method({
    args: z.strictObject({ a: nonEmpty, b: nonEmpty }),
    run: async ({ a, b }, { hooks }) => (await exchange()).compareCodebookFiles(hooks.shell, a, b),
  }),
  exportCodebookFileComparison: method({
    args: z.strictObject({ a: nonEmpty, b: nonEmpty, format: z.enum(['html', 'xlsx']) }),
    run: async ({ a, b, format }, { ws, hooks }) => {
      const { compareCodebookFiles, comparisonHtml, comparisonXlsx } = await exchange();
      const cmp = compareCodebookFiles(hooks.shell, a, b);
      return format === 'html' ? new TextEncoder().encode(comparisonHtml(cmp, ws.lang)) : comparisonXlsx(cmp, ws.lang);
    },
  }),
  /** My codebook (A) against the other's (B). */
  compareCodebooks: method({
    args: z.strictObject({ other }),
    path: otherFile,
    run: async ({ other }, { ws }) => (await exchange()).compareWithOther(ws.project, other),
  }),
  exportComparison: method({
    args: z.strictObject({ other, format: z.enum(['html', 'xlsx']) }),
    path: otherFile,
    run: async ({ other, format }, { ws }) => {
      const { compareWithOther, comparisonHtml, comparisonXlsx } = await exchange();
      const cmp = compareWithOther(ws.project, other);
      return format === 'html' ? new TextEncoder().encode(comparisonHtml(cmp, ws.lang)) : comparisonXlsx(cmp, ws.lang);
    },
  }),
  /** Applies the user's decisions on the comparison to my codebook, in one transaction. */
  applyCodebookMerge: method({
    args: z.strictObject({ other, decisions }),
    path: otherFile,
    run: async ({ other, decisions }, { ws }) => {
      const { applyCodebookMerge, otherCodes } = await exchange();
      const { codes, warnings } = otherCodes(ws.project, other);
      const { diff: _diff, plan: _plan, ...counts } = applyCodebookMerge(ws.project, codes, decisions);
      return { ...counts, warnings };
    },
  }),
  mergeProject: method({
    args: z.strictObject({ other, decisions: decisions.optional() }),
    path: otherFile,
    run: async ({ other, decisions = [] }, { ws }) => {
      const { importQdpx, loadOther, mergeSnapshot } = await exchange();
      const o = loadOther(ws.project, other, ['.tresse', '.qdpx']);
      return 'snapshot' in o ? mergeSnapshot(ws.project, o.snapshot, decisions) : importQdpx(ws.project, o.bytes, { fileName: o.label, decisions });
    },
  }),
  computeAgreement: method({
    args: z.strictObject({ ...review, unit }),
    /** With `description`: what the figures count, in the user's language, as the exports print it. */
    run: (query, { ws }) => {
      const report = projectAgreement(ws.project.db, query);
      return { ...report, description: describeAgreement(report, ws.lang) };
    },
  }),
  exportAgreement: method({
    args: z.strictObject({ ...review, unit, format: z.enum(['csv', 'xlsx']) }),
    run: ({ format, ...query }, { ws }) => {
      const report = projectAgreement(ws.project.db, query);
      return format === 'csv' ? new TextEncoder().encode(agreementCsv(report, ws.lang)) : agreementXlsx(report, ws.lang);
    },
  }),
  /** Every "done" mark: which coder read which source and coded what there was to code. */
  listDoneMarks: method({ args: noArgument, run: (_, { ws }) => listDoneMarks(ws.project.db) }),
  /** Marks (or unmarks) a source done for a coder, the session's coder by default; returns the source's marks. */
  setSourceDone: method({
    args: z.strictObject({ source: id, done: z.boolean(), coder: nonEmpty.optional() }),
    run: ({ source, done, coder }, { ws }) => setSourceDone(ws.project, source, done, coder),
  }),
  /**
   * Agreement between coders' ratings of cases, each coder's ratings being a case attribute:
   * Krippendorff's alpha at the chosen level with its bootstrap interval. The metric and the
   * attributes are checked by the service, which words each refusal.
   */
  ratingAgreement: method({
    args: z.strictObject({ attributes: z.array(nonEmpty).max(100), metric: shortText, samples: z.number().optional() }),
    run: (query, { ws }) => ratingAgreement(ws.project.db, query),
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
