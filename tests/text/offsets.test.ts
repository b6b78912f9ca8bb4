import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../text/normalise.ts';
import { codePointLength, NormalisationMap, OffsetIndex, sliceCodePoints } from '../../text/offsets.ts';

describe('code point positions', () => {
  const text = 'Il a dit 😀 « ça va » puis 👩‍⚕️ est arrivée.';

  it('counts an emoji as one code point, as REFI-QDA does', () => {
    expect(codePointLength('a😀b')).toBe(3);
    expect('a😀b'.length).toBe(4);
  });

  it('converts both ways around astral characters', () => {
    const index = new OffsetIndex(text);
    for (let cp = 0; cp <= index.codePointLength; cp++) {
      expect(index.toCodePoint(index.toUtf16(cp))).toBe(cp);
    }
    const at = text.indexOf('« ça');
    expect(sliceCodePoints(text, index.toCodePoint(at), index.toCodePoint(at) + 8)).toBe('« ça va ');
  });

  it('never splits a surrogate pair when a selection lands inside one', () => {
    const index = new OffsetIndex('x😀y');
    expect(index.toCodePoint(2, 'floor')).toBe(1);
    expect(index.toCodePoint(2, 'ceil')).toBe(2);
  });

  it('refuses positions outside the text', () => {
    const index = new OffsetIndex('abc');
    expect(() => index.toUtf16(4)).toThrow(RangeError);
    expect(() => index.toCodePoint(-1)).toThrow(RangeError);
  });

  it('agrees with Array.from on random strings', () => {
    const alphabet = ['a', 'é', 'e\u0301', '😀', '\n', '𝄞', 'œ'];
    for (let round = 0; round < 50; round++) {
      let s = '';
      for (let i = 0; i < 40; i++) s += alphabet[(round * 7 + i * 13) % alphabet.length];
      const index = new OffsetIndex(s);
      const cps = Array.from(s);
      expect(index.codePointLength).toBe(cps.length);
      for (let cp = 0; cp <= cps.length; cp++) expect(index.toUtf16(cp)).toBe(cps.slice(0, cp).join('').length);
    }
  });
});

describe('normalisation', () => {
  it('removes the BOM, turns CRLF and CR into LF, composes accents', () => {
    expect(normaliseText('\uFEFFLigne 1\r\nLigne 2\rLigne 3')).toBe('Ligne 1\nLigne 2\nLigne 3');
    expect(normaliseText('de\u0301ja\u0300')).toBe('déjà');
  });

  it('maps positions counted over CRLF and decomposed text to the normalised text', () => {
    const raw = 'Enquêtrice : bonjour\r\nP1 : re\u0301ponse 😀 finale\r\n';
    const map = new NormalisationMap(raw);
    expect(map.text).toBe(normaliseText(raw));
    const rawCps = Array.from(raw);
    const rawStart = rawCps.join('').indexOf('P1');
    const rawStartCp = Array.from(raw.slice(0, rawStart)).length;
    const normStart = map.toNormalised(rawStartCp);
    expect(
      Array.from(map.text)
        .slice(normStart, normStart + 2)
        .join(''),
    ).toBe('P1');
    // "finale" ends the raw text before the final CRLF.
    const endRaw = Array.from(raw.slice(0, raw.indexOf('finale') + 6)).length;
    const startRaw = endRaw - 6;
    expect(Array.from(map.text).slice(map.toNormalised(startRaw), map.toNormalised(endRaw)).join('')).toBe('finale');
  });

  it('maps a position inside a decomposed accent to the start of its character', () => {
    const map = new NormalisationMap('e\u0301t\u00e9');
    expect(map.text).toBe('été');
    expect(map.toNormalised(1)).toBe(0);
    expect(map.toNormalised(2)).toBe(1);
    expect(map.toNormalised(4)).toBe(3);
  });
});
