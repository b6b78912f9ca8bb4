// The language the project's texts are written in (a setting), which decides the word forms that
// search, similar passages and code suggestions compare. French unless the researcher says otherwise.
import type { Db } from '../db/open.ts';
import { TEXT_LANGUAGES, wordFormsOf, type TextLanguage, type WordForms } from '../text/word-forms.ts';
import { getSetting } from './project.ts';

export const TEXT_LANGUAGE_KEY = 'text_language';

export function textLanguageOf(db: Db): TextLanguage {
  const stored = getSetting(db, TEXT_LANGUAGE_KEY);
  return TEXT_LANGUAGES.find((l) => l === stored) ?? 'fr';
}

export const projectWordForms = (db: Db): WordForms => wordFormsOf(textLanguageOf(db));
