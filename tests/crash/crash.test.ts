import { spawn } from 'node:child_process';
import { existsSync, readdirSync, watch, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ProjectContext } from '../../service/context.ts';
import { closeProject, createProject, openProject } from '../../service/project.ts';
import { tempDir } from '../helpers/project.ts';
import { exportQdpx } from '../../service/refi.ts';
import { checkImport, checkMerge, checkPseudonymize, checkQdpxProject, prepareMerge, preparePseudonymize, prepareQdpxProject } from './scenarios.ts';

// Nothing lost: a process killed (SIGKILL, no chance to clean up) in the middle of a large import,
// a code merge or a pseudonymisation leaves a project that opens, passes SQLite's integrity check,
// and holds either the whole change or none of it. The kill lands at a random moment inside a
// transaction: the worker says when one begins and how long one takes.

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TRIALS = 3;
const QDPX_KILLS = 10;

interface Outcome {
  lines: string[];
  killedAfter: string | null;
  delay: number;
}

function runAndKill(op: string, path: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, op, path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    let killedAfter: string | null = null;
    let delay = 0;
    let duration = 0;
    let beganAt = 0;
    const targetRound = 1 + Math.floor(Math.random() * 2);
    let timer: NodeJS.Timeout | undefined;
    const killIn = (ms: number) => {
      delay = Math.round(ms);
      timer = setTimeout(() => {
        killedAfter = lines[lines.length - 1] ?? null;
        child.kill('SIGKILL');
      }, ms);
    };
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const [word, n] = line.split(' ');
      if (word === 'measure') duration = Number(n);
      if (word === 'begin') beganAt = performance.now();
      if (word === 'commit' && n === '0' && op !== 'pseudonymize') duration = performance.now() - beganAt;
      const round = Number(n);
      if (word === 'begin' && (op === 'pseudonymize' ? round === 0 : round === targetRound)) {
        // A pseudonymisation reads everything first, then writes: aim at its second half.
        killIn((op === 'pseudonymize' ? 0.3 + 0.4 * Math.random() : 0.8 * Math.random()) * duration);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`worker ${op} failed (${code}): ${stderr}`));
      else resolve({ lines, killedAfter, delay });
    });
  });
}

function reopenAndCheck<T>(path: string, check: (ctx: ProjectContext) => T): T {
  // The dead worker's lock is stale: taken over.
  const ctx = openProject(path);
  try {
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(ctx.db.pragma('foreign_key_check')).toEqual([]);
    return check(ctx);
  } finally {
    closeProject(ctx);
  }
}

async function trials(op: string, prepare: ((ctx: ProjectContext) => void) | null, check: (ctx: ProjectContext) => unknown) {
  let midTransaction = 0;
  const report: string[] = [];
  for (let t = 0; t < TRIALS; t++) {
    const path = join(tempDir(), `${op}.tresse`);
    const ctx = createProject(path, { grid: 'six-themes', coder: 'Camille' });
    prepare?.(ctx);
    closeProject(ctx);
    const outcome = await runAndKill(op, path);
    const state = reopenAndCheck(path, check);
    if (outcome.killedAfter?.startsWith('begin')) midTransaction++;
    const when = outcome.killedAfter ? `killed ${outcome.delay} ms after "${outcome.killedAfter}"` : 'finished before the kill';
    report.push(`${op} #${t}: ${when} -> ${JSON.stringify(state)}`);
  }
  console.log(report.join('\n'));
  return midTransaction;
}

describe('a killed process loses nothing', () => {
  it('during a large import (batches of sources, one transaction each)', async () => {
    const mid = await trials('import', null, checkImport);
    expect(mid).toBeGreaterThan(0);
  }, 180_000);

  it('during code merges', async () => {
    const mid = await trials('merge', prepareMerge, checkMerge);
    expect(mid).toBeGreaterThan(0);
  }, 180_000);

  it('during a pseudonymisation', async () => {
    const mid = await trials('pseudonymize', preparePseudonymize, checkPseudonymize);
    expect(mid).toBeGreaterThan(0);
  }, 180_000);
});

/**
 * Runs the worker. The project is built under a temporary name beside the destination: the kill
 * lands `killAt` ms after that partial file appears (watched in the folder), and `build` says how
 * long building and putting it in place took in a run left to finish.
 */
function runQdpxImport(path: string, qdpx: string, killAt: number | null): Promise<{ killed: boolean; build: number; last: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, 'import-qdpx', path, qdpx], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    let appeared = 0;
    let build = 0;
    let last: string | null = null;
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    const watcher = watch(dirname(path), (_event, name) => {
      if (appeared || !name?.includes('.partial-')) return;
      appeared = performance.now();
      if (killAt !== null) {
        timer = setTimeout(() => {
          killed = true;
          child.kill('SIGKILL');
        }, killAt);
      }
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!killed) last = line;
      if (line === 'commit 0' && appeared) build = performance.now() - appeared;
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      watcher.close();
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`import-qdpx worker failed (${code}): ${stderr}`));
      else resolve({ killed: signal === 'SIGKILL', build, last });
    });
  });
}

describe('a killed import-qdpx into a new project', () => {
  it('leaves no file or a complete project under the destination name, and a new run then succeeds', async () => {
    const source = createProject(join(tempDir(), 'equipe.tresse'), { grid: 'six-themes', coder: 'Léo' });
    prepareQdpxProject(source);
    const qdpx = join(tempDir(), 'equipe.qdpx');
    writeFileSync(qdpx, exportQdpx(source.db));
    closeProject(source);

    // One complete run, to know how long building the project takes.
    const first = join(tempDir(), 'complet.tresse');
    const full = await runQdpxImport(first, qdpx, null);
    reopenAndCheck(first, checkQdpxProject);

    expect(full.build).toBeGreaterThan(0);
    const report: string[] = [`full run: ${Math.round(full.build)} ms from the partial project's creation to the end`];
    const outcomes = { absent: 0, complete: 0, midBuild: 0 };
    for (let t = 0; t < QDPX_KILLS; t++) {
      const dir = tempDir();
      const path = join(dir, 'etude.tresse');
      const killAt = Math.random() * full.build * 1.2;
      const run = await runQdpxImport(path, qdpx, killAt);
      let outcome: string;
      if (existsSync(path)) {
        // Whatever is under the destination's name is the whole project.
        reopenAndCheck(path, checkQdpxProject);
        outcome = 'complete project';
        outcomes.complete++;
      } else {
        expect(existsSync(`${path}-wal`)).toBe(false);
        // A partial project beside it: the kill landed while the project was being built.
        const midBuild = readdirSync(dir).some((f) => f.includes('.partial-'));
        if (midBuild) outcomes.midBuild++;
        outcome = midBuild ? 'no file (partial project left beside it)' : 'no file';
        outcomes.absent++;
        // The user runs the command again: it works, and clears what the killed run left beside it.
        await runQdpxImport(path, qdpx, null);
        reopenAndCheck(path, checkQdpxProject);
        expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
      }
      report.push(
        `import-qdpx #${t}: ${run.killed ? `killed ${Math.round(killAt)} ms into the build, last line "${run.last}"` : 'finished before the kill'} -> ${outcome}`,
      );
    }
    console.log(report.join('\n'));
    console.log(`import-qdpx kills: ${JSON.stringify(outcomes)}`);
    expect(outcomes.midBuild).toBeGreaterThan(0);
  }, 300_000);
});
