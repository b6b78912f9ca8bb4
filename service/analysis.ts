// The analysis grid as the app and the command line use it: matrices, the excerpts of a cell,
// research questions, the kind -> column mapping, cell syntheses and row verdicts.
import type { Db } from '../db/open.ts';
import { isTresseError, TresseError } from '../i18n/error.ts';
import type { Lang } from '../i18n/lang.ts';
import type { AnnotationScope, RowRef } from '../analysis/matrix/annotations.ts';
import type { ColumnSpec, Matrix, MatrixFilter, MatrixRequest, RowMode, RowVerdict, Verdict } from '../analysis/matrix/types.ts';
import { formatMatrices, type ExportFormat, type ExportOptions } from '../exchange/export/index.ts';
import { setSynthesis, setVerdict } from './annotations.ts';
import { getCode, resolveCode } from './codebook.ts';
import type { ProjectContext } from './context.ts';
import { buildMatrix, codebookUsage, sharedCounts } from './matrix.ts';
import { excerptsInAnyOrder } from './excerpts-by-id.ts';
import { resolveQuestion } from './questions.ts';

export { buildMatrix as computeMatrix, columnSpecFrom, codebookUsage } from './matrix.ts';
export { cellExcerpts, excerptsByIds } from './matrix-excerpts.ts';
export { addQuestion, getQuestion, listQuestions, removeQuestion, resolveQuestion, setQuestionCodes } from './questions.ts';
export { kindColumns, resetKindColumns, setKindColumn } from './kind-columns.ts';
export { DEFAULT_KIND_COLUMNS, type KindColumn } from '../analysis/matrix/kind-columns.ts';
export type { ResearchQuestion } from '../analysis/matrix/questions.ts';
export type { CellExcerpts } from '../analysis/matrix/excerpts.ts';
export type * from '../analysis/matrix/types.ts';
export { MATRIX_TYPES, VERDICTS } from '../analysis/matrix/types.ts';

/** Which grid a synthesis or verdict belongs to: the triangulation matrix (kind or attribute columns) or one case's grid. */
export interface GridRef {
  caseId?: number;
  columns?: ColumnSpec;
}

/** A row from a matrix row key (code:ID, question:ID) or what a user typed: a code (abbreviation, path, name) or a question. */
export function resolveRow(db: Db, ref: string): RowRef & { key: string } {
  const t = ref.trim();
  const key = /^code:(\d+)$/.exec(t);
  if (key) return { codeId: getCode(db, Number(key[1])).id, key: t };
  if (/^question:/i.test(t)) {
    const q = resolveQuestion(db, t.slice('question:'.length));
    return { questionId: q.id, key: `question:${q.id}` };
  }
  try {
    const c = resolveCode(db, t);
    return { codeId: c.id, key: `code:${c.id}` };
  } catch (e) {
    if (!isTresseError(e) || e.code !== 'code.notFound') throw e;
    try {
      const q = resolveQuestion(db, t);
      return { questionId: q.id, key: `question:${q.id}` };
    } catch {
      throw e;
    }
  }
}

function gridOf(db: Db, grid: GridRef, row: RowRef & { key: string }, lang: Lang): { scope: AnnotationScope; matrix: Matrix } {
  const req: MatrixRequest =
    grid.caseId !== undefined
      ? { type: 'participant', caseId: grid.caseId, rows: row.questionId != null ? 'questions' : 'codes', rowKeys: [row.key] }
      : {
          type: 'triangulation',
          columns: grid.columns ?? { by: 'kind' },
          rows: row.questionId != null ? 'questions' : 'codes',
          rowKeys: [row.key],
        };
  const matrix = buildMatrix(db, req, lang);
  return { scope: { matrix: grid.caseId !== undefined ? 'participant' : 'triangulation', caseId: grid.caseId ?? null }, matrix };
}

