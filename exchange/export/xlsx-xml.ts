// The SpreadsheetML of a workbook's sheets and shared strings, written as bytes. A full analysis
// grid of a large project writes some 200,000 quoted rows: as strings joined and encoded, its
// markup cost more in allocation and GC than anything it says, so the sheets' markup (ASCII:
// tags, cell references, numbers) goes byte by byte into buffers, and the text, once per
// distinct string, into xl/sharedStrings.xml.

import type { EntryBuffer } from '../zip-write.ts';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export { NS, REL };

// What XML 1.0 cannot hold (control characters but tab, line feed and carriage return; DEL) is
// dropped, the markup characters escaped: as exceljs did.
// eslint-disable-next-line no-control-regex -- these are the characters to drop
const UNSAFE = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };
export const xml = (text: string): string => text.replace(UNSAFE, (c) => ESCAPES[c] ?? '');

/**
 * The workbook's text, each distinct string written once and cited by index from the cells: the
 * full analysis grid quotes the corpus' documents in every case's grid and sheet of excerpts,
 * some 200,000 quotations of 55,000 distinct excerpts, and the same cells in many grids.
 *
 * A grid cell's text is mostly quotations, each in many cells: such a string is kept as its lines
 * (composed), the quotations among them as pieces escaped once (piece). Joined into
 * one string per cell, the cells' text was some thirty megabytes of JavaScript strings to build,
 * hash, escape and encode, and most of the export's garbage.
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  /** A string, or its lines: texts, and pieces by number. */
  private readonly strings: (string | readonly (string | number)[])[] = [];
  /** Cells citing a string, for the part's count. */
  private cited = 0;
  /** The pieces, escaped. */
  private readonly pieces: string[] = [];

  /** The string's index, added when new. */
  of(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.strings.length;
      this.index.set(text, i);
      this.strings.push(text);
    }
    return i;
  }

  /** A text that composed strings will use as a line, by number: escaped once. */
  piece(text: string): number {
    return this.pieces.push(xml(text)) - 1;
  }

  /**
   * A new string made of these lines joined by line feeds, pieces given by number: its index.
   * Not compared with the others: the caller knows its strings apart (a cell by what it is made of).
   */
  composed(lines: readonly (string | number)[]): number {
    this.strings.push(lines);
    return this.strings.length - 1;
  }

  /** Counts a cell citing a string. */
  cite(): void {
    this.cited++;
  }

  write(out: EntryBuffer): void {
    out.text(`${DECL}<sst xmlns="${NS}" count="${this.cited}" uniqueCount="${this.strings.length}">`);
    // Kept as is: leading and trailing spaces (a sub-code's indent), line breaks.
    for (const s of this.strings) {
      out.write(SI);
      if (typeof s === 'string') out.text(xml(s));
      else this.writeLines(out, s);
      out.write(SI_END);
    }
    out.text('</sst>');
    out.end();
  }

  private writeLines(out: EntryBuffer, lines: readonly (string | number)[]): void {
    for (let i = 0; i < lines.length; i++) {
      if (i > 0) out.write(LINE_FEED);
      const line = lines[i]!;
      out.text(typeof line === 'string' ? xml(line) : this.pieces[line]!);
    }
  }
}

const ascii = (text: string): Uint8Array => Buffer.from(text, 'latin1');

/** Column letters of a 1-based index: 1 -> A, 27 -> AA. */
export function columnName(n: number): string {
  let name = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const LINE_FEED = ascii('\n');
const SI = ascii('<si><t xml:space="preserve">');
const SI_END = ascii('</t></si>');
const CELL = ascii('<c r="');
const ROW = ascii('<row r="');
const ROW_END = ascii('</row>');
const VALUE_END = ascii('</v></c>');
/** By style: what follows a cell's reference for a shared string, a number, an empty cell; and a row's attributes. */
const AFTER = Array.from({ length: 10 }, (_, s) => ({
  shared: ascii(`" s="${s}" t="s"><v>`),
  number: ascii(`" s="${s}"><v>`),
  empty: ascii(`" s="${s}"/>`),
  row: ascii(`" s="${s}" customFormat="1">`),
}));

/**
 * One worksheet's XML, row by row: every cell of a row takes the row's style unless given its
 * own. add() takes values; the lower calls (row, shared, endRow) take shared strings' indices
 * the caller already holds.
 */
export class SheetXml {
  private next = 1;
  private current = 0;
  private readonly columns: Uint8Array[] = [];

  constructor(
    private readonly out: EntryBuffer,
    private readonly strings: SharedStrings,
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
    out.text(
      `${DECL}<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
        `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`,
    );
  }

  /** Short pieces, after room() was made: copied by hand, cheaper than set() at this size. */
  private bytes(b: Uint8Array): void {
    const buf = this.out.buf;
    let at = this.out.at;
    for (let i = 0; i < b.length; i++) buf[at++] = b[i]!;
    this.out.at = at;
  }

  /** A non-negative integer's digits, after room() was made. */
  private digits(n: number): void {
    let length = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) length++;
    const buf = this.out.buf;
    let at = (this.out.at += length);
    do {
      buf[--at] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }

  private column(i: number): Uint8Array {
    return (this.columns[i] ??= ascii(columnName(i + 1)));
  }

  /** `<c r="B12` */
  private reference(i: number): void {
    this.out.room(64);
    this.bytes(CELL);
    this.bytes(this.column(i));
    this.digits(this.current);
  }

  /** Opens the next row, of this style. */
  row(style: number): void {
    this.current = this.next++;
    this.out.room(64);
    this.bytes(ROW);
    this.digits(this.current);
    this.bytes(AFTER[style]!.row);
  }

  /** Cell `i` of the open row: the shared string at `index`. */
  shared(i: number, index: number, style: number): void {
    this.strings.cite();
    this.reference(i);
    this.bytes(AFTER[style]!.shared);
    this.digits(index);
    this.bytes(VALUE_END);
  }

  endRow(): void {
    this.out.room(8);
    this.bytes(ROW_END);
  }

  /** Cell `i` of the open row: the shared string at `index`, or no value for -1 (see value). */
  sharedOrEmpty(i: number, index: number, style: number): void {
    if (index >= 0) this.shared(i, index, style);
    else {
      this.reference(i);
      this.bytes(AFTER[style]!.empty);
    }
  }

  /** Cell `i` of the open row: a number, or a text; an empty text is a styled cell without a value, as exceljs wrote it. */
  value(i: number, v: string | number, style: number): void {
    if (typeof v === 'number') {
      this.reference(i);
      this.bytes(AFTER[style]!.number);
      this.out.text(String(v));
      this.out.room(8);
      this.bytes(VALUE_END);
    } else this.sharedOrEmpty(i, v === '' ? -1 : this.strings.of(v), style);
  }

  /** A row of values (strings, numbers), `first` the style of its first cell when not the row's. */
  add(values: readonly (string | number)[], style: number, first = style): void {
    this.row(style);
    for (let i = 0; i < values.length; i++) this.value(i, values[i]!, i === 0 ? first : style);
    this.endRow();
  }

  /** An empty row: numbered, not written. */
  skip(): void {
    this.next++;
  }

  end(): void {
    this.out.text('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
    this.out.end();
  }
}
