// tresse agreement / disagreements / resolve: inter-coder agreement and the review of disagreements.
import { writeFileBeside } from '../../service/write-beside.ts';
import { extname, resolve } from 'node:path';
import type { AgreementUnit } from '../../analysis/agreement/units.ts';
import { TresseError } from '../../i18n/error.ts';
import { projectAgreement } from '../../service/agreement.ts';
import { agreementCsv, agreementText, agreementXlsx } from '../../service/agreement-report.ts';
import { listDisagreements, resolveDisagreement, type DisagreementOptions, type Resolution } from '../../service/disagreements.ts';
import { UsageError, type CommandRun } from '../main.ts';

const UNITS: readonly AgreementUnit[] = ['character', 'segment', 'document'];

function coders(run: CommandRun): string[] {
  const list = (run.values.coders ?? '').split(',').map((s) => s.trim()).filter(Boolean);
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

function reviewOptions(run: CommandRun): DisagreementOptions {
  const t = threshold(run);
  return { coders: coders(run), ...(run.values.code ? { codeRef: run.values.code } : {}), ...(t !== undefined ? { overlapThreshold: t } : {}) };
}

async function agreementCommand(run: CommandRun): Promise<void> {
  const unit = (run.values.unit ?? 'character') as AgreementUnit;
  if (!UNITS.includes(unit)) throw new UsageError(`--unit ${unit} (${UNITS.join('|')})`);
  const out = run.values.out ? resolve(run.io.cwd, run.values.out) : undefined;
  const ext = out ? extname(out).toLowerCase() : undefined;
  if (out && ext !== '.xlsx' && ext !== '.csv') throw new UsageError(`--out ${run.values.out} (.xlsx|.csv)`);
  const report = run.withProject((ctx) => projectAgreement(ctx.db, { ...reviewOptions(run), unit }));
  if (out) {
    writeFileBeside(out, ext === '.csv' ? agreementCsv(report, run.lang) : await agreementXlsx(report, run.lang));
    if (!run.values.json) run.io.out(run.say('cli.written', { path: out }));
  }
  run.print(report, () => agreementText(report, run.lang));
}

function disagreementsCommand(run: CommandRun): void {
  run.withProject((ctx) => {
    const items = listDisagreements(ctx.db, reviewOptions(run));
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
  });
}

function resolveCommand(run: CommandRun): void {
  const id = run.arg(1, 'ID');
  const chosen = [run.values.accept !== undefined, !!run.values['keep-both'], run.values.discuss !== undefined].filter(Boolean).length;
  if (chosen !== 1) throw new UsageError('--accept CODER | --keep-both | --discuss NOTE');
  run.withProjectAs((ctx) => {
    const item = listDisagreements(ctx.db, reviewOptions(run)).find((d) => d.id === id);
    if (!item) throw new TresseError('team.disagreementNotFound', { id });
    const resolution: Resolution =
      run.values.accept !== undefined
        ? { action: 'accept', item, coder: run.values.accept }
        : run.values.discuss !== undefined
          ? { action: 'discuss', item, note: run.values.discuss }
          : { action: 'keep-both', item };
    const r = resolveDisagreement(ctx, resolution);
    run.print(r, () => run.say('cli.resolved', { added: r.codingsAdded, removed: r.codingsRemoved, memos: r.memosAdded }));
  });
}

export const agreementCommands = {
  agreement: agreementCommand,
  disagreements: disagreementsCommand,
  resolve: resolveCommand,
};
