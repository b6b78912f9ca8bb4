// Turns a column spec into the matrix's columns and tells, for each source, which columns its
// codings go to and with which cases: the SQL groups codings by code and source only, and the
// few hundred sources are folded into columns here.
import type { Lang } from '../../i18n/lang.ts';
import { kindColumnLabel, type KindColumn } from './kind-columns.ts';
import { label } from './labels.ts';
import type { AttributeValues, AttrValue, SourceFacts } from './sources.ts';
import type { ColumnSpec, MatrixColumn } from './types.ts';

export interface Placement {
  column: number;
  caseIds: number[];
}

export interface ColumnPlan {
  columns: MatrixColumn[];
  dimension: string;
  place(source: SourceFacts): Placement[];
  multi: boolean;
  /** What the note says when a source feeds several columns (a multi-valued attribute by default). */
  multiNote?: 'note.multiSet';
}

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });
const compareValues = (a: AttrValue, b: AttrValue) => (typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b)));
const valueKey = (v: AttrValue | null) => (v === null ? '' : String(v));

/** What the columns are made from: the project's kind mapping, and for attribute columns that attribute's values. */
export interface ColumnData {
  kindColumns: readonly KindColumn[];
  attribute: AttributeValues | null;
  /** For set columns: the chosen sets of sources, in column order. */
  sets?: readonly { id: number; name: string; memberIds: readonly number[] }[];
}

export function columnPlan(spec: ColumnSpec, sources: SourceFacts[], data: ColumnData, lang: Lang = 'fr'): ColumnPlan {
  switch (spec.by) {
    case 'total':
      return {
        columns: [{ key: 'total', label: label('column.total', lang) }],
        dimension: 'total',
        place: (s) => [{ column: 0, caseIds: s.caseIds }],
        multi: false,
      };
    case 'source': {
      const index = new Map(sources.map((s, i) => [s.id, i]));
      return {
        columns: sources.map((s) => ({ key: `source:${s.id}`, label: s.name, sourceId: s.id, kinds: [s.kind] })),
        dimension: 'source',
        place: (s) => (index.has(s.id) ? [{ column: index.get(s.id)!, caseIds: s.caseIds }] : []),
        multi: false,
      };
    }
    case 'kind': {
      const mapping = data.kindColumns;
      const columns = mapping.map((c) => ({ key: `kind:${c.label}`, label: kindColumnLabel(c.label, lang), kinds: c.kinds }));
      return {
        columns,
        dimension: 'kind',
        place: (s) => {
          const i = mapping.findIndex((c) => c.kinds.includes(s.kind));
          return i < 0 ? [] : [{ column: i, caseIds: s.caseIds }];
        },
        multi: false,
      };
    }
    case 'sets': {
      if (!data.sets) throw new Error('columnPlan: the chosen sets were not given');
      const columnsOf = new Map<number, number[]>();
      data.sets.forEach((set, column) => {
        for (const id of set.memberIds) columnsOf.set(id, [...(columnsOf.get(id) ?? []), column]);
      });
      return {
        columns: data.sets.map((set) => ({ key: `set:${set.id}`, label: set.name })),
        dimension: `sets:${data.sets.map((set) => set.id).join(',')}`,
        place: (s) => (columnsOf.get(s.id) ?? []).map((column) => ({ column, caseIds: s.caseIds })),
        multi: sources.some((s) => (columnsOf.get(s.id)?.length ?? 0) > 1),
        multiNote: 'note.multiSet',
      };
    }
    case 'attribute':
      if (!data.attribute) throw new Error(`columnPlan: the values of attribute ${spec.name} were not given`);
      return attributePlan(data.attribute, spec.scope, spec.name, sources, lang);
  }
}

function attributePlan({ values, multi }: AttributeValues, scope: 'case' | 'source', name: string, sources: SourceFacts[], lang: Lang): ColumnPlan {
  /** Per source: value -> the cases that give the source this value. */
  const bySource = new Map<number, Map<string, { value: AttrValue | null; caseIds: number[] }>>();
  const add = (sid: number, value: AttrValue | null, caseIds: number[]) => {
    let m = bySource.get(sid);
    if (!m) bySource.set(sid, (m = new Map()));
    const k = valueKey(value);
    const slot = m.get(k);
    if (slot) slot.caseIds.push(...caseIds);
    else m.set(k, { value, caseIds: [...caseIds] });
  };
  for (const s of sources) {
    if (scope === 'source') {
      const vs = values.get(s.id) ?? [];
      if (vs.length === 0) add(s.id, null, s.caseIds);
      for (const v of vs) add(s.id, v, s.caseIds);
    } else {
      if (s.caseIds.length === 0) add(s.id, null, []);
      for (const c of s.caseIds) {
        const vs = values.get(c) ?? [];
        if (vs.length === 0) add(s.id, null, [c]);
        for (const v of vs) add(s.id, v, [c]);
      }
    }
  }
  const distinct = new Map<string, AttrValue | null>();
  for (const m of bySource.values()) for (const [k, slot] of m) distinct.set(k, slot.value);
  const known = [...distinct.values()].filter((v): v is AttrValue => v !== null).sort(compareValues);
  const ordered: (AttrValue | null)[] = distinct.has('') ? [...known, null] : known;
  const index = new Map(ordered.map((v, i) => [valueKey(v), i]));
  const caseTotals = new Map<string, number>();
  if (scope === 'case') {
    for (const vs of values.values()) for (const v of new Set(vs.map(valueKey))) caseTotals.set(v, (caseTotals.get(v) ?? 0) + 1);
  }
  const columns: MatrixColumn[] = ordered.map((v) => ({
    key: `${scope}:${name}=${valueKey(v)}`,
    label: v === null ? label('column.unknown', lang) : typeof v === 'boolean' ? label(v ? 'value.true' : 'value.false', lang) : String(v),
    value: v,
    ...(scope === 'case' && v !== null ? { caseTotal: caseTotals.get(valueKey(v)) ?? 0 } : {}),
  }));
  return {
    columns,
    dimension: `${scope}:${name}`,
    place: (s) => [...(bySource.get(s.id)?.entries() ?? [])].map(([k, slot]) => ({ column: index.get(k)!, caseIds: slot.caseIds })),
    multi,
  };
}
