// The terms a passage is compared by: the stems of its words, stop words, single letters and
// numbers left out, so that two passages are alike for what they talk about, not for "de la".
import type { WordForms } from './word-forms.ts';
import { foldWord } from './fold.ts';

/** A word: what termsOf reads a text as, one match at a time. */
export const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const NUMBER = /^\p{N}+$/u;

/** Whether a word (one match of WORD) is a term: not a single letter, a number or a stop word. */
export function isTerm(word: string, forms: WordForms): boolean {
  return word.length >= 2 && !NUMBER.test(word) && !forms.isStopWord(foldWord(word));
}

/** Stems of the text's words in order, repeats kept (term frequencies count them). */
export function termsOf(text: string, forms: WordForms): string[] {
  const terms: string[] = [];
  for (const m of text.matchAll(WORD)) if (isTerm(m[0], forms)) terms.push(forms.stem(m[0]));
  return terms;
}

export interface TermPlace {
  stem: string;
  /** UTF-16 offset and length of the word in the text, as written. */
  index: number;
  length: number;
}

/** The same terms with where each word lies, so a caller can show the words as written. */
export function termPlacesOf(text: string, forms: WordForms): TermPlace[] {
  const places: TermPlace[] = [];
  for (const m of text.matchAll(WORD)) {
    if (isTerm(m[0], forms)) places.push({ stem: forms.stem(m[0]), index: m.index, length: m[0].length });
  }
  return places;
}
