// Where recordings live: beside the project, never inside it (a two-hour video would multiply the
// project file's size, its backups' and every .qdpx's). A recording already in the project's
// folder tree is referenced where it is; one from elsewhere is copied into the project's media
// folder, so moving the project with its folder keeps every path valid. Paths are stored relative
// to the project's folder with '/' separators, the same on every system.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, statSync, copyFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { MediaState, SourceMedia } from '../model/media.ts';
import { besideName } from './write-beside.ts';

/** The folder beside `<name>.tresse` that holds the recordings copied in: `<name>.media`. */
export function mediaFolderOf(projectPath: string): string {
  return join(dirname(projectPath), `${basename(projectPath).replace(/\.tresse$/i, '')}.media`);
}

/** The absolute path of a recording stored relative to the project's folder. */
export function resolveMediaPath(projectPath: string, relPath: string): string {
  return resolve(dirname(projectPath), ...relPath.split('/'));
}

/** `file` relative to the project's folder with '/' separators, or null when it lies outside it. */
export function relativeMediaPath(projectPath: string, file: string): string | null {
  const rel = relative(dirname(projectPath), resolve(file));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return rel.split(sep).join('/');
}

export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** What the project records of a recording file once placed. */
export interface PlacedMedia {
  path: string;
  sha256: string;
  size: number;
  mtimeMs: number;
}

/**
 * Places a recording for the project at `projectPath`: referenced in place when it lies in the
 * project's folder tree, otherwise copied into the media folder (complete before it takes its name;
 * a file of the same name and content is reused, another content gets a free name).
 */
export async function placeMedia(projectPath: string, from: { file: string } | { bytes: Uint8Array; fileName: string }): Promise<PlacedMedia> {
  if ('file' in from) {
    const inPlace = relativeMediaPath(projectPath, from.file);
    if (inPlace) return describe(projectPath, inPlace, await hashFile(from.file));
  }
  const sha256 = 'file' in from ? await hashFile(from.file) : createHash('sha256').update(from.bytes).digest('hex');
  const folder = mediaFolderOf(projectPath);
  mkdirSync(folder, { recursive: true });
  const name = safeFileName('file' in from ? basename(from.file) : from.fileName);
  const dest = await freeNameFor(folder, name, sha256);
  if (!existsSync(dest)) {
    const tmp = besideName(dest);
    try {
      if ('file' in from) copyFileSync(from.file, tmp);
      else writeFileSync(tmp, from.bytes, { flag: 'wx' });
      renameSync(tmp, dest);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
  }
  return describe(projectPath, relativeMediaPath(projectPath, dest)!, sha256);
}

function describe(projectPath: string, path: string, sha256: string): PlacedMedia {
  const stat = statSync(resolveMediaPath(projectPath, path));
  return { path, sha256, size: stat.size, mtimeMs: Math.trunc(stat.mtimeMs) };
}

/** `name` in `folder`, or `name (2)`, `name (3)`…: the first that is free or already holds this content. */
async function freeNameFor(folder: string, name: string, sha256: string): Promise<string> {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = join(folder, n === 1 ? name : `${stem} (${n})${ext}`);
    if (!existsSync(candidate) || (await hashFile(candidate)) === sha256) return candidate;
  }
}

/** A file name any system accepts: no separators or reserved characters, not hidden. */
function safeFileName(name: string): string {
  const cleaned = [...name]
    .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .replace(/^\.+/, '')
    .trim();
  return cleaned || 'media';
}

/**
 * Whether the linked recording is still there and the same: a size and modification time as
 * recorded spare reading it; otherwise its hash decides (a copy back in place is the same file).
 */
export async function mediaStateOf(projectPath: string, media: SourceMedia): Promise<MediaState> {
  const file = resolveMediaPath(projectPath, media.path);
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return 'missing';
  }
  if (!stat.isFile()) return 'missing';
  if (stat.size === media.size && Math.trunc(stat.mtimeMs) === media.mtimeMs) return 'ok';
  if (stat.size !== media.size) return 'changed';
  return (await hashFile(file)) === media.sha256 ? 'ok' : 'changed';
}
