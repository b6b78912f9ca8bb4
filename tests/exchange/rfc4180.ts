// A strict RFC 4180 reader for the tests, written apart from the app's lenient one so that a file
// the app writes is checked against the standard, not against itself: every record ends with CRLF,
// a field holding the separator, a quote, CR or LF must be quoted, and quotes inside are doubled.
export function readRfc4180(text: string, separator: ';' | ','): string[][] {
  const records: string[][] = [];
  let i = 0;
  const fail = (why: string) => {
    throw new Error(`not RFC 4180 at character ${i}: ${why} in ${JSON.stringify(text.slice(Math.max(0, i - 20), i + 20))}`);
  };
  while (i < text.length) {
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) fail('quote never closed');
          if (text[i] === '"') {
            if (text[i + 1] !== '"') break;
            field += '"';
            i += 2;
          } else field += text[i++];
        }
        i++;
      } else {
        while (i < text.length && text[i] !== separator && !text.startsWith('\r\n', i)) {
          if (text[i] === '"' || text[i] === '\r' || text[i] === '\n') fail('unquoted quote or line break');
          field += text[i++];
        }
      }
      record.push(field);
      if (text[i] === separator) {
        i++;
        continue;
      }
      if (text.startsWith('\r\n', i)) {
        i += 2;
        break;
      }
      fail('record not ended by CRLF');
    }
    records.push(record);
  }
  return records;
}
