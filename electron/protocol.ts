// The app:// protocol serving the built renderer (dist/). A custom protocol rather than file://
// gives the page a real origin (app://tresse) to check IPC senders against, and keeps it from
// reading any other file of the disk.
import { readFile } from 'node:fs/promises';
import { SECURITY_HEADERS } from '../server/security-headers.ts';
import { contentTypeOf, resolveStaticFile } from '../server/static-files.ts';
import { APP_HOST } from './window.ts';

export async function serveAppRequest(request: Request, distDir: string): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
  const file = resolveStaticFile(distDir, url.pathname);
  if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
  const body = await readFile(file);
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-cache' },
  });
}
