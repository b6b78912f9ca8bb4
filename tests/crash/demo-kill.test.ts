// `tresse demo` killed at random moments, as a user closing the terminal or a crash would: the
// demo is built beside its destination and put in place complete (service/project-beside.ts), so
// under the destination's name there is either no file or the whole demo project, never an empty
// or table-less file that later runs refuse as "not a Tresse project". The next run then succeeds.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, watch } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closeProject, openProject, projectInfo } from '../../service/project.ts';
import { random } from '../helpers/hostile-files.ts';
import { tempDir } from '../helpers/project.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/tresse.mjs');
/** Kills timed from the start of the command, then from the partial project's appearance. */
const KILLS = { fromStart: 3, fromPartial: 3 };

interface Run {
  killed: boolean;
  /** From spawn to exit, or to the kill. */
  total: number;
  /** From the partial project's appearance to the exit (0 if it never appeared). */
  build: number;
}

/** Runs `tresse demo path`; with `kill`, sends SIGKILL that many ms after the start or the partial file's appearance. */
function runDemo(path: string, kill: { from: 'start' | 'partial'; ms: number } | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'demo', path], {
      cwd: dirname(path),
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LANG: 'fr_FR.UTF-8' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    let appeared = 0;
    let timer: NodeJS.Timeout | undefined;
    const killIn = (ms: number) => {
      timer = setTimeout(() => {
        child.kill('SIGKILL');
      }, ms);
    };
    if (kill?.from === 'start') killIn(kill.ms);
    const watcher = watch(dirname(path), (_event, name) => {
      if (appeared || !name?.includes('.partial-')) return;
      appeared = performance.now();
      if (kill?.from === 'partial') killIn(kill.ms);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      watcher.close();
      const end = performance.now();
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`tresse demo failed (${code}): ${stderr}`));
      else resolve({ killed: signal === 'SIGKILL', total: end - started, build: appeared ? end - appeared : 0 });
    });
  });
}

function counts(path: string) {
  const ctx = openProject(path);
  try {
    return projectInfo(ctx).counts;
  } finally {
    closeProject(ctx);
  }
}

describe('a killed tresse demo', () => {
  it('leaves no file or the complete demo under the destination name, and the next run succeeds', async () => {
    // One complete run (which also builds the command line if its sources changed), then one to time.
    const reference = join(tempDir(), 'reference.tresse');
    await runDemo(reference, null);
    const full = counts(reference);
    expect(full.sources).toBeGreaterThan(0);
    expect(full.codings).toBeGreaterThan(0);
    const timed = await runDemo(join(tempDir(), 'chrono.tresse'), null);
    expect(timed.build).toBeGreaterThan(0);

    const rand = random(4242);
    const report = [`full run: ${Math.round(timed.total)} ms, of which ${Math.round(timed.build)} ms after the partial project appeared`];
    const outcomes = { absent: 0, complete: 0, partialLeft: 0 };
    const plan = [
      ...Array.from({ length: KILLS.fromStart }, () => ({ from: 'start' as const, ms: rand() * timed.total * 1.1 })),
      ...Array.from({ length: KILLS.fromPartial }, () => ({ from: 'partial' as const, ms: rand() * timed.build * 0.9 })),
    ];
    for (const [i, kill] of plan.entries()) {
      const dir = tempDir();
      const path = join(dir, 'demo.tresse');
      const run = await runDemo(path, kill);
      let outcome: string;
      if (existsSync(path)) {
        // Whatever is under the destination's name is the whole demo.
        expect(counts(path), `kill #${i}`).toEqual(full);
        outcomes.complete++;
        outcome = 'complete project';
      } else {
        expect(existsSync(`${path}-wal`), `kill #${i}`).toBe(false);
        const partial = readdirSync(dir).some((f) => f.includes('.partial-'));
        if (partial) outcomes.partialLeft++;
        outcomes.absent++;
        outcome = partial ? 'no file (a partial project left beside it)' : 'no file';
        // The user runs it again: it works and clears what the killed run left beside it.
        await runDemo(path, null);
        expect(counts(path)).toEqual(full);
        expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
      }
      report.push(`demo #${i}: ${run.killed ? `killed ${Math.round(kill.ms)} ms after the ${kill.from}` : 'finished before the kill'} -> ${outcome}`);
    }
    console.log(report.join('\n'));
    console.log(`demo kills: ${JSON.stringify(outcomes)}`);
    // Kills timed from the partial file's appearance land while the project is being built.
    expect(outcomes.partialLeft).toBeGreaterThan(0);
  }, 180_000);
});
