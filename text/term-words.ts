// The words a passage wrote for each of its terms (text/terms.ts): an explanation shows
// "stigmatisée", as the researcher reads it, not the stem "stigmatis".
import { foldWord } from './fold.ts';
import { isTerm, WORD } from './terms.ts';
import type { WordForms } from './word-forms.ts';

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

const WORD_CHAR = /[\p{L}\p{N}\p{M}\p{Co}]/u;

/**
 * The terms of any range of one text, the text read once: learning from the thousand codings of a
 * long interview costs one pass over it, not one per coding. A range's terms are those of the words
 * wholly inside it (a word cut by the range's edge is left out), the same as termsOf on its
 * whole-word part, by termsOf's rule (isTerm).
 */
export function termsByRange(text: string, forms: WordForms): (start: number, end: number) => string[] {
  const starts: number[] = [];
  const ends: number[] = [];
  const terms: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (!isTerm(word, forms)) continue;
    starts.push(m.index);
    ends.push(m.index + word.length);
    terms.push(forms.stem(word));
  }
  return (start, end) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < starts.length && ends[i]! <= end; i++) out.push(terms[i]!);
    return out;
  };
}

/** [start, end) (UTF-16) shrunk to the words wholly inside it: the part termsByRange reads. */
export function wholeWords(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  if (s > 0 && WORD_CHAR.test(text[s - 1]!)) while (s < e && WORD_CHAR.test(text[s]!)) s++;
  if (e < text.length && WORD_CHAR.test(text[e]!)) while (e > s && WORD_CHAR.test(text[e - 1]!)) e--;
  return [s, e];
}
