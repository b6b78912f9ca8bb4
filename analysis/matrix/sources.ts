// What the matrices need to know about each source (kind, cases, attribute values), read once
// per matrix: a project has hundreds of sources, not hundreds of thousands, so the filters on
// sources and the folding of sources into columns are done here rather than in the SQL.
import type { Db } from '../../db/open.ts';
import { stmt } from '../../db/statements.ts';
import { TresseError } from '../../i18n/error.ts';
import type { AttributeScope, SourceKind } from '../../model/types.ts';
import type { MatrixFilter } from './types.ts';

export interface SourceFacts {
  id: number;
  name: string;
  kind: SourceKind;
  caseIds: number[];
}

export type AttrValue = string | number | boolean;

export function loadSourceFacts(db: Db): Map<number, SourceFacts> {
  const rows = stmt(
    db,
    `SELECT s.id, s.name, s.kind, (SELECT group_concat(case_id) FROM case_sources cs WHERE cs.source_id = s.id) AS caseList
     FROM sources s ORDER BY s.kind, s.name, s.id`,
  ).all() as { id: number; name: string; kind: SourceKind; caseList: string | null }[];
  return new Map(
    rows.map((r) => [r.id, { id: r.id, name: r.name, kind: r.kind, caseIds: r.caseList ? r.caseList.split(',').map(Number) : [] }]),
  );
}

export function caseNames(db: Db): Map<number, string> {
  const rows = stmt(db, 'SELECT id, name FROM cases').all() as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Values of one attribute by case (or source) id; throws when the project has no such attribute. */
export function attributeValues(db: Db, scope: AttributeScope, name: string): { values: Map<number, AttrValue[]>; multi: boolean } {
  const def = stmt(db, 'SELECT id, type, multi FROM attributes WHERE scope = ? AND name = ?').get(scope, name.trim()) as
    | { id: number; type: string; multi: number }
    | undefined;
  if (!def) throw new TresseError('attribute.notFound', { name });
  const col = scope === 'case' ? 'case_id' : 'source_id';
  const rows = stmt(db, `SELECT ${col} AS owner, value FROM attribute_values WHERE attribute_id = ? ORDER BY id`).all(def.id) as {
    owner: number;
    value: string | number;
  }[];
  const values = new Map<number, AttrValue[]>();
  for (const r of rows) {
    const v = def.type === 'boolean' ? r.value === 1 : r.value;
    const list = values.get(r.owner);
    if (list) list.push(v);
    else values.set(r.owner, [v]);
  }
  return { values, multi: def.multi === 1 };
}

const fold = (v: AttrValue): string => {
  const s = String(v).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
  if (['oui', 'vrai', 'yes', '1', 'true'].includes(s)) return 'true';
  if (['non', 'faux', 'no', '0', 'false'].includes(s)) return 'false';
  return s;
};

/** Attribute values compared as a user types them: case, accents and oui/true spelling ignored. */
export const sameValue = (a: AttrValue, b: AttrValue): boolean => fold(a) === fold(b);

/**
 * The sources a filter keeps (null: all of them). Kinds, case attributes and a case date are
 * properties of the source; coder and coding date are applied to the codings in SQL.
 */
export function eligibleSources(db: Db, facts: Map<number, SourceFacts>, filter: MatrixFilter): Set<number> | null {
  const checks: Array<(s: SourceFacts) => boolean> = [];
  if (filter.sourceKinds?.length) {
    const kinds = new Set(filter.sourceKinds);
    checks.push((s) => kinds.has(s.kind));
  }
  const caseTests: Array<(caseId: number) => boolean> = [];
  for (const f of filter.caseAttributes ?? []) {
    const { values } = attributeValues(db, 'case', f.name);
    caseTests.push((id) => (values.get(id) ?? []).some((v) => f.values.some((w) => sameValue(v, w))));
  }
  if (filter.dateAttribute && (filter.from || filter.to)) {
    const { values } = attributeValues(db, 'case', filter.dateAttribute);
    const from = filter.from ?? '0000-00-00';
    const to = filter.to ?? '9999-99-99';
    caseTests.push((id) => (values.get(id) ?? []).some((v) => String(v) >= from && String(v).slice(0, 10) <= to));
  }
  if (caseTests.length) checks.push((s) => s.caseIds.some((id) => caseTests.every((t) => t(id))));
  if (checks.length === 0) return null;
  return new Set([...facts.values()].filter((s) => checks.every((c) => c(s))).map((s) => s.id));
}
