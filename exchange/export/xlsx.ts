// The analysis grid as a workbook for the supervisor: a sheet per matrix, a header row that stays
// in view, wrapped text, numbers as numbers, and for the grids a sheet of every quoted excerpt
// with its source reference.
//
// The SpreadsheetML is written here as text and zipped with Node's deflate (exchange/zip-write.ts).
// The workbook is always the same few parts with six fixed cell styles; exceljs's streaming
// writer built a style object per cell and looked it up by rendering it to XML, and rendered every
// cell through its object model: a full analysis grid of a large project (124 sheets, some 200,000
// quoted rows) took over ten seconds there. The parts and attributes are those exceljs wrote, so
// the workbook reads back the same (tests/exchange/export/xlsx-writer.test.ts compares them).
import type { Lang } from '../../i18n/lang.ts';
import { label } from '../../analysis/matrix/labels.ts';
import { ZipStream } from '../zip-write.ts';
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

/** Bytes written to the archive at a time. */
const CHUNK = 1 << 20;

/** The cell formats of styles.xml, by index. */
const STYLE = { header: 1, top: 2, boldTop: 3, note: 4, bold: 5 } as const;

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const STYLES = `${DECL}<styleSheet xmlns="${NS}"><fonts count="3"><font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font><font><b/></font><font><i/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE6E6E6"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`;

// What XML 1.0 cannot hold (control characters but tab, line feed and carriage return; DEL) is
// dropped, the markup characters escaped: as exceljs did.
// eslint-disable-next-line no-control-regex -- these are the characters to drop
const UNSAFE = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };
const xml = (text: string): string => text.replace(UNSAFE, (c) => ESCAPES[c] ?? '');

/** Column letters of a 1-based index: 1 -> A, 27 -> AA. */
function columnName(n: number): string {
  let name = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * One worksheet's XML, row by row, written as bytes into the archive as it goes: every cell of a
 * row takes the row's style unless given its own. Pieces are encoded straight into a buffer (no
 * sheet-long string: its UTF-16 text is twice its bytes, and joining it cost seconds of GC), and
 * each full buffer goes to the deflate stream.
 */
class SheetXml {
  private buf = Buffer.allocUnsafe(CHUNK);
  private at = 0;
  private next = 1;
  private readonly letters: string[] = [];

  constructor(
    private readonly out: { write(piece: Uint8Array): void; end(): void },
    widths: readonly number[],
    frozenColumn: boolean,
  ) {
    const pane = frozenColumn
      ? '<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/><selection pane="bottomRight"/>'
      : '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>';
    // Neighbouring columns of one width are declared together.
    let cols = '';
    for (let i = 0; i < widths.length;) {
      let j = i;
      while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
      cols += `<col min="${i + 1}" max="${j + 1}" width="${widths[i]}" customWidth="1"/>`;
      i = j + 1;
    }
    this.put(
      `${DECL}<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
        `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`,
    );
  }

  private put(text: string): void {
    // A UTF-16 unit takes at most 3 bytes in UTF-8.
    if (this.at + text.length * 3 > this.buf.length) {
      this.spill();
      if (text.length * 3 > this.buf.length) this.buf = Buffer.allocUnsafe(text.length * 3);
    }
    this.at += this.buf.write(text, this.at);
  }

  private spill(): void {
    if (this.at > 0) this.out.write(this.buf.subarray(0, this.at));
    this.buf = Buffer.allocUnsafe(CHUNK);
    this.at = 0;
  }

  private letter(i: number): string {
    return (this.letters[i] ??= columnName(i + 1));
  }

  /** A row of values (strings, numbers), `first` the style of its first cell when not the row's. */
  add(values: readonly (string | number)[], style: number, first = style): void {
    const r = this.next++;
    this.put(`<row r="${r}" s="${style}" customFormat="1">`);
    values.forEach((v, i) => {
      const s = i === 0 ? first : style;
      if (typeof v === 'number') this.put(`<c r="${this.letter(i)}${r}" s="${s}"><v>${v}</v></c>`);
      else {
        this.put(`<c r="${this.letter(i)}${r}" s="${s}" t="str"><v>`);
        this.put(xml(v));
        this.put('</v></c>');
      }
    });
    this.put('</row>');
  }

  /** An empty row: numbered, not written. */
  skip(): void {
    this.next++;
  }

  end(): void {
    this.put('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
    this.spill();
    this.out.end();
  }
}

type Part = { write(piece: Uint8Array): void; end(): void };

function gridSheet(out: Part, table: ReportTable, lang: Lang): void {
  const grid = table.kind === 'grid';
  const widths = table.header.map((h, i) => (i === 0 ? 38 : grid ? (i >= table.header.length - 2 ? 24 : 60) : Math.max(10, Math.min(30, h.length + 2))));
  const sheet = new SheetXml(out, widths, true);
  sheet.add(table.header, STYLE.header);
  for (const r of table.rows) {
    const values = r.cells.map((c) => (typeof c.value === 'number' ? c.value : cellText(c, lang)));
    sheet.add([`${'  '.repeat(r.depth)}${r.label}`, ...values], STYLE.top, r.depth === 0 && grid ? STYLE.boldTop : STYLE.top);
  }
  if (table.notes.length) {
    sheet.skip();
    for (const n of table.notes) sheet.add([n], STYLE.note);
  }
  sheet.end();
}

function excerptSheet(out: Part, table: ReportTable, lang: Lang): void {
  const sheet = new SheetXml(out, [32, 16, 32, 12, 36, 14, 90], false);
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
  for (const r of table.rows) {
    r.cells.forEach((c, i) => {
      for (const q of c.quotes ?? []) sheet.add([r.label, table.header[i + 1]!, q.source, q.cases.join(', '), q.reference, q.coder, q.text], STYLE.top);
    });
  }
  sheet.end();
}

export async function tablesToXlsx(tables: ReportTable[], lang: Lang = 'fr'): Promise<Uint8Array> {
  const zip = new ZipStream(1);
  const used = new Set<string>();
  const names: string[] = [];
  // Each sheet is deflated (on the thread pool) as it is written.
  const sheet = (name: string) => {
    names.push(name);
    return zip.open(`xl/worksheets/sheet${names.length}.xml`);
  };
  for (const table of tables) {
    gridSheet(sheet(sheetName(table.sheet, used)), table, lang);
    if (table.kind === 'grid') excerptSheet(sheet(sheetName(label('sheet.excerpts', lang, { sheet: table.sheet }), used)), table, lang);
  }
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
        .join('')}</Relationships>`,
    ),
    part('xl/styles.xml', STYLES),
  ];
}
