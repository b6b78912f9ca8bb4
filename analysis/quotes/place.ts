// Where an excerpt sits in its source, in the terms a thesis cites it: paragraph, speaker turn,
// speaker and timestamp, never code points. Pure: the service hands over each source's text and
// structure once, however many of its excerpts are placed.
import type { ExcerptPlace, StructureSegment } from '../../model/types.ts';

type Turn = Extract<StructureSegment, { kind: 'turn' }>;

export interface SourceLayout {
  /** The text as code points: positions index it directly. */
  chars: string[];
  /** Code point where each non-empty line starts, in order. */
  paragraphStarts: number[];
  turns: Turn[];
}

export function sourceLayout(text: string, structure: readonly StructureSegment[]): SourceLayout {
  const chars = Array.from(text);
  const paragraphStarts: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    if ((i === 0 || chars[i - 1] === '\n') && chars[i] !== '\n') paragraphStarts.push(i);
  }
  const turns = structure.filter((s): s is Turn => s.kind === 'turn').sort((a, b) => a.start - b.start);
  return { chars, paragraphStarts, turns };
}

/** Index of the last entry at or before `at` (-1 when none). */
function lastAtOrBefore<T>(list: readonly T[], at: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]!) <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

const SPACE = /^[ \t\u00a0\u202f]$/u;
const SENTENCE_END = /^[.!?…]$/u;
/** Closing marks that follow a sentence's end ("… fini. »") and do not end one themselves. */
const CLOSING = /^[»”"’)\]]$/u;
/** What may stand right before a complete sentence: a speaker label's colon, an opening mark. */
const OPENING = /^[:«“"‘([—–-]$/u;

/** True when the text just before `start` continues the same sentence on the same line. */
function cutBefore(chars: readonly string[], start: number): boolean {
  let i = start - 1;
  while (i >= 0 && SPACE.test(chars[i]!)) i--;
  while (i >= 0 && CLOSING.test(chars[i]!)) i--;
  if (i < 0 || chars[i] === '\n') return false;
  return !SENTENCE_END.test(chars[i]!) && !OPENING.test(chars[i]!);
}

/** True when the excerpt stops before its sentence does, on the same line. */
function cutAfter(chars: readonly string[], start: number, end: number): boolean {
  let next = end;
  while (next < chars.length && SPACE.test(chars[next]!)) next++;
  if (next >= chars.length || chars[next] === '\n' || SENTENCE_END.test(chars[next]!) || CLOSING.test(chars[next]!)) return false;
  let last = end - 1;
  while (last >= start && CLOSING.test(chars[last]!)) last--;
  return last >= start && !SENTENCE_END.test(chars[last]!);
}

export function placeOf(layout: SourceLayout, start: number, end: number): ExcerptPlace {
  const { chars, paragraphStarts, turns } = layout;
  // An excerpt starting on the line break or blank line before a paragraph belongs to that paragraph.
  let from = Math.max(0, start);
  while (from < end - 1 && /^\s$/u.test(chars[from] ?? '')) from++;
  let to = Math.min(end, chars.length);
  while (to > from + 1 && /^\s$/u.test(chars[to - 1] ?? '')) to--;
  const paragraph = Math.max(1, lastAtOrBefore(paragraphStarts, from, (p) => p) + 1);
  const t = lastAtOrBefore(turns, from, (turn) => turn.start);
  const turn = t >= 0 && from < turns[t]!.end ? turns[t]! : null;
  return {
    paragraph,
    turn: turn ? t + 1 : null,
    speaker: turn?.speaker || null,
    timestampMs: turn?.timestampMs ?? null,
    cutBefore: cutBefore(chars, from),
    cutAfter: cutAfter(chars, from, to),
  };
}
