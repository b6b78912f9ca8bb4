// What an importer noticed and tells the user, in French and English. Kept apart from the
// interface catalogue because a note carries a count that picks the form.
import { interpolate, type Lang } from './lang.ts';

type Forms = { fr: [one: string, many: string]; en: [one: string, many: string] };

export const importNoteMessages = {
  sections: {
    fr: ['{count} titre de section reconnu', '{count} titres de section reconnus'],
    en: ['{count} section heading found', '{count} section headings found'],
  },
  turns: {
    fr: ['{count} tour de parole reconnu{speakers}', '{count} tours de parole reconnus{speakers}'],
    en: ['{count} speaker turn found{speakers}', '{count} speaker turns found{speakers}'],
  },
  footnotes: {
    fr: ['{count} note de bas de page non importée', '{count} notes de bas de page non importées'],
    en: ['{count} footnote not imported', '{count} footnotes not imported'],
  },
  endnotes: {
    fr: ['{count} note de fin non importée', '{count} notes de fin non importées'],
    en: ['{count} endnote not imported', '{count} endnotes not imported'],
  },
  comments: {
    fr: ['{count} commentaire non importé', '{count} commentaires non importés'],
    en: ['{count} comment not imported', '{count} comments not imported'],
  },
  toc: {
    fr: ['Table des matières non importée (elle répète les titres).', 'Table des matières non importée (elle répète les titres).'],
    en: ['Table of contents not imported (it repeats the headings).', 'Table of contents not imported (it repeats the headings).'],
  },
  runningLines: {
    fr: ['{count} en-tête/pied de page répété retiré', '{count} en-têtes/pieds de page répétés retirés'],
    en: ['{count} repeated header/footer removed', '{count} repeated headers/footers removed'],
  },
  pageNumbers: {
    fr: ['{count} numéro de page retiré', '{count} numéros de page retirés'],
    en: ['{count} page number removed', '{count} page numbers removed'],
  },
  blankPages: {
    fr: ['{count} page sans texte ignorée (image ou page scannée ?)', '{count} pages sans texte ignorées (images ou pages scannées ?)'],
    en: ['{count} page without text skipped (an image or a scanned page?)', '{count} pages without text skipped (images or scanned pages?)'],
  },
  encoding: {
    fr: ['Encodage reconnu : {encoding} ; le texte a été converti en UTF-8.', 'Encodage reconnu : {encoding} ; le texte a été converti en UTF-8.'],
    en: ['Encoding recognised: {encoding}; the text was converted to UTF-8.', 'Encoding recognised: {encoding}; the text was converted to UTF-8.'],
  },
} as const satisfies Record<string, Forms>;

export type ImportNoteKey = keyof typeof importNoteMessages;

/**
 * Something an importer noticed that the user should know (headers removed, notes left out...).
 * Declared here, beside its wording, because i18n/ sits below model/ (which re-exports it).
 */
export interface ImportNote {
  key: ImportNoteKey;
  count?: number;
  /** Speakers found (turns note). */
  speakers?: string[];
  /** Encoding guessed (encoding note). */
  encoding?: string;
}

const ENCODING_NAMES: Record<string, Record<Lang, string>> = {
  'utf-16le': { fr: 'UTF-16 (petit-boutiste)', en: 'UTF-16 (little-endian)' },
  'utf-16be': { fr: 'UTF-16 (gros-boutiste)', en: 'UTF-16 (big-endian)' },
  'windows-1252': { fr: 'Windows-1252 (Latin-1)', en: 'Windows-1252 (Latin-1)' },
};

/** The note as a sentence in the user's language. */
export function formatImportNote(note: ImportNote, lang: Lang): string {
  const count = note.count ?? 1;
  const template = importNoteMessages[note.key][lang][count === 1 ? 0 : 1];
  const encoding = note.encoding ? (ENCODING_NAMES[note.encoding]?.[lang] ?? note.encoding) : '';
  const speakers = note.speakers?.length ? ` (${note.speakers.slice(0, 6).join(', ')}${note.speakers.length > 6 ? '…' : ''})` : '';
  return interpolate(template, { count, encoding, speakers });
}
