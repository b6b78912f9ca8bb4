import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStartupProject } from '../../server/first-start.ts';
import { closeProject, createProject, projectInfo } from '../../service/project.ts';
import { Workspace } from '../../service/workspace.ts';

const root = mkdtempSync(join(tmpdir(), 'tresse-first-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs one start-up in a fresh workspace on `configDir` and closes it again. */
async function startOnce(configDir: string, projectPath?: string) {
  const ws = new Workspace({ configDir, lang: 'fr' });
  try {
    const outcome = await openStartupProject(ws, { configDir, ...(projectPath ? { projectPath } : {}) });
    return { outcome, path: ws.ctx?.path ?? null, counts: ws.ctx ? projectInfo(ws.ctx).counts : null };
  } finally {
    ws.close();
  }
}

describe('first start', () => {
  const config = join(root, 'fresh', 'Tresse');

  it('builds and opens the demo project when there is no recent project, even in a config folder not yet made', async () => {
    const first = await startOnce(config);
    expect(first.outcome).toBe('demo');
    expect(first.path).toBe(join(config, 'demo.tresse'));
    expect(first.counts?.sources).toBeGreaterThan(0);
    expect(first.counts?.codings).toBeGreaterThan(0);
  });

  it('reopens the most recent project next time instead of rebuilding the demo', async () => {
    const again = await startOnce(config);
    expect(again).toMatchObject({ outcome: 'recent', path: join(config, 'demo.tresse') });
  });

  it('opens the project asked for', async () => {
    const path = join(root, 'these.tresse');
    closeProject(createProject(path, { grid: 'empty', coder: 'Test' }));
    expect(await startOnce(config, path)).toMatchObject({ outcome: 'requested', path });
  });

  it('starts on no project when the most recent one has gone, without recreating the demo', async () => {
    const other = join(root, 'other-config');
    const path = join(root, 'deplace.tresse');
    closeProject(createProject(path, { grid: 'empty', coder: 'Test' }));
    await startOnce(other, path);
    rmSync(path);
    expect(await startOnce(other)).toMatchObject({ outcome: 'none', path: null });
    expect(existsSync(join(other, 'demo.tresse'))).toBe(false);
  });
});
