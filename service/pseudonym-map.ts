// A pseudonym table given as a whole (a file's rows, as `tresse pseudonymize --map` reads them),
// previewed without writing anything, or saved and applied in one transaction.
import type { Db } from '../db/open.ts';
import { TresseError } from '../i18n/error.ts';
import type { ProjectContext } from './context.ts';
import { applyPseudonyms, previewPseudonyms, type PseudonymPreview } from './pseudonymise.ts';
import { checkPseudonyms, savePseudonyms, type PseudonymInput } from './pseudonyms.ts';
import { realNameCopies } from './real-name-copies.ts';
import { scrubOldText } from './scrub.ts';

/** Every match the table would make with `inputs` added; the table in the file is not saved. */
export function previewPseudonymMap(db: Db, inputs: readonly PseudonymInput[]): PseudonymPreview {
  return previewPseudonyms(db, checkPseudonyms(db, inputs).entries);
}

/**
 * Saves `inputs` to the table and applies every match but the skipped ones (ids from the preview),
 * all in one transaction; an unknown skipped id changes nothing. Forgotten real names must not
 * linger in the file's free pages or search index either, hence the scrub. The report carries
 * counts only (the matches hold the real names) and the older copies that still hold them.
 */
export function pseudonymizeWithMap(ctx: ProjectContext, inputs: readonly PseudonymInput[], options: { skip?: readonly string[]; forgetRealNames?: boolean }) {
  const result = ctx.db.transaction(() => {
    savePseudonyms(ctx, inputs);
    const preview = previewPseudonyms(ctx.db);
    const skip = new Set(options.skip ?? []);
    const known = new Set(preview.matches.map((m) => m.id));
    const unknown = [...skip].filter((id) => !known.has(id));
    if (unknown.length) throw new TresseError('value.invalid', { field: 'skip', value: unknown.join(', ') });
    const accept = preview.matches.filter((m) => !skip.has(m.id)).map((m) => m.id);
    return applyPseudonyms(ctx, { accept, forgetRealNames: !!options.forgetRealNames });
  })();
  if (result.realNamesForgotten) scrubOldText(ctx);
  return { ...result, oldBackups: realNameCopies(ctx.path) };
}
