// The "done when" of issue 13, through each front end as users reach it: a damaged file of each
// supported format (.txt, .md, .docx, .odt, .pdf, .vtt, .srt, .qdpx, .qdc, and a codebook JSON),
// a .docx nesting 80,000 paragraphs and a zip-bomb .docx are each refused with a clear French
// message and the project unchanged, from
//  - the built command line (bin/tresse.mjs in its own process): exit code 1, the message on
//    stderr, no stack trace, no .lock, -wal or -shm left;
//  - the browser mode (the real server, over HTTP with its token): an error result in French, and
//    the server answers the next call;
//  - the desktop handlers (electron/ipc.ts handleCall, called as from the app's page): an error
//    result in French.
// Each case's own timeout stands for "within seconds"; the times are printed, not asserted.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../service/contract/index.ts';
import { closeProject, createProject } from '../../service/project.ts';
import { callServer } from '../helpers/browser-api.ts';
import { doneWhenFiles, expectFrenchMessage, type HostileFile } from '../helpers/hostile-files.ts';

vi.mock('electron', () => ({}));

const { handleCall } = await import('../../electron/ipc.ts');
const { Workspace } = await import('../../service/workspace.ts');
const { chosenPathsPolicy } = await import('../../service/path-policy.ts');
const { startBrowserServer } = await import('../../server/browser-server.ts');

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/tresse.mjs');
/** Generous for a refusal that takes well under a second here, short of a hang. */
const CASE_TIMEOUT = 30_000;

// The file list is built once, before the tests are collected, so that each file has its own test.
const FILES: HostileFile[] = await doneWhenFiles();
const times: string[] = [];
const dirs: string[] = [];
afterAll(() => {
  console.log(`refusal times (ms):\n  ${times.join('\n  ')}`);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A temporary folder kept for the whole file (the shared helper's is removed after each test). */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tresse-hostile-'));
  dirs.push(dir);
  return dir;
}

/** The project file and its journals, byte for byte ("(none)" when absent). */
function projectBytes(path: string): string[] {
  return ['', '-wal'].map((s) => (existsSync(path + s) ? Buffer.from(readFileSync(path + s)).toString('base64') : '(none)'));
}

function newProjectFile(dir: string): string {
  const path = join(dir, 'etude.tresse');
  closeProject(createProject(path, { grid: 'six-themes', coder: 'Camille' }));
  return path;
}

/** The API call that brings each kind of file into the open project. */
function apiCall(file: HostileFile): { method: string; arg: unknown } {
  switch (file.route) {
    case 'source':
      return { method: 'importSource', arg: { fileName: file.fileName, bytes: file.bytes, kind: 'interview' } };
    case 'qdpx':
      return { method: 'importQdpx', arg: { fileName: file.fileName, bytes: file.bytes } };
    case 'qdc':
      return { method: 'importQdc', arg: { fileName: file.fileName, bytes: file.bytes } };
    case 'codebook':
      return { method: 'importCodebook', arg: { format: 'json', text: new TextDecoder().decode(file.bytes) } };
  }
}

/** The command a user types for each kind of file. */
function cliArgs(file: HostileFile, project: string, path: string): string[] {
  switch (file.route) {
    case 'source':
      return ['import', project, path, '--kind', 'entretien'];
    case 'qdpx':
      return ['import-qdpx', project, path];
    case 'qdc':
      return ['import-qdc', project, path];
    case 'codebook':
      return ['codebook', 'import', project, path];
  }
}

/** A French error result whose message names the file when it is a file the user chose. */
function expectFrenchError(result: ApiResult<unknown>, file: HostileFile): void {
  expect(result.ok, `${file.label} was accepted`).toBe(false);
  if (result.ok) return;
  expectFrenchMessage(result.error.message, `${file.label} (${result.error.code})`);
  if (file.route !== 'codebook') expect(result.error.message).toContain(file.fileName);
}

