// The migration to one coding per coder, code and passage, on a project file written by the
// version before it: codings inside another of the same source, code and coder are folded into
// the widest, with their memos; nothing else changes; the count is told once, in the app's
// project summary and by the command line; exports quote the passage once.
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../service/workspace.ts';
import { tresse } from '../helpers/cli.ts';
import { callerOf, contextOf } from '../helpers/contract.ts';
import { tempDir } from '../helpers/project.ts';
import { CODINGS, SENTENCE, projectBefore as writeProjectBefore } from '../helpers/single-codings-before.ts';

const projectBefore = () => writeProjectBefore(tempDir());

function workspace(lang: 'fr' | 'en' = 'fr'): Workspace {
  return new Workspace({ configDir: join(tempDir(), 'config'), lang, autoBackup: false });
}

describe('migration: one coding per coder, code and passage', () => {
  it('folds each coding inside another of its coder and code into the widest, memos included, and nothing else', () => {
    const ws = workspace();
    try {
      const info = ws.open(projectBefore());
      expect(info.upgradeNotices).toEqual([{ kind: 'codingsMerged', count: 3 }]);
      expect(info.counts.codings).toBe(5);
      const db = ws.project.db;
      expect(db.prepare('SELECT id, coder_id, code_id, start, end FROM codings ORDER BY id').raw().all()).toEqual(
        CODINGS.filter(([id]) => ![2, 3, 8].includes(id)).map(([id, coder, code, start, end]) => [id, coder, code, start, end]),
      );
      expect(db.prepare('SELECT text, coding_id, source_id FROM memos ORDER BY id').raw().all()).toEqual([
        ['mémo de 1', 1, null],
        ['mémo de 2', 1, null],
        ['mémo de 3', 1, null],
        ['mémo de 8', 4, null],
        ['mémo de Léo', 5, null],
        ['mémo de la source', null, 1],
      ]);
      expect(db.prepare("SELECT name FROM sqlite_temp_master WHERE type = 'table'").all()).toEqual([]);
    } finally {
      ws.close();
    }
  });

  it('tells it once: the next opening has nothing to tell', () => {
    const path = projectBefore();
    const first = workspace();
    expect(first.open(path).upgradeNotices).toHaveLength(1);
    first.close();
    const second = workspace();
    try {
      expect(second.open(path).upgradeNotices).toBeUndefined();
      expect(second.project.db.prepare('SELECT count(*) FROM codings').pluck().get()).toBe(5);
    } finally {
      second.close();
    }
  });

  it('the command line prints the count in the user’s language, once', async () => {
    const path = projectBefore();
    const dir = tempDir();
    const first = await tresse(dir, 'codings', path);
    expect(first.code).toBe(0);
    expect(first.err).toContain('Mise à jour du projet : 3 codage(s) en double');
    const second = await tresse(dir, 'codings', path);
    expect(second.err).not.toContain('Mise à jour du projet');
  });

  it('an export quotes the passage once where the project held it twice', async () => {
    const path = projectBefore();
    const raw = new Database(path, { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM codings WHERE coder_id = 1 AND code_id = 1 AND start = 0 AND end = 41').pluck().get()).toBe(2);
    raw.close();
    const copy = join(tempDir(), 'copie.tresse');
    copyFileSync(path, copy);
    const ws = workspace();
    try {
      ws.open(copy);
      const call = callerOf(contextOf(ws));
      const exported = await call('exportMatrix', {
        request: { type: 'triangulation', rows: 'codes', filter: { coderIds: [1] } },
        format: 'html',
      });
      expect(exported.ok).toBe(true);
      const html = exported.ok ? new TextDecoder().decode(exported.value) : '';
      expect(html.split(SENTENCE).length - 1).toBe(1);
    } finally {
      ws.close();
    }
  });
});
