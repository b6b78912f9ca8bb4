// Analysis: the triangulation matrix and the other matrices, a cell's excerpts, syntheses and
// verdicts, research questions, the kind -> column mapping, pictures and supervisor exports.
import { z } from 'zod';
import { getQuestion } from '../questions.ts';
import { MATRIX_TYPES, VERDICTS } from '../../analysis/matrix/types.ts';
import { TresseError } from '../../i18n/error.ts';
import {
  addQuestion,
  analysisGrid,
  cellExcerpts,
  codebookUsage,
  columnSpecFrom,
  computeMatrix,
  DEFAULT_EXCERPTS_PER_CELL,
  exportMatrices,
  kindColumns,
  listQuestions,
  removeQuestion,
  resetKindColumns,
  resolveQuestion,
  resolveRow,
  setCellSynthesis,
  setKindColumn,
  setQuestionCodes,
  setRowVerdict,
} from '../analysis.ts';
import type { ProjectContext } from '../context.ts';
import { method } from './define.ts';
import { attributeScope, attributeValue, id, longText, noArgument, nonEmpty, shortText, sourceKind } from './fields.ts';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const columnSpec = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('kind') }),
  z.strictObject({ by: z.literal('attribute'), scope: attributeScope, name: nonEmpty }),
  z.strictObject({ by: z.literal('source') }),
  z.strictObject({ by: z.literal('total') }),
  z.strictObject({ by: z.literal('sets'), setIds: z.array(id).min(1).max(100) }),
]);
const filter = z.strictObject({
  coderIds: z.array(id).max(1_000).optional(),
  agreement: z.boolean().optional(),
  sourceKinds: z.array(sourceKind).optional(),
  sourceSetId: id.optional(),
  codeSetId: id.optional(),
  caseAttributes: z
    .array(z.strictObject({ name: nonEmpty, values: z.array(attributeValue).max(10_000) }))
    .max(100)
    .optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  dateAttribute: nonEmpty.optional(),
});
const request = z.strictObject({
  type: z.enum(MATRIX_TYPES),
  rows: z.enum(['codes', 'themes', 'questions']).optional(),
  columns: columnSpec.optional(),
  filter: filter.optional(),
  caseId: id.optional(),
  rowKeys: z.array(shortText).max(100_000).optional(),
  excerptIds: z.boolean().optional(),
  valences: z.boolean().optional(),
});
/** Which grid a synthesis or a verdict belongs to: the whole corpus, or one case; its columns. */
const grid = z.strictObject({ caseId: id.optional(), columns: columnSpec.optional() });
const page = z.number().int().nonnegative().max(10_000_000);
const exportFormat = z.enum(['xlsx', 'docx', 'csv', 'html']);
const rowMode = z.enum(['codes', 'themes', 'questions']);

export type MatrixExportFormat = z.infer<typeof exportFormat>;

/** A question renamed and given its codes in one transaction. */
function updateQuestion(ctx: ProjectContext, id: number, name: string, codeIds: number[]) {
  return ctx.db.transaction(() => {
    const wanted = name.trim();
    if (!wanted) throw new TresseError('value.invalid', { field: 'name', value: name });
    const clash = ctx.db.prepare('SELECT id FROM research_questions WHERE name = ? COLLATE NOCASE AND id <> ?').get(wanted, id);
    if (clash) throw new TresseError('question.exists', { name: wanted });
    getQuestion(ctx.db, id);
    ctx.db.prepare('UPDATE research_questions SET name = ? WHERE id = ?').run(wanted, id);
    return setQuestionCodes(ctx, id, codeIds);
  })();
}

