// CSV as RFC 4180 asks (comma, CRLF, fields quoted when they hold a quote, a comma or a line
// break), with a UTF-8 byte-order mark so that spreadsheet programs read the accents right.
import type { Lang } from '../../i18n/lang.ts';
import { cellText, type ReportTable } from './table.ts';

const field = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function tableToCsv(table: ReportTable, lang: Lang = 'fr'): string {
  const lines = [table.header, ...table.rows.map((r) => [r.label, ...r.cells.map((c) => cellText(c, lang))])];
  return `\uFEFF${lines.map((cells) => cells.map(field).join(',')).join('\r\n')}\r\n`;
}
