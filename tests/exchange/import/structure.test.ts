import { describe, expect, it } from 'vitest';
import { ensureNormalised, sectionsFrom, TextBuilder } from '../../../exchange/import/structure.ts';
import { normaliseText } from '../../../text/normalise.ts';
import { codePointLength, sliceCodePoints } from '../../../text/offsets.ts';

describe('TextBuilder', () => {
  it('puts one paragraph per line, at most one blank line in a row, headings at their line start', () => {
    const b = new TextBuilder();
    b.addParagraph('');
    b.addParagraph('Titre 😊', 1);
    b.addParagraph('Te\u0301moignage  ');
    b.addParagraph('');
    b.addParagraph('  ');
    b.addParagraph('Suite', 2);
    b.addParagraph('');
    const text = b.text();
    expect(text).toBe('Titre 😊\nTémoignage\n\nSuite');
    expect(b.headings.map((h) => sliceCodePoints(text, h.start, h.start + codePointLength(h.heading)))).toEqual(['Titre 😊', 'Suite']);
    expect(b.headings.map((h) => h.start)).toEqual([0, codePointLength('Titre 😊\nTémoignage\n\n')]);
  });
});

describe('sectionsFrom', () => {
  it('ends a section at the next heading of the same or a higher level', () => {
    const headings = [
      { start: 0, level: 1, heading: 'A' },
      { start: 10, level: 2, heading: 'A.1' },
      { start: 20, level: 3, heading: 'A.1.a' },
      { start: 30, level: 2, heading: 'A.2' },
      { start: 40, level: 1, heading: 'B' },
    ];
    expect(sectionsFrom(headings, 50).map((s) => [s.heading, s.start, s.end])).toEqual([
      ['A', 0, 40],
      ['A.1', 10, 30],
      ['A.1.a', 20, 30],
      ['A.2', 30, 40],
      ['B', 40, 50],
    ]);
  });
});

describe('ensureNormalised', () => {
  it('moves the structure with the text when a parser let decomposed accents or CRLF through', () => {
    const raw = 'Ce\u0301line : oui\r\nE\u0301lise : non';
    const fixed = ensureNormalised({
      text: raw,
      encoding: null,
      notes: [],
      structure: [
        { kind: 'turn', start: 0, end: 15, speaker: 'Céline' },
        { kind: 'turn', start: 15, end: 28, speaker: 'Élise' },
      ],
    });
    expect(fixed.text).toBe('Céline : oui\nÉlise : non');
    expect(fixed.structure.map((s) => sliceCodePoints(fixed.text, s.start, s.end))).toEqual(['Céline : oui\n', 'Élise : non']);
  });

  it('removes every leading BOM so that the text stays the same when normalised again', () => {
    const fixed = ensureNormalised({
      text: '\uFEFF\uFEFFMarie : oui',
      encoding: null,
      notes: [],
      structure: [{ kind: 'turn', start: 2, end: 13, speaker: 'Marie' }],
    });
    expect(fixed.text).toBe('Marie : oui');
    expect(normaliseText(fixed.text)).toBe(fixed.text);
    expect(fixed.structure).toEqual([{ kind: 'turn', start: 0, end: 11, speaker: 'Marie' }]);
  });
});
