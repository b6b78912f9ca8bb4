// The first matrix of an export as CSV: its header, then one line per row (the label, then each
// cell as text), written by the one CSV writer (separator by language, BOM, formulas guarded).
import { writeCsv } from '../../codebooks/csv-writer.ts';
import type { Lang } from '../../i18n/lang.ts';
import { cellText, type ReportTable } from './table.ts';

export function tableToCsv(table: ReportTable, lang: Lang = 'fr'): string {
  return writeCsv([table.header, ...table.rows.map((r) => [r.label, ...r.cells.map((c) => cellText(c, lang))])], lang);
}
