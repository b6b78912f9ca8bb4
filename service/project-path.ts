// Where a new project goes when the user types a name rather than a full path (the browser mode
// has no file dialog). A bare or relative name is placed in a folder the user knows — the last one
// a project was created or opened in, else their documents folder — never in the server's working
// directory, which is an accident of how the program was started. Full paths (the desktop dialog,
// the command line) are taken as given.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export const PROJECT_EXTENSION = '.tresse';

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * XDG_DOCUMENTS_DIR from user-dirs.dirs (the file desktop environments write, with the folder's
 * localised name), or null. Values are `"$HOME/…"` or absolute, as xdg-user-dirs documents.
 */
function xdgDocumentsDir(env: NodeJS.ProcessEnv, home: string): string | null {
  const file = join(env.XDG_CONFIG_HOME || join(home, '.config'), 'user-dirs.dirs');
  if (!existsSync(file)) return null;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const match = /^\s*XDG_DOCUMENTS_DIR\s*=\s*"([^"]*)"/m.exec(text);
  if (!match?.[1]) return null;
  const value = match[1].replace(/^\$HOME(?=\/|$)/, home);
  return isAbsolute(value) ? value : null;
}

/** The user's documents folder if it exists, else the home folder. */
export function defaultDocumentsDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  const candidates = [
    ...(platform === 'linux' || platform === 'freebsd' || platform === 'openbsd' ? [xdgDocumentsDir(env, home)] : []),
    join(platform === 'win32' ? (env.USERPROFILE ?? home) : home, 'Documents'),
  ];
  for (const dir of candidates) if (dir && isDirectory(dir)) return dir;
  return home;
}

/**
 * The file a typed project path stands for. `~` is the home folder. An absolute path is kept as
 * typed; anything else is placed in `baseDir` and gets `.tresse` when it lacks it, so `memoire`
 * never becomes an extensionless file that no one recognises as a project.
 */
export function resolveProjectPath(typed: string, baseDir: string, home: string = homedir()): string {
  const text = typed.trim();
  const tilde = /^~(?=$|[\\/])/.test(text);
  if (!tilde && isAbsolute(text)) return resolve(text);
  const full = tilde ? join(home, text.slice(1)) : resolve(baseDir, text);
  return full.toLowerCase().endsWith(PROJECT_EXTENSION) ? full : `${full}${PROJECT_EXTENSION}`;
}
