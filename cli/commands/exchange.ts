// tresse export / import-qdpx / import-qdc / merge: REFI-QDA files and teammates' projects.
import { existsSync, readFileSync } from 'node:fs';
import { writeFileBeside } from '../../service/write-beside.ts';
import { basename, extname, resolve } from 'node:path';
import type { Decision } from '../../codebooks/merge.ts';
import { TresseError } from '../../i18n/error.ts';
import { jsonSyntaxError } from '../../i18n/json-error.ts';
import type { CodebookMergeResult } from '../../service/codebook-merge.ts';
import { mergeSnapshot, type MergeReport } from '../../service/merge-project.ts';
import type { TeamWarning } from '../../service/merge-warnings.ts';
import { closeProject } from '../../service/project.ts';
import { readProjectCopy } from '../../service/project-copy.ts';
import { exportQdc, exportQdpx, importQdc, importQdpx, importQdpxAsNewProject } from '../../service/refi.ts';
import { snapshotProject } from '../../service/refi-snapshot.ts';
import { UsageError, type CommandRun } from '../main.ts';

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

function codebookLine(run: CommandRun, c: Omit<CodebookMergeResult, 'diff' | 'plan'>): string {
  return run.say('cli.codebookMerged', c);
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

function exportCommand(run: CommandRun): void {
  const out = run.values.out ? resolve(run.io.cwd, run.values.out) : undefined;
  const format = run.values.format ?? (out ? extname(out).slice(1).toLowerCase() : undefined);
  if (format !== 'qdpx' && format !== 'qdc') throw new UsageError(`--format ${format ?? ''} (qdpx|qdc)`);
  run.withProject((ctx) => {
    if (format === 'qdc') {
      const xml = exportQdc(ctx.db);
      if (!out) return run.io.out(xml);
      writeFileBeside(out, xml);
    } else {
      if (!out) throw new UsageError(run.say('cli.missing', { what: '--out FICHIER.qdpx / FILE.qdpx' }));
      writeFileBeside(out, exportQdpx(ctx.db));
    }
    run.print({ path: out, format }, () => run.say('cli.written', { path: out }));
  });
}

function importQdpxCommand(run: CommandRun): void {
  const path = run.path(0);
  const file = resolve(run.io.cwd, run.arg(1, 'FICHIER.qdpx / FILE.qdpx'));
  const bytes = new Uint8Array(readFileSync(file));
  const decisions = readDecisions(run);
  if (!existsSync(path)) {
    const { ctx, result } = importQdpxAsNewProject(path, bytes, { fileName: basename(file), ...(run.values.coder ? { coder: run.values.coder } : {}) });
    closeProject(ctx);
    run.print(result, () => [run.say('cli.projectFromQdpx', { path, name: result.name }), ...mergeLines(run, result)].join('\n'));
    return;
  }
  run.withProjectAs((ctx) => {
    const result = importQdpx(ctx, bytes, { fileName: basename(file), decisions });
    run.print(result, () => [run.say('cli.mergingInto', { path }), ...mergeLines(run, result)].join('\n'));
  });
}

function importQdcCommand(run: CommandRun): void {
  const file = resolve(run.io.cwd, run.arg(1, 'FICHIER.qdc / FILE.qdc'));
  const bytes = new Uint8Array(readFileSync(file));
  const decisions = readDecisions(run);
  run.withProjectAs((ctx) => {
    const result = importQdc(ctx, bytes, decisions, basename(file));
    run.print(result, () => [codebookLine(run, result), ...warningLines(run, result.warnings)].join('\n'));
  });
}

/** Merges a teammate's .tresse (read from a copy, never touched) or .qdpx into the project. */
function mergeCommand(run: CommandRun): void {
  const other = resolve(run.io.cwd, run.arg(1, 'AUTRE.tresse|AUTRE.qdpx / OTHER.tresse|OTHER.qdpx'));
  const ext = extname(other).toLowerCase();
  if (ext !== '.tresse' && ext !== '.qdpx') throw new TresseError('team.fileKind', { file: basename(other), expected: '.tresse, .qdpx' });
  if (resolve(other) === run.path(0)) throw new UsageError(basename(other));
  const decisions = readDecisions(run);
  const snapshot = ext === '.tresse' ? readProjectCopy(other, snapshotProject) : undefined;
  const bytes = snapshot ? undefined : new Uint8Array(readFileSync(other));
  run.withProjectAs((ctx) => {
    const result = snapshot
      ? mergeSnapshot(ctx, snapshot, decisions)
      : importQdpx(ctx, bytes!, { fileName: basename(other), decisions });
    run.print(result, () => mergeLines(run, result).join('\n'));
  });
}

export const exchangeCommands = {
  export: exportCommand,
  'import-qdpx': importQdpxCommand,
  'import-qdc': importQdcCommand,
  merge: mergeCommand,
};
