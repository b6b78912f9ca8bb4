// Finding the built renderer's files for a URL path, shared by the browser-mode server and the
// Electron app:// protocol. A path never escapes the static folder.
import { statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file to serve for `urlPath` (already stripped of query and fragment), or null. "/" is
 * index.html; a path without an extension that matches no file is a page of the single-page app
 * and also gets index.html; traversal ("..", encoded slashes, NUL) gets nothing.
 */
export function resolveStaticFile(staticDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const root = resolve(staticDir);
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const target = resolve(root, relative);
  if (target !== root && !target.startsWith(root + sep)) return null;
  if (isFile(target)) return target;
  if (extname(decoded) === '') {
    const index = resolve(root, 'index.html');
    return isFile(index) ? index : null;
  }
  return null;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
