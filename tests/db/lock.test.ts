import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.ts';
import { closeProject, createProject } from '../../service/project.ts';
import { Workspace } from '../../service/workspace.ts';
import { acquireLock, currentHolder, lockFileOf, lockHolder, processStartTime, takeoverGuardOf } from '../../db/lock.ts';
import { tempDir } from '../helpers/project.ts';
import { errorOf } from '../helpers/errors.ts';

// The project lock against real processes: a lock is never shared, a stale one (its process gone,
// or its pid reused by another program) is taken over by exactly one of the programs that find it,
// and whoever takes it over learns whose lock it was, so the user can be told.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RACER = fileURLToPath(new URL('./lock-racer.ts', import.meta.url));
const RACERS = 5;
const ROUNDS = 3;

/** The pid of a process that has exited: free, as after a crash. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

function staleLock(path: string, pid = deadPid()): string {
  const text = JSON.stringify({ ...currentHolder(), pid, since: '2026-01-01T00:00:00.000Z' });
  writeFileSync(lockFileOf(path), text);
  return text;
}

interface Racer {
  child: ChildProcess;
  next: () => Promise<string>;
  exited: Promise<unknown>;
}

function startRacer(path: string): Racer {
  const child = spawn(process.execPath, ['--import', 'tsx', RACER, path], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiting: Array<(l: string) => void> = [];
  createInterface({ input: child.stdout! }).on('line', (l) => {
    const w = waiting.shift();
    if (w) w(l);
    else lines.push(l);
  });
  const exited = new Promise((r) => child.on('exit', r));
  const next = () => (lines.length ? Promise.resolve(lines.shift()!) : new Promise<string>((r) => waiting.push(r)));
  return { child, next, exited };
}

describe('the project lock', () => {
  it('lets exactly one of several processes take over the same stale lock at once', async () => {
    const dir = tempDir();
    for (let round = 0; round < ROUNDS; round++) {
      const path = join(dir, `etude-${round}.tresse`);
      writeFileSync(path, '');
      const dead = deadPid();
      staleLock(path, dead);
      const racers = Array.from({ length: RACERS }, () => startRacer(path));
      try {
        for (const r of racers) expect(await r.next()).toBe('ready');
        for (const r of racers) r.child.stdin!.write('go\n');
        const outcomes = await Promise.all(racers.map((r) => r.next()));
        const winners = outcomes.filter((o) => o.startsWith('won'));
        expect(winners, outcomes.join(', ')).toEqual([`won ${dead}`]);
        const winner = racers[outcomes.indexOf(winners[0]!)]!;
        // Every loser was told who holds the project now: the winner, not the dead process.
        for (const o of outcomes.filter((x) => x !== winners[0])) expect(o).toBe(`locked ${winner.child.pid}`);
        expect(JSON.parse(readFileSync(lockFileOf(path), 'utf8')).pid).toBe(winner.child.pid);
      } finally {
        for (const r of racers) r.child.stdin!.end();
        await Promise.all(racers.map((r) => r.exited));
      }
      // The winner released it on exit; no guard or temporary file is left beside the project.
      expect(readdirSync(dir).filter((f) => f.startsWith(`etude-${round}.tresse.`))).toEqual([]);
    }
  }, 120_000);

  it('records the process, its start time and the computer, and refuses a second taker', () => {
    const path = join(tempDir(), 'etude.tresse');
    writeFileSync(path, '');
    const lock = acquireLock(path);
    try {
      const recorded = JSON.parse(readFileSync(lockFileOf(path), 'utf8'));
      expect(recorded).toMatchObject({ pid: process.pid, host: hostname() });
      if (process.platform === 'linux') expect(recorded.started).toBe(processStartTime(process.pid));
      expect(lock.takenOver).toBeNull();
      const e = errorOf(() => acquireLock(path));
      expect(e.code).toBe('project.locked');
      expect(e.params).toMatchObject({ pid: process.pid, host: hostname() });
    } finally {
      lock.release();
    }
    expect(existsSync(lockFileOf(path))).toBe(false);
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose pid now belongs to another program (reused pid)', () => {
    const path = join(tempDir(), 'etude.tresse');
    writeFileSync(path, '');
    // This very pid is alive, but the lock says it started at another time: not the same process.
    const mine = currentHolder();
    writeFileSync(lockFileOf(path), JSON.stringify({ ...mine, started: mine.started!.replace(/:\d+$/, ':1'), nonce: 'old' }));
    expect(lockHolder(path)).toMatchObject({ stale: true });
    const lock = acquireLock(path);
    expect(lock.takenOver).toMatchObject({ pid: process.pid, nonce: 'old' });
    expect(JSON.parse(readFileSync(lockFileOf(path), 'utf8')).nonce).toBe(lock.holder.nonce);
    lock.release();
  });

  it('honours a lock whose process is alive with the start time it recorded', () => {
    const path = join(tempDir(), 'etude.tresse');
    writeFileSync(path, '');
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.ppid))'], { encoding: 'utf8' });
    const parent = Number(child.stdout); // this test process, alive
    writeFileSync(lockFileOf(path), JSON.stringify({ ...currentHolder(), pid: parent, nonce: 'other-window' }));
    expect(errorOf(() => acquireLock(path)).code).toBe('project.locked');
    expect(lockHolder(path)).toMatchObject({ stale: false });
  });

  it('honours a lock from another computer whatever its pid', () => {
    const path = join(tempDir(), 'etude.tresse');
    writeFileSync(path, '');
    writeFileSync(lockFileOf(path), JSON.stringify({ pid: deadPid(), host: 'portable-de-leo', machine: 'autre-machine', since: '2026-11-20T10:00:00Z' }));
    expect(errorOf(() => acquireLock(path)).params).toMatchObject({ host: 'portable-de-leo' });
  });

  it('reports the dead holder it took over, and a takeover left unfinished by a crash does not block for ever', () => {
    const path = join(tempDir(), 'etude.tresse');
    writeFileSync(path, '');
    const dead = deadPid();
    const text = staleLock(path, dead);
    // A guard left by a program killed in the middle of its takeover, long ago.
    const guards = () => readdirSync(join(path, '..')).filter((f) => f.includes('.takeover-'));
    const crashed = takeoverGuardOf(lockFileOf(path), text);
    writeFileSync(crashed, JSON.stringify({ ...currentHolder(), pid: deadPid() }));
    utimesSync(crashed, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const lock = acquireLock(path);
    expect(lock.takenOver).toMatchObject({ pid: dead, since: '2026-01-01T00:00:00.000Z' });
    expect(guards()).toEqual([]);
    lock.release();
  });

  it('waits for a lock being written rather than taking it over, and takes over an old unreadable one', () => {
    const path = join(tempDir(), 'etude.tresse');
    writeFileSync(path, '');
    writeFileSync(lockFileOf(path), '');
    expect(errorOf(() => acquireLock(path)).code).toBe('project.locked');
    utimesSync(lockFileOf(path), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const lock = acquireLock(path);
    expect(lock.takenOver).not.toBeNull();
    lock.release();
  });

  it('tells the command-line user, in one line, that a stale lock was taken over', async () => {
    const dir = tempDir();
    const path = join(dir, 'etude.tresse');
    closeProject(createProject(path, { grid: 'six-themes', coder: 'Camille' }));
    const dead = deadPid();
    staleLock(path, dead);
    const err: string[] = [];
    const code = await runCli(['case', 'create', 'etude.tresse', 'P1'], { out: () => {}, err: (t) => err.push(t), env: { LANG: 'fr_FR.UTF-8' }, cwd: dir });
    expect(code).toBe(0);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(`processus ${dead}`);
    expect(err[0]).toContain('son verrou a été repris');
    expect(err[0]).not.toContain('\n');
    expect(existsSync(lockFileOf(path))).toBe(false);
  });

  it('tells the app, with the project it opens, whose stale lock was taken over', () => {
    const dir = tempDir();
    const path = join(dir, 'etude.tresse');
    closeProject(createProject(path, { grid: 'six-themes', coder: 'Camille' }));
    const ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
    try {
      expect(ws.open(path).lockTakenOver).toBeUndefined();
      ws.close();
      const dead = deadPid();
      staleLock(path, dead);
      expect(ws.open(path).lockTakenOver).toMatchObject({ pid: dead, host: hostname() });
    } finally {
      ws.close();
    }
  });
});
