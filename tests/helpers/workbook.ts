// A workbook read back as plain data, for comparing two exports: every sheet's name, frozen view,
// column widths, and every cell's value with the style a reader sees (font, alignment, fill, format).
import ExcelJS from 'exceljs';

export interface SheetContent {
  name: string;
  views: unknown;
  widths: (number | undefined)[];
  rows: { row: number; cells: { col: number; value: unknown; style: unknown }[] }[];
}

const styleOf = (cell: ExcelJS.Cell) => {
  const s = cell.style;
  return {
    ...(s.font && Object.keys(s.font).length ? { font: s.font } : {}),
    ...(s.alignment && Object.keys(s.alignment).length ? { alignment: s.alignment } : {}),
    ...(s.fill ? { fill: s.fill } : {}),
    ...(s.numFmt && s.numFmt !== 'General' ? { numFmt: s.numFmt } : {}),
  };
};

export async function workbookContent(bytes: Uint8Array): Promise<SheetContent[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: SheetContent['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells: SheetContent['rows'][number]['cells'] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => cells.push({ col, value: cell.value, style: styleOf(cell) }));
      rows.push({ row: n, cells });
    });
    return {
      name: ws.name,
      views: ws.views.map((v) => ({ state: v.state, xSplit: (v as { xSplit?: number }).xSplit ?? 0, ySplit: (v as { ySplit?: number }).ySplit ?? 0 })),
      widths: (ws.columns ?? []).map((c) => c.width),
      rows,
    };
  });
}
