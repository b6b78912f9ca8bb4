// What the pseudonymisation review computes from the preview: where each match is (a source, or a
// field such as a case's description or a memo), the filters by person and by place, and which
// matches stay ticked. Pure, so it is tested without a browser.
import type { Translate } from '../../../i18n/catalogue.ts';
import type { MatchTarget, PseudonymMatch } from '../../../service/pseudonymise.ts';

/** A stable key per place: one source, or one row's field. */
export function placeKey(target: MatchTarget): string {
  return target.kind === 'source' ? `s${target.sourceId}` : `${target.table}.${target.column}#${target.rowId}`;
}

/** Fields where a name may hide besides source texts, worded for the user. */
const FIELD_LABELS: Record<string, { fr: string; en: string }> = {
  'project.name': { fr: 'nom du projet', en: 'project name' },
  'sources.name': { fr: 'nom de source', en: 'source name' },
  'sources.origin_file': { fr: 'fichier d’origine', en: 'original file' },
  'source_structure.speaker': { fr: 'locuteur', en: 'speaker' },
  'source_structure.heading': { fr: 'titre de section', en: 'section heading' },
  'cases.name': { fr: 'nom de cas', en: 'case name' },
  'cases.description': { fr: 'description de cas', en: 'case description' },
  'attribute_values.value': { fr: 'valeur d’attribut', en: 'attribute value' },
  'codes.definition': { fr: 'définition de code', en: 'code definition' },
  'codes.inclusion': { fr: 'critère d’inclusion', en: 'inclusion criterion' },
  'codes.exclusion': { fr: 'critère d’exclusion', en: 'exclusion criterion' },
  'codes.example': { fr: 'exemple de code', en: 'code example' },
  'memos.title': { fr: 'titre de mémo', en: 'memo title' },
  'memos.text': { fr: 'mémo', en: 'memo' },
};

export function placeLabel(target: MatchTarget, t: Translate, lang: 'fr' | 'en'): string {
  if (target.kind === 'source') return target.name;
  const key = `${target.table}.${target.column}`;
  const what = FIELD_LABELS[key]?.[lang] ?? key;
  return t('pseudo.field', { what, id: target.rowId });
}

export interface MatchFilter {
  /** Pseudonym table id, or null for everyone. */
  entryId: number | null;
  /** placeKey, or null for everywhere. */
  place: string | null;
}

export function filterMatches(matches: readonly PseudonymMatch[], filter: MatchFilter): PseudonymMatch[] {
  return matches.filter(
    (m) => (filter.entryId === null || m.entryId === filter.entryId) && (filter.place === null || placeKey(m.target) === filter.place),
  );
}

/** The places that have matches, in the order of the preview (sources first, then fields). */
export function placesOf(matches: readonly PseudonymMatch[]): Array<{ key: string; target: MatchTarget; count: number }> {
  const places = new Map<string, { key: string; target: MatchTarget; count: number }>();
  for (const m of matches) {
    const key = placeKey(m.target);
    const place = places.get(key) ?? { key, target: m.target, count: 0 };
    place.count++;
    places.set(key, place);
  }
  return [...places.values()];
}

/** Ticks or unticks the matches shown, leaving the hidden ones as they were. */
export function setTicked(ticked: ReadonlySet<string>, shown: readonly PseudonymMatch[], on: boolean): Set<string> {
  const next = new Set(ticked);
  for (const m of shown) {
    if (on) next.add(m.id);
    else next.delete(m.id);
  }
  return next;
}

/** What is sent to applyPseudonyms: the ticked ids, in preview order. */
export function acceptedIds(matches: readonly PseudonymMatch[], ticked: ReadonlySet<string>): string[] {
  return matches.filter((m) => ticked.has(m.id)).map((m) => m.id);
}
