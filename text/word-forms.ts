// Word forms for search and similarity: "secrets" finds "secret", "stigmatisée" finds
// "stigmatisé". Snowball stems from a maintained package; stop words from its sibling, so that a
// query of only "de la" never matches every passage.
import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as frenchStem } from '@orama/stemmers/french';
import { stopwords as englishStopWords } from '@orama/stopwords/english';
import { stopwords as frenchStopWords } from '@orama/stopwords/french';
import { foldWord } from './fold.ts';

export type TextLanguage = 'fr' | 'en';
export const TEXT_LANGUAGES: readonly TextLanguage[] = ['fr', 'en'];

export interface WordForms {
  readonly language: TextLanguage;
  /** The folded stem of a word as written (any case, accents kept: Snowball reads them). */
  stem(word: string): string;
  /** Whether a folded word is a stop word of the language. */
  isStopWord(folded: string): boolean;
}

function wordForms(language: TextLanguage, stemmer: (w: string) => string, stopWords: readonly string[]): WordForms {
  const stops = new Set(stopWords.map(foldWord));
  const stems = new Map<string, string>();
  return {
    language,
    stem(word) {
      const lower = word.toLowerCase();
      let stem = stems.get(lower);
      if (stem === undefined) {
        stem = foldWord(stemmer(lower));
        // Words repeat heavily in a corpus; the cache is bounded so a long session cannot grow it forever.
        if (stems.size > 200_000) stems.clear();
        stems.set(lower, stem);
      }
      return stem;
    },
    isStopWord: (folded) => stops.has(folded),
  };
}

const FORMS: Record<TextLanguage, WordForms> = {
  fr: wordForms('fr', frenchStem, frenchStopWords),
  en: wordForms('en', englishStem, englishStopWords),
};

export const wordFormsOf = (language: TextLanguage): WordForms => FORMS[language];
