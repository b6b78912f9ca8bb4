// Micro benchmark: character-level agreement on a corpus the size of a large team project
// (500 sources of about 60,000 characters, 60 codes, 2 coders, about 100,000 codings).

import { computeAgreement, type CodingSpan } from '../analysis/agreement/units.ts';
import { mulberry32 } from './corpus.ts';

export interface BenchData {
  codings: CodingSpan[];
  sourceLengths: Map<number, number>;
  coderIds: number[];
}

/**
 * The second coder re-codes most of the first coder's passages with shifted boundaries, sometimes
 * with another code, and adds passages of their own, so every presence pattern occurs.
 */
export function benchData(seed = 20261123, sources = 500, codes = 60, codingsPerCoder = 50_000): BenchData {
  const rnd = mulberry32(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const sourceLengths = new Map<number, number>();
  for (let s = 1; s <= sources; s++) sourceLengths.set(s, 50_000 + int(20_000));
  const codings: CodingSpan[] = [];
  const perSource = Math.ceil(codingsPerCoder / sources);
  for (let s = 1; s <= sources; s++) {
    const length = sourceLengths.get(s)!;
    for (let j = 0; j < perSource; j++) {
      const len = 40 + int(800);
      const start = int(length - len);
      const codeId = 1 + int(codes);
      codings.push({ sourceId: s, codeId, coderId: 1, start, end: start + len });
      const r = rnd();
      if (r < 0.75) {
        const a = Math.max(0, start + int(61) - 30);
        const b = Math.min(length, start + len + int(61) - 30);
        codings.push({ sourceId: s, codeId: r < 0.68 ? codeId : 1 + int(codes), coderId: 2, start: a, end: Math.max(a + 1, b) });
      } else {
        const len2 = 40 + int(800);
        const start2 = int(length - len2);
        codings.push({ sourceId: s, codeId: 1 + int(codes), coderId: 2, start: start2, end: start2 + len2 });
      }
    }
  }
  return { codings, sourceLengths, coderIds: [1, 2] };
}

/** Elapsed milliseconds of one character-level computeAgreement over the synthetic corpus. */
export function benchAgreement(data: BenchData = benchData()): number {
  const t0 = performance.now();
  computeAgreement({
    codings: data.codings,
    coderIds: data.coderIds,
    sourceLengths: data.sourceLengths,
    sourceIds: [...data.sourceLengths.keys()],
    unit: 'character',
  });
  return performance.now() - t0;
}
