// Where Tresse keeps its settings (the recent-projects list, the demo project): the folder
// Electron's app.getPath('userData') gives for an app named "Tresse", so the desktop app and the
// browser mode share them.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Tresse');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Tresse');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Tresse');
}
