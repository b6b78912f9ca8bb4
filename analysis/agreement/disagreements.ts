// The passages a review screen shows when coders differ, found with the segment-level matching of
// segments.ts (same threshold, same scope as computeAgreement).

import { checkSegments } from './segment-agreement.ts';
import { DEFAULT_OVERLAP_THRESHOLD, matchSegments, type Passage } from './segments.ts';
import { prepareCodings, validateThreshold, type CodingSpan } from './units.ts';

export interface DisagreementInput {
  codings: ReadonlyArray<CodingSpan>;
  coderIds: number[];
  sourceLengths: ReadonlyMap<number, number>;
  /** The sources compared (the same scope as the agreement figures). */
  sourceIds: ReadonlyArray<number>;
  codeIds?: number[];
  overlapThreshold?: number;
  /**
   * Also list passages every coder coded but with different boundaries (matched, yet not the same
   * stretch). Off by default: these count as agreement at segment level.
   */
  includeBoundaryDifferences?: boolean;
}

export interface Disagreement {
  sourceId: number;
  codeId: number;
  /** The stretch covering every passage in the group. */
  start: number;
  end: number;
  /**
   * 'presence': some coders applied the code here and others did not; 'boundaries': all did, on
   * different stretches. A 'boundaries' group the segment check counts as disagreement (a pair
   * overlapping less than the threshold, e.g. a chain of three coders) is always listed.
   */
  kind: 'presence' | 'boundaries';
  codersWith: number[];
  codersWithout: number[];
  /** Each present coder's passage (their overlapping codings of the code merged). */
  passages: Passage[];
}

/** Disagreements sorted by source, position, then code. */
export function findDisagreements(input: DisagreementInput): Disagreement[] {
  const threshold = input.overlapThreshold ?? DEFAULT_OVERLAP_THRESHOLD;
  validateThreshold(threshold);
  const prep = prepareCodings(input.codings, input.coderIds, input.sourceLengths, input.sourceIds, input.codeIds);
  const full = (1 << input.coderIds.length) - 1;
  const out: Disagreement[] = [];
  for (const [sourceId, byCode] of prep.groups) {
    for (const [codeId, spans] of byCode) {
      const failing = new Set(
        checkSegments(spans, input.coderIds, threshold)
          .segments.filter((x) => !x.agrees)
          .map((x) => `${x.coderId}:${x.start}:${x.end}`),
      );
      for (const g of matchSegments(spans, prep.coderIndex, threshold)) {
        let kind: Disagreement['kind'];
        if (g.mask !== full) kind = 'presence';
        else if (g.passages.some((p) => failing.has(`${p.coderId}:${p.start}:${p.end}`))) kind = 'boundaries';
        else if (input.includeBoundaryDifferences && g.passages.some((p) => p.start !== g.start || p.end !== g.end)) kind = 'boundaries';
        else continue;
        out.push({
          sourceId,
          codeId,
          start: g.start,
          end: g.end,
          kind,
          codersWith: input.coderIds.filter((_, i) => (g.mask >> i) & 1),
          codersWithout: input.coderIds.filter((_, i) => !((g.mask >> i) & 1)),
          passages: g.passages,
        });
      }
    }
  }
  return out.sort((a, b) => a.sourceId - b.sourceId || a.start - b.start || a.end - b.end || a.codeId - b.codeId);
}
