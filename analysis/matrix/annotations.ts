// What the researcher writes into a matrix: a synthesis of the major ideas per cell, and a
// verdict with a note per row. Keyed by matrix, row (code or question), case for the
// per-participant grid, and column (syntheses) or column dimension (verdicts). Stored by
// service/annotations.ts; laid onto a computed matrix here.
import type { Matrix, RowVerdict } from './types.ts';

export interface AnnotationScope {
  matrix: 'triangulation' | 'participant';
  caseId: number | null;
}

export type RowRef = { codeId: number; questionId?: null } | { questionId: number; codeId?: null };

export const rowKeyOf = (r: { codeId?: number | null; questionId?: number | null }): string =>
  r.codeId != null ? `code:${r.codeId}` : `question:${r.questionId}`;

export const cellKey = (rowKey: string, columnKey: string): string => `${rowKey}\u0000${columnKey}`;

export function synthesisOf(syntheses: Map<string, string>, rowKey: string, columnKey: string): string | undefined {
  return syntheses.get(cellKey(rowKey, columnKey));
}

/** The matrix with its cells' syntheses (by cell key) and its rows' verdicts (by row key; none is null). */
export function annotate(m: Matrix, syntheses: Map<string, string>, verdicts: Map<string, RowVerdict>): Matrix {
  for (const row of m.rows) {
    row.cells.forEach((cell, i) => {
      const text = synthesisOf(syntheses, row.key, m.columns[i]!.key);
      if (text) cell.synthesis = text;
    });
    row.verdict = verdicts.get(row.key) ?? null;
  }
  return m;
}
