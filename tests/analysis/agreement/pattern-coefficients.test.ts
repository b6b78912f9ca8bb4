import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cohenKappa, fleissKappa, krippendorffAlpha, percentAgreement, type WeightedUnit } from '../../../analysis/agreement/coefficients.ts';
import { patternCoefficients } from '../../../analysis/agreement/pattern-coefficients.ts';

/** The general path: one weighted unit per pattern, in the table's order (what units.ts did before). */
function throughUnits(table: ReadonlyMap<number, number>, k: number) {
  const units: WeightedUnit[] = [...table].map(([mask, count]) => ({ values: Array.from({ length: k }, (_, i) => (mask >> i) & 1), count }));
  return {
    percentAgreement: percentAgreement(units),
    cohenKappa: k === 2 ? cohenKappa(units) : null,
    fleissKappa: fleissKappa(units),
    krippendorffAlpha: krippendorffAlpha(units, 'nominal'),
  };
}

const table = (k: number) =>
  fc
    .uniqueArray(fc.tuple(fc.integer({ min: 0, max: 2 ** k - 1 }), fc.oneof(fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 1, max: 2e9 }))), {
      selector: ([mask]) => mask,
      maxLength: 2 ** k,
    })
    .map((entries) => new Map(entries));

describe('patternCoefficients', () => {
  it('gives, to the last bit, what the coefficients give on the same weighted units', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((k) => fc.tuple(fc.constant(k), table(k))),
        ([k, t]) => {
          expect(patternCoefficients(t, k)).toStrictEqual(throughUnits(t, k));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('agrees on the tables a character sweep makes: absence dominant, one pattern alone, none', () => {
    const cases: Array<[number, Map<number, number>]> = [
      [2, new Map()],
      [2, new Map([[0, 1_000]])],
      [2, new Map([[3, 40]])],
      [2, new Map([[1, 5]])],
      [
        2,
        new Map([
          [0, 61_234],
          [1, 310],
          [3, 902],
          [2, 77],
        ]),
      ],
      [
        2,
        new Map([
          [2, 77],
          [3, 902],
          [0, 61_234],
          [1, 310],
        ]),
      ],
      [
        3,
        new Map([
          [0, 50_000],
          [7, 120],
          [5, 33],
          [2, 9],
        ]),
      ],
    ];
    for (const [k, t] of cases) expect(patternCoefficients(t, k)).toStrictEqual(throughUnits(t, k));
  });
});
