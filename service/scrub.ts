import { catchUpSearchIndex } from '../db/search.ts';
import { TresseError } from '../i18n/error.ts';
import type { ProjectContext } from './context.ts';

// After pseudonymisation with the real names forgotten, the project file may be handed to a
// supervisor. Rewritten text can survive inside the file where no query shows it: in the search
// index (its deleted entries stay in the index's segments until they are merged), in freed pages
// and in the write-ahead log. This merges the index, rebuilds the file (VACUUM) and empties the log,
// so the bytes of the project file hold only its current content. Backups taken before keep the
// real names: they stay on this machine (`<project>.backups/`).

export function scrubOldText(ctx: ProjectContext): void {
  if (ctx.db.inTransaction) throw new TresseError('backup.busy');
  catchUpSearchIndex(ctx.db);
  ctx.db.prepare("INSERT INTO sources_fts(sources_fts) VALUES ('optimize')").run();
  ctx.db.exec('VACUUM');
  if (ctx.db.name !== ':memory:') ctx.db.pragma('wal_checkpoint(TRUNCATE)');
}
