// CSV as RFC 4180 asks (CRLF, fields quoted when they hold a quote, the separator or a line break),
// with a UTF-8 byte-order mark so that spreadsheet programs read the accents right. The separator
// follows the interface language: ";" in French, where Excel and LibreOffice expect it (the comma
// is the decimal mark there, so a comma-separated file opens as one column), "," in English.
import type { Lang } from '../../i18n/lang.ts';
import { cellText, type ReportTable } from './table.ts';

export const csvSeparator = (lang: Lang): ';' | ',' => (lang === 'fr' ? ';' : ',');

/**
 * A spreadsheet opening the file would run a field starting with = + - @ as a formula: such text
 * (a note, a code name) gets a leading apostrophe, which spreadsheets show as plain text.
 */
const defused = (v: string): string => (/^[=+\-@\t\r]/.test(v) && !/^-?\d+([.,]\d+)?$/.test(v) ? `'${v}` : v);

const field = (raw: string, separator: string): string => {
  const v = defused(raw);
  return /["\r\n]/.test(v) || v.includes(separator) ? `"${v.replace(/"/g, '""')}"` : v;
};

export function tableToCsv(table: ReportTable, lang: Lang = 'fr'): string {
  const separator = csvSeparator(lang);
  const lines = [table.header, ...table.rows.map((r) => [r.label, ...r.cells.map((c) => cellText(c, lang))])];
  return `\uFEFF${lines.map((cells) => cells.map((c) => field(c, separator)).join(separator)).join('\r\n')}\r\n`;
}
