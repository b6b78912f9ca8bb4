// tresse export / import-qdpx / import-qdc / merge / exchange-report: REFI-QDA files and teammates' projects.
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { Decision } from '../../codebooks/merge.ts';
import { EXPORT_TARGETS, type ExportTarget } from '../../exchange/refi/vendor.ts';
import { TresseError } from '../../i18n/error.ts';
import { jsonSyntaxError } from '../../i18n/json-error.ts';
import type { MergeReport } from '../../service/merge-project.ts';
import type { TeamWarning } from '../../service/merge-warnings.ts';
import { exchangeReportText } from '../../service/exchange-report.ts';
import { writeFileBeside } from '../../service/write-beside.ts';
import { readUserFile } from '../files.ts';
import { UsageError } from '../io.ts';
import type { CommandRun } from '../run.ts';

/** Merge decisions from a JSON file: a list of {id, choice}, or {"decisions": [...]}. */
export function readDecisions(run: CommandRun): Decision[] {
  if (!run.values.decisions) return [];
  const file = resolve(run.io.cwd, run.values.decisions);
  if (!existsSync(file)) throw new TresseError('file.notFound', { path: file });
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new TresseError('file.unreadable', { path: file, detail: (e as NodeJS.ErrnoException).code ?? 'E/S' });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw jsonSyntaxError(basename(file), text, e);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { decisions?: unknown })?.decisions;
  if (!Array.isArray(list) || !list.every((d) => typeof d?.id === 'string' && typeof d?.choice === 'string')) {
    throw new TresseError('team.decisions', { file: basename(file), detail: 'format' });
  }
  return list.map((d: Decision) => ({ id: d.id, choice: d.choice }));
}

export function warningLines(run: CommandRun, warnings: readonly TeamWarning[]): string[] {
  if (warnings.length === 0) return [];
  return [run.say('cli.importWarnings', { count: warnings.length }), ...warnings.map((w) => `  – ${w[run.lang]}`)];
}

function codebookLine(run: CommandRun, c: object): string {
  return run.say('cli.codebookMerged', c as Record<string, unknown>);
}

function mergeLines(run: CommandRun, r: MergeReport): string[] {
  return [
    codebookLine(run, r.codebook),
    run.say('cli.projectMerged', {
      coders: r.coders.added.length ? r.coders.added.join(', ') : run.say('cli.none'),
      sourcesAdded: r.sources.added,
      sourcesMatched: r.sources.matched,
      casesAdded: r.cases.added,
      casesMatched: r.cases.matched,
      values: r.attributeValues.added,
      codingsAdded: r.codings.added,
      duplicates: r.codings.duplicates,
      skipped: r.codings.skipped,
      memosAdded: r.memos.added,
      memosDuplicates: r.memos.duplicates,
    }),
    ...warningLines(run, r.warnings),
  ];
}

async function exportCommand(run: CommandRun): Promise<void> {
  const out = run.values.out ? resolve(run.io.cwd, run.values.out) : undefined;
  const format = run.values.format ?? (out ? extname(out).slice(1).toLowerCase() : undefined);
  if (format !== 'qdpx' && format !== 'qdc') throw new UsageError(`--format ${format ?? ''} (qdpx|qdc)`);
  if (format === 'qdpx' && !out) throw new UsageError(run.say('cli.missing', { what: '--out FICHIER.qdpx / FILE.qdpx' }));
  const target = run.values.target;
  if (target !== undefined && (format !== 'qdpx' || !(EXPORT_TARGETS as readonly string[]).includes(target))) {
    throw new UsageError(`--target ${target} (${EXPORT_TARGETS.join('|')}, qdpx)`);
  }
  const file = await run.withProject<string | Uint8Array>(async (api) =>
    format === 'qdc' ? await api.exportQdc() : await api.exportQdpx(target ? { target: target as ExportTarget } : undefined),
  );
  if (!out) return run.io.out(String(file));
  writeFileBeside(out, file);
  run.print({ path: out, format }, () => run.say('cli.written', { path: out }));
}

async function importQdpxCommand(run: CommandRun): Promise<void> {
  const path = run.path(0);
  const file = resolve(run.io.cwd, run.arg(1, 'FICHIER.qdpx / FILE.qdpx'));
  const bytes = readUserFile(file);
  const decisions = readDecisions(run);
  if (!existsSync(path)) {
    const result = await run.session((api) =>
      api.createProjectFromQdpx({ path, fileName: basename(file), bytes, ...(run.values.coder ? { coder: run.values.coder } : {}) }),
    );
    run.print(result, () => [run.say('cli.projectFromQdpx', { path, name: result.name }), ...mergeLines(run, result)].join('\n'));
    return;
  }
  const result = await run.withProjectAs((api) => api.importQdpx({ fileName: basename(file), bytes, decisions }));
  run.print(result, () => [run.say('cli.mergingInto', { path }), ...mergeLines(run, result)].join('\n'));
}

async function importQdcCommand(run: CommandRun): Promise<void> {
  const file = resolve(run.io.cwd, run.arg(1, 'FICHIER.qdc / FILE.qdc'));
  const bytes = readUserFile(file);
  const decisions = readDecisions(run);
  const result = await run.withProjectAs((api) => api.importQdc({ fileName: basename(file), bytes, decisions }));
  run.print(result, () => [codebookLine(run, result), ...warningLines(run, result.warnings)].join('\n'));
}

/** Merges a teammate's .tresse (read from a copy, never touched) or .qdpx into the project. */
async function mergeCommand(run: CommandRun): Promise<void> {
  const other = resolve(run.io.cwd, run.arg(1, 'AUTRE.tresse|AUTRE.qdpx / OTHER.tresse|OTHER.qdpx'));
  const ext = extname(other).toLowerCase();
  if (ext !== '.tresse' && ext !== '.qdpx') throw new TresseError('team.fileKind', { file: basename(other), expected: '.tresse, .qdpx' });
  if (resolve(other) === run.path(0)) throw new UsageError(basename(other));
  const decisions = readDecisions(run);
  const result = await run.withProjectAs((api) => api.mergeProject({ other: { path: other }, decisions }));
  run.print(result, () => mergeLines(run, result).join('\n'));
}

/** What a .qdpx would bring, adapt and lose, read as the import reads it; nothing written, no project. */
async function exchangeReportCommand(run: CommandRun): Promise<void> {
  const file = resolve(run.io.cwd, run.arg(0, 'FICHIER.qdpx / FILE.qdpx'));
  const report = await run.session((api) => api.exchangeReport({ other: { path: file } }));
  run.print(report, () => exchangeReportText(report, run.lang));
}

export const exchangeCommands = {
  export: exportCommand,
  'import-qdpx': importQdpxCommand,
  'import-qdc': importQdcCommand,
  merge: mergeCommand,
  'exchange-report': exchangeReportCommand,
};
