import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeAgreement, type CodingSpan } from '../../../analysis/agreement/units.ts';
import { krippendorffAlpha, percentAgreement, toWeightedUnits } from '../../../analysis/agreement/coefficients.ts';
import { isTresseError } from '../../../i18n/error.ts';

// Fixture shared by the three units. Coders 10 and 20 are compared; coder 30 is not.
//   S1 (100 chars): code 1 by coder 10 at 0-20 and 10-30 (overlapping, same coder: union 0-30),
//                   code 1 by coder 20 at 20-40.
//   S2 (50 chars):  code 1 by both at 0-10; code 2 by coder 20 at 5-15 (coder 10 never uses code 2).
//   S3 (40 chars):  only coder 10 coded it (code 1 at 0-40, code 3 at 0-5); out of the scope below.
//   S4 (30 chars):  nobody coded it; out of the scope below (see 'input errors' for a source in scope nobody coded).
const span = (sourceId: number, codeId: number, coderId: number, start: number, end: number): CodingSpan => ({ sourceId, codeId, coderId, start, end });
const codings: CodingSpan[] = [
  span(1, 1, 10, 0, 20),
  span(1, 1, 10, 10, 30),
  span(1, 1, 20, 20, 40),
  span(1, 2, 30, 0, 100),
  span(2, 1, 10, 0, 10),
  span(2, 1, 20, 0, 10),
  span(2, 2, 20, 5, 15),
  span(3, 1, 10, 0, 40),
  span(3, 3, 10, 0, 5),
];
const sourceLengths = new Map([
  [1, 100],
  [2, 50],
  [3, 40],
  [4, 30],
]);
const base = { codings, coderIds: [10, 20], sourceLengths, sourceIds: [1, 2] };

