import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SourceEditEffect } from '../../service/edit-source.ts';
import { CallError } from '../api.ts';
import { UsageError } from '../io.ts';
import type { CommandRun } from '../run.ts';

// tresse edit PROJECT SOURCE --file NEW.txt [--dry-run] [--yes]
// Replaces a coded source's text with a corrected version; codings follow their words. Codings
// whose whole text disappears are listed, and removed only with --yes.

export async function edit(run: CommandRun): Promise<void> {
  const file = run.values.file;
  if (!file) throw new UsageError(run.say('cli.missing', { what: '--file' }));
  const text = readFileSync(resolve(run.io.cwd, file), 'utf8');
  const ref = run.arg(1, 'SOURCE');
  if (run.values['dry-run']) {
    const effect = await run.withProject(async (api) => api.previewSourceEdit({ sourceId: (await api.findSource({ ref })).id, text }));
    return run.print(effect, () => describe(run, effect));
  }
  const effect = await run.withProjectAs(async (api) => {
    const sourceId = (await api.findSource({ ref })).id;
    const preview = await api.previewSourceEdit({ sourceId, text });
    try {
      return await api.applySourceEdit({ sourceId, text, confirmRemoval: !!run.values.yes });
    } catch (e) {
      // The list goes out with the refusal, so the user sees what --yes would remove.
      if (e instanceof CallError && preview.removed.length > 0 && !run.values.yes && !run.values.json) run.io.err(removedList(run, preview));
      throw e;
    }
  });
  run.print(effect, () => `${describe(run, effect)}\n${run.say('cli.editSaved')}`);
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
