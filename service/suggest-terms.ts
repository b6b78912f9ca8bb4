// The terms of a source's coded excerpts, for learning and for the evaluation alike: the words
// wholly inside each coding (text/term-words.ts). Many codings of one text read it once; a few
// read only their own excerpts. Both give the same terms, so the model does not depend on how
// many codings changed at once.
import { OffsetIndex } from '../text/offsets.ts';
import { termsByRange, wholeWords } from '../text/term-words.ts';
import { termsOf } from '../text/terms.ts';
import type { WordForms } from '../text/word-forms.ts';

/** The terms of [start, end) (code points) in `text`, for the `codings` about to be asked for. */
export function codingTerms(text: string, forms: WordForms, codings: ReadonlyArray<{ start: number; end: number }>): (start: number, end: number) => string[] {
  const index = new OffsetIndex(text);
  const at = (n: number) => index.toUtf16(Math.min(n, index.codePointLength));
  let covered = 0;
  for (const k of codings) covered += k.end - k.start;
  if (covered > index.codePointLength / 2) {
    const byRange = termsByRange(text, forms);
    return (start, end) => byRange(at(start), at(end));
  }
  return (start, end) => {
    const [s, e] = wholeWords(text, at(start), at(end));
    return termsOf(text.slice(s, e), forms);
  };
}
