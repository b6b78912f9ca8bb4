import { describe, expect, it } from 'vitest';
import { checkSegments, segmentFigures, type Span } from '../../../analysis/agreement/segment-agreement.ts';
import { TresseError } from '../../../i18n/error.ts';

const A = 1;
const B = 2;
const C = 3;
const s = (coderId: number, start: number, end: number): Span => ({ coderId, start, end });
const counts = (check: ReturnType<typeof checkSegments>) => check.perCoder.map((c) => [c.agreeing, c.nonAgreeing]);

describe('segment agreement, checked from both sides (MAXQDA)', () => {
  it('two coders: a segment agrees when the other has one overlapping it by the threshold', () => {
    // A [0,10) and B [2,10): overlap 8 / union 10 = .8. A's [20,30) has no partner.
    const check = checkSegments([s(A, 0, 10), s(B, 2, 10), s(A, 20, 30)], [A, B], 0.5);
    expect(counts(check)).toEqual([
      [1, 1],
      [1, 0],
    ]);
    expect(segmentFigures([check], [A, B], 2).percentAgreement).toBeCloseTo(2 / 3, 12);
    // At .9 the pair no longer overlaps enough: every segment disagrees, on both sides.
    expect(counts(checkSegments([s(A, 0, 10), s(B, 2, 10)], [A, B], 0.9))).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });

  it('three coders: a chain of overlaps is not agreement, the threshold must hold for every pair', () => {
    // A-B and B-C overlap 7/13 = .54, A-C only 4/16 = .25.
    const chain = [s(A, 0, 10), s(B, 3, 13), s(C, 6, 16)];
    expect(counts(checkSegments(chain, [A, B, C], 0.5))).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
    expect(counts(checkSegments(chain, [A, B, C], 0.25))).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
    expect(counts(checkSegments([s(A, 0, 10), s(B, 1, 10), s(C, 0, 9)], [A, B, C], 0.5))).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
  });

  it('three coders: looks past a first partner that does not fit the third coder', () => {
    // A [0,20): B's [0,10) (.5) and [11,20) (.45) both fit A at .4, C's [10,20) fits A (.5) and
    // only B's second segment (.9): A agrees through that one.
    const check = checkSegments([s(A, 0, 20), s(B, 0, 10), s(B, 11, 20), s(C, 10, 20)], [A, B, C], 0.4);
    expect(check.segments.find((x) => x.coderId === A)!.agrees).toBe(true);
    expect(check.segments.filter((x) => x.coderId === B).map((x) => x.agrees)).toEqual([false, true]);
  });

  it("merges one coder's overlapping or touching codings of the code into one segment", () => {
    const check = checkSegments([s(A, 0, 10), s(A, 0, 10), s(A, 10, 12), s(B, 0, 12)], [A, B], 0.5);
    expect(check.segments.map((x) => [x.coderId, x.start, x.end, x.agrees])).toEqual([
      [A, 0, 12, true],
      [B, 0, 12, true],
    ]);
  });

  it('ignores coders not compared, and a coder with no segment leaves the others without partner', () => {
    expect(counts(checkSegments([s(A, 0, 10), s(C, 0, 10)], [A, B], 0.5))).toEqual([
      [0, 1],
      [0, 0],
    ]);
  });

  it('99 matched segments out of 100 give a kappa close to 1, never a coefficient stuck at 0', () => {
    const spans: Span[] = [];
    for (let i = 0; i < 99; i++) spans.push(s(A, i * 100, i * 100 + 50), s(B, i * 100 + 5, i * 100 + 50));
    spans.push(s(A, 9950, 9990));
    const f = segmentFigures([checkSegments(spans, [A, B], 0.5)], [A, B], 5);
    expect([f.agreeing, f.nonAgreeing]).toEqual([198, 1]);
    expect(f.percentAgreement).toBeCloseTo(198 / 199, 12);
    expect(f.chance).toBeCloseTo(0.2, 12);
    // Brennan & Prediger: (p_o - 1/5) / (1 - 1/5).
    expect(f.kappa).toBeCloseTo((198 / 199 - 0.2) / 0.8, 12);
    expect(f.kappa!).toBeGreaterThan(0.99);
  });

  it('sums checks per coder; one code compared leaves kappa undefined (q = 1)', () => {
    const one = checkSegments([s(A, 0, 10), s(B, 0, 10)], [A, B], 0.5);
    const two = checkSegments([s(A, 0, 10)], [A, B], 0.5);
    const f = segmentFigures([one, two], [A, B], 1);
    expect(f.perCoder).toEqual([
      { coderId: A, agreeing: 1, nonAgreeing: 1 },
      { coderId: B, agreeing: 1, nonAgreeing: 0 },
    ]);
    expect(f.percentAgreement).toBeCloseTo(2 / 3, 12);
    expect(f.kappa).toBeNull();
    expect(segmentFigures([], [A, B], 4)).toMatchObject({ percentAgreement: null, kappa: null, agreeing: 0 });
  });

  it('refuses a threshold outside (0, 1]', () => {
    expect(() => checkSegments([], [A, B], 0)).toThrow(TresseError);
    expect(() => checkSegments([], [A, B], 1.5)).toThrow(TresseError);
  });
});
