// Coding stripes: one vertical bar per coding in the margin, from the top of its first line to the
// bottom of its last, named by its code. Positions come from the rendered DOM; overlapping codings
// get side-by-side lanes.
import type { Coder } from '../../model/types.ts';
import { type PaintInput, type RunIndex, isVisible } from './paint.ts';

export interface Stripe {
  codingId: number;
  codeId: number;
  top: number;
  height: number;
  lane: number;
  color: string;
  label: string;
  title: string;
}

export const MAX_LANES = 8;

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

/** Stripe geometry relative to `column` (the margin beside the text), from the runs' rectangles. */
export function measureStripes(
  index: RunIndex,
  column: HTMLElement,
  input: PaintInput,
  coders: ReadonlyMap<number, Coder>,
): Stripe[] {
  const origin = column.getBoundingClientRect().top;
  const found: Array<Omit<Stripe, 'lane'> & { bottom: number }> = [];
  for (const [id, els] of index.byCoding) {
    const coding = input.codings.get(id);
    if (!isVisible(coding, input)) continue;
    const code = input.codes.get(coding.codeId)!;
    const first = els[0]!.getBoundingClientRect();
    const last = els[els.length - 1]!.getBoundingClientRect();
    const top = first.top - origin;
    const bottom = Math.max(last.bottom - origin, top + 4);
    const coder = coders.get(coding.coderId)?.name ?? '';
    found.push({
      codingId: id,
      codeId: coding.codeId,
      top,
      bottom,
      height: bottom - top,
      color: code.color,
      label: code.abbrev ?? code.name,
      title: coder ? `${code.name} — ${coder}` : code.name,
    });
  }
  const lanes = assignLanes(found);
  return found.map(({ bottom: _bottom, ...s }, i) => ({ ...s, lane: lanes[i]! }));
}
