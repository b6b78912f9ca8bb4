import { describe, expect, it } from 'vitest';
import {
  brennanPredigerKappa,
  cohenKappa,
  cohenKappaFromTable,
  fleissKappa,
  fleissKappaFromCounts,
  krippendorffAlpha,
  percentAgreement,
  toWeightedUnits,
  alphaParts,
  coincidenceMatrix,
  type Category,
  type Metric,
  type ReliabilityData,
} from '../../../analysis/agreement/coefficients.ts';
import { TresseError } from '../../../i18n/error.ts';

/** Rows are coders in the published tables; the functions take units x coders. */
function byUnits(coders: ReadonlyArray<ReadonlyArray<Category | null>>): ReliabilityData {
  const units = coders[0]!.length;
  return Array.from({ length: units }, (_, u) => coders.map((row) => row[u] ?? null));
}

/** Expands a contingency table into one unit per counted pair, so the data path is exercised too. */
function unitsFromTable(table: number[][]): ReliabilityData {
  const out: Category[][] = [];
  table.forEach((row, i) =>
    row.forEach((c, j) => {
      for (let n = 0; n < c; n++) out.push([i, j]);
    }),
  );
  return out;
}

describe("Cohen's kappa", () => {
  it('reproduces Cohen (1968) Table 1: N = 200, p_o = .70, p_c = .41, unweighted kappa = .492', () => {
    // Cohen, J. (1968). Weighted kappa: nominal scale agreement provision for scaled disagreement or
    // partial credit. Psychological Bulletin 70(4), 213-220, Table 1 (p. 214): observed proportions
    // x 200, Judge B in rows, Judge A in columns (personality disorder, neurosis, psychosis).
    const table = [
      [88, 10, 2],
      [14, 40, 6],
      [18, 10, 12],
    ];
    const r = cohenKappaFromTable(table);
    expect(r.observed).toBeCloseTo(0.7, 3);
    expect(r.expected).toBeCloseTo(0.41, 3);
    expect(r.kappa).toBeCloseTo(0.492, 3);
    expect(cohenKappa(toWeightedUnits(unitsFromTable(table))).kappa).toBeCloseTo(0.492, 3);
  });

  it('reproduces the SAS PROC FREQ "Agreement Study" skin-condition table (simple kappa 0.3449)', () => {
    // SAS/STAT User's Guide, The FREQ Procedure, Getting Started: Agreement Study, Table "Skin Condition Data".
    const table = [
      [10, 4, 1, 0],
      [5, 10, 12, 2],
      [2, 4, 12, 5],
      [0, 2, 6, 13],
    ];
    const r = cohenKappa(toWeightedUnits(unitsFromTable(table)));
    expect(r.kappa).toBeCloseTo(0.3449, 4);
    expect(r.units).toBe(88);
  });

  it("reproduces the SAS printout kept in statsmodels' inter-rater tests (3x3, simple kappa 0.4842)", () => {
    // statsmodels/stats/tests/test_inter_rater.py, `table10` with its SAS "Simple Kappa Coefficient".
    expect(
      cohenKappaFromTable([
        [0, 4, 1],
        [0, 8, 0],
        [0, 1, 5],
      ]).kappa,
    ).toBeCloseTo(0.4842, 4);
  });

  it('reproduces the textbook 2x2 example (Wikipedia "Cohen\'s kappa": 20/5/10/15, kappa = 0.4)', () => {
    const r = cohenKappaFromTable([
      [20, 5],
      [10, 15],
    ]);
    expect(r.observed).toBeCloseTo(0.7, 6);
    expect(r.expected).toBeCloseTo(0.5, 6);
    expect(r.kappa).toBeCloseTo(0.4, 6);
  });

  it('leaves out units that either coder did not rate', () => {
    const r = cohenKappa(
      toWeightedUnits([
        ['a', 'a'],
        ['b', 'b'],
        ['a', null],
        [null, 'b'],
      ]),
    );
    expect(r.units).toBe(2);
    expect(r.kappa).toBe(1);
  });
});

