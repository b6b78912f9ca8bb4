// The words a passage wrote for each of its terms (text/terms.ts): an explanation shows
// "stigmatisée", as the researcher reads it, not the stem "stigmatis".
import { foldWord } from './fold.ts';
import type { WordForms } from './word-forms.ts';

const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

/** Each term of `text` with the first word that gave it, as written. */
export function wordsOfTerms(text: string, forms: WordForms): Map<string, string> {
  const words = new Map<string, string>();
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (word.length < 2) continue;
    const stem = forms.stem(word);
    if (!words.has(stem)) words.set(stem, word);
  }
  return words;
}

/** How many of `text`'s words are stop words of each form's language: a hint of the language it is written in. */
export function stopWordShares(text: string, forms: readonly WordForms[]): { words: number; stops: number[] } {
  let words = 0;
  const stops = forms.map(() => 0);
  for (const m of text.matchAll(WORD)) {
    const folded = foldWord(m[0]);
    words++;
    forms.forEach((f, i) => {
      if (f.isStopWord(folded)) stops[i]!++;
    });
  }
  return { words, stops };
}
