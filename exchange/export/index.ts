// Exports of the analysis grid for the supervisor, in the format asked for.
import type { Matrix, MatrixFilter } from '../../analysis/matrix/types.ts';
import type { UsageNode } from '../../analysis/matrix/usage.ts';
import { tableToCsv } from './csv.ts';
import { reportHtml } from './html.ts';
import { quotedExcerpts, reportTable, type ExcerptsOf, type TableOptions } from './table.ts';

export { DEFAULT_EXCERPTS_PER_CELL } from './table.ts';

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

/**
 * Text formats come back as strings, the others as bytes. CSV holds one matrix: the first.
 * The XLSX and DOCX writers (exceljs, docx: megabytes of code) load only when asked for, so
 * whatever imports the exports (the contract, every command) does not parse them at start.
 */
export async function formatMatrices(reads: ExportReads, matrices: Matrix[], format: ExportFormat, options: ExportOptions = {}): Promise<string | Uint8Array> {
  const lang = options.lang ?? 'fr';
  if (format === 'json') return `${JSON.stringify(matrices.length === 1 ? matrices[0] : matrices, null, 2)}\n`;
  const excerptsOf = quotedExcerpts(matrices, reads.excerptsOf, options);
  const shared = { ...options, quotes: options.quotes ?? new Map() };
  const tables = matrices.map((m) => reportTable(m, excerptsOf, shared));
  switch (format) {
    case 'csv':
      return tableToCsv(tables[0]!, lang);
    case 'xlsx':
      return (await import('./xlsx.ts')).tablesToXlsx(tables, lang);
    case 'docx':
      return (await import('./docx.ts')).tablesToDocx(tables, lang, options.title);
    case 'html': {
      // The pictures' d3 code loads with the first HTML report, not with every importer of the exports.
      const { picturesFor } = await import('../../analysis/pictures/index.ts');
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
}
