// Where an excerpt sits in its source, in the terms a thesis cites it: paragraph, speaker turn,
// speaker and timestamp, never code points. Pure: the service hands over each source's text and
// structure once, however many of its excerpts are placed.
import type { ExcerptPlace, StructureSegment } from '../../model/types.ts';
import { OffsetIndex } from '../../text/offsets.ts';

type Turn = Extract<StructureSegment, { kind: 'turn' }>;

/**
 * One source, ready to place any number of its excerpts. Work is done in UTF-16 units (no copy of
 * the text as code points: a large corpus is placed at the cost of one scan per source); every
 * character looked at is in the Basic Multilingual Plane, so a surrogate half is just "a letter".
 */
export interface SourceLayout {
  text: string;
  index: OffsetIndex;
  /** UTF-16 offset where each non-empty line starts, in order. */
  paragraphStarts: number[];
  turns: Turn[];
}

/**
 * UTF-16 offset where each paragraph (a non-empty line) starts: paragraph n, as a quotation cites
 * it (§ n), starts at index n - 1. The transcript's margin numbers come from here too.
 */
export function paragraphStarts(text: string): number[] {
  const starts: number[] = [];
  for (let at = 0; at < text.length;) {
    const next = text.indexOf('\n', at);
    const end = next < 0 ? text.length : next;
    if (end > at) starts.push(at);
    at = end + 1;
  }
  return starts;
}

export function sourceLayout(text: string, structure: readonly StructureSegment[]): SourceLayout {
  const turns = structure.filter((s): s is Turn => s.kind === 'turn').sort((a, b) => a.start - b.start);
  return { text, index: new OffsetIndex(text), paragraphStarts: paragraphStarts(text), turns };
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
function cutBefore(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && SPACE.test(text[i]!)) i--;
  while (i >= 0 && CLOSING.test(text[i]!)) i--;
  if (i < 0 || text[i] === '\n') return false;
  return !SENTENCE_END.test(text[i]!) && !OPENING.test(text[i]!);
}

/** True when the excerpt stops before its sentence does, on the same line. */
function cutAfter(text: string, start: number, end: number): boolean {
  let next = end;
  while (next < text.length && SPACE.test(text[next]!)) next++;
  if (next >= text.length || text[next] === '\n' || SENTENCE_END.test(text[next]!) || CLOSING.test(text[next]!)) return false;
  let last = end - 1;
  while (last >= start && CLOSING.test(text[last]!)) last--;
  return last >= start && !SENTENCE_END.test(text[last]!);
}

/** `start` and `end` in code points, as codings hold them. */
export function placeOf(layout: SourceLayout, start: number, end: number): ExcerptPlace {
  const { text, index, paragraphStarts, turns } = layout;
  const clamp = (p: number) => Math.min(Math.max(0, p), index.codePointLength);
  // An excerpt starting on the line break or blank line before a paragraph belongs to that paragraph.
  let from = index.toUtf16(clamp(start));
  let to = index.toUtf16(clamp(end));
  while (from < to - 1 && /\s/u.test(text[from]!)) from++;
  while (to > from + 1 && /\s/u.test(text[to - 1]!)) to--;
  const paragraph = Math.max(1, lastAtOrBefore(paragraphStarts, from, (p) => p) + 1);
  const at = index.toCodePoint(from);
  const t = lastAtOrBefore(turns, at, (turn) => turn.start);
  const turn = t >= 0 && at < turns[t]!.end ? turns[t]! : null;
  return {
    paragraph,
    turn: turn ? t + 1 : null,
    speaker: turn?.speaker || null,
    timestampMs: turn?.timestampMs ?? null,
    cutBefore: cutBefore(text, from),
    cutAfter: cutAfter(text, from, to),
  };
}