describe("Fleiss' kappa", () => {
  // Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological
  // Bulletin 76(5), 378-382, Table 1: 30 patients, 6 psychiatric diagnoses each, 5 categories
  // (1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other); kappa = .430.
  // Raw ratings as distributed with the R package irr (`diagnoses`).
  const diagnoses: Category[][] = [
    [4, 4, 4, 4, 4, 4],
    [2, 2, 2, 5, 5, 5],
    [2, 3, 3, 3, 3, 5],
    [5, 5, 5, 5, 5, 5],
    [2, 2, 2, 4, 4, 4],
    [1, 1, 3, 3, 3, 3],
    [3, 3, 3, 3, 5, 5],
    [1, 1, 3, 3, 3, 4],
    [1, 1, 4, 4, 4, 4],
    [5, 5, 5, 5, 5, 5],
    [1, 4, 4, 4, 4, 4],
    [1, 2, 4, 4, 4, 4],
    [2, 2, 2, 3, 3, 3],
    [1, 4, 4, 4, 4, 4],
    [2, 2, 4, 4, 4, 5],
    [3, 3, 3, 3, 3, 5],
    [1, 1, 1, 4, 5, 5],
    [1, 1, 1, 1, 1, 2],
    [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5],
    [2, 4, 4, 4, 4, 4],
    [2, 2, 4, 5, 5, 5],
    [1, 1, 4, 4, 4, 4],
    [1, 4, 4, 4, 4, 5],
    [2, 2, 2, 2, 2, 4],
    [1, 1, 1, 1, 5, 5],
    [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 3, 3, 3],
    [5, 5, 5, 5, 5, 5],
  ];

  it('reproduces Fleiss (1971): kappa = .430', () => {
    expect(fleissKappa(toWeightedUnits(diagnoses))).toBeCloseTo(0.4302, 4);
  });

  it('reproduces the Wikipedia "Fleiss\' kappa" worked example (10 subjects, 14 raters): 0.210', () => {
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    expect(fleissKappaFromCounts(counts)).toBeCloseTo(0.21, 3);
  });

  it('uses only units that every coder rated', () => {
    const full = fleissKappa(toWeightedUnits(diagnoses));
    const withGap = [...diagnoses.map((r) => [...r] as Array<Category | null>), [1, null, 2, 3, 4, 5]];
    expect(fleissKappa(toWeightedUnits(withGap))).toBeCloseTo(full!, 12);
  });

  it('rejects count tables with unequal numbers of ratings', () => {
    expect(() =>
      fleissKappaFromCounts([
        [2, 0],
        [1, 2],
      ]),
    ).toThrow(RangeError);
  });
});

