// Segment-level matching: which passages of one code, by different coders, are "the same passage".
//
// 1. Each coder's passages of the code in the source are first merged where they overlap or touch:
//    two codings of one code by one coder over contiguous text are one passage for this purpose
//    (an accidental double coding must not count as a second, unmatched segment).
// 2. Two passages by different coders match when overlap / union >= threshold, where overlap and
//    union are measured in code points (the Jaccard index of the two stretches). With the default
//    0.5, "3-10" and "5-12" match (overlap 5, union 9, 0.56); "0-10" and "8-20" do not (2 / 20).
// 3. Matches are taken best first (highest ratio, then earliest) and join passages into groups;
//    a group holds at most one passage per coder, so a passage is never matched twice by the same
//    other coder. With more than two coders a group is joined by any matching pair (single linkage).
// Each group is one unit: the coders with a passage in it are "present", the others "absent".
// There are no units where every coder is absent, so chance-corrected coefficients at this level are
// low by construction; percent agreement is the figure to read first.

import type { CodingSpan } from './units.ts';

export const DEFAULT_OVERLAP_THRESHOLD = 0.5;

export interface Passage {
  coderId: number;
  start: number;
  end: number;
}

export interface SegmentGroup {
  /** Bit i set = coder i (in the compared order) has a passage in the group. */
  mask: number;
  /** One passage per present coder, in coder order. */
  passages: Passage[];
  start: number;
  end: number;
}

/** Union of one coder's stretches, merging those that overlap or touch. */
export function mergeSpans(spans: ReadonlyArray<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Array<{ start: number; end: number }> = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

export function overlapRatio(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (overlap <= 0) return 0;
  return overlap / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

/** Groups one (source, code)'s codings into matched segments. */
export function matchSegments(spans: ReadonlyArray<CodingSpan>, coderIndex: ReadonlyMap<number, number>, threshold: number): SegmentGroup[] {
  const byCoder = new Map<number, CodingSpan[]>();
  for (const s of spans) {
    const i = coderIndex.get(s.coderId);
    if (i === undefined) continue;
    let list = byCoder.get(i);
    if (!list) byCoder.set(i, (list = []));
    list.push(s);
  }
  const passages: Array<{ coder: number; start: number; end: number }> = [];
  for (const [coder, list] of byCoder) for (const m of mergeSpans(list)) passages.push({ coder, ...m });
  passages.sort((a, b) => a.start - b.start || a.end - b.end || a.coder - b.coder);

  const candidates: Array<{ a: number; b: number; ratio: number }> = [];
  for (let a = 0; a < passages.length; a++) {
    const pa = passages[a]!;
    for (let b = a + 1; b < passages.length && passages[b]!.start < pa.end; b++) {
      const pb = passages[b]!;
      if (pb.coder === pa.coder) continue;
      const ratio = overlapRatio(pa, pb);
      if (ratio >= threshold) candidates.push({ a, b, ratio });
    }
  }
  candidates.sort((x, y) => y.ratio - x.ratio || x.a - y.a || x.b - y.b);

  const parent = passages.map((_, i) => i);
  const mask = passages.map((p) => 1 << p.coder);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const { a, b } of candidates) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb || (mask[ra]! & mask[rb]!) !== 0) continue;
    parent[rb] = ra;
    mask[ra]! |= mask[rb]!;
  }

  const coderIds = [...coderIndex.keys()];
  const groups = new Map<number, SegmentGroup>();
  passages.forEach((p, i) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { mask: mask[root]!, passages: [], start: p.start, end: p.end }));
    g.passages.push({ coderId: coderIds[p.coder]!, start: p.start, end: p.end });
    g.start = Math.min(g.start, p.start);
    g.end = Math.max(g.end, p.end);
  });
  const out = [...groups.values()];
  for (const g of out) g.passages.sort((x, y) => coderIndex.get(x.coderId)! - coderIndex.get(y.coderId)!);
  return out.sort((x, y) => x.start - y.start || x.end - y.end);
}
