// The kind -> column mapping of the triangulation matrix as the project stores it (kind_columns);
// the default and the mapping's rules are analysis/matrix/kind-columns.ts.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import { SOURCE_KINDS, type SourceKind } from '../model/types.ts';
import { kindColumnsOf, withKindIn, type KindColumn } from '../analysis/matrix/kind-columns.ts';
import type { ProjectContext } from './context.ts';

export function kindColumns(db: Db): KindColumn[] {
  return kindColumnsOf(stmt(db, 'SELECT kind, label FROM kind_columns ORDER BY position, label, kind').all() as { kind: SourceKind; label: string }[]);
}

/** Sends one source kind to a column (an existing one, or a new one placed last); returns the new mapping. */
export function setKindColumn(ctx: ProjectContext, kind: SourceKind, label: string): KindColumn[] {
  const name = label.trim();
  if (!name) throw new TresseError('value.invalid', { field: 'column', value: label });
  if (!(SOURCE_KINDS as readonly string[]).includes(kind)) throw new TresseError('source.kind', { kind });
  return ctx.db.transaction(() => {
    writeKindColumns(ctx.db, withKindIn(kindColumns(ctx.db), kind, name));
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
