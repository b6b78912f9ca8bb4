// What the matrices know about each source (kind, cases, attribute values), read once per matrix
// by the service: a project has hundreds of sources, not hundreds of thousands, so the filters on
// sources and the folding of sources into columns are done here rather than in the SQL.
import type { SourceKind } from '../../model/types.ts';
import type { MatrixFilter } from './types.ts';

export interface SourceFacts {
  id: number;
  name: string;
  kind: SourceKind;
  caseIds: number[];
}

export type AttrValue = string | number | boolean;

/** One attribute's values by case (or source) id, and whether it may hold several. */
export interface AttributeValues {
  values: Map<number, AttrValue[]>;
  multi: boolean;
}

const fold = (v: AttrValue): string => {
  const s = String(v).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
  if (['oui', 'vrai', 'yes', '1', 'true'].includes(s)) return 'true';
  if (['non', 'faux', 'no', '0', 'false'].includes(s)) return 'false';
  return s;
};

/** Attribute values compared as a user types them: case, accents and oui/true spelling ignored. */
export const sameValue = (a: AttrValue, b: AttrValue): boolean => fold(a) === fold(b);

/** The case attributes a filter reads: those it selects on, then the date one when a range is set. */
export function filterAttributes(filter: MatrixFilter): string[] {
  const names = (filter.caseAttributes ?? []).map((f) => f.name);
  if (filter.dateAttribute && (filter.from || filter.to)) names.push(filter.dateAttribute);
  return names;
}

/**
 * The sources a filter keeps (null: all of them). Kinds, case attributes and a case date are
 * properties of the source; coder and coding date are applied to the codings in SQL.
 * `caseValues` holds the values of every attribute of `filterAttributes(filter)`, by name;
 * `setMembers`, the sources of the filter's source set (`sourceSetId`) when it has one.
 */
export function eligibleSources(
  facts: Map<number, SourceFacts>,
  filter: MatrixFilter,
  caseValues: ReadonlyMap<string, Map<number, AttrValue[]>>,
  setMembers?: ReadonlySet<number>,
): Set<number> | null {
  const checks: Array<(s: SourceFacts) => boolean> = [];
  if (setMembers) checks.push((s) => setMembers.has(s.id));
  if (filter.sourceKinds?.length) {
    const kinds = new Set(filter.sourceKinds);
    checks.push((s) => kinds.has(s.kind));
  }
  const valuesOf = (name: string) => caseValues.get(name) ?? new Map<number, AttrValue[]>();
  const caseTests: Array<(caseId: number) => boolean> = [];
  for (const f of filter.caseAttributes ?? []) {
    const values = valuesOf(f.name);
    caseTests.push((id) => (values.get(id) ?? []).some((v) => f.values.some((w) => sameValue(v, w))));
  }
  if (filter.dateAttribute && (filter.from || filter.to)) {
    const values = valuesOf(filter.dateAttribute);
    const from = filter.from ?? '0000-00-00';
    const to = filter.to ?? '9999-99-99';
    caseTests.push((id) => (values.get(id) ?? []).some((v) => String(v) >= from && String(v).slice(0, 10) <= to));
  }
  if (caseTests.length) checks.push((s) => s.caseIds.some((id) => caseTests.every((t) => t(id))));
  if (checks.length === 0) return null;
  return new Set([...facts.values()].filter((s) => checks.every((c) => c(s))).map((s) => s.id));
}
