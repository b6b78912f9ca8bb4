import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../server/browser-server.ts';
import type { ApiResult } from '../../service/contract/index.ts';
import { closeProject, createProject } from '../../service/project.ts';
import { fromWire, toWire } from '../../service/contract/wire.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, so Host and Origin can be set to anything (fetch would not allow it). */
function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('browser-mode server', () => {
  let dir: string;
  let server: BrowserServer;
  let host: string;

  const call = (method: string, arg?: unknown, headers: Record<string, string> = {}) =>
    send(server.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { Host: host, 'Content-Type': 'application/json', 'X-Tresse-Token': server.token, ...headers },
      body: toWire({ arg }),
    });
  const result = (reply: Reply) => fromWire(reply.body) as ApiResult<unknown>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tresse-server-'));
    const staticDir = join(dir, 'dist');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Tresse test</title><script src="/assets/app.js"></script>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("tresse");');
    writeFileSync(join(dir, 'secret.txt'), 'outside the static folder');
    const projectPath = join(dir, 'etude.tresse');
    closeProject(createProject(projectPath, { grid: 'six-themes', coder: 'Test' }));
    server = await startBrowserServer({ port: 0, configDir: join(dir, 'config'), staticDir, projectPath, lang: 'fr' });
    host = `127.0.0.1:${server.port}`;
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a loopback URL carrying the token in the fragment only', () => {
    const url = new URL(server.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.hash).toBe(`#token=${server.token}`);
    expect(url.search).toBe('');
    expect(Buffer.from(server.token, 'base64url')).toHaveLength(32);
  });

  it('serves index.html with a strict Content-Security-Policy', async () => {
    const reply = await send(server.port, { path: '/', headers: { Host: host } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.body).toContain('<title>Tresse test</title>');
    const csp = String(reply.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with their content type and nothing outside the static folder', async () => {
    const js = await send(server.port, { path: '/assets/app.js', headers: { Host: host } });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/missing.js']) {
      const reply = await send(server.port, { path, headers: { Host: host } });
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('outside the static folder');
    }
  });

  it('refuses API calls without the token (401) or with a wrong one (403)', async () => {
    const missing = await send(server.port, {
      method: 'POST',
      path: '/api/listCases',
      headers: { Host: host, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(missing.status).toBe(401);
    expect(result(missing)).toMatchObject({ ok: false, error: { code: 'api.token' } });

    // Change the last character to another one (the token may itself end in "A").
    const last = server.token.slice(-1) === 'A' ? 'B' : 'A';
    const wrong = await call('listCases', undefined, { 'X-Tresse-Token': `${server.token.slice(0, -1)}${last}` });
    expect(wrong.status).toBe(403);
    expect(result(wrong)).toMatchObject({ ok: false, error: { code: 'api.token' } });
  });

  it('refuses another Host name (DNS rebinding), for pages and API alike', async () => {
    const page = await send(server.port, { path: '/', headers: { Host: `evil.example:${server.port}` } });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('Tresse test');
    const api = await call('listCases', undefined, { Host: `evil.example:${server.port}` });
    expect(api.status).toBe(403);
    const otherPort = await call('listCases', undefined, { Host: `127.0.0.1:${server.port + 1}` });
    expect(otherPort.status).toBe(403);
    const localhost = await call('listCases', undefined, { Host: `localhost:${server.port}` });
    expect(localhost.status).toBe(200);
  });

  it('refuses API calls from a foreign Origin, even with the token', async () => {
    const foreign = await call('listCases', undefined, { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(result(foreign)).toMatchObject({ ok: false, error: { code: 'api.forbidden' } });
    const own = await call('listCases', undefined, { Origin: `http://127.0.0.1:${server.port}` });
    expect(own.status).toBe(200);
  });

  it('refuses other verbs than POST on the API, and unknown methods with 404', async () => {
    const get = await send(server.port, { path: '/api/listCases', headers: { Host: host, 'X-Tresse-Token': server.token } });
    expect(get.status).toBe(405);
    const unknown = await call('dropDatabase', {});
    expect(unknown.status).toBe(404);
    expect(result(unknown)).toMatchObject({ ok: false, error: { code: 'api.unknownMethod' } });
  });

  it('creates and lists cases through the API', async () => {
    const created = await call('createCase', { name: 'Infirmière de secteur', description: 'Entretien 3' });
    expect(created.status).toBe(200);
    const made = result(created);
    expect(made.ok).toBe(true);
    const listed = result(await call('listCases'));
    expect(listed.ok).toBe(true);
    if (!listed.ok || !made.ok) return;
    const names = (listed.value as Array<{ name: string; id: number }>).map((c) => c.name);
    expect(names).toContain('Infirmière de secteur');
    expect((made.value as { id: number }).id).toBeGreaterThan(0);
  });

  it('imports a text file sent as bytes in the wire format', async () => {
    const text = 'Enquêteur : Comment travaillez-vous avec le CMP ?\nMme L. : On se voit chaque mois, en réunion de concertation.\n';
    const bytes = new TextEncoder().encode(text);
    const reply = await call('importSource', { fileName: 'entretien-test.txt', bytes, kind: 'interview' });
    const imported = result(reply);
    expect(imported.ok, reply.body).toBe(true);
    if (!imported.ok) return;
    const id = (imported.value as { source: { id: number } }).source.id;
    const got = result(await call('getSource', { id }));
    expect(got.ok).toBe(true);
    if (got.ok) expect((got.value as { text: string }).text).toContain('réunion de concertation');
  });

  it('answers a bad argument with value.invalid in the user’s language, before anything runs', async () => {
    const before = result(await call('listCases'));
    const reply = await call('createCase', { name: 42 });
    expect(reply.status).toBe(400);
    const r = result(reply);
    expect(r).toMatchObject({ ok: false, error: { code: 'value.invalid', params: { field: 'createCase.name' } } });
    if (!r.ok) expect(r.error.message).toMatch(/^Valeur invalide pour createCase\.name/);

    const negative = result(await call('getSource', { id: -1 }));
    expect(negative).toMatchObject({ ok: false, error: { code: 'value.invalid', params: { field: 'getSource.id' } } });
    const extra = result(await call('deleteCase', { id: 1, cascade: true }));
    expect(extra).toMatchObject({ ok: false, error: { code: 'value.invalid' } });
    const notBytes = result(await call('importSource', { fileName: 'a.txt', bytes: 'SGVsbG8=', kind: 'interview' }));
    expect(notBytes).toMatchObject({ ok: false, error: { code: 'value.invalid', params: { field: 'importSource.bytes' } } });

    expect(result(await call('listCases'))).toEqual(before);
  });

  it('words errors in English once the language is switched', async () => {
    expect(result(await call('setLang', { lang: 'en' })).ok).toBe(true);
    const r = result(await call('getSource', { id: 'x' }));
    if (r.ok) throw new Error('expected an error');
    expect(r.error.message).toMatch(/^Invalid value for getSource\.id/);
    await call('setLang', { lang: 'fr' });
  });

  it('refuses a body over the size limit', async () => {
    const small = await startBrowserServer({
      port: 0,
      configDir: join(dir, 'config-small'),
      staticDir: join(dir, 'dist'),
      maxBodyBytes: 1024,
    });
    try {
      const reply = await send(small.port, {
        method: 'POST',
        path: '/api/createCase',
        headers: { Host: `127.0.0.1:${small.port}`, 'Content-Type': 'application/json', 'X-Tresse-Token': small.token },
        body: toWire({ arg: { name: 'x'.repeat(5000) } }),
      });
      expect(reply.status).toBe(413);
      expect(result(reply)).toMatchObject({ ok: false, error: { code: 'api.tooLarge' } });
    } finally {
      await small.close();
    }
  });

  it('answers chooseProjectPath with null: the page asks for a path itself', async () => {
    expect(result(await call('chooseProjectPath', { mode: 'open' }))).toEqual({ ok: true, value: null });
    const session = result(await call('getSession'));
    expect(session).toMatchObject({ ok: true, value: { shell: 'browser', project: { name: 'etude' } } });
  });
});
