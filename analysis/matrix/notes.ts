// The filters of a matrix in words, so that an exported grid says what it was computed on.
import type { Lang } from '../../i18n/lang.ts';
import { label } from './labels.ts';
import type { MatrixFilter } from './types.ts';

/** The filters in words, for the reader of an export; `coderNames` names the filter's coders, `setNames` its sets. */
export function filterNotes(
  filter: MatrixFilter,
  coderNames: ReadonlyMap<number, string>,
  lang: Lang,
  setNames: { sources?: string; codes?: string } = {},
): string[] {
  const parts: string[] = [];
  if (filter.coderIds?.length) {
    const names = filter.coderIds.map((id) => coderNames.get(id) ?? `#${id}`);
    parts.push(`${label('filter.coder', lang)} = ${names.join(', ')}`);
  }
  if (filter.sourceKinds?.length) parts.push(`${label('filter.kinds', lang)} = ${filter.sourceKinds.join(', ')}`);
  if (setNames.sources !== undefined) parts.push(`${label('filter.sourceSet', lang)} = ${setNames.sources}`);
  if (setNames.codes !== undefined) parts.push(`${label('filter.codeSet', lang)} = ${setNames.codes}`);
  for (const a of filter.caseAttributes ?? []) parts.push(`${a.name} = ${a.values.join(' | ')}`);
  if (filter.from || filter.to) {
    const on = filter.dateAttribute ?? label('filter.codingDate', lang);
    parts.push(`${on} : ${filter.from ?? '…'} → ${filter.to ?? '…'}`);
  }
  if (parts.length === 0) return [];
  const byCase = !!filter.caseAttributes?.length || (!!filter.dateAttribute && !!(filter.from || filter.to));
  return [label('note.filter', lang, { filters: parts.join(' ; ') }), ...(byCase ? [label('note.caseFilter', lang)] : [])];
}
