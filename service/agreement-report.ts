// The agreement report in the user's language: a description block saying what the figures count
// (coders, unit, scope and how it was chosen, threshold, pooling, coefficients and references),
// then one row per code and the pooled row, then at character level the same per source. Shown in
// the Team panel and at the head of every export (text, CSV, XLSX).
import { columnLabel, figureColumns, figureValue, type FigureColumn } from '../analysis/agreement/columns.ts';
import type { AgreementFigures } from '../analysis/agreement/units.ts';
import { writeCsv } from '../codebooks/csv-writer.ts';
import type { Lang } from '../i18n/lang.ts';
import type { ProjectAgreement } from './agreement.ts';
import { teamLabel } from '../i18n/team-labels.ts';

type Cell = string | number | null;

const names = (a: ProjectAgreement) => a.coders.map((c) => c.name);

function figures(f: AgreementFigures, columns: FigureColumn[]): Cell[] {
  return columns.map((c) => figureValue(f, c));
}

/** Header then rows, one per code and the pooled row; coefficients are numbers (null when undefined). */
export function agreementTable(a: ProjectAgreement, lang: Lang): Cell[][] {
  const columns = figureColumns(a.unit, a.coders.length);
  const head: Cell[] = [teamLabel('code', lang), ...columns.map((c) => columnLabel(a.unit, names(a), c, lang))];
  return [head, ...a.perCode.map((r) => [r.path.join(' / '), ...figures(r, columns)]), [teamLabel('overall', lang), ...figures(a.overall, columns)]];
}

/** Character level: one row per source and code, then the source's pooled row. */
export function perSourceTable(a: ProjectAgreement, lang: Lang): Cell[][] {
  const columns = figureColumns(a.unit, a.coders.length).filter((c) => c.kind !== 'unitizing' && c.kind !== 'alphaLow' && c.kind !== 'alphaHigh');
  const head: Cell[] = [teamLabel('source', lang), teamLabel('code', lang), ...columns.map((c) => columnLabel(a.unit, names(a), c, lang))];
  return [
    head,
    ...a.perSource.flatMap((s) => [
      ...s.perCode.map((r) => [s.name, r.path.join(' / '), ...figures(r, columns)]),
      [s.name, teamLabel('overall', lang), ...figures(s.overall, columns)],
    ]),
  ];
}

function decimal(v: number | null, lang: Lang, digits = 3): string {
  if (v === null || !Number.isFinite(v)) return teamLabel('undefinedValue', lang);
  const s = v.toFixed(digits);
  return lang === 'fr' ? s.replace('.', ',') : s;
}

/** What the figures count, one sentence a line: printed above every table of agreement. */
export function describeAgreement(a: ProjectAgreement, lang: Lang): string[] {
  const names = (list: Array<{ name: string }>) => list.map((s) => s.name).join(' ; ') || '—';
  const lines = [
    teamLabel('descCoders', lang, { coders: a.coders.map((c) => c.name).join(', ') }),
    teamLabel(a.unit === 'character' ? 'descUnitCharacter' : a.unit === 'segment' ? 'descUnitSegment' : 'descUnitDocument', lang),
    teamLabel(a.scope === 'done' ? 'descScopeDone' : 'descScopeAll', lang, { count: a.sources.length, names: names(a.sources) }),
  ];
  if (a.excludedSources.length > 0) lines.push(teamLabel('excluded', lang, { names: names(a.excludedSources) }));
  lines.push(
    a.overlapThreshold === null ? teamLabel('descNoThreshold', lang) : teamLabel('descThreshold', lang, { value: decimal(a.overlapThreshold, lang, 2) }),
  );
  lines.push(teamLabel('descPooling', lang));
  if (a.unit === 'segment') {
    lines.push(teamLabel('descSegmentCoefficients', lang, { codes: a.perCode.length }));
  } else {
    lines.push(teamLabel('descChance', lang));
    if (a.unit === 'character') {
      lines.push(teamLabel('descPerSource', lang));
      const u = a.unitizing;
      lines.push(
        teamLabel('descUnitizing', lang, {
          u: decimal(u?.uAlpha ?? null, lang),
          binary: decimal(u?.binaryUAlpha ?? null, lang),
          cu: decimal(u?.cuAlpha ?? null, lang),
          coverage: u ? `${decimal(u.cuCoverage * 100, lang, 1)} %` : teamLabel('undefinedValue', lang),
        }),
      );
    }
  }
  lines.push(teamLabel('descMethod', lang));
  return lines;
}

function show(v: Cell, lang: Lang): string {
  if (v === null) return teamLabel('undefinedValue', lang);
  if (typeof v === 'string') return v;
  const s = Number.isInteger(v) ? String(v) : v.toFixed(3);
  return lang === 'fr' ? s.replace('.', ',') : s;
}

/** Columns padded: text to the left, figures to the right. */
function pad(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  return rows.map((r) =>
    r
      .map((c, i) => (/^[-\d]/.test(c) || (i > 0 && c === rows[1]?.[i]) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** A plain-text report for the terminal: the description, then the tables. */
export function agreementText(a: ProjectAgreement, lang: Lang): string {
  const rows = agreementTable(a, lang).map((r) => r.map((c) => show(c, lang)));
  const sources =
    a.perSource.length > 0 ? ['', teamLabel('perSourceTitle', lang), ...pad(perSourceTable(a, lang).map((r) => r.map((c) => show(c, lang))))] : [];
  return [teamLabel('agreementTitle', lang), ...describeAgreement(a, lang), '', ...pad(rows), ...sources].join('\n');
}

/** The table as the spreadsheets of the user's language read it: ";" and 0,812 in French, "," and 0.812 in English. */
export function agreementCsv(a: ProjectAgreement, lang: Lang): string {
  const cell = (c: Cell) => (c === null ? '' : typeof c === 'number' && lang === 'fr' ? String(c).replace('.', ',') : String(c));
  // The title row also names the coders, one a cell, so that the first line holds the separator
  // a CSV reader guesses the format from.
  const block = [[teamLabel('agreementTitle', lang), ...names(a)], ...describeAgreement(a, lang).map((l) => [l]), []];
  const perSource = a.perSource.length > 0 ? [[], [teamLabel('perSourceTitle', lang)], ...perSourceTable(a, lang)] : [];
  return writeCsv(
    [...block, ...agreementTable(a, lang), ...perSource].map((r) => r.map(cell)),
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
  sheet.addRow([teamLabel('agreementTitle', lang)]).font = { bold: true };
  for (const line of describeAgreement(a, lang)) sheet.addRow([line]);
  sheet.addRow([]);
  // Counts stay whole numbers; coefficients show three decimals.
  const counts = 1 + 1 + a.coders.length;
  const [head, ...rows] = agreementTable(a, lang);
  sheet.addRow(head!).font = { bold: true };
  for (const r of rows) {
    const row = sheet.addRow(r);
    row.eachCell((cell, col) => {
      if (col > counts) cell.numFmt = '0.000';
    });
  }
  sheet.lastRow!.font = { bold: true };
  sheet.getColumn(1).width = 60;
  if (a.perSource.length > 0) {
    const bySource = book.addWorksheet(teamLabel('perSourceTitle', lang).slice(0, 31));
    const [h, ...lines] = perSourceTable(a, lang);
    bySource.addRow(h!).font = { bold: true };
    for (const r of lines) {
      const row = bySource.addRow(r);
      row.eachCell((cell, col) => {
        if (col > counts + 1) cell.numFmt = '0.000';
      });
    }
    bySource.getColumn(1).width = 40;
    bySource.getColumn(2).width = 50;
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
