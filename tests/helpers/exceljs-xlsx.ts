// The XLSX writer the exports used before tablesToXlsx wrote SpreadsheetML itself (exceljs's
// streaming writer), kept as the reference the new writer's workbooks must read back equal to.
import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import type { Lang } from '../../i18n/lang.ts';
import { label } from '../../analysis/matrix/labels.ts';
import { cellText, type ReportTable } from '../../exchange/export/table.ts';
import { sheetName } from '../../exchange/export/xlsx.ts';

type Book = ExcelJS.stream.xlsx.WorkbookWriter;

// Styles given as the same objects every time, so each is declared once in the workbook.
const TOP: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };
const MIDDLE: Partial<ExcelJS.Alignment> = { vertical: 'middle', wrapText: true };
const BOLD: Partial<ExcelJS.Font> = { bold: true };
const ITALIC: Partial<ExcelJS.Font> = { italic: true };
const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };

export async function exceljsTablesToXlsx(tables: ReportTable[], lang: Lang = 'fr'): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const wb: Book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
  wb.creator = 'Tresse';
  const used = new Set<string>();
  for (const table of tables) {
    const ws = wb.addWorksheet(sheetName(table.sheet, used), { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
    const grid = table.kind === 'grid';
    ws.columns = table.header.map((h, i) => ({
      header: h,
      width: i === 0 ? 38 : grid ? (i >= table.header.length - 2 ? 24 : 60) : Math.max(10, Math.min(30, h.length + 2)),
    }));
    // The header row is styled before any other row is added: a streamed row cannot change once written.
    const header = ws.getRow(1);
    header.font = BOLD;
    header.alignment = MIDDLE;
    header.fill = GREY;
    header.commit();
    for (const r of table.rows) {
      const values = r.cells.map((c) => (typeof c.value === 'number' ? c.value : cellText(c, lang)));
      const row = ws.addRow([`${'  '.repeat(r.depth)}${r.label}`, ...values]);
      row.alignment = TOP;
      if (r.depth === 0 && grid) row.getCell(1).font = BOLD;
      row.commit();
    }
    if (table.notes.length) {
      ws.addRow([]).commit();
      for (const n of table.notes) {
        const row = ws.addRow([n]);
        row.font = ITALIC;
        row.commit();
      }
    }
    ws.commit();
    if (grid) addExcerptSheet(wb, table, used, lang);
  }
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

function addExcerptSheet(wb: Book, table: ReportTable, used: Set<string>, lang: Lang): void {
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
  const header = ws.getRow(1);
  header.font = BOLD;
  header.commit();
  for (const r of table.rows) {
    r.cells.forEach((c, i) => {
      for (const q of c.quotes ?? []) {
        const row = ws.addRow([r.label, table.header[i + 1]!, q.source, q.cases.join(', '), q.reference, q.coder, q.text]);
        row.alignment = TOP;
        row.commit();
      }
    });
  }
  ws.commit();
}
