import { exportCodebookCsv, parseCodebookCsv } from '../codebooks/csv.ts';
import { exportCodebookJson, parseCodebookJson } from '../codebooks/json.ts';
import type { ImportedCode } from '../codebooks/tree.ts';
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import type { Lang } from '../i18n/lang.ts';
import { addCode, listCodes } from './codebook.ts';
import type { ProjectContext } from './context.ts';

export type CodebookFormat = 'json' | 'csv';

/** `lang` picks the CSV separator (";" in French, "," in English); JSON is the same in both. */
export function exportCodebook(db: Db, format: CodebookFormat, lang: Lang = 'fr'): string {
  const codes = listCodes(db);
  if (format === 'csv') return exportCodebookCsv(codes, lang);
  const { name } = stmt(db, 'SELECT name FROM project WHERE id = 1').get() as { name: string };
  return exportCodebookJson(codes, { name });
}

/**
 * Adds an imported codebook to the project's. A code already there (same GUID, or same name
 * under the same parent) is kept as it is and its imported sub-codes are added beneath it; the
 * file is parsed in full before anything is written, and the whole import is one transaction.
 */
export function importCodebook(ctx: ProjectContext, format: CodebookFormat, text: string): { added: number; skipped: number } {
  const tree = format === 'csv' ? parseCodebookCsv(text) : parseCodebookJson(text);
  return ctx.db.transaction(() => {
    const counts = { added: 0, skipped: 0 };
    const byGuid = new Map(listCodes(ctx.db).map((c) => [c.guid, c.id]));
    const walk = (nodes: readonly ImportedCode[], parentId: number | null) => {
      for (const node of nodes) {
        const existing =
          (node.guid ? byGuid.get(node.guid) : undefined) ??
          (stmt(ctx.db, 'SELECT id FROM codes WHERE parent_id IS ? AND name = ? COLLATE NOCASE').get(parentId, node.name) as { id: number } | undefined)?.id;
        if (existing !== undefined) {
          counts.skipped++;
          walk(node.children, existing);
          continue;
        }
        const abbrevTaken = node.abbrev ? stmt(ctx.db, 'SELECT 1 FROM codes WHERE abbrev = ?').get(node.abbrev) !== undefined : false;
        const code = addCode(ctx, {
          name: node.name,
          parentId,
          abbrev: abbrevTaken ? null : node.abbrev,
          color: node.color,
          definition: node.definition,
          inclusion: node.inclusion,
          exclusion: node.exclusion,
          example: node.example,
          codable: node.codable,
          ...(node.guid ? { guid: node.guid } : {}),
        });
        byGuid.set(code.guid, code.id);
        counts.added++;
        walk(node.children, code.id);
      }
    };
    walk(tree, null);
    return counts;
  })();
}
