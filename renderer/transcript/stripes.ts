// Coding stripes: one vertical bar per coding in the margin, from its first line to its last,
// named by its code. Lanes are assigned once per set of codings, from the lines each coding spans,
// so a bar keeps its lane while scrolling. Geometry is measured from the DOM only for the codings
// near the viewport, so scrolling a source with a thousand codings renders a few dozen bars.
import type { Coder, Coding } from '../../model/types.ts';
import type { OffsetIndex } from '../../text/offsets.ts';
import type { CodeLook, RunIndex } from './paint.ts';

export interface Stripe {
  codingId: number;
  codeId: number;
  top: number;
  height: number;
  lane: number;
  color: string;
  label: string;
  title: string;
  /** The coding goes on above or below the measured part. */
  clippedTop: boolean;
  clippedBottom: boolean;
}

export const MAX_LANES = 8;

/** The longest label a stripe shows whole; a longer abbreviation is cut with an ellipsis. */
export const MAX_LABEL = 6;

/**
 * What a stripe is labelled with: the code's abbreviation in full ("SM2", "DI10"), or else the
 * first letters of the main words of its name ("Tutoiement entre pairs": "TP").
 */
export function stripeLabel(code: Pick<CodeLook, 'name' | 'abbrev'>): string {
  const abbrev = code.abbrev?.trim();
  if (abbrev) return abbrev.length > MAX_LABEL ? `${abbrev.slice(0, MAX_LABEL - 1)}…` : abbrev;
  const words = code.name.split(/[\s'’\-/]+/u).filter((w) => /^\p{L}/u.test(w));
  const main = words.filter((w) => w.length > 3);
  const letters = (main.length > 0 ? main : words).slice(0, 4).map((w) => w[0]!.toLocaleUpperCase());
  return letters.join('') || code.name.slice(0, 3);
}

/** The width of one stripe lane: room for the longest label shown, horizontally, beside its bar. */
export function laneWidth(labels: Iterable<string>): number {
  let longest = 1;
  for (const l of labels) longest = Math.max(longest, [...l].length);
  // About 7 px per bold character at the labels' size, plus the bar and a gap.
  return Math.max(18, Math.ceil(longest * 7.2) + 10);
}

/**
 * Greedy interval colouring: items by top (longest first on ties), each in the first lane free
 * at its top. Past MAX_LANES, bars share the last lane rather than push the text away.
 */
export function assignLanes(items: ReadonlyArray<{ top: number; bottom: number }>, maxLanes = MAX_LANES): number[] {
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.top - items[b]!.top || items[b]!.bottom - items[a]!.bottom);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(items.length);
  for (const i of order) {
    const { top, bottom } = items[i]!;
    let lane = laneEnds.findIndex((end) => end <= top);
    if (lane === -1) lane = laneEnds.length < maxLanes ? laneEnds.length : maxLanes - 1;
    laneEnds[lane] = Math.max(laneEnds[lane] ?? -Infinity, bottom);
    lanes[i] = lane;
  }
  return lanes;
}

/** Index of the block holding code point `p` (blocks ascending by start). */
export function blockAt(blockStarts: readonly number[], p: number): number {
  let lo = 0;
  let hi = blockStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (blockStarts[mid]! <= p) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Lanes of the codings: two codings touching a common line never share one. */
export function stripeLanes(
  codings: readonly Pick<Coding, 'id' | 'start' | 'end'>[],
  blockStarts: readonly number[],
): { lanes: Map<number, number>; count: number } {
  const items = codings.map((c) => ({
    top: blockAt(blockStarts, c.start),
    bottom: blockAt(blockStarts, Math.max(c.start, c.end - 1)) + 1,
  }));
  const assigned = assignLanes(items);
  const lanes = new Map<number, number>();
  codings.forEach((c, i) => lanes.set(c.id, assigned[i]!));
  return { lanes, count: assigned.reduce((n, l) => Math.max(n, l + 1), 0) };
}

/** First index whose element ends at or below `y`, by binary search over elements in page order. */
function firstLineBelow(lines: readonly HTMLElement[], y: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lines[mid]!.getBoundingClientRect().bottom < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Last index whose element starts at or above `y`. */
function lastLineAbove(lines: readonly HTMLElement[], y: number): number {
  let lo = -1;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (lines[mid]!.getBoundingClientRect().top <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface StripeInput {
  runs: RunIndex;
  /** The margin column; stripe positions are relative to its top. */
  column: HTMLElement;
  /** Band of the window to measure, in client coordinates (the visible part plus a margin). */
  band: { top: number; bottom: number };
  blocks: ReadonlyArray<{ start: number; end: number }>;
  /** Visible codings. */
  codings: readonly Coding[];
  lanes: ReadonlyMap<number, number>;
  index: OffsetIndex;
  codes: ReadonlyMap<number, CodeLook>;
  coders: ReadonlyMap<number, Coder>;
}

/** Geometry of the stripes of the codings on the lines within `band`. */
export function measureStripes(input: StripeInput): Stripe[] {
  const { runs, blocks, index } = input;
  const lines = runs.lines.length === blocks.length ? runs.lines : runs.lines.slice(0, blocks.length);
  if (lines.length === 0 || runs.els.length === 0) return [];
  const first = firstLineBelow(lines, input.band.top);
  const last = lastLineAbove(lines, input.band.bottom);
  if (first > last || first >= lines.length) return [];
  const from = blocks[first]!.start;
  const to = blocks[last]!.end;
  const origin = input.column.getBoundingClientRect().top;
  const stripes: Stripe[] = [];
  for (const coding of input.codings) {
    if (coding.start >= to || coding.end <= from || coding.end <= coding.start) continue;
    const code = input.codes.get(coding.codeId);
    if (!code) continue;
    const s = Math.max(coding.start, from);
    const e = Math.min(coding.end, to);
    const startEl = runs.els[runs.at(index.toUtf16(s))]!;
    const endEl = runs.els[runs.at(index.toUtf16(e) - 1)]!;
    const top = startEl.getBoundingClientRect().top - origin;
    const bottom = Math.max(endEl.getBoundingClientRect().bottom - origin, top + 4);
    const coder = input.coders.get(coding.coderId)?.name ?? '';
    stripes.push({
      codingId: coding.id,
      codeId: coding.codeId,
      top,
      height: bottom - top,
      lane: input.lanes.get(coding.id) ?? 0,
      color: code.color,
      label: stripeLabel(code),
      title: coder ? `${code.name} — ${coder}` : code.name,
      clippedTop: coding.start < from,
      clippedBottom: coding.end > to,
    });
  }
  return stripes;
}

/** Whether two measurements would draw the same thing (to skip a re-render while scrolling). */
export function sameStripes(a: readonly Stripe[], b: readonly Stripe[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      x.codingId !== y.codingId ||
      Math.abs(x.top - y.top) > 0.5 ||
      Math.abs(x.height - y.height) > 0.5 ||
      x.lane !== y.lane ||
      x.color !== y.color ||
      x.label !== y.label ||
      x.title !== y.title
    ) {
      return false;
    }
  }
  return true;
}
