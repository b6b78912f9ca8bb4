// The language the project's texts are written in (a setting), which decides the word forms that
// search, similar passages and code suggestions compare. French unless the researcher says otherwise.
import type { Db } from '../db/open.ts';
import { TEXT_LANGUAGES, wordFormsOf, type TextLanguage, type WordForms } from '../text/word-forms.ts';
import type { ProjectContext } from './context.ts';
import { getSetting, setSetting } from './project.ts';

export const TEXT_LANGUAGE_KEY = 'text_language';

export function textLanguageOf(db: Db): TextLanguage {
  const stored = getSetting(db, TEXT_LANGUAGE_KEY);
  return TEXT_LANGUAGES.find((l) => l === stored) ?? 'fr';
}

export const projectWordForms = (db: Db): WordForms => wordFormsOf(textLanguageOf(db));

/**
 * Sets the language searches read word forms and stop words in. The index needs no rebuilding:
 * its vocabulary holds the stems of every language (db/migrations/0011-search-forms.ts), so the
 * next search is right at once.
 */
export function setTextLanguage(ctx: ProjectContext, language: TextLanguage): TextLanguage {
  ctx.db.transaction(() => setSetting(ctx.db, TEXT_LANGUAGE_KEY, language))();
  return textLanguageOf(ctx.db);
}