/** Writes the researcher's synthesis of a cell (column by label or key); empty text removes it. */
export function setCellSynthesis(
  ctx: ProjectContext,
  grid: GridRef,
  rowRef: string,
  column: string,
  text: string,
  lang: Lang = 'fr',
): { rowKey: string; columnKey: string; text: string } {
  const row = resolveRow(ctx.db, rowRef);
  const { scope, matrix } = gridOf(ctx.db, grid, row, lang);
  const wanted = column.trim().toLowerCase();
  const col = matrix.columns.find((c) => c.key.toLowerCase() === wanted || c.label.toLowerCase() === wanted);
  if (!col) throw new TresseError('matrix.column', { column, columns: matrix.columns.map((c) => c.label).join(', ') });
  setSynthesis(ctx, scope, row, col.key, text);
  return { rowKey: row.key, columnKey: col.key, text: text.trim() };
}

/** Sets (or, with null, clears) a row's triangulation verdict with its note. */
export function setRowVerdict(
  ctx: ProjectContext,
  grid: GridRef,
  rowRef: string,
  verdict: Verdict | null,
  note = '',
  lang: Lang = 'fr',
): { rowKey: string; dimension: string; verdict: RowVerdict | null; silent: string[] } {
  const row = resolveRow(ctx.db, rowRef);
  const { scope, matrix } = gridOf(ctx.db, grid, row, lang);
  setVerdict(ctx, scope, matrix.dimension, row, verdict, note);
  const after = gridOf(ctx.db, grid, row, lang).matrix.rows[0];
  return { rowKey: row.key, dimension: matrix.dimension, verdict: after?.verdict ?? null, silent: after?.silent ?? [] };
}

export { DEFAULT_EXCERPTS_PER_CELL, EXPORT_FORMATS, type ExportFormat, type ExportOptions } from '../exchange/export/index.ts';

/** The matrices in a supervisor's format (exchange/export), quoting the project's excerpts. */
export function exportMatrices(db: Db, matrices: Matrix[], format: ExportFormat, options: ExportOptions = {}): Promise<string | Uint8Array> {
  return formatMatrices({ excerptsOf: (ids) => excerptsInAnyOrder(db, ids), usageOf: (filter) => codebookUsage(db, filter) }, matrices, format, options);
}

/**
 * The whole analysis grid for the supervisor, one matrix per sheet or section: the triangulation
 * matrix, the grid of every case that has an interview, the code frequencies and co-occurrences.
 * The counted ones share one read of the codings and their passages (sharedCounts): each is the
 * matrix buildMatrix gives alone; with `excerptsPerCell`, an export quoting that many excerpts
 * per cell, each cell keeps only its first excerpt ids (its `codings` still counts them all): the
 * grids of a large project hold millions of ids, and the export quotes a few hundred thousand.
 */
export function analysisGrid(db: Db, options: { rows?: RowMode; filter?: MatrixFilter; excerptsPerCell?: number } = {}, lang: Lang = 'fr'): Matrix[] {
  const base = { rows: options.rows ?? 'codes', filter: options.filter ?? {} };
  const grids = { ...base, valences: true };
  const interviewed = db
    .prepare(
      `SELECT DISTINCT c.id FROM cases c JOIN case_sources cs ON cs.case_id = c.id JOIN sources s ON s.id = cs.source_id
       WHERE s.kind = 'interview' ORDER BY c.name`,
    )
    .all() as { id: number }[];
  const shared = sharedCounts(db, base.filter, base.rows, lang, options.excerptsPerCell);
  return [
    buildMatrix(db, { type: 'triangulation', ...grids }, lang, shared),
    ...interviewed.map((c) => buildMatrix(db, { type: 'participant', caseId: c.id, ...grids }, lang, shared)),
    buildMatrix(db, { type: 'frequencies', ...base }, lang, shared),
    buildMatrix(db, { type: 'cooccurrence', ...base }, lang, shared),
  ];
}
