// The migration to one coding per coder, code and passage, on a project file written by the
// version before it: codings inside another of the same source, code and coder are folded into
// the widest, with their memos; nothing else changes; the count is told once, in the app's
// project summary and by the command line; exports quote the passage once.
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.ts';
import { APPLICATION_ID } from '../../db/open.ts';
import { Workspace } from '../../service/workspace.ts';
import { tresse } from '../helpers/cli.ts';
import { callerOf, contextOf } from '../helpers/contract.ts';
import { tempDir } from '../helpers/project.ts';

const TEXT = 'Le secret partagé ne pose aucun problème. Le secret médical, si. Le secret, toujours le secret.';
const SENTENCE = 'Le secret partagé ne pose aucun problème.';
const BEFORE = migrations.find((m) => m.name === 'single-codings')!.version - 1;

// [id, coder, code, start, end]: Camille is coder 1, Léo 2; CL1 is code 1, DI1 code 2.
const CODINGS: Array<[number, number, number, number, number]> = [
  [1, 1, 1, 0, 41], // the sentence
  [2, 1, 1, 3, 17], // « secret partagé », inside 1: folded into it
  [3, 1, 1, 0, 41], // the sentence again: folded into 1, the older
  [4, 1, 1, 26, 51], // overlaps 1 without lying inside it: kept
  [5, 2, 1, 3, 17], // Léo's: another coder, kept
  [6, 1, 2, 3, 17], // another code, kept
  [7, 1, 1, 42, 64], // overlaps 4: kept
  [8, 1, 1, 45, 50], // inside 4 and 7: folded into 4, the first in the text
];
// [coding, text]
const CODING_MEMOS: Array<[number, string]> = [
  [1, 'mémo de 1'],
  [2, 'mémo de 2'],
  [3, 'mémo de 3'],
  [8, 'mémo de 8'],
  [5, 'mémo de Léo'],
];

/** A project file as the version before the migration wrote it, holding the codings above. */
function projectBefore(): string {
  const path = join(tempDir(), 'ancien.tresse');
  const raw = new Database(path);
  raw.pragma(`application_id = ${APPLICATION_ID}`);
  for (const m of migrations.filter((m) => m.version <= BEFORE)) raw.exec(m.sql);
  raw.pragma(`user_version = ${BEFORE}`);
  const at = '2026-01-01T00:00:00Z';
  raw.prepare("INSERT INTO project (id, guid, name, grid, created_at) VALUES (1, 'p', 'Ancien', 'empty', ?)").run(at);
  raw.prepare("INSERT INTO settings (key, value) VALUES ('default_coder', 'Camille')").run();
  raw.prepare("INSERT INTO coders (id, guid, name, created_at) VALUES (1, 'u1', 'Camille', ?), (2, 'u2', 'Léo', ?)").run(at, at);
  raw
    .prepare(
      `INSERT INTO sources (id, guid, kind, name, text, text_hash, length, origin_format, imported_at)
       VALUES (1, 's1', 'interview', 'E1', ?, 'h', ?, 'txt', ?)`,
    )
    .run(TEXT, [...TEXT].length, at);
  raw.prepare("INSERT INTO codes (id, guid, name, color, created_at) VALUES (1, 'c1', 'CL1', '#123456', ?), (2, 'c2', 'DI1', '#654321', ?)").run(at, at);
  const coding = raw.prepare('INSERT INTO codings (id, guid, source_id, code_id, coder_id, start, end, created_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?)');
  for (const [id, coder, code, start, end] of CODINGS) coding.run(id, `k${id}`, code, coder, start, end, at);
  const memo = raw.prepare('INSERT INTO memos (guid, coding_id, source_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  CODING_MEMOS.forEach(([codingId, text], i) => memo.run(`m${i}`, codingId, null, text, at, at));
  memo.run('ms', null, 1, 'mémo de la source', at, at);
  raw.close();
  return path;
}

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
