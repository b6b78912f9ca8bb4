// The command line opens projects with SQLite's own 2 MB page cache rather than better-sqlite3's
// 16 MB, which a long import filled with pages it never read again (its peak memory is measured by
// `npm run bench`). The project must read and write the same with it.
import { describe, expect, it } from 'vitest';
import { closeProject, createProject, openProject } from '../../service/project.ts';
import { addText, tempDir } from '../helpers/project.ts';
import { join } from 'node:path';

const cacheKb = (ctx: ReturnType<typeof openProject>) => -(ctx.db.pragma('cache_size', { simple: true }) as number);

describe('a project opened with a page cache of its own size', () => {
  it('uses that cache, and writes what a later opening with the default cache reads', () => {
    const path = join(tempDir(), 'etude.tresse');
    closeProject(createProject(path, { grid: 'six-themes', coder: 'Camille' }));

    const small = openProject(path, 'Camille', { pageCacheKb: 2000 });
    expect(cacheKb(small)).toBe(2000);
    for (let i = 0; i < 20; i++) addText(small, `Entretien ${i}`, `P${i} : ${'le secret partagé, on en parle en réunion. '.repeat(2000)}${i}\n`);
    closeProject(small);

    const usual = openProject(path, 'Camille');
    expect(cacheKb(usual)).not.toBe(2000);
    expect(usual.db.prepare('SELECT count(*) AS n FROM sources').get()).toEqual({ n: 20 });
    closeProject(usual);
  });
});
