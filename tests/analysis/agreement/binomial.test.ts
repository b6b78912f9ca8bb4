import { describe, expect, it } from 'vitest';
import { randomBinomial, randomLcg } from 'd3';
import { BinomialSampler } from '../../../analysis/agreement/binomial.ts';

describe('BinomialSampler', () => {
  it('draws what d3’s randomBinomial draws from the same seeded source, draw for draw', () => {
    const pick = randomLcg(42);
    const d3 = randomBinomial.source(randomLcg(20_070_101));
    const ours = new BinomialSampler(randomLcg(20_070_101));
    const ns = [0, 1, 2, 17, 40, 1_000, 123_456, 35_000_000, 2_000_000_000];
    const ps = [0, 1, 1e-9, 0.001, 0.02, 0.5, 0.97, 0.999999, 1.5, -0.1];
    for (let i = 0; i < 20_000; i++) {
      // Fixed edge values and random ones, interleaved so the normal generator's kept value carries over.
      const n = i % 3 === 0 ? ns[i % ns.length]! : Math.floor(pick() * 10 ** (1 + Math.floor(pick() * 9)));
      const p = i % 5 === 0 ? ps[i % ps.length]! : pick();
      expect(ours.draw(n, p)).toBe(d3(n, p)());
    }
  });
});
