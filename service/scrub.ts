import { rebuildSearchIndex } from '../db/search-index.ts';
import { TresseError } from '../i18n/error.ts';
import type { ProjectContext } from './context.ts';

// After pseudonymisation with the real names forgotten, the project file may be handed to a
// supervisor. Rewritten text can survive inside the file where no query shows it: in freed pages
// (the old text and its old search index rows), in the search vocabulary (the ways of writing
// words it keeps from every text it indexed) and in the write-ahead log. This rebuilds the search
// index from the current texts, rebuilds the file (VACUUM) and empties the log, so the bytes of
// the project file hold only its current content. Backups taken before keep the real names: they
// stay on this machine (`<project>.backups/`).

export function scrubOldText(ctx: ProjectContext): void {
  if (ctx.db.inTransaction) throw new TresseError('backup.busy');
  rebuildSearchIndex(ctx.db);
  ctx.db.exec('VACUUM');
  if (ctx.db.name !== ':memory:') ctx.db.pragma('wal_checkpoint(TRUNCATE)');
}
