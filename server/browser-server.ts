// The browser mode: the same interface as the desktop app, served on the loopback interface to a
// web browser, for machines where Electron cannot run. Only the person who started it can use it:
//  - it listens on 127.0.0.1 only;
//  - every API call must carry the per-run token (X-Tresse-Token), which reaches the page in the
//    URL's fragment (#token=…), so it never appears in server logs or Referer headers;
//  - a Host other than 127.0.0.1:PORT / localhost:PORT is refused (DNS rebinding), and so is an
//    API call whose Origin is another site's;
//  - arguments are checked against service/schemas.ts before anything runs, and a path in them
//    must lead under the workspace folder or to a recent project (service/path-policy.ts).
// Protocol: POST /api/<method> with a JSON body {"arg": …} in service/wire.ts format (byte arrays
// as {"$bytes": base64}); the answer's body is always an ApiResult in the same format, whatever the
// HTTP status (200 when the call ran, even if it failed for a reason the user can act on).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isTresseError, TresseError } from '../i18n/error.ts';
import type { Lang } from '../i18n/lang.ts';
import { jsonErrorPlace } from '../i18n/json-error.ts';
import { checkCall, errorResult, runChecked } from '../service/contract/call.ts';
import { contract, isApiMethod, type ApiResult, type CallContext } from '../service/contract/index.ts';
import { workspacePolicy } from '../service/path-policy.ts';
import { fromWire, toWire } from '../service/contract/wire.ts';
import { Workspace } from '../service/workspace.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { contentTypeOf, resolveStaticFile } from './static-files.ts';

/**
 * Largest API request accepted: 200 MB of JSON. Imported files travel in base64 (4 bytes for 3),
 * so the largest file importable from the browser is about 150 MB; larger ones go through the
 * command line.
 */
export const MAX_BODY_BYTES = 200 * 1024 * 1024;

export const TOKEN_HEADER = 'x-tresse-token';

export interface BrowserServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Where the list of recent projects is kept. */
  configDir: string;
  /** The built renderer (dist/), with index.html. */
  staticDir: string;
  /** A project to open at start. */
  projectPath?: string;
  lang?: Lang;
  maxBodyBytes?: number;
}

export interface BrowserServer {
  /** The address to open, token included: http://127.0.0.1:PORT/#token=… */
  url: string;
  token: string;
  port: number;
  workspace: Workspace;
  close(): Promise<void>;
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const workspace = new Workspace({ configDir: options.configDir, lang: options.lang ?? 'fr' });
  if (options.projectPath) workspace.open(options.projectPath);
  const ctx: CallContext = { ws: workspace, hooks: { shell: 'browser' } };
  const paths = workspacePolicy();
  const token = randomBytes(32).toString('base64url');
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;

  const server = createServer();
  let port: number;
  try {
    port = await listen(server, options.port ?? 0);
  } catch (e) {
    workspace.close();
    throw e;
  }
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = new Set([...hosts].map((h) => `http://${h}`));

  const handleApi = async (req: IncomingMessage, res: ServerResponse, method: string): Promise<void> => {
    const refuse = (status: number, error: TresseError) => sendResult(res, status, errorResult(error, workspace.lang));
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return refuse(405, new TresseError('api.postOnly', { method: req.method ?? '?' }));
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.has(origin)) {
      return refuse(403, new TresseError('api.forbidden', { reason: `origin ${origin}` }));
    }
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') {
      return refuse(403, new TresseError('api.forbidden', { reason: `sec-fetch-site ${site}` }));
    }
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string' || given === '') return refuse(401, new TresseError('api.token'));
    if (!sameSecret(given, token)) return refuse(403, new TresseError('api.token'));
    if (!isApiMethod(method)) return refuse(404, new TresseError('api.unknownMethod', { method }));
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return refuse(415, new TresseError('api.jsonOnly'));
    }

    const limitMb = Math.round(maxBodyBytes / (1024 * 1024));
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBodyBytes) {
      res.setHeader('Connection', 'close');
      return refuse(413, new TresseError('api.tooLarge', { limit: limitMb }));
    }
    const body = await readBody(req, maxBodyBytes);
    if (body === null) {
      res.setHeader('Connection', 'close');
      return refuse(413, new TresseError('api.tooLarge', { limit: limitMb }));
    }
    let parsed: unknown;
    const text = body.toString('utf8');
    try {
      parsed = body.length === 0 ? {} : fromWire(text);
    } catch (e) {
      return refuse(400, unreadableBody(text, e));
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return refuse(400, new TresseError('api.argExpected'));
    }
    let arg: unknown;
    try {
      arg = checkCall(method, contract[method], (parsed as { arg?: unknown }).arg, workspace, paths);
    } catch (e) {
      if (isTresseError(e)) return refuse(isPathRefusal(e) ? 403 : 400, e);
      throw e;
    }
    sendResult(res, 200, await runChecked(method, contract[method], arg, ctx));
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const path = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    const isApi = path === '/api' || path.startsWith('/api/');
    const run = async () => {
      if (!hosts.has(req.headers.host ?? '')) {
        const error = new TresseError('api.forbidden', { reason: `host ${req.headers.host ?? '?'}` });
        if (isApi) return sendResult(res, 403, errorResult(error, workspace.lang));
        return sendText(res, 403, error.format(workspace.lang));
      }
      if (isApi) return handleApi(req, res, path.slice('/api/'.length));
      return serveStatic(req, res, options.staticDir, path);
    };
    run().catch((e: unknown) => {
      console.error('[tresse] request failed:', e);
      if (!res.headersSent) sendText(res, 500, 'Erreur interne / Internal error');
      else res.destroy();
    });
  });

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    workspace,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => {
          workspace.close();
          done();
        });
        server.closeAllConnections();
      }),
  };
}

/** JSON.parse's and atob's English, replaced by a catalogue message saying where the body broke. */
function unreadableBody(text: string, e: unknown): TresseError {
  if (e instanceof SyntaxError) {
    const place = jsonErrorPlace(text, e);
    if (place === 'end') return new TresseError('api.badJsonEnd');
    if (place !== null) return new TresseError('api.badJson', place);
    return new TresseError('api.notJson');
  }
  // The body parsed, so what failed is the decoding of a {"$bytes": …} value.
  return new TresseError('api.badBytes');
}

function isPathRefusal(e: TresseError): boolean {
  return e.code === 'api.pathOutsideWorkspace' || e.code === 'api.projectExtension';
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      ok((server.address() as AddressInfo).port);
    });
  });
}

/** Compares secrets in constant time (hashing first makes the lengths equal). */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The request body, or null once it grows past `limit` (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        req.pause();
        ok(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) ok(Buffer.concat(chunks));
    });
    req.on('error', fail);
  });
}

function sendResult(res: ServerResponse, status: number, result: ApiResult<unknown>): void {
  const body = Buffer.from(toWire(result), 'utf8');
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  const body = Buffer.from(text, 'utf8');
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
}

function serveStatic(req: IncomingMessage, res: ServerResponse, staticDir: string, path: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, 'Méthode non permise / Method not allowed');
  }
  const file = resolveStaticFile(staticDir, path);
  if (!file) return sendText(res, 404, 'Introuvable / Not found');
  res.writeHead(200, {
    'Content-Type': contentTypeOf(file),
    'Content-Length': statSync(file).size,
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
