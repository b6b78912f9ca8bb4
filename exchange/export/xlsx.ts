// The analysis grid as a workbook for the supervisor: a sheet per matrix, a header row that stays
// in view, wrapped text, numbers as numbers, and for the grids a sheet of every quoted excerpt
// with its source reference.
import ExcelJS from 'exceljs';
import type { Lang } from '../../i18n/lang.ts';
import { label } from '../../analysis/matrix/labels.ts';
import { cellText, type ReportTable } from './table.ts';

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(title: string, used: Set<string>): string {
  const base =
    [
      ...title
        .replace(/[:\\/?*[\]]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ]
      .slice(0, 28)
      .join('') || 'Feuille';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

export async function tablesToXlsx(tables: ReportTable[], lang: Lang = 'fr'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tresse';
  const used = new Set<string>();
  for (const table of tables) {
    const ws = wb.addWorksheet(sheetName(table.sheet, used), { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
    const grid = table.kind === 'grid';
    ws.columns = table.header.map((h, i) => ({
      header: h,
      width: i === 0 ? 38 : grid ? (i >= table.header.length - 2 ? 24 : 60) : Math.max(10, Math.min(30, h.length + 2)),
    }));
    for (const r of table.rows) {
      const values = r.cells.map((c) => (typeof c.value === 'number' ? c.value : cellText(c, lang)));
      const row = ws.addRow([`${'  '.repeat(r.depth)}${r.label}`, ...values]);
      row.alignment = { vertical: 'top', wrapText: true };
      if (r.depth === 0 && grid) row.getCell(1).font = { bold: true };
    }
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };
    if (table.notes.length) {
      ws.addRow([]);
      for (const n of table.notes) ws.addRow([n]).font = { italic: true };
    }
    if (grid) addExcerptSheet(wb, table, used, lang);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function addExcerptSheet(wb: ExcelJS.Workbook, table: ReportTable, used: Set<string>, lang: Lang): void {
  const ws = wb.addWorksheet(sheetName(label('sheet.excerpts', lang, { sheet: table.sheet }), used), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = [
    { header: table.header[0]!, width: 32 },
    { header: label('header.column', lang), width: 16 },
    { header: label('header.source', lang), width: 32 },
    { header: label('header.case', lang), width: 12 },
    { header: label('header.reference', lang), width: 36 },
    { header: label('header.coder', lang), width: 14 },
    { header: label('header.text', lang), width: 90 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of table.rows) {
    r.cells.forEach((c, i) => {
      for (const q of c.quotes ?? []) {
        ws.addRow([r.label, table.header[i + 1]!, q.source, q.cases.join(', '), q.reference, q.coder, q.text]).alignment = {
          vertical: 'top',
          wrapText: true,
        };
      }
    });
  }
}
