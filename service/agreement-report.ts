// The agreement table (one row per code, then the pooled row) as text, CSV and XLSX.
import type { AgreementFigures } from '../analysis/agreement/units.ts';
import { writeCsv } from '../codebooks/csv-writer.ts';
import type { Lang } from '../i18n/lang.ts';
import type { ProjectAgreement } from './agreement.ts';
import { teamLabel, type TeamLabel } from '../i18n/team-labels.ts';

type Cell = string | number | null;

const UNIT_LABEL: Record<ProjectAgreement['unit'], TeamLabel> = { character: 'unitCharacter', segment: 'unitSegment', document: 'unitDocument' };

function figures(f: AgreementFigures, twoCoders: boolean): Cell[] {
  return [f.units, ...f.presentByCoder, f.percentAgreement, ...(twoCoders ? [f.cohenKappa?.kappa ?? null] : []), f.fleissKappa, f.krippendorffAlpha];
}

/** Header then rows; coefficients are numbers (null when undefined). */
export function agreementTable(a: ProjectAgreement, lang: Lang): Cell[][] {
  const two = a.coders.length === 2;
  const head: Cell[] = [
    teamLabel('code', lang),
    teamLabel('units', lang),
    ...a.coders.map((c) => teamLabel('presentFor', lang, { coder: c.name })),
    teamLabel('percent', lang),
    ...(two ? [teamLabel('cohen', lang)] : []),
    teamLabel('fleiss', lang),
    teamLabel('alpha', lang),
  ];
  return [head, ...a.perCode.map((r) => [r.path.join(' / '), ...figures(r, two)]), [teamLabel('overall', lang), ...figures(a.overall, two)]];
}

export function agreementHeading(a: ProjectAgreement, lang: Lang): string[] {
  const lines = [
    teamLabel('agreementHead', lang, {
      coders: a.coders.map((c) => c.name).join(', '),
      unit: teamLabel(UNIT_LABEL[a.unit], lang),
      threshold: a.overlapThreshold === null ? '' : teamLabel('thresholdNote', lang, { value: a.overlapThreshold }),
      sources: a.sources.length,
    }),
  ];
  if (a.excludedSources.length > 0) lines.push(teamLabel('excluded', lang, { names: a.excludedSources.map((s) => s.name).join(' ; ') }));
  return lines;
}

function show(v: Cell, lang: Lang): string {
  if (v === null) return teamLabel('undefinedValue', lang);
  if (typeof v === 'string') return v;
  const s = Number.isInteger(v) ? String(v) : v.toFixed(3);
  return lang === 'fr' ? s.replace('.', ',') : s;
}

/** A plain-text table for the terminal, columns padded. */
export function agreementText(a: ProjectAgreement, lang: Lang): string {
  const rows = agreementTable(a, lang).map((r) => r.map((c) => show(c, lang)));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [...agreementHeading(a, lang), '', ...rows.map(line)].join('\n');
}

/** The table as the spreadsheets of the user's language read it: ";" and 0,812 in French, "," and 0.812 in English. */
export function agreementCsv(a: ProjectAgreement, lang: Lang): string {
  const cell = (c: Cell) => (c === null ? '' : typeof c === 'number' && lang === 'fr' ? String(c).replace('.', ',') : String(c));
  return writeCsv(
    agreementTable(a, lang).map((r) => r.map(cell)),
    lang,
  );
}

export async function agreementXlsx(a: ProjectAgreement, lang: Lang): Promise<Uint8Array> {
  // exceljs and its zip writers (over 1 MB) load when a spreadsheet is asked for, not with the
  // contract: every command of the command line would otherwise parse them at start.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Tresse';
  const sheet = book.addWorksheet(teamLabel('agreementTitle', lang).slice(0, 31));
  for (const line of agreementHeading(a, lang)) sheet.addRow([line]);
  sheet.addRow([]);
  const [head, ...rows] = agreementTable(a, lang);
  sheet.addRow(head!).font = { bold: true };
  for (const r of rows) {
    const row = sheet.addRow(r);
    row.eachCell((cell, col) => {
      if (col > 2 + a.coders.length) cell.numFmt = '0.000';
    });
  }
  sheet.lastRow!.font = { bold: true };
  sheet.getColumn(1).width = 60;
  return new Uint8Array(await book.xlsx.writeBuffer());
}
