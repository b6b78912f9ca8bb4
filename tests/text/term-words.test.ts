import { describe, expect, it } from 'vitest';
import { termsByRange, wholeWords, wordsOfTerms } from '../../text/term-words.ts';
import { termsOf } from '../../text/terms.ts';
import { wordFormsOf } from '../../text/word-forms.ts';

const TEXT = "Le bailleur menace d'expulsion 2 fois ; l'équipe mobile, les partenaires et la stigmatisée Œuvre 🙂 du CCAS.";
const fr = wordFormsOf('fr');

describe('terms of a range', () => {
  it('reads the same terms from one pass over the text as from each range cut to whole words', () => {
    const byRange = termsByRange(TEXT, fr);
    for (let start = 0; start < TEXT.length; start += 3) {
      for (let end = start + 1; end <= TEXT.length; end += 5) {
        const [s, e] = wholeWords(TEXT, start, end);
        expect(byRange(start, end), `${start}–${end}`).toEqual(termsOf(TEXT.slice(s, e), fr));
      }
    }
  });

  it('leaves out a word cut by the edge, and gives each term the word as written', () => {
    const [s, e] = wholeWords(TEXT, 5, 20);
    expect(TEXT.slice(s, e)).toBe(' menace d');
    expect(termsByRange(TEXT, fr)(5, 20)).toEqual(['menac']);
    expect(wordsOfTerms(TEXT, fr).get('stigmatis')).toBe('stigmatisée');
  });
});
