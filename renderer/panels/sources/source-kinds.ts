import type { MessageKey } from '../../../i18n/catalogue.ts';
import { SOURCE_KINDS, type SourceKind } from '../../../model/types.ts';

export { SOURCE_KINDS };

/** Plural heading of each kind, as the sources list groups them. */
export const KIND_GROUP: Record<SourceKind, MessageKey> = {
  interview: 'kind.interview.group',
  observation: 'kind.observation.group',
  notebook: 'kind.notebook.group',
  document: 'kind.document.group',
  synthesis: 'kind.synthesis.group',
};

export const KIND_ONE: Record<SourceKind, MessageKey> = {
  interview: 'kind.interview',
  observation: 'kind.observation',
  notebook: 'kind.notebook',
  document: 'kind.document',
  synthesis: 'kind.synthesis',
};

/** A first guess from the file name, which French researchers often prefix with the kind. */
export function guessKind(fileName: string): SourceKind {
  const name = fileName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (/observ|reunion|comite|cellule/.test(name)) return 'observation';
  if (/carnet|journal|notebook/.test(name)) return 'notebook';
  if (/synthese|colloque|atelier/.test(name)) return 'synthesis';
  if (/entretien|interview|itw/.test(name)) return 'interview';
  if (/\.(vtt|srt)$/.test(name)) return 'interview';
  return 'document';
}
