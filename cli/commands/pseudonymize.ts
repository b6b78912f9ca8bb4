import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { isMessageKey, translator, type Translate } from '../../i18n/catalogue.ts';
import type { PseudonymMatch, PseudonymPreview } from '../../service/pseudonymise.ts';
import { CallError } from '../api.ts';
import { UsageError } from '../io.ts';
import type { CommandRun } from '../run.ts';

// tresse pseudonymize PROJECT --map FILE [--dry-run] [--skip ID]... [--forget-real-names]
// The dry run lists every match in context with its id and writes nothing (the table in the file
// is not saved either); without it the table is saved and every match but the skipped ones is
// applied, in one transaction. With --forget-real-names the table keeps only the pseudonyms and
// the project file is scrubbed of the old text (service/scrub.ts). Either way, the backups taken
// before still hold the real names: the report says how many, where, and the command deleting them.

export async function pseudonymize(run: CommandRun): Promise<void> {
  const map = run.values.map;
  if (!map) throw new UsageError(run.say('cli.missing', { what: '--map' }));
  const file = resolve(run.io.cwd, map);
  const table = { fileName: basename(file), text: readFileSync(file, 'utf8') };
  if (run.values['dry-run']) {
    const preview = await run.withProject((api) => api.previewPseudonymMap(table));
    return run.print(preview, () => describePreview(run, preview));
  }
  let result;
  try {
    result = await run.withProjectAs((api) =>
      api.pseudonymizeWithMap({ ...table, skip: run.values.skip ?? [], forgetRealNames: !!run.values['forget-real-names'] }),
    );
  } catch (e) {
    // An id --skip names that the preview does not hold is a mistyped command line.
    if (e instanceof CallError && e.code === 'value.invalid' && e.params.field === 'skip') throw new UsageError(`--skip ${e.params.value}`);
    throw e;
  }
  const { oldBackups: copies, ...applied } = result;
  const command = `tresse backups ${shellWord(run.args[0]!)} --delete-all`;
  const oldBackups = { ...copies, ...(copies.count > 0 ? { command } : {}) };
  // The JSON report carries counts only: the matches hold the real names.
  run.print({ ...applied, oldBackups }, () =>
    [
      run.say('cli.pseudoApplied', { ...applied, moved: applied.codings.moved, changed: applied.codings.changed }),
      ...(applied.realNamesForgotten ? [run.say('cli.pseudoForgotten')] : []),
      ...(copies.count > 0 ? [run.say('cli.pseudoOldBackups', { count: copies.count, dir: copies.dir, command })] : []),
      ...(copies.beforeRestore ? [run.say('cli.pseudoBeforeRestore', { file: copies.beforeRestore })] : []),
    ].join('\n'),
  );
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
