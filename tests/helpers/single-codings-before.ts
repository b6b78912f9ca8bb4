// A project file as the version before "one coding per coder, code and passage" wrote it, holding
// codings inside others of the same source, code and coder (with memos), for the migration's tests.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { migrations } from '../../db/migrations/index.ts';
import { APPLICATION_ID } from '../../db/open.ts';

const TEXT = 'Le secret partagé ne pose aucun problème. Le secret médical, si. Le secret, toujours le secret.';
export const SENTENCE = 'Le secret partagé ne pose aucun problème.';
const BEFORE = migrations.find((m) => m.name === 'single-codings')!.version - 1;

// [id, coder, code, start, end]: Camille is coder 1, Léo 2; CL1 is code 1, DI1 code 2.
export const CODINGS: Array<[number, number, number, number, number]> = [
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
export function projectBefore(dir: string): string {
  const path = join(dir, 'ancien.tresse');
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
