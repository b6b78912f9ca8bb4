// The excerpts behind a cell, fetched only when asked for: the counts never read a text.
import type { Db } from '../db/open.ts';
import { excerptsInAnyOrder } from './excerpts-by-id.ts';
import { TresseError } from '../i18n/error.ts';
import type { Excerpt } from '../model/types.ts';
import { readingOrder, type CellExcerpts, type Placed } from '../analysis/matrix/excerpts.ts';
import type { MatrixRequest } from '../analysis/matrix/types.ts';
import { buildMatrix } from './matrix.ts';

// SQLite's default limit on parameters is well above this; chunks keep each statement small.
const CHUNK = 500;

function inChunks<T>(ids: readonly number[], fetch: (chunk: number[], marks: string) => T[]): T[] {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    out.push(...fetch(chunk, chunk.map(() => '?').join(',')));
  }
  return out;
}

/** Ids in reading order, without reading any text: a long cell is paged before its texts are fetched. */
export function idsInReadingOrder(db: Db, ids: readonly number[]): number[] {
  const rows = inChunks(
    ids,
    (chunk, marks) =>
      db
        .prepare(
          `SELECT k.id, s.kind AS sourceKind, s.name AS sourceName, k.start FROM codings k JOIN sources s ON s.id = k.source_id
         WHERE k.id IN (${marks})`,
        )
        .all(...chunk) as Placed[],
  );
  return rows.sort(readingOrder).map((r) => r.id);
}

/** Excerpts by coding id, in reading order (source kind, source, position); unknown ids are skipped. */
export function excerptsByIds(db: Db, ids: readonly number[]): Excerpt[] {
  return excerptsInAnyOrder(db, ids).sort(readingOrder);
}

/** The excerpts of one cell of a matrix, recomputing only that row; `limit` pages through long cells. */
export function cellExcerpts(db: Db, req: MatrixRequest, rowKey: string, columnKey: string, page: { offset?: number; limit?: number } = {}): CellExcerpts {
  const m = buildMatrix(db, req.type === 'cooccurrence' ? req : { ...req, rowKeys: [rowKey] });
  const row = m.rows.find((r) => r.key === rowKey);
  if (!row) throw new TresseError('matrix.row', { row: rowKey });
  const col = m.columns.findIndex((c) => c.key === columnKey || c.label === columnKey);
  if (col < 0) throw new TresseError('matrix.column', { column: columnKey, columns: m.columns.map((c) => c.label).join(', ') });
  const ordered = idsInReadingOrder(db, row.cells[col]!.excerptIds);
  const offset = page.offset ?? 0;
  const wanted = page.limit === undefined ? ordered.slice(offset) : ordered.slice(offset, offset + page.limit);
  return { rowKey, columnKey: m.columns[col]!.key, total: ordered.length, excerpts: excerptsByIds(db, wanted) };
}
