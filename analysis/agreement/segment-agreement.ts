// Segment-level agreement as MAXQDA defines it ("Intercoder agreement", segment level): every
// segment of every coder is checked from its own side.
//
// - A coder's segments of a code in a source are their codings of it, merged where they overlap or
//   touch (a double coding of one passage is one segment, not a second, unmatched one).
// - Two segments of different coders overlap enough when overlap / union >= threshold, both
//   measured in code points (the share of the stretch either coder marked that both marked).
// - A segment of coder X agrees when every other compared coder has a segment of the same code in
//   the same source that overlaps it enough, AND those segments also overlap each other enough:
//   the threshold holds for every pair. With two coders that is MAXQDA's rule; with three or more
//   a chain A [0,10), B [3,13), C [6,16) does not agree (A and C overlap by a quarter).
//   One segment may be the partner of several segments of another coder; each side counts its own.
// - Percent agreement = agreeing segments / all segments, over every coder's segments.
// - Kappa is Brennan and Prediger's (1981), as MAXQDA computes it for segments: there is no
//   "neither coder coded it" unit, so chance cannot be taken from the coders' marginals (Cohen's
//   kappa and alpha would never be positive here); MAXQDA takes P_chance = 1 / q, q = the number of
//   codes in the comparison, and kappa_n = (p_o - 1/q) / (1 - 1/q). The same q serves every code
//   and the pooled figure; with a single code compared, q = 1 and kappa is undefined (null).
//
// Exported for the agreement report: checkSegments (one source and code), segmentFigures (sums
// of checks, per code or pooled), segmentsOf.
import { brennanPredigerKappa } from './coefficients.ts';
import { mergeSpans, overlapRatio } from './segments.ts';
import { validateThreshold } from './units.ts';

export interface Span {
  coderId: number;
  start: number;
  end: number;
}

export interface CheckedSegment extends Span {
  agrees: boolean;
}

export interface CoderSegments {
  coderId: number;
  agreeing: number;
  nonAgreeing: number;
}

export interface SegmentCheck {
  /** Every compared coder's segments, sorted by position then coder order. */
  segments: CheckedSegment[];
  /** In the order of the compared coders. */
  perCoder: CoderSegments[];
}

export interface SegmentFigures {
  perCoder: CoderSegments[];
  agreeing: number;
  nonAgreeing: number;
  /** agreeing / (agreeing + nonAgreeing); null without any segment. */
  percentAgreement: number | null;
  /** Number of codes compared (q); the chance term is 1/q. */
  codes: number;
  chance: number | null;
  /** Brennan and Prediger's kappa; null without segments or with q < 2. */
  kappa: number | null;
}

/** Each compared coder's segments (their spans merged where they overlap or touch), by coder. */
export function segmentsOf(spans: ReadonlyArray<Span>, coderIds: ReadonlyArray<number>): Span[][] {
  return coderIds.map((coderId) => mergeSpans(spans.filter((s) => s.coderId === coderId && s.end > s.start)).map((m) => ({ coderId, ...m })));
}

/** Is there one segment per other coder, each close enough to `seed` and to each other? */
function fullAgreement(seed: Span, candidates: Span[][], threshold: number): boolean {
  const chosen: Span[] = [seed];
  const order = [...candidates].sort((a, b) => a.length - b.length);
  const pick = (i: number): boolean => {
    if (i === order.length) return true;
    for (const c of order[i]!) {
      if (!chosen.every((x) => overlapRatio(x, c) >= threshold)) continue;
      chosen.push(c);
      if (pick(i + 1)) return true;
      chosen.pop();
    }
    return false;
  };
  return pick(0);
}

/**
 * Checks one source and one code: `spans` are the compared coders' codings of that code in that
 * source (others' are ignored). Throws 'agreement.threshold' for a threshold outside (0, 1].
 */
export function checkSegments(spans: ReadonlyArray<Span>, coderIds: ReadonlyArray<number>, threshold: number): SegmentCheck {
  validateThreshold(threshold);
  const byCoder = segmentsOf(spans, coderIds);
  const segments: CheckedSegment[] = [];
  const perCoder = coderIds.map((coderId, x) => {
    let agreeing = 0;
    for (const seg of byCoder[x]!) {
      const candidates = byCoder.filter((_, y) => y !== x).map((theirs) => theirs.filter((t) => overlapRatio(seg, t) >= threshold));
      const agrees = candidates.every((c) => c.length > 0) && fullAgreement(seg, candidates, threshold);
      if (agrees) agreeing++;
      segments.push({ ...seg, agrees });
    }
    return { coderId, agreeing, nonAgreeing: byCoder[x]!.length - agreeing };
  });
  const rank = new Map(coderIds.map((id, i) => [id, i]));
  segments.sort((a, b) => a.start - b.start || a.end - b.end || rank.get(a.coderId)! - rank.get(b.coderId)!);
  return { segments, perCoder };
}

/**
 * Sums checks (one code's sources for a per-code figure, every code's for the pooled one) into
 * percent agreement and Brennan and Prediger's kappa with q = `codes`, the number of codes compared.
 */
export function segmentFigures(checks: ReadonlyArray<SegmentCheck>, coderIds: ReadonlyArray<number>, codes: number): SegmentFigures {
  const perCoder = coderIds.map((coderId) => ({ coderId, agreeing: 0, nonAgreeing: 0 }));
  const index = new Map(coderIds.map((id, i) => [id, i]));
  for (const check of checks) {
    for (const c of check.perCoder) {
      const row = perCoder[index.get(c.coderId) ?? -1];
      if (!row) continue;
      row.agreeing += c.agreeing;
      row.nonAgreeing += c.nonAgreeing;
    }
  }
  const agreeing = perCoder.reduce((s, c) => s + c.agreeing, 0);
  const nonAgreeing = perCoder.reduce((s, c) => s + c.nonAgreeing, 0);
  const percentAgreement = agreeing + nonAgreeing === 0 ? null : agreeing / (agreeing + nonAgreeing);
  return {
    perCoder,
    agreeing,
    nonAgreeing,
    percentAgreement,
    codes,
    chance: codes >= 2 ? 1 / codes : null,
    kappa: brennanPredigerKappa(percentAgreement, codes),
  };
}
