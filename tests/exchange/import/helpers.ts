// Shared assertions for the importer tests.

import { expect } from 'vitest';
import type { ParsedSource, StructureSegment } from '../../../model/types.ts';
import { isTresseError } from '../../../i18n/error.ts';
import { normaliseText } from '../../../text/normalise.ts';
import { codePointLength, sliceCodePoints } from '../../../text/offsets.ts';
import { formatImportNote } from '../../../i18n/import-notes.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { ImportNote } from '../../../model/types.ts';

export type Turn = Extract<StructureSegment, { kind: 'turn' }>;
export type Section = Extract<StructureSegment, { kind: 'section' }>;

export const turnsOf = (p: { structure: StructureSegment[] }): Turn[] => p.structure.filter((s): s is Turn => s.kind === 'turn');
export const sectionsOf = (p: { structure: StructureSegment[] }): Section[] => p.structure.filter((s): s is Section => s.kind === 'section');

/** The text a segment covers, cut by code points as every consumer of the structure will. */
export const covered = (p: ParsedSource, s: StructureSegment): string => sliceCodePoints(p.text, s.start, s.end);

/** The invariants every import result must keep, whatever the format. */
export function expectWellFormed(p: ParsedSource): void {
  expect(normaliseText(p.text)).toBe(p.text);
  const length = codePointLength(p.text);
  for (const s of p.structure) {
    expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(length);
  }
  const turns = turnsOf(p);
  for (let i = 1; i < turns.length; i++) expect(turns[i]!.start).toBeGreaterThanOrEqual(turns[i - 1]!.end);
}

/** Runs an import expected to fail and returns the TresseError code and params. */
export async function failure(run: Promise<unknown>): Promise<{ code: string; params: Record<string, string | number> }> {
  try {
    await run;
  } catch (e) {
    if (isTresseError(e)) return { code: e.code, params: e.params };
    throw e;
  }
  throw new Error('expected the import to fail');
}

/** The importer's notes as the user reads them. */
export const noteTexts = (p: { notes: ImportNote[] }, lang: Lang = 'fr'): string[] => p.notes.map((n) => formatImportNote(n, lang));
