import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { hashText } from '../text/hash.ts';
import { codePointLength, OffsetIndex } from '../text/offsets.ts';
import { applyReplacements, PositionMap, type Replacement } from '../text/remap.ts';
import { readStructure, writeStructure } from './structure.ts';

// Rewriting a source's text while everything anchored in it follows: codings, speaker turns and
// sections. Shared by source editing and pseudonymisation. Planning reads only; writing is meant
// to run inside the caller's transaction.

export interface RangeText {
  start: number;
  end: number;
  text: string;
}

export interface CodingShift {
  codingId: number;
  codeId: number;
  codeName: string;
  coderName: string;
  before: RangeText;
  /** null: all of its text was deleted, so the coding goes. */
  after: RangeText | null;
  hasMemo: boolean;
}

export interface StructureShift {
  /** The segment's index in the source's structure before the change (service/structure.ts). */
  id: number;
  kind: 'turn' | 'section';
  label: string;
  before: { start: number; end: number };
  after: { start: number; end: number } | null;
}

export interface TextChangePlan {
  sourceId: number;
  oldText: string;
  newText: string;
  replacements: Replacement[];
  /** Codings whose place or text changes (unchanged ones are only counted). */
  moved: CodingShift[];
  /** Still there, but some of their text changed (a corrected word, a name replaced): grown or shrunk. */
  changed: CodingShift[];
  removed: CodingShift[];
  unchanged: number;
  structure: StructureShift[];
}

interface CodingRow {
  id: number;
  codeId: number;
  codeName: string;
  coderName: string;
  start: number;
  end: number;
  hasMemo: number;
}

export function planTextChange(db: Db, sourceId: number, oldText: string, replacements: Replacement[]): TextChangePlan {
  const newText = applyReplacements(oldText, replacements);
  const map = new PositionMap(replacements);
  const oldIndex = new OffsetIndex(oldText);
  const newIndex = new OffsetIndex(newText);
  const slice = (text: string, index: OffsetIndex, s: number, e: number) => text.slice(index.toUtf16(s), index.toUtf16(e));
  const plan: TextChangePlan = { sourceId, oldText, newText, replacements, moved: [], changed: [], removed: [], unchanged: 0, structure: [] };
  const codings = stmt(
    db,
    `SELECT k.id, k.code_id AS codeId, c.name AS codeName, u.name AS coderName, k.start, k.end,
       EXISTS (SELECT 1 FROM memos m WHERE m.coding_id = k.id) AS hasMemo
     FROM codings k JOIN codes c ON c.id = k.code_id JOIN coders u ON u.id = k.coder_id
     WHERE k.source_id = ? ORDER BY k.start, k.end, k.id`,
  ).all(sourceId) as CodingRow[];
  for (const k of codings) {
    const after = map.mapRange(k.start, k.end);
    const before = { start: k.start, end: k.end, text: slice(oldText, oldIndex, k.start, k.end) };
    const afterText = after ? { ...after, text: slice(newText, newIndex, after.start, after.end) } : null;
    if (afterText && afterText.text === before.text && after!.start === k.start) {
      plan.unchanged++;
      continue;
    }
    const shift: CodingShift = {
      codingId: k.id,
      codeId: k.codeId,
      codeName: k.codeName,
      coderName: k.coderName,
      before,
      after: afterText,
      hasMemo: k.hasMemo === 1,
    };
    if (!afterText) plan.removed.push(shift);
    else if (afterText.text === before.text) plan.moved.push(shift);
    else plan.changed.push(shift);
  }
  const segments = readStructure(db, sourceId);
  segments.forEach((s, index) => {
    // An empty segment (a heading with no body) keeps its place as a point.
    const after = s.end > s.start ? map.mapRange(s.start, s.end) : { start: map.mapStart(s.start), end: map.mapStart(s.start) };
    if (after && after.start === s.start && after.end === s.end) return;
    const label = s.kind === 'turn' ? s.speaker : s.heading;
    plan.structure.push({ id: index, kind: s.kind, label, before: { start: s.start, end: s.end }, after });
  });
  return plan;
}

/** Writes a planned change: the text (its hash, length and search index follow), codings, structure. */
export function writeTextChange(db: Db, plan: TextChangePlan): void {
  // The update trigger queues the source for re-indexing (db/search.ts).
  stmt(db, 'UPDATE sources SET text = ?, text_hash = ?, length = ? WHERE id = ?').run(
    plan.newText,
    hashText(plan.newText),
    codePointLength(plan.newText),
    plan.sourceId,
  );
  const move = stmt(db, 'UPDATE codings SET start = ?, end = ? WHERE id = ?');
  for (const k of [...plan.moved, ...plan.changed]) move.run(k.after!.start, k.after!.end, k.codingId);
  const drop = stmt(db, 'DELETE FROM codings WHERE id = ?');
  for (const k of plan.removed) drop.run(k.codingId);
  if (plan.structure.length === 0) return;
  // The positions map keeps order, so the moved segments stay in position order.
  const shifts = new Map(plan.structure.map((s) => [s.id, s.after]));
  const segments = readStructure(db, plan.sourceId).flatMap((s, index) => {
    const after = shifts.get(index);
    if (after === undefined) return [s];
    return after ? [{ ...s, start: after.start, end: after.end }] : [];
  });
  writeStructure(db, plan.sourceId, segments);
}
