// Every CSV Tresse writes (matrices, codebooks, agreement tables) comes from here: UTF-8 with a BOM
// so that spreadsheets read the accents right, CRLF as RFC 4180 asks, fields quoted by csv-stringify
// when they hold the separator, a quote or a line break, and every cell guarded against formulas.
// The separator follows the interface language: ";" in French, where Excel and LibreOffice expect it
// (the comma is the decimal mark there, so a comma-separated file opens as one column), "," in English.
// It lives in codebooks/, the lowest folder that writes a CSV, so that exchange/ and service/ can use it.
import { stringify } from 'csv-stringify/sync';
import type { Lang } from '../i18n/lang.ts';
import { guardFormula } from './formula-guard.ts';

export const csvSeparator = (lang: Lang): ';' | ',' => (lang === 'fr' ? ';' : ',');

export function writeCsv(rows: readonly (readonly string[])[], lang: Lang): string {
  return stringify(
    rows.map((r) => r.map(guardFormula)),
    // With CRLF chosen, csv-stringify would leave a lone LF or CR unquoted unless told otherwise.
    { bom: true, delimiter: csvSeparator(lang), record_delimiter: 'windows', quote_record_delimiter: true },
  );
}
