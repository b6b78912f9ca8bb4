import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closeProject, createProject, getSetting, openProject } from '../../service/project.ts';
import { tempDir } from '../helpers/project.ts';

// An error nobody waits for (a parser's dropped promise, an exception in a callback) in a real
// process with service/stray-errors.ts installed: the command line reports it in French and fails
// with exit code 1, leaving no lock, -wal or -shm and no half-made change; a serving process
// (browser server, desktop main process) reports it and carries on.

const WORKER = fileURLToPath(new URL('./stray-worker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function run(mode: string) {
  const dir = tempDir();
  const path = join(dir, 'etude.tresse');
  closeProject(createProject(path, { grid: 'empty', coder: 'Camille' }));
  const r = spawnSync(process.execPath, ['--import', 'tsx', WORKER, mode, path], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const ctx = openProject(path);
  const settings = { after: getSetting(ctx.db, 'after'), half: getSetting(ctx.db, 'half') };
  expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  closeProject(ctx);
  return { code: r.status, out: r.stdout, err: r.stderr, files: readdirSync(dir), settings };
}

describe('an error nobody waits for', () => {
  it('makes a command fail with a French message once it has finished its work, without a stack trace', () => {
    const r = run('command-rejection');
    expect(r.code).toBe(1);
    expect(r.out).toBe('finished\n');
    expect(r.err).toContain('Erreur inattendue : la commande est considérée comme échouée');
    expect(r.err).toContain('bad XRef entry');
    expect(r.err).not.toMatch(/^\s+at /m);
    expect(r.files).toEqual(['etude.tresse']);
    expect(r.settings.after).toBe('stray');
  }, 60_000);

  it('stops a command at once on an exception, undoing its unfinished change and leaving no lock, -wal or -shm', () => {
    const r = run('command-exception');
    expect(r.code).toBe(1);
    expect(r.err).toContain('Erreur inattendue');
    expect(r.err).toContain('boom in a callback');
    expect(r.err).not.toMatch(/^\s+at /m);
    expect(r.files).toEqual(['etude.tresse']);
    expect(r.settings.half).toBeUndefined();
  }, 60_000);

  it('is reported by a serving process, which carries on', () => {
    const r = run('serve');
    expect(r.code).toBe(0);
    expect(r.out).toBe('still serving\n');
    expect(r.err.match(/Tresse continue/g)).toHaveLength(2);
    expect(r.settings.after).toBe('stray');
  }, 60_000);
});
