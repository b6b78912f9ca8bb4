// Which files the page may name. The API takes filesystem paths (a project to open or create, a
// teammate's file to compare or merge), so a script injected into the page could otherwise open or
// create files anywhere the user can write. Each shell gives its rule, and the contract
// applies it (service/contract/call.ts) to every call before anything runs:
//  - desktop: files the user picked in a native dialog (electron/dialogs.ts records them), the
//    recent projects and the project open now (the one opened at start-up among them);
//  - browser mode, which has no dialog: files under the workspace folder (where bare names go, see
//    Workspace.newProjectFolder, and the documents folder), the recent projects, the project open
//    now (the --project given on the command line among them);
//  - command line: no restriction (UNRESTRICTED), since it is the user at their own shell.
// A path is judged by where it really leads: `..` is resolved and the deepest existing folder is
// followed through its symbolic links, so neither can lead out of an allowed folder.
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { TresseError } from '../i18n/error.ts';
import { PROJECT_EXTENSION, resolveProjectPath } from './project-path.ts';
import type { Workspace } from './workspace.ts';

export interface PathPolicy {
  /** Decides the wording of a refusal: what the user should do instead. */
  readonly rule: 'unrestricted' | 'chosen' | 'workspace';
  /** Files allowed one by one. */
  files(ws: Workspace): readonly string[];
  /** Folders whose whole tree is allowed; the first is named in a refusal. */
  folders(ws: Workspace): readonly string[];
}

/** The command line's policy: every path the user typed at their own shell. */
export const UNRESTRICTED: PathPolicy = { rule: 'unrestricted', files: () => [], folders: () => [] };

/** Files the workspace itself knows the user chose: the recent projects and the project open now. */
function knownProjects(ws: Workspace): string[] {
  return [...ws.recent().map((r) => r.path), ...(ws.ctx ? [ws.ctx.path] : [])];
}

/** The desktop's policy; `remember` is called with every path a native dialog returned. */
export function chosenPathsPolicy(): PathPolicy & { remember(path: string): void } {
  const chosen = new Set<string>();
  return {
    rule: 'chosen',
    remember: (path) => void chosen.add(resolve(path)),
    files: (ws) => [...chosen, ...knownProjects(ws)],
    folders: () => [],
  };
}

/** The browser mode's policy: the workspace folder, the documents folder, and the known projects. */
export function workspacePolicy(): PathPolicy {
  return {
    rule: 'workspace',
    files: knownProjects,
    folders: (ws) => [...new Set([ws.newProjectFolder(), ws.documentsFolder()])],
  };
}

/**
 * Where a method's argument carries a filesystem path (its declaration in service/contract/ names
 * the slot). Exports return bytes (the shell saves them), imports send bytes, backups are named by
 * file name only: none of them takes a path.
 */
export interface PathSlot {
  get(arg: Record<string, unknown>): unknown;
  set(arg: Record<string, unknown>, path: string): Record<string, unknown>;
  /** A project's path, placed like a new project's name (a bare name goes to the workspace folder, with .tresse). */
  project: boolean;
  /** The path of a project to create: only a .tresse name is accepted. */
  creates?: boolean;
}
export const projectPath: PathSlot = { get: (a) => a.path, set: (a, path) => ({ ...a, path }), project: true };
export const newProjectPath: PathSlot = { ...projectPath, creates: true };
export const otherFile: PathSlot = {
  get: (a) => (a.other && typeof a.other === 'object' ? (a.other as Record<string, unknown>).path : undefined),
  set: (a, path) => ({ ...a, other: { ...(a.other as object), path } }),
  project: false,
};

/**
 * The argument with its path made absolute (a bare name placed in the workspace folder, as
 * Workspace.resolveNewPath does), or a TresseError when the policy does not allow it. The command
 * line's policy leaves the argument untouched.
 */
export function checkPaths(slot: PathSlot | undefined, arg: unknown, ws: Workspace, policy: PathPolicy): unknown {
  if (policy.rule === 'unrestricted' || !slot) return arg;
  const record = arg as Record<string, unknown>;
  const typed = slot.get(record);
  if (typeof typed !== 'string') return arg;
  // Placed as the service places a new project's name, so the file checked is the file used; a
  // teammate's file keeps its own extension.
  const folder = ws.newProjectFolder();
  const path = slot.project ? resolveProjectPath(typed, folder) : placeFile(typed, folder);
  // Whatever its name, a new project is an SQLite file: only a .tresse name cannot stand in for
  // a file another program reads (a shell profile, a desktop entry).
  if (slot.creates && extname(path).toLowerCase() !== PROJECT_EXTENSION) {
    throw new TresseError('api.projectExtension', { path });
  }
  if (!isAllowed(path, ws, policy)) throw refusal(path, ws, policy);
  return slot.set(record, path);
}

function placeFile(typed: string, folder: string): string {
  const text = typed.trim();
  if (/^~(?=$|[\\/])/.test(text)) return join(homedir(), text.slice(1));
  return resolve(folder, text);
}

function isAllowed(path: string, ws: Workspace, policy: PathPolicy): boolean {
  const real = realPath(path);
  if (policy.files(ws).some((f) => samePath(realPath(f), real))) return true;
  return policy.folders(ws).some((folder) => isInside(real, realPath(folder)));
}

function refusal(path: string, ws: Workspace, policy: PathPolicy): TresseError {
  if (policy.rule === 'chosen') return new TresseError('api.pathNotChosen', { path });
  return new TresseError('api.pathOutsideWorkspace', { path, folder: policy.folders(ws)[0] ?? '' });
}

/**
 * Where `path` really leads: the path itself through its links when it exists, else its deepest
 * existing folder through its links with the rest appended. A dangling link is followed to its
 * target, which is where a new file would be created.
 */
function realPath(path: string, depth = 0): string {
  const abs = resolve(path);
  try {
    return realpathSync.native(abs);
  } catch {
    // Not there (yet), or not reachable: look at the last part itself, then at its folder.
  }
  if (depth < 40 && isLink(abs)) return realPath(resolve(dirname(abs), readlinkSync(abs)), depth + 1);
  const parent = dirname(abs);
  if (parent === abs) return abs;
  return join(realPath(parent, depth), basename(abs));
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

// Windows and macOS file systems ignore case by default.
const foldCase = process.platform === 'win32' || process.platform === 'darwin';

function samePath(a: string, b: string): boolean {
  return foldCase ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(foldCase ? folder.toLowerCase() : folder, foldCase ? path.toLowerCase() : path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
