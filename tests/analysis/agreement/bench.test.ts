import { describe, expect, it } from 'vitest';
import { benchAgreement, benchData } from '../../../bench/agreement.ts';

describe('benchAgreement', () => {
  it('builds the same synthetic corpus for a seed and times one run', () => {
    const data = benchData();
    expect(data.sourceLengths.size).toBe(500);
    expect(data.codings.length).toBeGreaterThanOrEqual(95_000);
    expect(new Set(data.codings.map((c) => c.codeId)).size).toBe(60);
    expect(benchData().codings.slice(0, 50)).toEqual(data.codings.slice(0, 50));
    const ms = benchAgreement(data);
    expect(Number.isFinite(ms)).toBe(true);
  });
});
