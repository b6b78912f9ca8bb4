// Peak memory of the command line importing interviews, as the user meets it:
// `tresse import PROJECT file1 … file200` in its own process, on files written to a folder. The
// import worker is a thread of that process, so the process's peak resident size (VmHWM in
// /proc/<pid>/status, which only grows) counts it; it is read every few milliseconds until the
// process ends. Linux only: elsewhere the figure is skipped, said so.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateInterviews } from './corpus.ts';
import type { Report } from './figure.ts';

const BIN = fileURLToPath(new URL('../bin/tresse.mjs', import.meta.url));
const FILES = 200;
const TARGET_MB = 100;
/** Taguette 1.4 on the same 200 interviews, measured when issue 15 was filed. */
const TAGUETTE_MB = 85;

export const canMeasureMemory = existsSync('/proc/self/status');

/** Writes `texts` as entretien-001.txt… in `dir`; returns their paths. */
export function writeInterviews(dir: string, texts: string[]): string[] {
  mkdirSync(dir, { recursive: true });
  return texts.map((text, i) => {
    const path = join(dir, `entretien-${String(i + 1).padStart(3, '0')}.txt`);
    writeFileSync(path, text);
    return path;
  });
}

/** Peak resident size of a process so far, in MB (VmHWM); null once it has ended. */
function peakMb(pid: number): number | null {
  try {
    const line = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return line ? Number(line[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export interface CliImport {
  ms: number;
  peakMb: number;
  /** What the command said it imported (its JSON output). */
  imported: number;
}

/** Runs `tresse import project files… --kind entretien --json` in a new project; its time and peak memory. */
export async function cliImport(project: string, files: string[]): Promise<CliImport> {
  const init = spawnSync(process.execPath, [BIN, 'init', project], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`tresse init: ${init.stderr}`);
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'import', project, ...files, '--kind', 'entretien', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  let peak = 0;
  const poll = setInterval(() => (peak = Math.max(peak, peakMb(child.pid!) ?? 0)), 5);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const ms = performance.now() - t0;
  clearInterval(poll);
  if (code !== 0) throw new Error(`tresse import: exit ${code}\n${err}`);
  return { ms, peakMb: peak, imported: (JSON.parse(out) as unknown[]).length };
}

export async function memoryFigures(report: Report, dir: string): Promise<void> {
  if (!canMeasureMemory) return report.info('peak memory of tresse import', 'skipped: /proc is Linux only');
  const files = writeInterviews(join(dir, 'memory'), generateInterviews(FILES, 10_000));
  const runs: CliImport[] = [];
  for (let i = 0; i < 3; i++) runs.push(await cliImport(join(dir, 'memory', `etude-${i}.tresse`), files));
  for (const r of runs) report.expect(r.imported === FILES, `${r.imported} sources imported of ${FILES}`);
  const peaks = runs.map((r) => r.peakMb);
  report.add({
    name: `peak memory of tresse import, ${FILES} interviews of 10k words`,
    value: Math.max(...peaks),
    unit: 'MB',
    target: { below: TARGET_MB },
    note: `the worst of 3 runs (${peaks.map((p) => p.toFixed(0)).join(', ')} MB), ${(runs[0]!.ms / 1000).toFixed(1)} s each; Taguette ${TAGUETTE_MB} MB`,
  });
}
