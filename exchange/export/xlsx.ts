// The analysis grid as a workbook for the supervisor: a sheet per matrix, a header row that stays
// in view, wrapped text, numbers as numbers, and for the grids a sheet of every quoted excerpt
// with its source reference.
//
// The SpreadsheetML is written here (xlsx-xml.ts) and zipped with Node's deflate
// (exchange/zip-write.ts). The workbook is always the same few parts with six fixed cell styles;
// exceljs's streaming writer built a style object per cell and rendered every cell through its
// object model: a full analysis grid of a large project (124 sheets, some 200,000 quoted rows)
// took over ten seconds there. The parts and attributes are those exceljs wrote, but for the text,
// kept once in shared strings: the workbook reads back the same
// (tests/exchange/export/full-grid.test.ts compares them).
import type { Lang } from '../../i18n/lang.ts';
import { label } from '../../analysis/matrix/labels.ts';
import { ZipStream, type EntryBuffer } from '../zip-write.ts';
import { cellLines, cellText, quoteLine, type Quote, type ReportCell, type ReportTable } from './table.ts';
import { DECL, NS, REL, SharedStrings, SheetXml, xml } from './xlsx-xml.ts';

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetName(title: string, used: Set<string>): string {
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

/** The cell formats of styles.xml, by index. */
const STYLE = { header: 1, top: 2, boldTop: 3, note: 4, bold: 5 } as const;

const STYLES = `${DECL}<styleSheet xmlns="${NS}"><fonts count="3"><font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font><font><b/></font><font><i/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE6E6E6"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`;

/**
 * What the sheets of one workbook share: its strings, and the shared-string indices of what
 * many sheets repeat, found without building or hashing the text again: a grid cell's text (by
 * what it is made of), a quotation's columns on the sheets of excerpts (by the excerpt's id).
 */
class Book {
  readonly strings = new SharedStrings();
  private readonly cells = new Map<string, number>();
  /** By excerpt id. */
  private readonly quoteCells = new Map<number, readonly number[]>();
  private readonly quoteLines = new Map<number, number>();

  /** A text's shared-string index, -1 for an empty text (a cell without a value). */
  index(text: string): number {
    return text === '' ? -1 : this.strings.of(text);
  }

  /** A grid cell with quotations (-1 for no text): its text is made of these parts only (cellLines). */
  cell(c: ReportCell, lang: Lang): number {
    let key = `${c.state ?? ''}\u0001${c.synthesis ?? ''}\u0001${c.counts ?? ''}\u0001${c.more ?? 0}`;
    for (const q of c.quotes!) key += `\u0001${q.id}`;
    let i = this.cells.get(key);
    if (i === undefined) {
      i =
        c.quotes!.length === 0
          ? this.index(cellText(c, lang))
          : this.strings.composed(cellLines(c, lang).map((l) => (typeof l === 'string' ? l : this.quoteLine(l))));
      this.cells.set(key, i);
    }
    return i;
  }

  /** A quotation's line in the cells (quoteLine), escaped and encoded once: the piece's number. */
  private quoteLine(q: Quote): number {
    let piece = this.quoteLines.get(q.id);
    if (piece === undefined) this.quoteLines.set(q.id, (piece = this.strings.piece(quoteLine(q))));
    return piece;
  }

  /** Source, cases, reference, coder, text (-1: no text). */
  quoteColumns(q: Quote): readonly number[] {
    let columns = this.quoteCells.get(q.id);
    if (!columns) this.quoteCells.set(q.id, (columns = [q.source, q.cases.join(', '), q.reference, q.coder, q.text].map((v) => this.index(v))));
    return columns;
  }
}

function gridSheet(out: EntryBuffer, book: Book, table: ReportTable, lang: Lang): void {
  const grid = table.kind === 'grid';
  const widths = table.header.map((h, i) => (i === 0 ? 38 : grid ? (i >= table.header.length - 2 ? 24 : 60) : Math.max(10, Math.min(30, h.length + 2))));
  const sheet = new SheetXml(out, book.strings, widths, true);
  sheet.add(table.header, STYLE.header);
  for (const r of table.rows) {
    const style = STYLE.top;
    sheet.row(style);
    sheet.value(0, `${'  '.repeat(r.depth)}${r.label}`, r.depth === 0 && grid ? STYLE.boldTop : style);
    r.cells.forEach((c, i) => {
      if (typeof c.value === 'number') sheet.value(i + 1, c.value, style);
      else if (c.quotes) sheet.sharedOrEmpty(i + 1, book.cell(c, lang), style);
      else sheet.value(i + 1, cellText(c, lang), style);
    });
    sheet.endRow();
  }
  if (table.notes.length) {
    sheet.skip();
    for (const n of table.notes) sheet.add([n], STYLE.note);
  }
  sheet.end();
}

function excerptSheet(out: EntryBuffer, book: Book, table: ReportTable, lang: Lang): void {
  const sheet = new SheetXml(out, book.strings, [32, 16, 32, 12, 36, 14, 90], false);
  sheet.add(
    [
      table.header[0]!,
      label('header.column', lang),
      label('header.source', lang),
      label('header.case', lang),
      label('header.reference', lang),
      label('header.coder', lang),
      label('header.text', lang),
    ],
    STYLE.bold,
  );
  const style = STYLE.top;
  for (const r of table.rows) {
    const row = book.index(r.label);
    r.cells.forEach((c, i) => {
      if (!c.quotes?.length) return;
      const col = book.index(table.header[i + 1]!);
      for (const q of c.quotes) {
        sheet.row(style);
        sheet.sharedOrEmpty(0, row, style);
        sheet.sharedOrEmpty(1, col, style);
        book.quoteColumns(q).forEach((index, j) => sheet.sharedOrEmpty(j + 2, index, style));
        sheet.endRow();
      }
    });
  }
  sheet.end();
}

export async function tablesToXlsx(tables: ReportTable[], lang: Lang = 'fr'): Promise<Uint8Array> {
  const zip = new ZipStream(1);
  const used = new Set<string>();
  const names: string[] = [];
  const book = new Book();
  // Each sheet is deflated (on the thread pool) as it is written.
  const sheet = (name: string) => {
    names.push(name);
    return zip.open(`xl/worksheets/sheet${names.length}.xml`);
  };
  for (const table of tables) {
    gridSheet(sheet(sheetName(table.sheet, used)), book, table, lang);
    if (table.kind === 'grid') excerptSheet(sheet(sheetName(label('sheet.excerpts', lang, { sheet: table.sheet }), used)), book, table, lang);
  }
  book.strings.write(zip.open('xl/sharedStrings.xml'));
  for (const entry of packageParts(names)) zip.add(entry);
  return zip.finish();
}

/** The workbook's other parts, for its sheets' names (sheet i in xl/worksheets/sheet{i}.xml). */
function packageParts(sheets: readonly string[]): { name: string; data: Buffer }[] {
  const now = `${new Date().toISOString().slice(0, 19)}Z`;
  const part = (name: string, text: string) => ({ name, data: Buffer.from(text, 'utf8') });
  const sheetType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
  return [
    part(
      '[Content_Types].xml',
      `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${sheetType}"/>`).join('') +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    ),
    part(
      '_rels/.rels',
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    ),
    part(
      'docProps/app.xml',
      `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Tresse</Application></Properties>`,
    ),
    part(
      'docProps/core.xml',
      `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Tresse</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`,
    ),
    part(
      'xl/workbook.xml',
      `${DECL}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${sheets
        .map((name, i) => `<sheet sheetId="${i + 1}" name="${xml(name)}" state="visible" r:id="rId${i + 2}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    part(
      'xl/_rels/workbook.xml.rels',
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>${sheets
        .map((_, i) => `<Relationship Id="rId${i + 2}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}<Relationship Id="rId${sheets.length + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    part('xl/styles.xml', STYLES),
  ];
}
