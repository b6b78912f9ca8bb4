import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.ts';
import { APPLICATION_ID, openProjectDb } from '../../db/open.ts';
import type { StructureSegment } from '../../model/types.ts';
import { parseStructure } from '../../service/structure.ts';
import { tempDir } from '../helpers/project.ts';

/** A project file as Tresse wrote it at `version`, holding one source per structure given. */
function projectAtVersion(version: number, structures: string[]): string {
  const path = join(tempDir(), `v${version}.tresse`);
  const raw = new Database(path);
  raw.pragma(`application_id = ${APPLICATION_ID}`);
  for (const m of migrations.filter((m) => m.version <= version)) raw.exec(m.sql);
  raw.pragma(`user_version = ${version}`);
  const insert = raw.prepare(
    `INSERT INTO sources (guid, kind, name, text, text_hash, length, origin_format, imported_at, structure)
     VALUES (?, 'interview', ?, 'x', ?, 1, 'txt', '2026-01-01T00:00:00Z', ?)`,
  );
  structures.forEach((s, i) => insert.run(`g${i}`, `source ${i}`, `h${i}`, s));
  raw.close();
  return path;
}

describe('migration 4: a source structure as rows', () => {
  // A section and a turn starting together, turns with and without a timestamp, a heading and a
  // speaker with characters JSON escapes.
  const legacy: StructureSegment[] = [
    { kind: 'section', start: 0, end: 120, heading: 'Le "secret" partagé', level: 1 },
    { kind: 'turn', start: 0, end: 40, speaker: 'Enquêtrice', timestampMs: 4000 },
    { kind: 'turn', start: 40, end: 90, speaker: 'Marie (coordinatrice)', timestampMs: null },
    { kind: 'section', start: 90, end: 120, heading: 'Suite\\fin', level: 2 },
    { kind: 'turn', start: 90, end: 120, speaker: 'E1', timestampMs: 65_250 },
  ];

  it('rewrites the object form of version 3 and reads back the same segments in the same order', () => {
    const path = projectAtVersion(3, [JSON.stringify(legacy), '[]']);
    const db = openProjectDb(path);
    const rows = db.prepare('SELECT structure FROM sources ORDER BY id').pluck().all() as string[];
    expect(JSON.parse(rows[0]!)).toEqual([
      [0, 120, 1, 'Le "secret" partagé'],
      [0, 40, 'Enquêtrice', 4000],
      [40, 90, 'Marie (coordinatrice)'],
      [90, 120, 2, 'Suite\\fin'],
      [90, 120, 'E1', 65_250],
    ]);
    expect(parseStructure(rows[0]!)).toEqual(legacy);
    expect(rows[1]).toBe('[]');
    db.close();
  });
});
