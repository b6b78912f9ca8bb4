// Which column of the triangulation matrix each source kind feeds. Projects that never edit it use
// the default: documents and event syntheses (a conference report is a written account, not a
// testimony or an observation) go to Documents, meetings and the field notebook to Observations.
import type { Db } from '../../db/open.ts';
import { stmt } from '../../db/statements.ts';
import { TresseError } from '../../i18n/error.ts';
import { SOURCE_KINDS, type SourceKind } from '../../model/types.ts';
import type { ProjectContext } from '../../service/context.ts';

export interface KindColumn {
  label: string;
  kinds: SourceKind[];
}

export const DEFAULT_KIND_COLUMNS: readonly KindColumn[] = [
  { label: 'Documents', kinds: ['document', 'synthesis'] },
  { label: 'Entretiens', kinds: ['interview'] },
  { label: 'Observations', kinds: ['observation', 'notebook'] },
];

export function kindColumns(db: Db): KindColumn[] {
  const rows = stmt(db, 'SELECT kind, label FROM kind_columns ORDER BY position, label, kind').all() as {
    kind: SourceKind;
    label: string;
  }[];
  if (rows.length === 0) return DEFAULT_KIND_COLUMNS.map((c) => ({ label: c.label, kinds: [...c.kinds] }));
  const out: KindColumn[] = [];
  for (const r of rows) {
    const col = out.find((c) => c.label === r.label);
    if (col) col.kinds.push(r.kind);
    else out.push({ label: r.label, kinds: [r.kind] });
  }
  return out;
}

/** Sends one source kind to a column (an existing one, or a new one placed last); returns the new mapping. */
export function setKindColumn(ctx: ProjectContext, kind: SourceKind, label: string): KindColumn[] {
  const name = label.trim();
  if (!name) throw new TresseError('value.invalid', { field: 'column', value: label });
  if (!(SOURCE_KINDS as readonly string[]).includes(kind)) throw new TresseError('source.kind', { kind });
  return ctx.db.transaction(() => {
    const current = kindColumns(ctx.db).map((c) => ({ label: c.label, kinds: c.kinds.filter((k) => k !== kind) }));
    const target = current.find((c) => c.label.toLowerCase() === name.toLowerCase());
    if (target) target.kinds.push(kind);
    else current.push({ label: name, kinds: [kind] });
    writeKindColumns(ctx.db, current.filter((c) => c.kinds.length > 0));
    return kindColumns(ctx.db);
  })();
}

/** Back to the default mapping. */
export function resetKindColumns(ctx: ProjectContext): KindColumn[] {
  stmt(ctx.db, 'DELETE FROM kind_columns').run();
  return kindColumns(ctx.db);
}

function writeKindColumns(db: Db, columns: KindColumn[]): void {
  stmt(db, 'DELETE FROM kind_columns').run();
  const ins = stmt(db, 'INSERT INTO kind_columns (kind, label, position) VALUES (?, ?, ?)');
  columns.forEach((c, i) => c.kinds.forEach((k) => ins.run(k, c.label, i)));
}

export function columnOfKind(columns: readonly KindColumn[], kind: SourceKind): KindColumn | undefined {
  return columns.find((c) => c.kinds.includes(kind));
}
