// The project's lists that most views show, read through the cache. An empty list stands in while
// the first answer comes, the same array every time so memos downstream keep.
import type { AttributeDef, Case, NamedSet, SetKind, SourceSummary } from '../../model/types.ts';
import type { CodeWithCount } from '../../service/contract/index.ts';
import { useApiQuery } from './hooks.ts';

const NONE: never[] = [];
const CASE_SCOPE = { scope: 'case' } as const;

export function useSources(): SourceSummary[] {
  return useApiQuery('listSources', undefined).data ?? NONE;
}

export function useCodes(): CodeWithCount[] {
  return useApiQuery('listCodes', undefined).data ?? NONE;
}

export function useCases(): Case[] {
  return useApiQuery('listCases', undefined).data ?? NONE;
}

/** The attributes defined for cases (the ones the cases table and the filters offer). */
export function useCaseAttributes(): AttributeDef[] {
  return useApiQuery('listAttributes', CASE_SCOPE).data ?? NONE;
}

const SET_KIND = { sources: { kind: 'sources' }, codes: { kind: 'codes' } } as const;

/** The sets of sources or of codes. */
export function useSets(kind: SetKind): NamedSet[] {
  return useApiQuery('listSets', SET_KIND[kind]).data ?? NONE;
}
