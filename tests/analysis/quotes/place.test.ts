import { describe, expect, it } from 'vitest';
import { placeOf, sourceLayout } from '../../../analysis/quotes/place.ts';
import type { StructureSegment } from '../../../model/types.ts';

// Three turns, the second one holding two paragraphs and a timestamp; a blank line before the third.
const TEXT = 'Enquêtrice : Bonjour.\nCoordinatrice : Le secret, on fait avec ce qu’on a. Voilà.\nEt la cellule aide.\n\nEnquêtrice : Merci.';
const at = (s: string) => [...TEXT.slice(0, TEXT.indexOf(s))].length;
const span = (s: string) => [at(s), at(s) + [...s].length] as const;
const STRUCTURE: StructureSegment[] = [
  { kind: 'turn', start: 0, end: at('\nCoordinatrice'), speaker: 'Enquêtrice', timestampMs: 0 },
  { kind: 'turn', start: at('Coordinatrice'), end: at('\n\nEnquêtrice'), speaker: 'Coordinatrice', timestampMs: 535_000 },
  { kind: 'turn', start: at('Enquêtrice : Merci'), end: [...TEXT].length, speaker: 'Enquêtrice', timestampMs: null },
];
const layout = sourceLayout(TEXT, STRUCTURE);
const place = (s: string) => placeOf(layout, ...span(s));

describe('where an excerpt sits', () => {
  it('gives the paragraph (blank lines not counted), the turn, its speaker and its timestamp', () => {
    expect(place('Le secret, on fait avec ce qu’on a.')).toMatchObject({ paragraph: 2, turn: 2, speaker: 'Coordinatrice', timestampMs: 535_000 });
    expect(place('Et la cellule aide.')).toMatchObject({ paragraph: 3, turn: 2, speaker: 'Coordinatrice', timestampMs: 535_000 });
    expect(place('Merci.')).toMatchObject({ paragraph: 4, turn: 3, speaker: 'Enquêtrice', timestampMs: null });
  });

  it('belongs to the paragraph it starts in even when it starts on the line break before it', () => {
    const [start, end] = span('\nEt la cellule');
    expect(placeOf(layout, start, end).paragraph).toBe(3);
  });

  it('counts positions in code points, as codings do, past characters outside the Basic Multilingual Plane', () => {
    // "😀" is one code point and two UTF-16 units: the excerpt "Fin" starts at code point 10.
    const text = 'A 😀 😀\nB : Fin de la phrase.';
    const turns: StructureSegment[] = [{ kind: 'turn', start: 6, end: 25, speaker: 'B', timestampMs: 1000 }];
    expect(placeOf(sourceLayout(text, turns), 10, 13)).toEqual({ paragraph: 2, turn: 1, speaker: 'B', timestampMs: 1000, cutBefore: false, cutAfter: true });
  });

  it('knows no turn, speaker or time in a source without turns', () => {
    const plain = sourceLayout('Article 1.\nArticle 2. La cellule se réunit.', []);
    expect(placeOf(plain, 11, 21)).toEqual({ paragraph: 2, turn: null, speaker: null, timestampMs: null, cutBefore: false, cutAfter: false });
  });

  it('is cut where it starts or ends inside a sentence, not after a speaker’s colon or at a sentence’s end', () => {
    expect(place('Le secret, on fait avec ce qu’on a.')).toMatchObject({ cutBefore: false, cutAfter: false });
    expect(place('on fait avec')).toMatchObject({ cutBefore: true, cutAfter: true });
    expect(place('Le secret')).toMatchObject({ cutBefore: false, cutAfter: true });
    // Up to the last word: only the full stop is missing, nothing was cut.
    expect(place('on fait avec ce qu’on a')).toMatchObject({ cutBefore: true, cutAfter: false });
    expect(place('Voilà.')).toMatchObject({ cutBefore: false, cutAfter: false });
  });
});