describe("Krippendorff's alpha", () => {
  // Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
  // Communication, University of Pennsylvania.
  it('A. binary data, two observers, no missing data: alpha = 0.095', () => {
    const data = byUnits([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]);
    expect(krippendorffAlpha(toWeightedUnits(data))).toBeCloseTo(0.095, 3);
  });

  // C. four observers, 12 units, missing values (section C of the paper, pp. 3-6).
  const _ = null;
  const exampleC = toWeightedUnits(
    byUnits([
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ]),
  );

  it('C. four observers, 12 units with missing values: nominal .743, ordinal .815, interval .849, ratio .797', () => {
    expect(krippendorffAlpha(exampleC, 'nominal')).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(exampleC, 'ordinal')).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(exampleC, 'interval')).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(exampleC, 'ratio')).toBeCloseTo(0.797, 3);
  });

  it("C. the ordinal differences are built on the marginal sums (the paper's matrix: δ²(1,2) = 11², δ²(1,3) = 22.5²)", () => {
    // Krippendorff (2011) p. 6: n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3 (pairable values per value).
    const cm = coincidenceMatrix(exampleC);
    const parts = alphaParts(cm, 'ordinal');
    const at = (c: number, k: number) => parts.differences[cm.categories.indexOf(c)]![cm.categories.indexOf(k)]!;
    expect(cm.n).toBe(40);
    expect(at(1, 2)).toBeCloseTo(11 ** 2, 9); // 9/2 + 13/2
    expect(at(1, 3)).toBeCloseTo(22.5 ** 2, 9); // 9/2 + 13 + 10/2
    expect(at(4, 5)).toBeCloseTo(4 ** 2, 9); // 5/2 + 3/2
  });

  it('refuses an unknown metric, text at a numeric level and negatives at the ratio level, instead of falling back', () => {
    const words = toWeightedUnits([
      ['faible', 'fort'],
      ['fort', 'fort'],
    ]);
    expect(() => krippendorffAlpha(exampleC, 'circular' as Metric)).toThrow(TresseError);
    expect(() => krippendorffAlpha(exampleC, 'circular' as Metric)).toThrow(/circular/);
    expect(() => krippendorffAlpha(words, 'ordinal')).toThrow(/faible|fort/);
    expect(krippendorffAlpha(words, 'nominal')).not.toBeNull();
    expect(() =>
      krippendorffAlpha(
        toWeightedUnits([
          [-1, 2],
          [2, 2],
        ]),
        'ratio',
      ),
    ).toThrow(TresseError);
  });

  it('reproduces the Wikipedia "Krippendorff\'s alpha" computational example (3 coders, 15 units): 0.691', () => {
    const _ = null;
    const data = byUnits([
      [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
      [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
      [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
    ]);
    expect(krippendorffAlpha(toWeightedUnits(data))).toBeCloseTo(0.691, 3);
  });

  it('gives the same value for weighted patterns as for the expanded matrix', () => {
    const expanded = byUnits([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]);
    const weighted = [
      { values: [0, 1], count: 3 },
      { values: [1, 1], count: 1 },
      { values: [0, 0], count: 5 },
      { values: [1, 0], count: 1 },
    ];
    expect(krippendorffAlpha(weighted)).toBeCloseTo(krippendorffAlpha(toWeightedUnits(expanded))!, 12);
    expect(cohenKappa(weighted).kappa).toBeCloseTo(cohenKappa(toWeightedUnits(expanded)).kappa!, 12);
    expect(fleissKappa(weighted)).toBeCloseTo(fleissKappa(toWeightedUnits(expanded))!, 12);
  });
});

describe("Brennan and Prediger's kappa", () => {
  it('reproduces the irrCAC overview example (cont3x3abstractors, 100 units, 3 categories): p_a = .89, BP = .835', () => {
    // Gwet, irrCAC package vignette "Calculating Chance-corrected Agreement Coefficients", table
    // cont3x3abstractors (Cohen's kappa printed as 0.7964 there, checked too so the table is right).
    // Brennan, R. L., & Prediger, D. J. (1981). Coefficient kappa: some uses, misuses, and
    // alternatives. Educational and Psychological Measurement 41, 687-699: (p_o - 1/q) / (1 - 1/q).
    const table = [
      [13, 0, 0],
      [0, 20, 7],
      [0, 4, 56],
    ];
    const cohen = cohenKappaFromTable(table);
    expect(cohen.kappa).toBeCloseTo(0.7964, 4);
    expect(cohen.observed).toBeCloseTo(0.89, 9);
    expect(brennanPredigerKappa(cohen.observed, 3)).toBeCloseTo(0.835, 3);
  });

  it('is positive as soon as agreement beats 1/q, undefined without an observation or with a single category', () => {
    expect(brennanPredigerKappa(0.99, 2)).toBeCloseTo(0.98, 12);
    expect(brennanPredigerKappa(0.5, 2)).toBe(0);
    expect(brennanPredigerKappa(null, 3)).toBeNull();
    expect(brennanPredigerKappa(1, 1)).toBeNull();
  });
});

describe('percent agreement', () => {
  it('is the share of agreeing units for two coders', () => {
    // Krippendorff (2011) example A: the coders agree on units 2, 4, 5, 7, 8, 10 -> 6/10.
    const data = byUnits([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]);
    expect(percentAgreement(toWeightedUnits(data))).toBeCloseTo(0.6, 12);
  });

  it('averages agreeing pairs within each unit for more coders', () => {
    // Unit 1: a,a,b -> 1 agreeing pair of 3; unit 2: all agree -> 3 of 3. Mean (1/3 + 1) / 2 = 2/3.
    expect(
      percentAgreement(
        toWeightedUnits([
          ['a', 'a', 'b'],
          ['c', 'c', 'c'],
        ]),
      ),
    ).toBeCloseTo(2 / 3, 12);
  });
});

describe('edge cases', () => {
  it('perfect agreement with variation gives 1 everywhere', () => {
    const units = toWeightedUnits([
      ['a', 'a'],
      ['b', 'b'],
      ['c', 'c'],
    ]);
    expect(percentAgreement(units)).toBe(1);
    expect(cohenKappa(units).kappa).toBe(1);
    expect(fleissKappa(units)).toBe(1);
    expect(krippendorffAlpha(units)).toBe(1);
  });

  it('no variation (one category only): chance-corrected coefficients are null, agreement is 1', () => {
    const units = toWeightedUnits([
      ['a', 'a'],
      ['a', 'a'],
      ['a', 'a'],
    ]);
    expect(percentAgreement(units)).toBe(1);
    const k = cohenKappa(units);
    expect(k.kappa).toBeNull();
    expect(k.observed).toBe(1);
    expect(k.expected).toBe(1);
    expect(fleissKappa(units)).toBeNull();
    expect(krippendorffAlpha(units)).toBeNull();
  });

  it('a single unit on which coders disagree: kappa and alpha are defined and not positive', () => {
    const units = toWeightedUnits([['a', 'b']]);
    expect(percentAgreement(units)).toBe(0);
    expect(cohenKappa(units).kappa).toBeCloseTo(0, 12); // p_o = 0, p_e = 0
    // n = 2 pairable values, o_ab = o_ba = 1, n_a = n_b = 1: alpha = 1 - 1 * 2 / 2 = 0.
    expect(krippendorffAlpha(units)).toBeCloseTo(0, 12);
    expect(fleissKappa(units)).toBeCloseTo(-1, 12); // P-bar = 0, P_e = 0.5
  });

  it('no comparable unit at all: everything is null', () => {
    const units = toWeightedUnits([
      ['a', null],
      [null, 'b'],
    ]);
    expect(percentAgreement(units)).toBeNull();
    expect(cohenKappa(units).kappa).toBeNull();
    expect(fleissKappa(units)).toBeNull();
    expect(krippendorffAlpha(units)).toBeNull();
    expect(percentAgreement([])).toBeNull();
  });
});
