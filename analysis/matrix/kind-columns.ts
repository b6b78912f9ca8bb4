// Which column of the triangulation matrix each source kind feeds. Projects that never edit it use
// the default: documents and event syntheses (a conference report is a written account, not a
// testimony or an observation) go to Documents, meetings and the field notebook to Observations.
import type { Lang } from '../../i18n/lang.ts';
import type { SourceKind } from '../../model/types.ts';
import { label } from './labels.ts';

export interface KindColumn {
  label: string;
  kinds: SourceKind[];
}

export const DEFAULT_KIND_COLUMNS: readonly KindColumn[] = [
  { label: 'Documents', kinds: ['document', 'synthesis'] },
  { label: 'Entretiens', kinds: ['interview'] },
  { label: 'Observations', kinds: ['observation', 'notebook'] },
];

/** Default columns' stored labels (French, also their keys: syntheses are filed under them) and their words in each language. */
const DEFAULT_LABEL_KEYS = {
  Documents: 'column.kind.documents',
  Entretiens: 'column.kind.interviews',
  Observations: 'column.kind.observations',
} as const;

/**
 * A kind column's label as the reader sees it: the default columns in the interface's language,
 * a column the researcher named as they named it.
 */
export function kindColumnLabel(stored: string, lang: Lang): string {
  const key = (DEFAULT_LABEL_KEYS as Record<string, (typeof DEFAULT_LABEL_KEYS)[keyof typeof DEFAULT_LABEL_KEYS]>)[stored];
  return key ? label(key, lang) : stored;
}

/** The columns from the stored (kind, label) pairs in column order; none stored means the default. */
export function kindColumnsOf(rows: readonly { kind: SourceKind; label: string }[]): KindColumn[] {
  if (rows.length === 0) return DEFAULT_KIND_COLUMNS.map((c) => ({ label: c.label, kinds: [...c.kinds] }));
  const out: KindColumn[] = [];
  for (const r of rows) {
    const col = out.find((c) => c.label === r.label);
    if (col) col.kinds.push(r.kind);
    else out.push({ label: r.label, kinds: [r.kind] });
  }
  return out;
}

/** The mapping with `kind` sent to the column named `label` (case ignored), or to a new last column. */
export function withKindIn(columns: readonly KindColumn[], kind: SourceKind, label: string): KindColumn[] {
  const current = columns.map((c) => ({ label: c.label, kinds: c.kinds.filter((k) => k !== kind) }));
  const target = current.find((c) => c.label.toLowerCase() === label.toLowerCase());
  if (target) target.kinds.push(kind);
  else current.push({ label, kinds: [kind] });
  return current.filter((c) => c.kinds.length > 0);
}

export function columnOfKind(columns: readonly KindColumn[], kind: SourceKind): KindColumn | undefined {
  return columns.find((c) => c.kinds.includes(kind));
}

/** What the reader must know about the mapping: which column the event syntheses feed. */
export function kindNotes(columns: readonly KindColumn[], lang: Lang): string[] {
  const col = columnOfKind(columns, 'synthesis');
  return col ? [label('note.synthesisKind', lang, { column: kindColumnLabel(col.label, lang) })] : [];
}
