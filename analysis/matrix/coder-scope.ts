// Whose codings a matrix counts, decided once from the filter and the project's coders, then said
// in the JSON (Matrix.coders), in a note every export prints above the grid, and on each cell.
import type { Lang } from '../../i18n/lang.ts';
import { label } from './labels.ts';
import type { CoderScope, MatrixFilter } from './types.ts';

export interface Coder {
  id: number;
  name: string;
}

/**
 * `coding`: the coders with at least one coding in the project; `named`: every coder the filter
 * names (the service has checked they exist). Agreement over fewer than two coders is just that
 * coder's codings.
 */
export function coderScope(filter: MatrixFilter, coding: readonly Coder[], named: ReadonlyMap<number, string>): CoderScope {
  const chosen = filter.coderIds?.length
    ? [...new Set(filter.coderIds)].map((id) => ({ id, name: named.get(id) ?? `#${id}` }))
    : coding.map((c) => ({ id: c.id, name: c.name }));
  const mode = filter.agreement && chosen.length >= 2 ? 'agreement' : filter.coderIds?.length && chosen.length === 1 ? 'coder' : 'union';
  return { mode, coders: chosen, team: coding.length >= 2 };
}

/** The coders who must all have coded a stretch, or null for the union. */
export const agreementOf = (scope: CoderScope): number[] | null => (scope.mode === 'agreement' ? scope.coders.map((c) => c.id) : null);

/** Only worth saying in a team project or when the user chose coders. */
const worthSaying = (scope: CoderScope) => scope.team || scope.mode !== 'union';

const names = (scope: CoderScope) => scope.coders.map((c) => c.name).join(', ');

/** The header line of a grid: whose codings, and that a passage counts once. */
export function coderNotes(scope: CoderScope, lang: Lang): string[] {
  if (!worthSaying(scope)) return [];
  return [label(`note.coders.${scope.mode}`, lang, { coders: names(scope) })];
}

/** The same, in a few words for a cell ("union of A, B"); empty where there is one coder. */
export function coderWords(scope: CoderScope | undefined, lang: Lang): string {
  if (!scope || !worthSaying(scope)) return '';
  return label(`cell.coders.${scope.mode}`, lang, { coders: names(scope) });
}
