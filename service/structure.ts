import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import type { StructureSegment } from '../model/types.ts';

// A source's speaker turns and sections live in one JSON value, sources.structure: an array of
// StructureSegment in position order (ties keep their given order), each written with exactly the
// type's fields so that reading it back is a plain JSON.parse. Always read and written whole.

/** The stored form; refuses a segment that is not a range of the text (a programming error, not the user's). */
export function structureJson(structure: readonly StructureSegment[]): string {
  const canonical = structure.map((s): StructureSegment => {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end < s.start) {
      throw new RangeError(`structure segment ${s.start}-${s.end} is not a range`);
    }
    return s.kind === 'turn'
      ? { kind: 'turn', start: s.start, end: s.end, speaker: s.speaker, timestampMs: s.timestampMs ?? null }
      : { kind: 'section', start: s.start, end: s.end, heading: s.heading, level: s.level };
  });
  // Array.prototype.sort is stable: segments starting together keep their order.
  return JSON.stringify(canonical.sort((a, b) => a.start - b.start));
}

export function parseStructure(json: string): StructureSegment[] {
  return JSON.parse(json) as StructureSegment[];
}

export function readStructure(db: Db, sourceId: number): StructureSegment[] {
  const row = stmt(db, 'SELECT structure FROM sources WHERE id = ?').get(sourceId) as { structure: string } | undefined;
  return row ? parseStructure(row.structure) : [];
}

export function writeStructure(db: Db, sourceId: number, structure: readonly StructureSegment[]): void {
  stmt(db, 'UPDATE sources SET structure = ? WHERE id = ?').run(structureJson(structure), sourceId);
}
