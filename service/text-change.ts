import type { Db } from '../db/open.ts';
import { indexSource } from '../db/search-index.ts';
import { stmt } from '../db/statements.ts';
import type { StructureSegment } from '../model/types.ts';
import { hashText } from '../text/hash.ts';
import { codePointLength, OffsetIndex } from '../text/offsets.ts';
import { applyReplacements, PositionMap, type Replacement } from '../text/remap.ts';
import { planStructureChange, type StructureShift } from './structure-change.ts';
import { readStructure, writeStructure } from './structure.ts';

export type { StructureShift } from './structure-change.ts';

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
  /** The structure to write, exactly as the shifts describe it; null when it does not change. */
  structureAfter: StructureSegment[] | null;
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

/**
 * `followLabels`: speaker labels and headings written in the text decide the turns and sections
 * (a correction typed by the user, service/structure-change.ts); otherwise they only follow the text.
 */
export function planTextChange(
  db: Db,
  sourceId: number,
  oldText: string,
  replacements: Replacement[],
  options: { followLabels?: boolean } = {},
): TextChangePlan {
  const newText = applyReplacements(oldText, replacements);
  const map = new PositionMap(replacements);
  const oldIndex = new OffsetIndex(oldText);
  const newIndex = new OffsetIndex(newText);
  const slice = (text: string, index: OffsetIndex, s: number, e: number) => text.slice(index.toUtf16(s), index.toUtf16(e));
  const plan: TextChangePlan = {
    sourceId,
    oldText,
    newText,
    replacements,
    moved: [],
    changed: [],
    removed: [],
    unchanged: 0,
    structure: [],
    structureAfter: null,
  };
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
  const change = planStructureChange(readStructure(db, sourceId), oldText, newText, replacements, map, {
    followLabels: options.followLabels ?? false,
  });
  plan.structure = change.shifts;
  if (change.shifts.length > 0) plan.structureAfter = change.structure;
  return plan;
}

/** Writes a planned change: the text (its hash, length and search index follow), codings, structure. */
export function writeTextChange(db: Db, plan: TextChangePlan): void {
  // The update trigger drops the old index rows; the new ones are written in the same transaction.
  stmt(db, 'UPDATE sources SET text = ?, text_hash = ?, length = ? WHERE id = ?').run(
    plan.newText,
    hashText(plan.newText),
    codePointLength(plan.newText),
    plan.sourceId,
  );
  indexSource(db, plan.sourceId, plan.newText);
  const move = stmt(db, 'UPDATE codings SET start = ?, end = ? WHERE id = ?');
  for (const k of [...plan.moved, ...plan.changed]) move.run(k.after!.start, k.after!.end, k.codingId);
  const drop = stmt(db, 'DELETE FROM codings WHERE id = ?');
  for (const k of plan.removed) drop.run(k.codingId);
  if (plan.structureAfter) writeStructure(db, plan.sourceId, plan.structureAfter);
}
