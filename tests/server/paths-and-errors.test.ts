// The browser mode over real HTTP: a path in a call must lead under the workspace folder or to a
// recent project, and a body the server cannot read is refused in the user's language, never with
// JSON.parse's or atob's English.
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../server/browser-server.ts';
import { closeProject, createProject } from '../../service/project.ts';
import { toWire } from '../../service/contract/wire.ts';
import { postApi } from '../helpers/browser-api.ts';

let dir: string;
let docs: string;
let outside: string;
let server: BrowserServer;

const post = (method: string, body: string) => postApi(server, method, body);
const call = (method: string, arg: unknown) => postApi(server, method, toWire({ arg }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tresse-server-paths-'));
  docs = join(dir, 'Documents');
  outside = join(dir, 'ailleurs');
  mkdirSync(docs);
  mkdirSync(outside);
  mkdirSync(join(dir, 'config'));
  writeFileSync(join(dir, 'config', 'folders.json'), JSON.stringify({ documents: docs }));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
  // The project given at start-up (--project) lives in a folder of its own, which becomes the
  // last folder used, where bare names go.
  mkdirSync(join(dir, 'lance'));
  const started = join(dir, 'lance', 'lance.tresse');
  closeProject(createProject(started, { grid: 'empty', coder: 'Test' }));
  server = await startBrowserServer({ port: 0, configDir: join(dir, 'config'), staticDir: join(dir, 'dist'), projectPath: started, lang: 'fr' });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('browser mode: paths in API calls', () => {
  it('refuses with 403 a project outside the workspace folder, saying where to put it', async () => {
    const target = join(outside, 'intrus.tresse');
    const reply = await call('createProject', { path: target, grid: 'empty' });
    expect(reply.status).toBe(403);
    expect(reply.result).toMatchObject({ ok: false, error: { code: 'api.pathOutsideWorkspace', params: { path: target } } });
    if (!reply.result.ok) expect(reply.result.error.message).toContain(`Placez le fichier dans ${join(dir, 'lance')},`);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses `..` and a link leading out of the folder, creating nothing', async () => {
    symlinkSync(outside, join(docs, 'raccourci'));
    for (const path of [`${docs}/../ailleurs/x.tresse`, join(docs, 'raccourci', 'y.tresse')]) {
      const reply = await call('createProject', { path, grid: 'empty' });
      expect(reply.status, path).toBe(403);
    }
    expect(existsSync(join(outside, 'x.tresse'))).toBe(false);
    expect(existsSync(join(outside, 'y.tresse'))).toBe(false);
  });

  it('creates a project in the documents folder, and reopens the start-up project from the recent list', async () => {
    const created = await call('createProject', { path: join(docs, 'etude.tresse'), grid: 'empty', coder: 'Camille' });
    expect(created.status).toBe(200);
    expect(created.result).toMatchObject({ ok: true, value: { path: join(docs, 'etude.tresse') } });
    // Bare names now go to the documents folder: the start-up project's folder is no longer open to
    // the page, but the project itself is a recent one.
    writeFileSync(join(dir, 'lance', 'notes.qdc'), '<x/>');
    const beside = await call('compareCodebooks', { other: { path: join(dir, 'lance', 'notes.qdc') } });
    expect(beside.result).toMatchObject({ ok: false, error: { code: 'api.pathOutsideWorkspace' } });
    const back = await call('openProject', { path: join(dir, 'lance', 'lance.tresse') });
    expect(back.result).toMatchObject({ ok: true, value: { name: 'lance' } });
  });
});

describe('browser mode: a body the server cannot read', () => {
  it('says where the JSON broke, in French, without the engine’s English', async () => {
    const cut = await post('createCase', '{"arg": {"name": "Infirm');
    expect(cut.status).toBe(400);
    expect(cut.result).toMatchObject({ ok: false, error: { code: 'api.badJsonEnd' } });
    const wrong = await post('createCase', '{"arg": {"name": }}');
    expect(wrong.status).toBe(400);
    // With the place when the engine gives it (Node 20 does not for every syntax error).
    expect(wrong.result).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^api\.(badJson|notJson)$/) } });
    const trailing = await post('createCase', '{"arg": {}}\n x');
    expect(trailing.result).toMatchObject({ ok: false, error: { code: 'api.badJson', params: { line: 2, column: 2 } } });
    const bytes = await post('importSource', '{"arg": {"fileName": "a.txt", "bytes": {"$bytes": "%%%"}, "kind": "interview"}}');
    expect(bytes.result).toMatchObject({ ok: false, error: { code: 'api.badBytes' } });
    for (const r of [cut, wrong, trailing, bytes]) {
      if (r.result.ok) continue;
      expect(r.result.error.message).toMatch(/^Requête illisible : /);
      expect(r.result.error.message).not.toMatch(/Unexpected|JSON input|Invalid character|position/);
    }
  });

  it('says it in English once the language is switched', async () => {
    await call('setLang', { lang: 'en' });
    const cut = await post('createCase', '{"arg": ');
    if (!cut.result.ok) expect(cut.result.error.message).toBe('Unreadable request: its content stops before the end of the JSON (an interrupted upload?).');
    expect(cut.result.ok).toBe(false);
    await call('setLang', { lang: 'fr' });
  });
});
