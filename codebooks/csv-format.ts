// RFC 4180 reading, with what spreadsheets actually produce: a BOM, CRLF or LF, and the semicolon
// that French-locale Excel uses because the comma is its decimal separator. Tresse writes CSV with
// csv-writer.ts; this reads codebooks and pseudonym tables made by people and other programs too.
import { formatError } from './tree.ts';

export interface CsvRecord {
  /** Physical line (1-based) where the record starts, for error messages. */
  line: number;
  fields: string[];
}

export function readCsv(raw: string): { delimiter: string; records: CsvRecord[] } {
  let text = raw.replace(/^\uFEFF/, '');
  let firstLine = 1;
  // Excel honours a "sep=;" first line; so do we.
  const sep = /^sep=(.)\r?\n/i.exec(text);
  let delimiter: string;
  if (sep) {
    delimiter = sep[1]!;
    text = text.slice(sep[0].length);
    firstLine = 2;
  } else {
    delimiter = detectDelimiter(text);
  }
  return { delimiter, records: parse(text, delimiter, firstLine) };
}

/** The separator that occurs most often, outside quotes, in the header line; comma on a tie. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

function parse(text: string, delimiter: string, firstLine: number): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = firstLine;
  let fields: string[] = [];
  let field = '';
  let start = line;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && field === '') {
      // Quoted field: runs to the next lone quote, across delimiters and line breaks.
      const opened = line;
      i++;
      for (;;) {
        if (i >= text.length) throw formatError('CSV', `ligne ${opened} : guillemet ouvert jamais refermé`, { line: opened, reason: 'quote' });
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
        throw formatError('CSV', `ligne ${line} : caractère « ${next} » inattendu après un guillemet fermant`, { line, reason: 'quote' });
      }
      continue;
    }
    if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      field += ch;
    }
    i++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  // Quoted fields keep their line breaks as typed; store them as LF like every other text.
  for (const r of records) r.fields = r.fields.map((f) => f.replace(/\r\n?/g, '\n'));
  return records;
}
