// Exports of the analysis grid for the supervisor, in the format asked for.
import type { Db } from '../../db/open.ts';
import type { Lang } from '../../i18n/lang.ts';
import { picturesFor } from '../../analysis/pictures/index.ts';
import type { Matrix } from '../../analysis/matrix/types.ts';
import { codebookUsage } from '../../analysis/matrix/usage.ts';
import { tableToCsv } from './csv.ts';
import { tablesToDocx } from './docx.ts';
import { reportHtml } from './html.ts';
import { reportTable, type TableOptions } from './table.ts';
import { tablesToXlsx } from './xlsx.ts';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx', 'docx', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions extends TableOptions {
  title?: string;
}

/** Text formats come back as strings, the others as bytes. CSV holds one matrix: the first. */
export async function exportMatrices(db: Db, matrices: Matrix[], format: ExportFormat, options: ExportOptions = {}): Promise<string | Uint8Array> {
  const lang = options.lang ?? 'fr';
  if (format === 'json') return `${JSON.stringify(matrices.length === 1 ? matrices[0] : matrices, null, 2)}\n`;
  const tables = matrices.map((m) => reportTable(db, m, options));
  switch (format) {
    case 'csv':
      return tableToCsv(tables[0]!, lang);
    case 'xlsx':
      return tablesToXlsx(tables, lang);
    case 'docx':
      return tablesToDocx(tables, lang, options.title);
    case 'html':
      return reportHtml(
        matrices.map((m, i) => ({
          table: tables[i]!,
          pictures: picturesFor(m, lang, m.type === 'frequencies' ? codebookUsage(db, m.filter) : undefined),
        })),
        lang,
        options.title,
      );
  }
}
