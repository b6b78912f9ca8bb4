// Why there is little or nothing to suggest (service/suggest.ts SuggestNote), in the user's
// language, the same sentence for the command line and the transcript's panel. Typed by shape so
// that i18n/ does not import the service.
import type { MessageKey, Translate } from './catalogue.ts';

type Note = { kind: 'noCodings' | 'emptyPassage' | 'otherLanguage' | 'noSharedWords' | 'allCoded' | 'fewExamples' } & Record<string, string | number>;

export function suggestNoteText(t: Translate, note: Note): string {
  const params: Record<string, string | number> = { ...note };
  for (const key of ['language', 'projectLanguage']) {
    const value = note[key];
    if (value === 'fr' || value === 'en') params[key] = t(`suggest.language.${value}` satisfies MessageKey);
  }
  return t(`suggest.note.${note.kind}` satisfies MessageKey, params);
}