describe('the built command line', () => {
  let dir: string;
  let project: string;
  beforeAll(() => {
    dir = tempDir();
    project = newProjectFile(dir);
    for (const f of FILES) writeFileSync(join(dir, f.fileName), f.bytes);
  });

  const tresse = (argv: string[]) =>
    new Promise<{ code: number | null; err: string; out: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...argv], { cwd: dir, env: { ...process.env, LANG: 'fr_FR.UTF-8', LC_ALL: '', TRESSE_LANG: '' } });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += String(d)));
      child.stderr.on('data', (d) => (err += String(d)));
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, out, err }));
    });

  it.each(FILES.map((f) => [f.label, f] as const))(
    'refuses %s with exit code 1 and a French message, leaving nothing behind',
    async (_label, file) => {
      const before = projectBytes(project);
      const start = performance.now();
      const run = await tresse(cliArgs(file, 'etude.tresse', file.fileName));
      times.push(`command line, ${file.label}: ${Math.round(performance.now() - start)}`);
      expect(run.code, run.err).toBe(1);
      expectFrenchMessage(run.err, file.label);
      // The codebook JSON/CSV reader is given the text, not the file: its message names the format only.
      if (file.route !== 'codebook') expect(run.err).toContain(file.fileName);
      expect(run.err).not.toMatch(/\n\s+at |\.m?[jt]s:\d+/);
      expect(projectBytes(project)).toEqual(before);
      expect(readdirSync(dir).filter((f) => /\.lock$|-wal$|-shm$|\.partial-/.test(f))).toEqual([]);
    },
    CASE_TIMEOUT,
  );
});

describe('the browser mode', () => {
  let dir: string;
  let project: string;
  let server: Awaited<ReturnType<typeof startBrowserServer>>;

  const call = (method: string, arg?: unknown) => callServer(server, method, arg);

  beforeAll(async () => {
    dir = tempDir();
    const staticDir = join(dir, 'dist');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Tresse</title>');
    project = newProjectFile(dir);
    server = await startBrowserServer({ port: 0, configDir: join(dir, 'config'), staticDir, projectPath: project, lang: 'fr' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(FILES.map((f) => [f.label, f] as const))(
    'refuses %s in French over HTTP, the project unchanged, and answers the next call',
    async (_label, file) => {
      const codesBefore = await call('listCodes');
      const before = projectBytes(project);
      const { method, arg } = apiCall(file);
      const start = performance.now();
      const result = await call(method, arg);
      times.push(`browser mode, ${file.label}: ${Math.round(performance.now() - start)}`);
      expectFrenchError(result, file);
      expect(projectBytes(project)).toEqual(before);
      // The server is still there, and the project holds what it held.
      expect(await call('listSources')).toEqual({ ok: true, value: [] });
      expect(await call('listCodes')).toEqual(codesBefore);
    },
    CASE_TIMEOUT,
  );
});

describe('the desktop handlers', () => {
  let ws: InstanceType<typeof Workspace>;
  let deps: Parameters<typeof handleCall>[3];
  /** A call as the app's own page makes it (the top frame of app://tresse). */
  const fromApp = () => {
    const frame = { url: 'app://tresse/index.html', parent: null };
    return { senderFrame: frame, sender: { mainFrame: frame } } as never;
  };

  beforeAll(() => {
    const dir = tempDir();
    ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
    ws.create(join(dir, 'etude.tresse'), { grid: 'six-themes', coder: 'Camille' });
    deps = { ctx: { ws, hooks: { shell: 'desktop' } }, paths: chosenPathsPolicy() };
  });
  afterAll(() => ws?.close());

  it.each(FILES.map((f) => [f.label, f] as const))(
    'refuses %s in French, the project unchanged',
    async (_label, file) => {
      const path = ws.project.path;
      const codesBefore = await handleCall(fromApp(), 'listCodes', undefined, deps);
      const before = projectBytes(path);
      const { method, arg } = apiCall(file);
      const start = performance.now();
      const result = await handleCall(fromApp(), method, arg, deps);
      times.push(`desktop, ${file.label}: ${Math.round(performance.now() - start)}`);
      expectFrenchError(result, file);
      expect(projectBytes(path)).toEqual(before);
      expect(await handleCall(fromApp(), 'listSources', undefined, deps)).toEqual({ ok: true, value: [] });
      expect(await handleCall(fromApp(), 'listCodes', undefined, deps)).toEqual(codesBefore);
    },
    CASE_TIMEOUT,
  );
});
