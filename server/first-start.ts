// Which project a new session starts on, the same in both shells: the one asked for, else the
// most recent one, else (on the very first start) the demo project, built once in the user's
// configuration folder so a newcomer sees coded material straight away.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoProject } from '../service/demo.ts';
import type { Workspace } from '../service/workspace.ts';

export type StartupOutcome = 'requested' | 'recent' | 'demo' | 'none';

export async function openStartupProject(ws: Workspace, options: { configDir: string; projectPath?: string; demoDir?: string }): Promise<StartupOutcome> {
  if (options.projectPath) {
    ws.open(options.projectPath);
    return 'requested';
  }
  const recent = ws.recent();
  if (recent.length > 0) {
    // A moved or deleted project is not an error at start: the welcome screen lists the others.
    try {
      ws.open(recent[0]!.path);
      return 'recent';
    } catch (e) {
      console.warn(`[tresse] ${recent[0]!.path}: ${(e as Error).message}`);
      return 'none';
    }
  }
  const demo = join(options.configDir, 'demo.tresse');
  mkdirSync(options.configDir, { recursive: true });
  if (!existsSync(demo)) await createDemoProject(demo, ...(options.demoDir ? [options.demoDir] : []));
  ws.open(demo);
  return 'demo';
}
