// tresse agreement / disagreements / resolve / done: inter-coder agreement, the review of
// disagreements, and the "coding done" marks that choose the sources agreement compares.
import { extname, resolve } from 'node:path';
import { agreementText } from '../../service/agreement-report.ts';
import type { ArgsOf } from '../../service/contract/index.ts';
import { writeFileBeside } from '../../service/write-beside.ts';
import { UsageError } from '../io.ts';
import type { CommandRun } from '../run.ts';

function coders(run: CommandRun): string[] {
  const list = (run.values.coders ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length < 2) throw new UsageError(run.say('cli.missing', { what: '--coders A,B' }));
  return list;
}

function threshold(run: CommandRun): number | undefined {
  const raw = run.values.threshold;
  if (raw === undefined) return undefined;
  const n = Number(raw.trim().replace(',', '.'));
  if (raw.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--threshold ${raw}`);
  return n;
}

function reviewOptions(run: CommandRun): ArgsOf<'listDisagreements'> {
  const t = threshold(run);
  return { coders: coders(run), ...(run.values.code ? { codeRef: run.values.code } : {}), ...(t !== undefined ? { overlapThreshold: t } : {}) };
}

async function agreementCommand(run: CommandRun): Promise<void> {
  // An unknown unit is refused by the service, in the user's words.
  const unit = run.values.unit ?? 'character';
  const out = run.values.out ? resolve(run.io.cwd, run.values.out) : undefined;
  const ext = out ? extname(out).toLowerCase() : undefined;
  if (out && ext !== '.xlsx' && ext !== '.csv') throw new UsageError(`--out ${run.values.out} (.xlsx|.csv)`);
  const query = { ...reviewOptions(run), unit };
  const { report, file } = await run.withProject(async (api) => ({
    report: await api.computeAgreement(query),
    file: out ? await api.exportAgreement({ ...query, format: ext === '.csv' ? 'csv' : 'xlsx' }) : undefined,
  }));
  if (out && file) {
    writeFileBeside(out, file);
    if (!run.values.json) run.io.out(run.say('cli.written', { path: out }));
  }
  run.print(report, () => agreementText(report, run.lang));
}

async function disagreementsCommand(run: CommandRun): Promise<void> {
  const options = reviewOptions(run);
  const items = await run.withProject((api) => api.listDisagreements(options));
  run.print(items, () =>
    items.length === 0
      ? run.say('cli.noDisagreements')
      : items
          .map((d) =>
            [
              run.say('cli.disagreement', {
                id: d.id,
                source: d.sourceName,
                code: d.codePath.join(' / '),
                start: d.start,
                end: d.end,
                with: d.codersWithNames.join(', '),
                without: d.codersWithoutNames.join(', '),
                status: d.status === 'open' ? '' : run.say(d.status === 'kept' ? 'cli.reviewKept' : 'cli.reviewDiscuss'),
              }),
              ...d.passages.map((p) => `    ${p.coderName} : « ${p.text.replace(/\s+/g, ' ')} »`),
              ...d.notes.map((n) => `    ✎ ${n}`),
            ].join('\n'),
          )
          .join('\n'),
  );
}

async function resolveCommand(run: CommandRun): Promise<void> {
  const id = run.arg(1, 'ID');
  const chosen = [run.values.accept !== undefined, !!run.values['keep-both'], run.values.discuss !== undefined].filter(Boolean).length;
  if (chosen !== 1) throw new UsageError('--accept CODER | --keep-both | --discuss NOTE');
  const action = run.values.accept !== undefined ? 'accept' : run.values.discuss !== undefined ? 'discuss' : 'keep-both';
  const r = await run.withProjectAs((api) =>
    api.resolveDisagreement({
      ...reviewOptions(run),
      id,
      action,
      ...(run.values.accept !== undefined ? { coder: run.values.accept } : {}),
      ...(run.values.discuss !== undefined ? { note: run.values.discuss } : {}),
    }),
  );
  run.print(r, () => run.say('cli.resolved', { added: r.codingsAdded, removed: r.codingsRemoved, memos: r.memosAdded }));
}

/**
 * tresse done PROJECT [SOURCE...] [--coder NAME] [--undo]: marks the sources done for the coder
 * (--coder, else the project's last coder); without a source, lists every mark.
 */
async function doneCommand(run: CommandRun): Promise<void> {
  const refs = run.args.slice(1);
  if (refs.length === 0) {
    const { marks, names } = await run.withProject(async (api) => ({
      marks: await api.listDoneMarks(),
      names: new Map((await api.listSources()).map((s) => [s.id, s.name])),
    }));
    return run.print(marks, () =>
      marks.length === 0
        ? run.say('cli.noDoneMarks')
        : marks.map((m) => run.say('cli.doneMark', { source: names.get(m.sourceId) ?? m.sourceId, coder: m.coder })).join('\n'),
    );
  }
  const done = !run.values.undo;
  const coder = run.values.coder;
  const results = await run.withProjectAs(async (api) => {
    const out = [];
    for (const ref of refs) {
      const source = await api.findSource({ ref });
      await api.setSourceDone({ source: source.id, done, ...(coder ? { coder } : {}) });
      out.push(source.name);
    }
    return out;
  });
  run.print(results, () => results.map((name) => run.say(done ? 'cli.doneSet' : 'cli.doneUnset', { source: name })).join('\n'));
}

export const agreementCommands = {
  done: doneCommand,
  agreement: agreementCommand,
  disagreements: disagreementsCommand,
  resolve: resolveCommand,
};
