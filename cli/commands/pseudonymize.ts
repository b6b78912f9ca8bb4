import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { isMessageKey, translator, type Translate } from '../../i18n/catalogue.ts';
import { UsageError, type CommandRun } from '../main.ts';
import { checkPseudonyms, parsePseudonymMap, savePseudonyms } from '../../service/pseudonyms.ts';
import { applyPseudonyms, previewPseudonyms, type PseudonymMatch, type PseudonymPreview } from '../../service/pseudonymise.ts';
import { realNameCopies } from '../../service/real-name-copies.ts';
import { scrubOldText } from '../../service/scrub.ts';

// tresse pseudonymize PROJECT --map FILE [--dry-run] [--skip ID]... [--forget-real-names]
// The dry run lists every match in context with its id and writes nothing (the table in the file
// is not saved either); without it the table is saved and every match but the skipped ones is
// applied, in one transaction. With --forget-real-names the table keeps only the pseudonyms and
// the project file is scrubbed of the old text (service/scrub.ts). Either way, the backups taken
// before still hold the real names: the report says how many, where, and the command deleting them.

export function pseudonymize(run: CommandRun): void {
  const map = run.values.map;
  if (!map) throw new UsageError(run.say('cli.missing', { what: '--map' }));
  const file = resolve(run.io.cwd, map);
  const inputs = parsePseudonymMap(readFileSync(file, 'utf8'), basename(file));
  if (run.values['dry-run']) {
    run.withProject((ctx) => {
      const preview = previewPseudonyms(ctx.db, checkPseudonyms(ctx.db, inputs).entries);
      run.print(preview, () => describePreview(run, preview));
    });
    return;
  }
  run.withProjectAs((ctx) => {
    const outcome = ctx.db.transaction(() => {
      savePseudonyms(ctx, inputs);
      const preview = previewPseudonyms(ctx.db);
      const skip = new Set(run.values.skip ?? []);
      const known = new Set(preview.matches.map((m) => m.id));
      const unknown = [...skip].filter((id) => !known.has(id));
      if (unknown.length) throw new UsageError(`--skip ${unknown.join(', ')}`);
      const accept = preview.matches.filter((m) => !skip.has(m.id)).map((m) => m.id);
      const result = applyPseudonyms(ctx, { accept, forgetRealNames: !!run.values['forget-real-names'] });
      return { preview, result };
    })();
    const { result } = outcome;
    // Forgotten real names must not linger in the file's free pages or search index either.
    if (result.realNamesForgotten) scrubOldText(ctx);
    const copies = realNameCopies(ctx.path);
    const command = `tresse backups ${shellWord(run.args[0]!)} --delete-all`;
    const oldBackups = { ...copies, ...(copies.count > 0 ? { command } : {}) };
    // The JSON report carries counts only: the matches hold the real names.
    run.print({ ...result, oldBackups }, () =>
      [
        run.say('cli.pseudoApplied', { ...result, moved: result.codings.moved, changed: result.codings.changed }),
        ...(result.realNamesForgotten ? [run.say('cli.pseudoForgotten')] : []),
        ...(copies.count > 0 ? [run.say('cli.pseudoOldBackups', { count: copies.count, dir: copies.dir, command })] : []),
        ...(copies.beforeRestore ? [run.say('cli.pseudoBeforeRestore', { file: copies.beforeRestore })] : []),
      ].join('\n'),
    );
  });
}

/** The project argument as it can be typed back into a shell. */
function shellWord(arg: string): string {
  return /^[\w./:@%+=,-]+$/u.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function describePreview(run: CommandRun, preview: PseudonymPreview): string {
  const lines = [run.say('cli.pseudoMatches', { count: preview.matches.length })];
  const t = translator(run.lang);
  let where = '';
  for (const m of preview.matches) {
    const here = placeOf(m, t);
    if (here !== where) lines.push(`\n${here}`);
    where = here;
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    lines.push(`  [${m.id}] …${flat(m.before)}[${m.found}]${flat(m.after)}… → ${m.replacement}`);
  }
  for (const a of preview.ambiguous) {
    lines.push(run.say('cli.pseudoAmbiguous', { form: a.form, pseudonyms: a.pseudonyms.join(', ') }));
  }
  return lines.join('\n');
}

/** A source by its name, a field by what it is and whose it is ("nom de code « … »"), as in the app. */
function placeOf(m: PseudonymMatch, t: Translate): string {
  const target = m.target;
  if (target.kind === 'source') return `${target.name} (source ${target.sourceId})`;
  const key = `pseudo.column.${target.table}.${target.column}`;
  const what = isMessageKey(key) ? t(key) : `${target.table}.${target.column}`;
  const name = target.label ?? target.name;
  return `${name ? t('pseudo.field', { what, name }) : what} #${target.rowId}`;
}
