import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../text/normalise.ts';
import { codePointLength, NormalisationMap, OffsetIndex, sliceCodePoints } from '../../../text/offsets.ts';

// Any text, including astral characters (emoji), lone surrogates and combining marks.
const anyText = fc.string({ unit: 'binary', maxLength: 200 });
const raw = fc
  .array(fc.constantFrom('a', 'é', 'e\u0301', '\r\n', '\r', '\n', ' ', '😀', 'o\u0308', '\uFB01', 'Å', 'A\u030A', '\u1100\u1161'), { maxLength: 80 })
  .map((parts) => parts.join(''));

describe('code point <-> UTF-16 offsets (property)', () => {
  it('round-trips every code-point position and slices like Array.from', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, x, y) => {
        const cps = Array.from(text);
        const index = new OffsetIndex(text);
        expect(index.codePointLength).toBe(cps.length);
        expect(codePointLength(text)).toBe(cps.length);
        for (let p = 0; p <= cps.length; p++) expect(index.toCodePoint(index.toUtf16(p))).toBe(p);
        const a = cps.length ? x % (cps.length + 1) : 0;
        const b = cps.length ? y % (cps.length + 1) : 0;
        const [s, e] = a <= b ? [a, b] : [b, a];
        expect(sliceCodePoints(text, s, e, index)).toBe(cps.slice(s, e).join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('never splits a surrogate pair when converting UTF-16 offsets', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const index = new OffsetIndex(text);
        for (let u = 0; u <= text.length; u++) {
          const floor = index.toUtf16(index.toCodePoint(u, 'floor'));
          const ceil = index.toUtf16(index.toCodePoint(u, 'ceil'));
          const midPair = /[\ud800-\udbff]/.test(text[u - 1] ?? '') && /[\udc00-\udfff]/.test(text[u] ?? '');
          // Inside an emoji: to its start or past its end; anywhere else: unchanged.
          expect([floor, ceil]).toEqual(midPair ? [u - 1, u + 1] : [u, u]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('maps raw positions (CRLF, decomposed accents, BOM) monotonically onto the normalised text', () => {
    fc.assert(
      fc.property(raw, fc.boolean(), (body, bom) => {
        const text = (bom ? '\uFEFF' : '') + body;
        const map = new NormalisationMap(text);
        expect(map.text).toBe(normaliseText(text));
        const rawLength = codePointLength(text);
        const normLength = codePointLength(map.text);
        let prev = 0;
        for (let p = 0; p <= rawLength; p++) {
          const n = map.toNormalised(p);
          expect(n).toBeGreaterThanOrEqual(prev);
          expect(n).toBeLessThanOrEqual(normLength);
          prev = n;
        }
        expect(map.toNormalised(rawLength)).toBe(normLength);
        expect(map.toNormalised(0)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
