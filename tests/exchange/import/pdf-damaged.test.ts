// A damaged PDF (a few flipped bytes) is refused like any unreadable file, in its own process:
// from the command line as users run it (exit code 1, a French message, no stack trace, no lock,
// -wal or -shm left, the project byte-identical), and through the browser-mode server, which
// keeps answering afterwards. An outside campaign found such a file killing both processes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSourceFile } from '../../../exchange/import/index.ts';
import type { TresseError } from '../../../i18n/error.ts';
import type { ApiResult } from '../../../service/contract/index.ts';
import { closeProject, createProject } from '../../../service/project.ts';
import { fromWire, toWire } from '../../../service/contract/wire.ts';
import { makePdf } from '../../fixtures/import/make.ts';
import { tempDir } from '../../helpers/project.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin/tresse.mjs');
const SERVER = join(ROOT, 'server/main.ts');

/** A valid PDF from pdf-lib with three bytes flipped in each of its compressed streams. */
async function damagedPdf(): Promise<Uint8Array> {
  const bytes = await makePdf();
  const text = Buffer.from(bytes).toString('latin1');
  const streams = [...text.matchAll(/stream\r?\n/g)].map((m) => [m.index! + m[0].length, text.indexOf('endstream', m.index!)] as const);
  expect(streams.length).toBeGreaterThan(0);
  for (const [start, end] of streams) for (const at of [start + 2, (start + end) >> 1, end - 6]) bytes[at]! ^= 0x01;
  return bytes;
}

function newProject(dir: string): string {
  const path = join(dir, 'etude.tresse');
  closeProject(createProject(path, { grid: 'six-themes', coder: 'Camille' }));
  return path;
}

describe('a damaged PDF', () => {
  it('is refused by the importer with the damage named, in each language', async () => {
    const refusal = parseSourceFile(await damagedPdf(), 'rapport.pdf');
    await expect(refusal).rejects.toMatchObject({ code: 'import.pdfDamaged', params: { file: 'rapport.pdf' } });
    const error = (await refusal.catch((e: unknown) => e)) as TresseError;
    expect(error.format('fr')).toBe('« rapport.pdf » est un PDF endommagé : sa structure est illisible (fichier tronqué ou abîmé).');
    expect(error.format('en')).toBe('"rapport.pdf" is a damaged PDF: its structure cannot be read (the file is cut short or damaged).');
  });

  it('is refused by the tresse command with exit code 1 and a French message, leaving nothing behind', async () => {
    const dir = tempDir();
    const path = newProject(dir);
    writeFileSync(join(dir, 'rapport-abime.pdf'), await damagedPdf());
    const before = readFileSync(path);
    const r = spawnSync(process.execPath, [BIN, 'import', 'etude.tresse', 'rapport-abime.pdf', '--kind', 'document'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'fr_FR.UTF-8' },
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('« rapport-abime.pdf » est un PDF endommagé');
    expect(r.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(readdirSync(dir).sort()).toEqual(['etude.tresse', 'rapport-abime.pdf']);
    expect(readFileSync(path).equals(before)).toBe(true);
  }, 180_000);
});

describe('the browser-mode server given a damaged PDF', () => {
  let server: ChildProcess | null = null;
  afterEach(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    server = null;
  });

  it('refuses it through importSource and keeps answering', async () => {
    const dir = tempDir();
    const path = newProject(dir);
    const staticDir = join(dir, 'dist');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Tresse</title>');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', SERVER, '--port', '0', '--project', path, '--config', join(dir, 'config'), '--static', staticDir, '--lang', 'fr'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    server = child;
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += String(d)));
    const url = await new Promise<URL>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`server ended (${code}): ${stderr}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const found = /https?:\/\/\S+/.exec(line);
        if (found) resolve(new URL(found[0]));
      });
    });
    const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
    const call = (method: string, arg: unknown) =>
      new Promise<ApiResult<unknown>>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: url.port,
            method: 'POST',
            path: `/api/${method}`,
            headers: { Host: url.host, 'Content-Type': 'application/json', 'X-Tresse-Token': token },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve(fromWire(Buffer.concat(chunks).toString('utf8')) as ApiResult<unknown>));
          },
        );
        req.on('error', reject);
        req.end(toWire({ arg }));
      });

    const refused = await call('importSource', { fileName: 'rapport-abime.pdf', bytes: await damagedPdf(), kind: 'document' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'import.pdfDamaged', params: { file: 'rapport-abime.pdf' } } });
    if (!refused.ok) expect(refused.error.message).toContain('est un PDF endommagé');
    // Still serving: the project is as it was, and a sound PDF goes in.
    expect(await call('listSources', {})).toEqual({ ok: true, value: [] });
    const sound = await call('importSource', { fileName: 'rapport.pdf', bytes: await makePdf(), kind: 'document' });
    expect(sound).toMatchObject({ ok: true });
    expect(child.exitCode).toBeNull();
    expect(existsSync(path)).toBe(true);
  }, 120_000);
});
