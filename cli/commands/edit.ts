import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError, type CommandRun } from '../main.ts';
import { applySourceEdit, previewSourceEdit, type SourceEditEffect } from '../../service/edit-source.ts';
import { resolveSource } from '../../service/sources.ts';

// tresse edit PROJECT SOURCE --file NEW.txt [--dry-run] [--yes]
// Replaces a coded source's text with a corrected version; codings follow their words. Codings
// whose whole text disappears are listed, and removed only with --yes.

export function edit(run: CommandRun): void {
  const file = run.values.file;
  if (!file) throw new UsageError(run.say('cli.missing', { what: '--file' }));
  const newText = readFileSync(resolve(run.io.cwd, file), 'utf8');
  const ref = run.arg(1, 'SOURCE');
  if (run.values['dry-run']) {
    run.withProject((ctx) => {
      const effect = previewSourceEdit(ctx, resolveSource(ctx.db, ref).id, newText);
      run.print(effect, () => describe(run, effect));
    });
    return;
  }
  run.withProjectAs((ctx) => {
    const id = resolveSource(ctx.db, ref).id;
    const preview = previewSourceEdit(ctx, id, newText);
    // The list goes out before a refusal, so the user sees what --yes would remove.
    if (preview.removed.length > 0 && !run.values.yes && !run.values.json) run.io.err(removedList(run, preview));
    const effect = applySourceEdit(ctx, id, newText, { confirmRemoval: !!run.values.yes });
    run.print(effect, () => `${describe(run, effect)}\n${run.say('cli.editSaved')}`);
  });
}

function describe(run: CommandRun, e: SourceEditEffect): string {
  const summary = run.say('cli.editSummary', {
    name: e.sourceName,
    changes: e.changes.length,
    unchanged: e.unchanged,
    moved: e.moved.length,
    changed: e.changed.length,
    removed: e.removed.length,
  });
  const changed = e.changed.map((k) => `  ~ ${k.codeName} « ${k.before.text} » → « ${k.after!.text} »`);
  return [summary, ...changed, ...(e.removed.length ? [removedList(run, e)] : [])].join('\n');
}

function removedList(run: CommandRun, e: SourceEditEffect): string {
  return [
    run.say('cli.editRemoved'),
    ...e.removed.map((k) => `  - ${k.codeName} [${k.before.start}–${k.before.end}] « ${k.before.text} » (${k.coderName})`),
  ].join('\n');
}
