import { codePointLength, OffsetIndex } from './offsets.ts';

// When a source's text changes (a typo fixed, a name pseudonymised), every position stored over it
// (codings, speaker turns, sections) must follow its words. A change is a list of replacements over
// the old text; this module maps old positions to new ones.

/** The old text's code points [start, end) become `text`. An insertion has start === end. */
export interface Replacement {
  start: number;
  end: number;
  text: string;
}

/**
 * Maps positions of an old text through sorted, non-overlapping replacements.
 * A range that starts or ends inside a replaced stretch grows to take all of its new text (a
 * coding that covered half a name covers the whole pseudonym); text inserted exactly at a range's
 * edge stays outside it; a range whose text was wholly deleted maps to nothing.
 */
export class PositionMap {
  private readonly reps: readonly Replacement[];
  /** Code-point length of each replacement's new text. */
  private readonly lengths: number[];
  /** Shift of positions before replacement i: sum of the length changes of replacements 0..i-1. */
  private readonly shiftBefore: number[];

  constructor(replacements: readonly Replacement[]) {
    this.reps = replacements;
    this.lengths = replacements.map((r) => codePointLength(r.text));
    this.shiftBefore = [];
    let shift = 0;
    let prevEnd = 0;
    replacements.forEach((r, i) => {
      if (!Number.isInteger(r.start) || !Number.isInteger(r.end) || r.start < prevEnd || r.end < r.start) {
        throw new RangeError(`replacement ${i} (${r.start}-${r.end}) overlaps or is out of order`);
      }
      if (i > 0 && r.start === r.end && replacements[i - 1]!.end === r.start && replacements[i - 1]!.start === r.start) {
        throw new RangeError(`two insertions at ${r.start}`);
      }
      prevEnd = r.end;
      this.shiftBefore.push(shift);
      shift += this.lengths[i]! - (r.end - r.start);
    });
    this.shiftBefore.push(shift);
  }

  /** Where a range's start goes. */
  mapStart(p: number): number {
    // Replacements wholly at or before p (an insertion at p included: the range starts after it).
    const k = this.count((r) => r.end <= p);
    const r = this.reps[k];
    if (r && r.start <= p && p < r.end) return r.start + this.shiftBefore[k]!;
    return p + this.shiftBefore[k]!;
  }

  /** Where a range's end goes. */
  mapEnd(p: number): number {
    // Replacements before p, but not an insertion exactly at p (the range ends before it).
    const k = this.count((r) => r.end < p || (r.end === p && r.start < p));
    const r = this.reps[k];
    if (r && r.start < p && p <= r.end) return r.start + this.shiftBefore[k]! + this.lengths[k]!;
    return p + this.shiftBefore[k]!;
  }

  /** The range's new place, or null when none of its text is left. */
  mapRange(start: number, end: number): { start: number; end: number } | null {
    const s = this.mapStart(start);
    const e = this.mapEnd(end);
    return e > s ? { start: s, end: e } : null;
  }

  /** Number of leading replacements satisfying a predicate that holds for a prefix of the list. */
  private count(before: (r: Replacement) => boolean): number {
    let lo = 0;
    let hi = this.reps.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.reps[mid]!)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** The text after the replacements. */
export function applyReplacements(text: string, replacements: readonly Replacement[]): string {
  if (replacements.length === 0) return text;
  const index = new OffsetIndex(text);
  const parts: string[] = [];
  let at = 0;
  for (const r of replacements) {
    const from = index.toUtf16(r.start);
    parts.push(text.slice(at, from), r.text);
    at = index.toUtf16(r.end);
  }
  parts.push(text.slice(at));
  return parts.join('');
}
