import { describe, expect, it } from 'vitest';
import { bootstrapAlpha, pairCount } from '../../../analysis/agreement/bootstrap.ts';
import { krippendorffAlpha, METRICS, toWeightedUnits, type WeightedUnit } from '../../../analysis/agreement/coefficients.ts';
import { TresseError } from '../../../i18n/error.ts';

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability, example C: four observers,
// 12 units, missing values (rows are observers in the paper; here units x observers).
const _ = null;
const observers = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
const exampleC = toWeightedUnits(observers[0]!.map((__, u) => observers.map((row) => row[u] ?? null)));
const times = (units: WeightedUnit[], k: number) => units.map((u) => ({ ...u, count: u.count * k }));
const width = (i: { low: number; high: number } | null) => i!.high - i!.low;

describe('bootstrap interval for alpha (Hayes & Krippendorff 2007)', () => {
  it('counts the pairs of values within units as M (example C: 55)', () => {
    // Unit 1 has 3 values, units 2-9 have 4, unit 10 has 3, unit 11 has 2, unit 12 one:
    // 3 + 8 x 6 + 3 + 1 = 55 pairs.
    expect(pairCount(exampleC)).toBe(55);
  });

  it('contains the published point estimate at every level of measurement, within [-1, 1]', () => {
    for (const metric of METRICS) {
      const alpha = krippendorffAlpha(exampleC, metric)!;
      const ci = bootstrapAlpha(exampleC, metric)!;
      expect(ci.samples).toBe(2000);
      expect(ci.level).toBe(0.95);
      expect(ci.low).toBeLessThan(alpha);
      expect(ci.high).toBeGreaterThan(alpha);
      expect(ci.high).toBeLessThanOrEqual(1);
      expect(ci.low).toBeGreaterThan(-1);
    }
  });

  it('narrows with more units of the same kind', () => {
    const small = bootstrapAlpha(exampleC, 'interval');
    const large = bootstrapAlpha(times(exampleC, 16), 'interval');
    expect(width(large)).toBeLessThan(width(small) / 2);
    // A 99 % interval is wider than a 95 % one on the same resamples.
    expect(width(bootstrapAlpha(exampleC, 'interval', { level: 0.99 }))).toBeGreaterThan(width(small));
  });

  it('is reproducible for a seed and changes with it', () => {
    expect(bootstrapAlpha(exampleC, 'ordinal', { seed: 7 })).toEqual(bootstrapAlpha(exampleC, 'ordinal', { seed: 7 }));
    expect(bootstrapAlpha(exampleC, 'ordinal', { seed: 7 })).not.toEqual(bootstrapAlpha(exampleC, 'ordinal', { seed: 8 }));
  });

  it('gives weighted units the interval of the expanded data', () => {
    const weighted = [
      { values: [0, 1], count: 3 },
      { values: [1, 1], count: 4 },
      { values: [0, 0], count: 5 },
      { values: [1, 0], count: 1 },
    ];
    const expanded = toWeightedUnits(weighted.flatMap((u) => Array.from({ length: u.count }, () => u.values)));
    expect(bootstrapAlpha(weighted, 'nominal', { seed: 3 })).toEqual(bootstrapAlpha(expanded, 'nominal', { seed: 3 }));
  });

  it('handles character-level tables (tens of millions of units, few patterns) quickly and tightly', () => {
    const chars = [
      { values: [1, 1], count: 2_000_000 },
      { values: [1, 0], count: 150_000 },
      { values: [0, 1], count: 250_000 },
      { values: [0, 0], count: 37_000_000 },
    ];
    const started = performance.now();
    const ci = bootstrapAlpha(chars, 'nominal', { samples: 5000 })!;
    expect(performance.now() - started).toBeLessThan(2000);
    const alpha = krippendorffAlpha(chars)!;
    expect(ci.low).toBeLessThan(alpha);
    expect(ci.high).toBeGreaterThan(alpha);
    expect(ci.high - ci.low).toBeLessThan(0.01);
  });

  it('is null when alpha is undefined, and refuses a silly number of resamples', () => {
    expect(
      bootstrapAlpha(
        toWeightedUnits([
          ['a', 'a'],
          ['a', 'a'],
        ]),
        'nominal',
      ),
    ).toBeNull();
    expect(() => bootstrapAlpha(exampleC, 'nominal', { samples: 5 })).toThrow(TresseError);
    expect(() => bootstrapAlpha(exampleC, 'nominal', { samples: 1000.5 })).toThrow(TresseError);
  });
});
