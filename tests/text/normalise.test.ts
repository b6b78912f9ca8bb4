import { describe, expect, it } from 'vitest';
import { NFC_STABLE_RANGES, normaliseText } from '../../text/normalise.ts';

describe('the NFC fast path', () => {
  it('only skips characters that NFC leaves unchanged, alone and in every pair', () => {
    const chars: string[] = [];
    for (const [from, to] of NFC_STABLE_RANGES) {
      for (let c = from; c <= to; c++) if (c < 0xd800 || c > 0xdfff) chars.push(String.fromCharCode(c));
    }
    for (const a of chars) {
      expect(a.normalize('NFC')).toBe(a);
      for (const b of chars) {
        const pair = a + b;
        if (pair.normalize('NFC') !== pair) throw new Error(`U+${a.charCodeAt(0).toString(16)} U+${b.charCodeAt(0).toString(16)}`);
      }
    }
  });

  it('still composes text that needs it', () => {
    expect(normaliseText('re\u0301ponse ’ « ok »')).toBe('réponse ’ « ok »');
    expect(normaliseText('\u212b')).toBe('\u00c5');
    expect(normaliseText('déjà vu… l’été')).toBe('déjà vu… l’été');
  });
});
