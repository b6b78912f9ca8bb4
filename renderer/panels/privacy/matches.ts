// What the pseudonymisation review computes from the preview: where each match is (a source, or a
// field such as a case's description or a memo), the filters by person and by place, and which
// matches stay ticked. Pure, so it is tested without a browser.
import { isMessageKey, type Translate } from '../../../i18n/catalogue.ts';
import type { MatchTarget, PseudonymMatch } from '../../../service/contract/index.ts';

/** A stable key per place: one source, one row's field, or one speaker label (or heading) of a source. */
export function placeKey(target: MatchTarget): string {
  if (target.kind === 'source') return `s${target.sourceId}`;
  const key = `${target.table}.${target.column}#${target.rowId}`;
  return target.label === undefined ? key : `${key}:${target.label}`;
}

export function placeLabel(target: MatchTarget, t: Translate): string {
  if (target.kind === 'source') return target.name;
  const key = `pseudo.column.${target.table}.${target.column}`;
  const what = isMessageKey(key) ? t(key) : `${target.table}.${target.column}`;
  // A speaker label or heading is named as written; any other row by its name (a case's, a
  // memo's title), and by what it belongs to when that says more (a memo of a case).
  const name = target.label ?? target.name;
  const parent = target.parent;
  const where = parent && (parent.kind === 'project' ? t('pseudo.where.project') : t(`pseudo.where.${parent.kind}`, { name: parent.name }));
  if (name && where) return t('pseudo.fieldIn', { what, name, where });
  if (name) return t('pseudo.field', { what, name });
  if (where) return t('pseudo.fieldOf', { what, where });
  return t('pseudo.fieldNumber', { what, id: target.rowId });
}

export interface MatchFilter {
  /** Pseudonym table id, or null for everyone. */
  entryId: number | null;
  /** placeKey, or null for everywhere. */
  place: string | null;
}

export function filterMatches(matches: readonly PseudonymMatch[], filter: MatchFilter): PseudonymMatch[] {
  return matches.filter((m) => (filter.entryId === null || m.entryId === filter.entryId) && (filter.place === null || placeKey(m.target) === filter.place));
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
