import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, createProjectDb, openProjectDb } from '../../db/open.ts';
import { LATEST_VERSION } from '../../db/migrations/index.ts';
import { tempDir } from '../helpers/project.ts';
import { errorOf } from '../helpers/errors.ts';

describe('the project file', () => {
  it('is created with WAL, foreign keys, STRICT tables and the latest format', () => {
    const path = join(tempDir(), 'p.tresse');
    const db = createProjectDb(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE TABLE%' AND name NOT LIKE 'sources_fts%'")
      .all() as {
      name: string;
      sql: string;
    }[];
    expect(tables.length).toBeGreaterThan(8);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT/);
    db.close();
  });

  it('reopens an existing project', () => {
    const path = join(tempDir(), 'p.tresse');
    createProjectDb(path).close();
    const db = openProjectDb(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('refuses to overwrite an existing file on creation', () => {
    const path = join(tempDir(), 'p.tresse');
    writeFileSync(path, 'mes notes');
    expect(errorOf(() => createProjectDb(path)).code).toBe('project.exists');
    expect(readFileSync(path, 'utf8')).toBe('mes notes');
  });

  it('refuses a file that is not a database, and leaves it untouched', () => {
    const path = join(tempDir(), 'notes.tresse');
    writeFileSync(path, 'Ceci est un fichier texte, pas un projet.');
    const before = readFileSync(path);
    const e = errorOf(() => openProjectDb(path));
    expect(e.code).toBe('project.notTresse');
    expect(e.format('fr')).toContain("n'est pas un projet Tresse");
    expect(readFileSync(path)).toEqual(before);
  });

  it('refuses a SQLite database of another program, byte for byte unchanged', () => {
    const path = join(tempDir(), 'autre.db');
    const other = new Database(path);
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    other.close();
    const before = readFileSync(path);
    expect(errorOf(() => openProjectDb(path)).code).toBe('project.notTresse');
    expect(readFileSync(path)).toEqual(before);
  });

  it('refuses a project from a newer Tresse, byte for byte unchanged', () => {
    const path = join(tempDir(), 'futur.tresse');
    createProjectDb(path).close();
    const raw = new Database(path);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const before = readFileSync(path);
    const e = errorOf(() => openProjectDb(path));
    expect(e.code).toBe('project.tooNew');
    expect(e.format('en')).toContain('newer version');
    expect(readFileSync(path)).toEqual(before);
  });

  it('says a missing project is missing', () => {
    expect(errorOf(() => openProjectDb(join(tempDir(), 'absent.tresse'))).code).toBe('project.notFound');
  });

  it('enforces foreign keys: a coding cannot point to a missing source', () => {
    const db = createProjectDb(':memory:');
    expect(() =>
      db.prepare(`INSERT INTO codings (guid, source_id, code_id, coder_id, start, end, created_at) VALUES ('g', 99, 99, 99, 0, 1, 'x')`).run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
