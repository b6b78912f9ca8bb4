// Exports of the analysis grid for the supervisor, in the format asked for.
import { picturesFor } from '../../analysis/pictures/index.ts';
import type { Matrix, MatrixFilter } from '../../analysis/matrix/types.ts';
import type { UsageNode } from '../../analysis/matrix/usage.ts';
import { tableToCsv } from './csv.ts';
import { tablesToDocx } from './docx.ts';
import { reportHtml } from './html.ts';
import { reportTable, type ExcerptsOf, type TableOptions } from './table.ts';
import { tablesToXlsx } from './xlsx.ts';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx', 'docx', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions extends TableOptions {
  title?: string;
}

/**
 * What an export reads from the project besides the matrices, given by the service layer: the
 * excerpts it quotes, and the codebook's use under a filter (the HTML report's sunburst).
 */
export interface ExportReads {
  excerptsOf: ExcerptsOf;
  usageOf: (filter: MatrixFilter) => UsageNode[];
}

/** Text formats come back as strings, the others as bytes. CSV holds one matrix: the first. */
export async function formatMatrices(reads: ExportReads, matrices: Matrix[], format: ExportFormat, options: ExportOptions = {}): Promise<string | Uint8Array> {
  const lang = options.lang ?? 'fr';
  if (format === 'json') return `${JSON.stringify(matrices.length === 1 ? matrices[0] : matrices, null, 2)}\n`;
  const tables = matrices.map((m) => reportTable(m, reads.excerptsOf, options));
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
          pictures: picturesFor(m, lang, m.type === 'frequencies' ? reads.usageOf(m.filter) : undefined),
        })),
        lang,
        options.title,
      );
  }
}