export const analysisMethods = {
  computeMatrix: method({ args: request, run: (req, { ws }) => computeMatrix(ws.project.db, req, ws.lang) }),
  /** The whole analysis grid: triangulation, each interviewed case's grid, frequencies, co-occurrences. */
  analysisGrid: method({
    args: z.strictObject({ rows: rowMode.optional(), filter: filter.optional() }).default({}),
    run: ({ rows, filter }, { ws }) => analysisGrid(ws.project.db, { ...(rows ? { rows } : {}), ...(filter ? { filter } : {}) }, ws.lang),
  }),
  /** A row as a user types it (a code's abbreviation, path or name, a question, or a row key) and its key. */
  findMatrixRow: method({ args: z.strictObject({ ref: nonEmpty }), run: ({ ref }, { ws }) => resolveRow(ws.project.db, ref) }),
  /** The columns a user names: `kind` (the default), or a case or source attribute. */
  findMatrixColumns: method({
    args: z.strictObject({ name: shortText.optional() }).default({}),
    run: ({ name }, { ws }) => columnSpecFrom(ws.project.db, name),
  }),
  findQuestion: method({ args: z.strictObject({ ref: nonEmpty }), run: ({ ref }, { ws }) => resolveQuestion(ws.project.db, ref) }),
  /** The excerpts of one cell, in reading order; `limit` pages through a long cell. */
  matrixCellExcerpts: method({
    args: z.strictObject({ request, rowKey: nonEmpty, columnKey: nonEmpty, offset: page.optional(), limit: page.optional() }),
    run: ({ request, rowKey, columnKey, offset, limit }, { ws }) =>
      cellExcerpts(ws.project.db, request, rowKey, columnKey, {
        ...(offset !== undefined ? { offset } : {}),
        ...(limit !== undefined ? { limit } : {}),
      }),
  }),
  /** Empty text removes the synthesis. */
  setCellSynthesis: method({
    args: z.strictObject({ grid, rowKey: nonEmpty, columnKey: nonEmpty, text: longText }),
    run: ({ grid, rowKey, columnKey, text }, { ws }) => setCellSynthesis(ws.project, grid, rowKey, columnKey, text, ws.lang),
  }),
  /** `verdict: null` clears it; silence is computed, never set. */
  setRowVerdict: method({
    args: z.strictObject({ grid, rowKey: nonEmpty, verdict: z.enum(VERDICTS).nullable(), note: longText.optional() }),
    run: ({ grid, rowKey, verdict, note }, { ws }) => {
      const { dimension: _dimension, ...done } = setRowVerdict(ws.project, grid, rowKey, verdict, note ?? '', ws.lang);
      return done;
    },
  }),
  listQuestions: method({ args: noArgument, run: (_, { ws }) => listQuestions(ws.project.db) }),
  /** Creates a question, or renames it and replaces its codes (with `id`). */
  saveQuestion: method({
    args: z.strictObject({ id: id.optional(), name: nonEmpty, codeIds: z.array(id).min(1).max(10_000), description: longText.optional() }),
    run: ({ id, name, codeIds, description }, { ws }) =>
      id === undefined
        ? addQuestion(ws.project, { name, codeIds, ...(description !== undefined ? { description } : {}) })
        : updateQuestion(ws.project, id, name, codeIds),
  }),
  deleteQuestion: method({ args: z.strictObject({ id }), run: ({ id }, { ws }) => removeQuestion(ws.project, id) }),
  listKindColumns: method({ args: noArgument, run: (_, { ws }) => kindColumns(ws.project.db) }),
  setKindColumn: method({
    args: z.strictObject({ kind: sourceKind, label: nonEmpty }),
    run: ({ kind, label }, { ws }) => setKindColumn(ws.project, kind, label),
  }),
  resetKindColumns: method({ args: noArgument, run: (_, { ws }) => resetKindColumns(ws.project) }),
  /**
   * The pictures of a matrix as SVG text (the frequencies also get the codebook sized by use);
   * `minCount`: the co-occurrence network's threshold, pairs seen fewer times are not drawn.
   */
  matrixPictures: method({
    args: request.extend({ minCount: z.number().int().min(1).max(1_000_000).optional() }),
    run: async ({ minCount, ...req }, { ws }) => {
      // d3 loads with the first picture, not with the contract (every command line start).
      const { picturesFor } = await import('../../analysis/pictures/index.ts');
      const m = computeMatrix(ws.project.db, { ...req, excerptIds: false }, ws.lang);
      return picturesFor(m, ws.lang, m.type === 'frequencies' ? codebookUsage(ws.project.db, m.filter) : undefined, minCount === undefined ? {} : { minCount });
    },
  }),
  /** A picture's SVG text as PNG, drawn with the fonts Tresse ships. */
  pictureToPng: method({
    args: z.strictObject({ svg: longText }),
    // The renderer (resvg) loads with the first PNG, as d3 with the first picture.
    run: async ({ svg }) => (await import('../../analysis/pictures/png.ts')).svgToPng(svg),
  }),
  /** The matrix (or, with `all`, the whole analysis grid) as a file for the supervisor; `excerptsPerCell` caps the quotes. */
  exportMatrix: method({
    args: z.strictObject({ request, format: exportFormat, all: z.boolean().optional(), excerptsPerCell: page.optional() }),
    run: async ({ request, format, all, excerptsPerCell }, { ws }) => {
      const db = ws.project.db;
      const grid = request.type === 'triangulation' || request.type === 'participant';
      // Every format here quotes the first few excerpts of each cell: the grids need keep no more ids.
      const quoted = { excerptsPerCell: excerptsPerCell ?? DEFAULT_EXCERPTS_PER_CELL };
      const matrices = all
        ? analysisGrid(db, { rows: request.rows ?? 'codes', ...(request.filter ? { filter: request.filter } : {}), ...quoted }, ws.lang)
        : [computeMatrix(db, { ...request, excerptIds: true, ...(grid ? { valences: true } : {}) }, ws.lang)];
      const out = await exportMatrices(db, matrices, format, { lang: ws.lang, ...(excerptsPerCell !== undefined ? { excerptsPerCell } : {}) });
      return typeof out === 'string' ? new TextEncoder().encode(out) : out;
    },
  }),
};
