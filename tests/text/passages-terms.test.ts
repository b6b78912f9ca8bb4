import { describe, expect, it } from 'vitest';
import { passagesOf } from '../../text/passages.ts';
import { termsOf } from '../../text/terms.ts';
import { wordFormsOf } from '../../text/word-forms.ts';
import { sliceCodePoints } from '../../text/offsets.ts';

describe('passages of a source', () => {
  it('are its turns when it has some, numbered from 1 with their speaker', () => {
    const text = 'A: bonjour\nB: le secret';
    const structure = [
      { kind: 'turn' as const, start: 0, end: 10, speaker: 'A' },
      { kind: 'section' as const, start: 0, end: 22, heading: 'h', level: 1 },
      { kind: 'turn' as const, start: 11, end: 22, speaker: 'B' },
    ];
    expect(passagesOf(text, structure)).toEqual([
      { start: 0, end: 10, turn: 1, speaker: 'A' },
      { start: 11, end: 22, turn: 2, speaker: 'B' },
    ]);
  });

  it('are its non-blank lines otherwise, trimmed, in code points', () => {
    const text = '  Le cœur 🙂 du sujet \n\n   \nSecond paragraphe';
    const passages = passagesOf(text, []);
    expect(passages.map((p) => sliceCodePoints(text, p.start, p.end))).toEqual(['Le cœur 🙂 du sujet', 'Second paragraphe']);
    expect(passages.every((p) => p.turn === null && p.speaker === null)).toBe(true);
  });
});

describe('terms of a passage', () => {
  it('are the stems of its words without stop words, letters or numbers', () => {
    const fr = wordFormsOf('fr');
    expect(termsOf("L'hôpital et les partenaires : 12 secrets, le secret", fr)).toEqual(['hopital', 'partenair', 'secret', 'secret']);
  });
});
