import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lockFileOf, lockHolder } from '../../../db/lock.ts';
import { closeProject, createProject, openProject } from '../../../service/project.ts';
import { listSources } from '../../../service/sources.ts';
import { addText, tempDir } from '../../helpers/project.ts';
import { tresse } from '../../helpers/cli.ts';
import { errorOf } from '../../helpers/errors.ts';

function fresh() {
  const dir = tempDir();
  const path = join(dir, 'etude.tresse');
  closeProject(createProject(path, { grid: 'six-themes', coder: 'Camille' }));
  return { dir, path };
}

describe('a project opened twice', () => {
  it('refuses a second opening with a clear message, in French and English, and releases on close', () => {
    const { path } = fresh();
    const first = openProject(path);
    expect(existsSync(lockFileOf(path))).toBe(true);
    const e = errorOf(() => openProject(path));
    expect(e.code).toBe('project.locked');
    expect(e.format('fr')).toContain('déjà ouvert ailleurs');
    expect(e.format('en')).toContain('already open elsewhere');
    expect(e.params).toMatchObject({ pid: process.pid, lock: lockFileOf(path) });
    closeProject(first);
    expect(existsSync(lockFileOf(path))).toBe(false);
    closeProject(openProject(path));
  });

  it('lets command-line reads in while the project is open, and refuses command-line writes', async () => {
    const { dir, path } = fresh();
    const app = openProject(path);
    addText(app, 'Entretien 1', 'Le secret partagé aide.');
    const read = await tresse(dir, 'sources', 'etude.tresse', '--json');
    expect(read.code).toBe(0);
    expect(JSON.parse(read.out)).toHaveLength(1);
    const write = await tresse(dir, 'case', 'create', 'etude.tresse', 'P1');
    expect(write.code).toBe(1);
    expect(write.err).toContain('déjà ouvert ailleurs');
    closeProject(app);
    expect((await tresse(dir, 'case', 'create', 'etude.tresse', 'P1')).code).toBe(0);
  });

  it('refuses a second process, and takes over once that process is killed', async () => {
    const { dir, path } = fresh();
    const worker = fileURLToPath(new URL('../../crash/worker.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', worker, 'hold', path], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((r) => child.on('exit', r));
    try {
      await new Promise<void>((resolve) => createInterface({ input: child.stdout! }).on('line', (l) => l === 'open' && resolve()));
      expect(errorOf(() => openProject(path)).params).toMatchObject({ pid: child.pid });
      expect((await tresse(dir, 'sources', 'etude.tresse')).code).toBe(0);
      expect((await tresse(dir, 'codebook', 'add', 'etude.tresse', 'Logement')).code).toBe(1);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    const ctx = openProject(path);
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    closeProject(ctx);
  });

  it('takes over a lock left by a program that died on this computer', () => {
    const { path } = fresh();
    // A process that has exited: its pid is free.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(lockFileOf(path), JSON.stringify({ pid: Number(dead.stdout), host: hostname(), since: '2026-01-01T00:00:00Z' }));
    expect(lockHolder(path)).toMatchObject({ stale: true });
    const ctx = openProject(path);
    expect(JSON.parse(readFileSync(lockFileOf(path), 'utf8')).pid).toBe(process.pid);
    expect(listSources(ctx.db)).toEqual([]);
    closeProject(ctx);
  });

  it('honours a lock held from another computer (synced folder)', () => {
    const { path } = fresh();
    writeFileSync(lockFileOf(path), JSON.stringify({ pid: 4242, host: 'portable-de-leo', since: '2026-11-20T10:00:00Z' }));
    const e = errorOf(() => openProject(path));
    expect(e.code).toBe('project.locked');
    expect(e.params).toMatchObject({ host: 'portable-de-leo' });
    // Reads still work.
    closeProject(openProject(path, undefined, { lock: false }));
    expect(existsSync(lockFileOf(path))).toBe(true);
  });
});
