// `tresse exchange-report FILE.qdpx` and the import preview: the file read as the import reads it,
// nothing written, no project needed. A file that cannot be read at all is the import's own
// TresseError (a damaged archive, a file that is not REFI-QDA), in the user's language.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { exchangeReport, type ExchangeReport } from '../exchange/refi/report.ts';
import { WARNING_CATEGORIES } from '../exchange/refi/warning-categories.ts';
import { TresseError } from '../i18n/error.ts';
import { countLabel, exchangeReportLabel } from '../i18n/exchange-report.ts';
import { readQdpxForPreview } from './qdpx-reading.ts';
import type { Lang } from '../i18n/lang.ts';

export type { ExchangeReport };

export type QdpxFile = { fileName: string; bytes: Uint8Array } | { path: string };

export function reportOnQdpx(file: QdpxFile): ExchangeReport {
  const fileName = basename('path' in file ? file.path : file.fileName);
  if (extname(fileName).toLowerCase() !== '.qdpx') throw new TresseError('team.fileKind', { file: fileName, expected: '.qdpx' });
  // A read error (missing file, no permission) is worded by the contract from the path it names.
  const bytes = 'path' in file ? new Uint8Array(readFileSync(file.path)) : file.bytes;
  return exchangeReport(readQdpxForPreview(bytes, fileName), fileName);
}

/** The report as the command line prints it: the counts, then each kind of remark under its heading. */
export function exchangeReportText(report: ExchangeReport, lang: Lang): string {
  const colon = lang === 'fr' ? ' :' : ':';
  const lines = [exchangeReportLabel('exchange.report.title', lang, { file: report.file, name: report.name })];
  if (report.origin) lines.push(exchangeReportLabel('exchange.report.origin', lang, { origin: report.origin }));
  lines.push('', exchangeReportLabel('exchange.report.imported', lang) + colon);
  for (const c of report.counts) lines.push(`  ${countLabel(c.item, c.count, lang)}`);
  for (const category of WARNING_CATEGORIES) {
    const list = report[category];
    lines.push('', exchangeReportLabel(`exchange.report.${category}`, lang) + colon);
    if (list.length === 0) lines.push(`  ${exchangeReportLabel('exchange.report.nothing', lang)}`);
    for (const w of list) lines.push(`  – ${w[lang]}`);
  }
  lines.push('', exchangeReportLabel('exchange.report.nothingWritten', lang));
  return lines.join('\n');
}