describe('computeAgreement, character unit', () => {
  const report = computeAgreement({ ...base, unit: 'character' });

  it('compares only the sources in scope', () => {
    expect(report.sourceIds).toEqual([1, 2]);
    // Code 3 appears only in S3, out of scope.
    expect(report.perCode.map((c) => c.codeId)).toEqual([1, 2]);
  });

  it("counts characters per code, merging one coder's overlapping codings", () => {
    // Code 1 over S1+S2 (150 characters):
    //   both: S1 20-30 (10) + S2 0-10 (10) = 20; coder 10 only: S1 0-20 = 20; coder 20 only: S1 30-40 = 10;
    //   neither: 150 - 50 = 100.
    // p_o = (20 + 100) / 150 = 0.8; marginals 40/150 and 30/150;
    // p_e = (40*30 + 110*120) / 150^2 = 14400 / 22500 = 0.64; kappa = 0.16 / 0.36 = 0.4444.
    // alpha: n = 300, n_1 = 70, n_0 = 230, o_01 = 30 -> 1 - 299*30 / (230*70) = 0.442857.
    // Fleiss: P-bar = 0.8, p_1 = 7/30 -> P_e = (49 + 529) / 900; kappa = (720 - 578) / (900 - 578) = 0.440994.
    const c1 = report.perCode.find((c) => c.codeId === 1)!;
    expect(c1.units).toBe(150);
    expect(c1.presentByCoder).toEqual([40, 30]);
    expect(c1.percentAgreement).toBeCloseTo(0.8, 10);
    expect(c1.cohenKappa!.observed).toBeCloseTo(0.8, 10);
    expect(c1.cohenKappa!.expected).toBeCloseTo(0.64, 10);
    expect(c1.cohenKappa!.kappa).toBeCloseTo(0.444444, 6);
    expect(c1.krippendorffAlpha).toBeCloseTo(0.442857, 6);
    expect(c1.fleissKappa).toBeCloseTo(0.440994, 6);
  });

  it('treats a code one coder never used as absent everywhere for that coder', () => {
    // Code 2: coder 20 only on S2 5-15 (10), neither on 140. p_o = 140/150 = p_e -> kappa 0.
    // alpha: n = 300, n_1 = 10, n_0 = 290, o_01 = 10 -> 1 - 299*10 / (290*10) = -0.031034.
    const c2 = report.perCode.find((c) => c.codeId === 2)!;
    expect(c2.presentByCoder).toEqual([0, 10]);
    expect(c2.percentAgreement).toBeCloseTo(140 / 150, 10);
    expect(c2.cohenKappa!.kappa).toBeCloseTo(0, 10);
    expect(c2.krippendorffAlpha).toBeCloseTo(-0.031034, 6);
  });

  it('pools codes for the overall figures', () => {
    // 300 (character, code) units: both 20, only 10: 20, only 20: 20, neither 240.
    // p_o = 260/300; p_e = (40^2 + 260^2) / 300^2 = 69200/90000; kappa = 8800/20800 = 0.423077.
    // alpha: n = 600, n_1 = 80, n_0 = 520, o_01 = 40 -> 1 - 599*40 / (520*80) = 0.424038.
    expect(report.overall.units).toBe(300);
    expect(report.overall.percentAgreement).toBeCloseTo(260 / 300, 10);
    expect(report.overall.cohenKappa!.kappa).toBeCloseTo(0.423077, 6);
    expect(report.overall.krippendorffAlpha).toBeCloseTo(0.424038, 6);
  });

  it('reports a requested code nobody used as undefined rather than perfect', () => {
    const r = computeAgreement({ ...base, unit: 'character', codeIds: [1, 3] });
    const c3 = r.perCode.find((c) => c.codeId === 3)!;
    expect(c3.units).toBe(150);
    expect(c3.percentAgreement).toBe(1);
    expect(c3.cohenKappa!.kappa).toBeNull();
    expect(c3.krippendorffAlpha).toBeNull();
    expect(c3.fleissKappa).toBeNull();
  });

  it('matches a per-character computation on random codings', () => {
    const arbCoding = fc.record({
      sourceId: fc.integer({ min: 1, max: 2 }),
      codeId: fc.integer({ min: 1, max: 2 }),
      coderId: fc.constantFrom(1, 2, 3),
      start: fc.integer({ min: 0, max: 29 }),
      len: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(fc.array(arbCoding, { minLength: 1, maxLength: 25 }), (raw) => {
        const lengths = new Map([
          [1, 30],
          [2, 20],
        ]);
        const cs = raw.map((r) => ({ sourceId: r.sourceId, codeId: r.codeId, coderId: r.coderId, start: r.start, end: r.start + r.len }));
        const coders = [1, 2, 3];
        const report = computeAgreement({ codings: cs, coderIds: coders, sourceLengths: lengths, sourceIds: [1, 2], unit: 'character', codeIds: [1, 2] });
        for (const codeId of [1, 2]) {
          const matrix: number[][] = [];
          for (const sourceId of report.sourceIds) {
            for (let ch = 0; ch < lengths.get(sourceId)!; ch++) {
              matrix.push(
                coders.map((coder) =>
                  cs.some((c) => c.sourceId === sourceId && c.codeId === codeId && c.coderId === coder && c.start <= ch && ch < c.end) ? 1 : 0,
                ),
              );
            }
          }
          const units = toWeightedUnits(matrix);
          const got = report.perCode.find((c) => c.codeId === codeId)!;
          expect(got.units).toBe(matrix.length);
          const same = (a: number | null, b: number | null) => (a === null ? expect(b).toBeNull() : expect(b).toBeCloseTo(a, 9));
          same(percentAgreement(units), got.percentAgreement);
          same(krippendorffAlpha(units), got.krippendorffAlpha);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('computeAgreement, document unit', () => {
  it('compares presence of each code per included source', () => {
    // Code 1: S1 (1,1), S2 (1,1) -> no variation. Code 2: S1 (0,0), S2 (0,1) -> p_o = 1/2.
    // Overall: (1,1) x2, (0,0), (0,1): p_o = 3/4, marginals 2/4 and 3/4,
    // p_e = .5*.75 + .5*.25 = .5 -> kappa = .5; alpha: n = 8, n_1 = 5, n_0 = 3, o_01 = 1 -> 1 - 7/15.
    const r = computeAgreement({ ...base, unit: 'document' });
    const c1 = r.perCode.find((c) => c.codeId === 1)!;
    expect(c1.units).toBe(2);
    expect(c1.percentAgreement).toBe(1);
    expect(c1.cohenKappa!.kappa).toBeNull();
    expect(r.perCode.find((c) => c.codeId === 2)!.percentAgreement).toBe(0.5);
    expect(r.overall.units).toBe(4);
    expect(r.overall.cohenKappa!.kappa).toBeCloseTo(0.5, 10);
    expect(r.overall.krippendorffAlpha).toBeCloseTo(1 - 7 / 15, 10);
  });

  it('handles three coders: Fleiss and alpha, no Cohen', () => {
    // Code 5: S1 all three, S2 coders 1 and 2, S3 nobody (S3 included through code 6).
    // Fleiss: P_i = 1, 1/3, 1 -> P-bar = 7/9; p_1 = 5/9, p_0 = 4/9, P_e = 41/81; kappa = (63-41)/(81-41) = 0.55.
    // alpha: o_11 = 3 + 1, o_10 = o_01 = 1, o_00 = 3; n = 9, n_1 = 5, n_0 = 4 -> 1 - 8*2 / (2*5*4) = 0.6.
    const cs: CodingSpan[] = [
      ...[1, 2, 3].map((c) => span(1, 5, c, 0, 5)),
      ...[1, 2].map((c) => span(2, 5, c, 0, 5)),
      ...[1, 2, 3].map((c) => span(3, 6, c, 0, 5)),
      span(2, 6, 3, 0, 5),
    ];
    const r = computeAgreement({
      codings: cs,
      coderIds: [1, 2, 3],
      sourceLengths: new Map([
        [1, 10],
        [2, 10],
        [3, 10],
      ]),
      sourceIds: [1, 2, 3],
      unit: 'document',
      codeIds: [5],
    });
    const c5 = r.perCode[0]!;
    expect(c5.units).toBe(3);
    expect(c5.cohenKappa).toBeNull();
    expect(c5.percentAgreement).toBeCloseTo(7 / 9, 10);
    expect(c5.fleissKappa).toBeCloseTo(0.55, 10);
    expect(c5.krippendorffAlpha).toBeCloseTo(0.6, 10);
  });
});

describe('computeAgreement, segment unit', () => {
  it('checks each segment from its own side, with percent agreement and Brennan & Prediger only', () => {
    // S1 code 1: coder 10's merged 0-30 vs coder 20's 20-40: overlap 10 / union 40 = 0.25 -> neither agrees.
    // S2 code 1: 0-10 by both -> both agree. S2 code 2: coder 20 alone -> does not agree.
    // Code 1: 2 of 4 segments agree. Overall 2 of 5 = 0.4; q = 2 codes, chance 1/2 ->
    // Brennan & Prediger = (0.4 - 0.5) / (1 - 0.5) = -0.2.
    const r = computeAgreement({ ...base, unit: 'segment' });
    expect(r.overlapThreshold).toBe(0.5);
    const c1 = r.perCode.find((c) => c.codeId === 1)!;
    expect(c1.units).toBe(4);
    expect(c1.percentAgreement).toBeCloseTo(0.5, 10);
    expect(c1.brennanPredigerKappa).toBeCloseTo(0, 10);
    expect(r.overall.units).toBe(5);
    expect(r.overall.presentByCoder).toEqual([2, 3]);
    expect(r.overall.segments).toEqual({ agreeing: 2, nonAgreeing: 3, chance: 0.5 });
    expect(r.overall.percentAgreement).toBeCloseTo(0.4, 10);
    expect(r.overall.brennanPredigerKappa).toBeCloseTo(-0.2, 10);
    // No coefficient that could never be positive here.
    expect([r.overall.cohenKappa, r.overall.fleissKappa, r.overall.krippendorffAlpha, r.overall.alphaInterval]).toEqual([null, null, null, null]);
  });

  it('uses the threshold the user sets', () => {
    const r = computeAgreement({ ...base, unit: 'segment', overlapThreshold: 0.25 });
    const c1 = r.perCode.find((c) => c.codeId === 1)!;
    expect(c1.units).toBe(4);
    expect(c1.percentAgreement).toBe(1);
  });

  it("counts one coder's overlapping codings of a code as one segment", () => {
    const cs = [span(1, 1, 10, 0, 20), span(1, 1, 10, 10, 30), span(1, 1, 20, 0, 30)];
    const r = computeAgreement({ codings: cs, coderIds: [10, 20], sourceLengths: new Map([[1, 50]]), sourceIds: [1], unit: 'segment' });
    expect(r.overall.units).toBe(2);
    expect(r.overall.percentAgreement).toBe(1);
    // A single code compared: chance 1/1, kappa undefined rather than a number that means nothing.
    expect(r.overall.brennanPredigerKappa).toBeNull();
  });

  it("lets one segment be the partner of two of the other coder's", () => {
    // Coder 20's 0-10 and 10-20 touch, so they merge into 0-20 and agree with coder 10's 0-20.
    // Coder 20's 30-40 and 42-50 both overlap coder 10's 30-50 enough at 0.3 (0.5 and 0.4): all agree.
    const cs = [span(1, 1, 10, 0, 20), span(1, 1, 20, 0, 10), span(1, 1, 20, 10, 20), span(1, 1, 10, 30, 50), span(1, 1, 20, 30, 40), span(1, 1, 20, 42, 50)];
    const r = computeAgreement({ codings: cs, coderIds: [10, 20], sourceLengths: new Map([[1, 60]]), sourceIds: [1], unit: 'segment', overlapThreshold: 0.3 });
    expect(r.overall.units).toBe(5);
    expect(r.overall.presentByCoder).toEqual([2, 3]);
    expect(r.overall.percentAgreement).toBe(1);
  });

  it('does not count a chain of overlaps between three coders as agreement (issue 12)', () => {
    // A [0,10), B [3,13), C [6,16): A-B and B-C overlap by 7/13, A and C by 4/16 only.
    const cs = [span(1, 1, 1, 0, 10), span(1, 1, 2, 3, 13), span(1, 1, 3, 6, 16)];
    const r = computeAgreement({ codings: cs, coderIds: [1, 2, 3], sourceLengths: new Map([[1, 20]]), sourceIds: [1], unit: 'segment' });
    expect(r.overall.segments).toMatchObject({ agreeing: 0, nonAgreeing: 3 });
  });
});

describe('computeAgreement, input errors', () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return isTresseError(e) ? e.code : 'other';
    }
    return 'none';
  };
  it('needs two distinct coders and a threshold in (0, 1]', () => {
    expect(code(() => computeAgreement({ ...base, coderIds: [10], unit: 'character' }))).toBe('agreement.coders');
    expect(code(() => computeAgreement({ ...base, coderIds: [10, 10], unit: 'character' }))).toBe('agreement.coders');
    expect(code(() => computeAgreement({ ...base, unit: 'segment', overlapThreshold: 0 }))).toBe('agreement.threshold');
    expect(code(() => computeAgreement({ ...base, unit: 'segment', overlapThreshold: 1.5 }))).toBe('agreement.threshold');
  });

  it('counts a source in scope that a coder left uncoded as absence, not as missing', () => {
    // Coder 40 coded nothing. Code 1 over S1+S2 (150 characters): coder 10 has 40 (S1 0-30, S2 0-10),
    // coder 40 none: p_o = 110/150, and kappa is 0 (coder 40's marginal is all absence).
    const r = computeAgreement({ ...base, coderIds: [10, 40], unit: 'character', codeIds: [1] });
    expect(r.sourceIds).toEqual([1, 2]);
    expect(r.overall.units).toBe(150);
    expect(r.overall.presentByCoder).toEqual([40, 0]);
    expect(r.overall.percentAgreement).toBeCloseTo(110 / 150, 10);
    expect(r.overall.cohenKappa!.kappa).toBeCloseTo(0, 10);
  });

  it('counts a source in scope that nobody coded, whole, at character and document level', () => {
    const chars = computeAgreement({ ...base, sourceIds: [1, 2, 4], unit: 'character', codeIds: [1] });
    expect(chars.overall.units).toBe(180);
    expect(chars.overall.percentAgreement).toBeCloseTo(150 / 180, 10);
    expect(computeAgreement({ ...base, sourceIds: [1, 2, 4], unit: 'document', codeIds: [1] }).overall.units).toBe(3);
  });
});

describe('computeAgreement, per source (character unit)', () => {
  it('gives each source its own figures, which add up to the pooled counts', () => {
    const r = computeAgreement({ ...base, unit: 'character' });
    expect(r.perSource.map((s) => s.sourceId)).toEqual([1, 2]);
    const [s1, s2] = r.perSource;
    // S1, code 1: coder 10 0-30, coder 20 20-40 over 100: both 10, one 30, neither 60.
    const c1 = s1!.perCode.find((c) => c.codeId === 1)!;
    expect(c1.units).toBe(100);
    expect(c1.presentByCoder).toEqual([30, 20]);
    expect(c1.percentAgreement).toBeCloseTo(0.7, 10);
    // S2, code 1: both 0-10 -> full agreement.
    expect(s2!.perCode.find((c) => c.codeId === 1)!.cohenKappa!.kappa).toBeCloseTo(1, 10);
    expect(s1!.overall.units + s2!.overall.units).toBe(r.overall.units);
    expect(computeAgreement({ ...base, unit: 'document' }).perSource).toEqual([]);
  });
});
