import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import type { StructureSegment } from '../model/types.ts';

// A source's speaker turns and sections live in one JSON value, sources.structure: an array in
// position order (ties keep their given order) with one row per segment:
//   turn     [start, end, speaker] or [start, end, speaker, timestampMs]
//   section  [start, end, level, heading]
// Rows rather than objects because the value is written with every imported source: a long
// interview's 150 turns take 4 KB instead of 12, which is a tenth of what an import writes.
// Always read and written whole. Migration 0004 turned the earlier object form into this one.

type StoredTurn = [start: number, end: number, speaker: string, timestampMs?: number];
type StoredSection = [start: number, end: number, level: number, heading: string];

/** The stored form; refuses a segment that is not a range of the text (a programming error, not the user's). */
export function structureJson(structure: readonly StructureSegment[]): string {
  const rows = structure.map((s): StoredTurn | StoredSection => {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end < s.start) {
      throw new RangeError(`structure segment ${s.start}-${s.end} is not a range`);
    }
    if (s.kind === 'section') return [s.start, s.end, s.level, s.heading];
    return s.timestampMs === null || s.timestampMs === undefined ? [s.start, s.end, s.speaker] : [s.start, s.end, s.speaker, s.timestampMs];
  });
  // Array.prototype.sort is stable: segments starting together keep their order.
  return JSON.stringify(rows.sort((a, b) => a[0] - b[0]));
}

export function parseStructure(json: string): StructureSegment[] {
  return (JSON.parse(json) as Array<StoredTurn | StoredSection>).map((row): StructureSegment => {
    if (typeof row[2] === 'string') {
      return { kind: 'turn', start: row[0], end: row[1], speaker: row[2], timestampMs: (row[3] as number | undefined) ?? null };
    }
    return { kind: 'section', start: row[0], end: row[1], heading: row[3] as string, level: row[2] };
  });
}

export function readStructure(db: Db, sourceId: number): StructureSegment[] {
  const row = stmt(db, 'SELECT structure FROM sources WHERE id = ?').get(sourceId) as { structure: string } | undefined;
  return row ? parseStructure(row.structure) : [];
}

export function writeStructure(db: Db, sourceId: number, structure: readonly StructureSegment[]): void {
  stmt(db, 'UPDATE sources SET structure = ? WHERE id = ?').run(structureJson(structure), sourceId);
}
