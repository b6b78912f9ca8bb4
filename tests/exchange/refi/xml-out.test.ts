// XmlOut writes UTF-8 as it goes and skips the escapes a value does not need: the document must be
// the one the line-by-line writer made, and the .qdpx written off the caller's thread the same file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_TARGETS } from '../../../exchange/refi/vendor.ts';
import { writeProject, writeProjectAsync } from '../../../exchange/refi/write-project.ts';
import { escapeAttr, escapeText, XmlOut, type Attrs } from '../../../exchange/refi/xml.ts';
import { sampleSnapshot } from './fixtures.ts';

// The escapes as they were: every replacement on every value.
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const textBefore = (s: string) => s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
const attrBefore = (s: string) => textBefore(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

/** The writer as it was: lines kept as strings, joined at the end. */
class LinesBefore {
  private readonly lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  private depth = 0;
  private tag(name: string, attrs: Attrs): string {
    let s = `<${name}`;
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) s += ` ${k}="${attrBefore(String(v))}"`;
    return s;
  }
  private line(s: string): void {
    this.lines.push('  '.repeat(this.depth) + s);
  }
  open(name: string, attrs: Attrs = {}): void {
    this.line(`${this.tag(name, attrs)}>`);
    this.depth++;
  }
  close(name: string): void {
    this.depth--;
    this.line(`</${name}>`);
  }
  empty(name: string, attrs: Attrs = {}): void {
    this.line(`${this.tag(name, attrs)}/>`);
  }
  text(name: string, content: string, attrs: Attrs = {}): void {
    this.line(`${this.tag(name, attrs)}>${textBefore(content)}</${name}>`);
  }
  toString(): string {
    return this.lines.join('\n') + '\n';
  }
}

// Strings rich in what the escapes change: markup characters, controls, line ends, lone surrogates.
const tricky = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(
        '&',
        '<',
        '>',
        '"',
        "'",
        '\r',
        '\n',
        '\t',
        '\u0000',
        '\u0008',
        '\u000b',
        '\u001f',
        '\ufffe',
        '\uffff',
        '\ud83d',
        '\ude42',
        '🙂',
        'é',
        '’',
      ),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('XmlOut', () => {
  it('escapes values exactly as every replacement did', () => {
    fc.assert(
      fc.property(tricky, (s) => {
        expect(escapeText(s)).toBe(textBefore(s));
        expect(escapeAttr(s)).toBe(attrBefore(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the document the line-by-line writer wrote, in UTF-8', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('open', 'empty', 'text', 'close'), tricky, tricky), { maxLength: 30 }), (steps) => {
        const [now, before] = [new XmlOut(), new LinesBefore()];
        const open: string[] = [];
        for (const [kind, a, b] of steps) {
          const attrs = { guid: a, name: b, n: a.length, flag: b.length > 2, none: undefined };
          if (kind === 'open') {
            now.open('El', attrs);
            before.open('El', attrs);
            open.push('El');
          } else if (kind === 'empty') {
            now.empty('Ref', attrs);
            before.empty('Ref', attrs);
          } else if (kind === 'text') {
            now.text('Description', a, { name: b });
            before.text('Description', a, { name: b });
          } else if (open.pop()) {
            now.close('El');
            before.close('El');
          }
        }
        expect(now.toString()).toBe(before.toString());
        expect(Buffer.from(now.bytes()).equals(Buffer.from(new TextEncoder().encode(before.toString())))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('writeProjectAsync', () => {
  it('writes the same file as writeProject, for every target', async () => {
    const mtime = new Date(2026, 0, 2, 3, 4, 5);
    for (const target of EXPORT_TARGETS) {
      const s = sampleSnapshot();
      expect(Buffer.from(await writeProjectAsync(s, { mtime, target })).equals(Buffer.from(writeProject(s, { mtime, target })))).toBe(true);
    }
  });
});
