// Which codes a passage "has", for training figures and the evaluation: the codes of the codings
// that overlap it by at least half of the coding or at least half of the passage. A coding of a few
// words inside a long turn counts for that turn; a long coding that only grazes a turn does not.

export interface Range {
  start: number;
  end: number;
}

export interface CodedRange extends Range {
  codeId: number;
}

/** Whether `coding` counts for `passage` under the half-overlap rule above. */
export function countsFor(coding: Range, passage: Range): boolean {
  const overlap = Math.min(coding.end, passage.end) - Math.max(coding.start, passage.start);
  if (overlap <= 0) return false;
  return 2 * overlap >= coding.end - coding.start || 2 * overlap >= passage.end - passage.start;
}

/** The codes of `codings` that count for `passage`, each once. */
export function codesOfPassage(passage: Range, codings: readonly CodedRange[]): Set<number> {
  const codes = new Set<number>();
  for (const k of codings) if (countsFor(k, passage)) codes.add(k.codeId);
  return codes;
}

/** Whether a passage is still uncoded: no coding counts for it. */
export const isUncoded = (passage: Range, codings: readonly CodedRange[]): boolean => !codings.some((k) => countsFor(k, passage));
