// The researcher's syntheses (matrix_syntheses) and row verdicts (row_verdicts) as the project
// stores them; analysis/matrix/annotations.ts lays them onto a matrix.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import { cellKey, rowKeyOf, type AnnotationScope, type RowRef } from '../analysis/matrix/annotations.ts';
import { VERDICTS, type RowVerdict, type Verdict } from '../analysis/matrix/types.ts';
import { nowIso, type ProjectContext } from './context.ts';

/** Writes a cell's synthesis; empty text removes it. */
export function setSynthesis(ctx: ProjectContext, scope: AnnotationScope, row: RowRef, columnKey: string, text: string): void {
  const body = text.trim();
  ctx.db.transaction(() => {
    stmt(ctx.db, `DELETE FROM matrix_syntheses WHERE matrix = ? AND code_id IS ? AND question_id IS ? AND case_id IS ? AND column_key = ?`).run(
      scope.matrix,
      row.codeId ?? null,
      row.questionId ?? null,
      scope.caseId,
      columnKey,
    );
    if (!body) return;
    stmt(
      ctx.db,
      `INSERT INTO matrix_syntheses (matrix, code_id, question_id, case_id, column_key, text, author_id, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(scope.matrix, row.codeId ?? null, row.questionId ?? null, scope.caseId, columnKey, body, ctx.coder.id, nowIso());
  })();
}

/** Syntheses of one matrix by cell key (row key and column key). */
export function loadSyntheses(db: Db, scope: AnnotationScope): Map<string, string> {
  const rows = stmt(
    db,
    `SELECT code_id AS codeId, question_id AS questionId, column_key AS columnKey, text FROM matrix_syntheses
     WHERE matrix = ? AND case_id IS ?`,
  ).all(scope.matrix, scope.caseId) as { codeId: number | null; questionId: number | null; columnKey: string; text: string }[];
  return new Map(rows.map((r) => [cellKey(rowKeyOf(r), r.columnKey), r.text]));
}

/** Sets a row's verdict with its note; `null` clears it. */
export function setVerdict(ctx: ProjectContext, scope: AnnotationScope, dimension: string, row: RowRef, verdict: Verdict | null, note = ''): void {
  if (verdict !== null && !(VERDICTS as readonly string[]).includes(verdict)) {
    throw new TresseError('matrix.verdict', { verdict: String(verdict), allowed: VERDICTS.join(', ') });
  }
  ctx.db.transaction(() => {
    stmt(ctx.db, `DELETE FROM row_verdicts WHERE matrix = ? AND dimension = ? AND code_id IS ? AND question_id IS ? AND case_id IS ?`).run(
      scope.matrix,
      dimension,
      row.codeId ?? null,
      row.questionId ?? null,
      scope.caseId,
    );
    if (verdict === null) return;
    stmt(
      ctx.db,
      `INSERT INTO row_verdicts (matrix, dimension, code_id, question_id, case_id, verdict, note, author_id, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(scope.matrix, dimension, row.codeId ?? null, row.questionId ?? null, scope.caseId, verdict, note.trim(), ctx.coder.id, nowIso());
  })();
}

/** Verdicts of one matrix by row key. */
export function loadVerdicts(db: Db, scope: AnnotationScope, dimension: string): Map<string, RowVerdict> {
  const rows = stmt(
    db,
    `SELECT v.code_id AS codeId, v.question_id AS questionId, v.verdict, v.note, u.name AS author, v.updated_at AS updatedAt
     FROM row_verdicts v LEFT JOIN coders u ON u.id = v.author_id
     WHERE v.matrix = ? AND v.dimension = ? AND v.case_id IS ?`,
  ).all(scope.matrix, dimension, scope.caseId) as (RowVerdict & { codeId: number | null; questionId: number | null })[];
  return new Map(rows.map(({ codeId, questionId, ...v }) => [rowKeyOf({ codeId, questionId }), v]));
}
