// Property tests: whatever bytes arrive, readProject either returns or throws a TresseError.
// Anything else (TypeError, RangeError, a hang) would be a bug the user cannot act on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../../exchange/refi/read-project.ts';
import { EXPORT_TARGETS } from '../../../exchange/refi/vendor.ts';
import { writeProject, writeProjectXml } from '../../../exchange/refi/write-project.ts';
import { normaliseText } from '../../../text/normalise.ts';
import { codePointLength, sliceCodePoints } from '../../../text/offsets.ts';
import { TresseError } from '../../../i18n/error.ts';
import { sampleSnapshot, zip } from './fixtures.ts';

function onlyTresseErrors(bytes: Uint8Array): void {
  try {
    readProject(bytes);
  } catch (e) {
    if (!(e instanceof TresseError)) throw e;
  }
}

const valid = writeProject(sampleSnapshot(), { mtime: new Date('2026-01-01T00:00:00Z') });
const validXml = writeProjectXml(sampleSnapshot());

describe('readProject on arbitrary input', () => {
  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), onlyTresseErrors), { numRuns: 300 });
  });

  it('a valid archive with bytes overwritten', () => {
    const mutation = fc.array(fc.record({ at: fc.nat({ max: valid.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(mutation, (changes) => {
        const bytes = valid.slice();
        for (const c of changes) bytes[c.at] = c.value;
        onlyTresseErrors(bytes);
      }),
      { numRuns: 400 },
    );
  });

  it('a valid archive cut short or padded', () => {
    fc.assert(
      fc.property(fc.nat({ max: valid.length }), fc.uint8Array({ maxLength: 64 }), (cut, tail) => {
        onlyTresseErrors(new Uint8Array([...valid.subarray(0, cut), ...tail]));
      }),
      { numRuns: 200 },
    );
  });

  it('a valid project.qde with characters deleted, duplicated or inserted', () => {
    const edit = fc.array(
      fc.record({
        at: fc.nat({ max: validXml.length - 1 }),
        len: fc.integer({ min: 0, max: 40 }),
        insert: fc.constantFrom('', '<', '>', '"', '&', '</Code>', '<Coding>', 'guid="', '{', ' startPosition="-5"', '\u0000', '😀'),
      }),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(edit, (edits) => {
        let xml = validXml;
        for (const e of edits) xml = xml.slice(0, e.at) + e.insert + xml.slice(e.at + e.len);
        const s = sampleSnapshot();
        const files: Record<string, string> = { 'project.qde': xml };
        for (const src of s.sources) files[`sources/${src.guid}.txt`] = src.text;
        onlyTresseErrors(zip(files));
      }),
      { numRuns: 300 },
    );
  });
});

describe('round trip on arbitrary text', () => {
  // Whatever program the file is written for (UTF-16 positions, CRLF text files), Tresse reads it back.
  it('any text and any passages come back character for character, whatever the export target', () => {
    const textAndRanges = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 80 })
      .map((raw) => normaliseText(raw))
      .filter((t) => codePointLength(t) >= 1)
      .chain((text) => {
        const n = codePointLength(text);
        const range = fc
          .tuple(fc.nat({ max: n }), fc.nat({ max: n }))
          .filter(([a, b]) => a !== b)
          .map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
        return fc.tuple(fc.constant(text), fc.array(range, { minLength: 1, maxLength: 4 }), fc.constantFrom(...EXPORT_TARGETS));
      });
    fc.assert(
      fc.property(textAndRanges, ([text, ranges, target]) => {
        const s = sampleSnapshot();
        const src = s.sources[0]!;
        src.text = text;
        s.codings = ranges.map((r, i) => ({
          guid: `7b000000-0000-4000-8000-00000000000${i}`,
          sourceGuid: src.guid,
          codeGuid: s.codes[2]!.guid,
          ...r,
          coderGuid: s.users[0]!.guid,
          memo: null,
        }));
        s.memos = s.memos.filter((m) => m.target?.kind !== 'coding');
        const back = readProject(writeProject(s, { target })).snapshot;
        expect(back.sources[0]!.text).toBe(text);
        expect(back.codings.map((c) => sliceCodePoints(text, c.start, c.end))).toEqual(ranges.map((r) => sliceCodePoints(text, r.start, r.end)));
      }),
      { numRuns: 150 },
    );
  });
});

describe('export of arbitrary names and memos', () => {
  it('is always schema-valid, even with control characters and lone surrogates', async () => {
    const { schemaErrors } = await import('./fixtures.ts');
    const anyText = fc.string({ unit: 'binary', maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(anyText, anyText, anyText, async (name, definition, memo) => {
        const s = sampleSnapshot();
        s.name = name;
        s.codes[0]!.name = name;
        s.codes[0]!.definition = definition;
        s.codings[0]!.memo = memo;
        s.memos[0]!.text = memo;
        s.cases[0]!.attributes['Rôle'] = [definition];
        expect(await schemaErrors(writeProjectXml(s), 'Project.xsd')).toEqual([]);
        onlyTresseErrors(writeProject(s));
      }),
      { numRuns: 10 },
    );
  });

  it('gives back names and memos unchanged when they hold ordinary text', () => {
    const plain = fc.string({ unit: 'grapheme', maxLength: 30 }).map((t) => normaliseText(t));
    fc.assert(
      fc.property(plain, plain, (name, memo) => {
        const s = sampleSnapshot();
        s.codes[0]!.name = name;
        s.codings[0]!.memo = memo === '' ? null : memo;
        s.memos[0]!.text = memo;
        const back = readProject(writeProject(s)).snapshot;
        expect(back.codes[0]!.name).toBe(name);
        expect(back.codings[0]!.memo).toBe(s.codings[0]!.memo);
        expect(back.memos[0]!.text).toBe(memo);
      }),
      { numRuns: 100 },
    );
  });
});
