// The four coefficients of a presence-pattern table (bit i of a pattern = coder i has the code),
// straight from the table. The character unit computes them for every (source, code), tens of
// thousands of tables of three or four patterns each: building weighted units and the general
// tables of coefficients.ts for each costs far more than the arithmetic.
//
// The results must be those of coefficients.ts to the last bit, so every sum is made in the order
// coefficients.ts makes it: patterns in the table's order, and, across the two categories (code
// absent, code present), sums of two terms, whose order does not change the result. A test
// compares both on random tables (tests/analysis/agreement/pattern-coefficients.test.ts).
import type { KappaResult } from './coefficients.ts';

export interface PatternCoefficients {
  percentAgreement: number | null;
  /** Only for two coders. */
  cohenKappa: KappaResult | null;
  fleissKappa: number | null;
  /** Nominal. */
  krippendorffAlpha: number | null;
}

function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/**
 * `k` coders (2 to 30), every one giving a value to every unit. Counts are whole numbers (characters,
 * sources), so their sums are exact in any order.
 */
export function patternCoefficients(table: ReadonlyMap<number, number>, k: number): PatternCoefficients {
  const pairsPerUnit = k * (k - 1);
  // percentAgreement
  let agreeing = 0;
  let total = 0;
  // Cohen's table (two coders): [absent, present] of coder 0 by the same of coder 1.
  let both0 = 0;
  let both1 = 0;
  let only0 = 0;
  let only1 = 0;
  // Fleiss: Σ w (Σ_j n_j² - k) / (k (k - 1)), and each category's total.
  let sumP = 0;
  let presentTotal = 0;
  let absentTotal = 0;
  // Coincidences: o[absent][absent], o[present][present], o[absent][present] (= o[present][absent]).
  let o00 = 0;
  let o11 = 0;
  let o01 = 0;
  let o10 = 0;
  let n = 0;
  for (const [mask, count] of table) {
    if (count <= 0) continue;
    const ones = bitCount(mask);
    const zeros = k - ones;
    const agreeingPairs = ones * (ones - 1) + zeros * (zeros - 1);
    agreeing += (count * agreeingPairs) / pairsPerUnit;
    total += count;
    if (k === 2) {
      if (mask === 3) both1 += count;
      else if (mask === 0) both0 += count;
      else if (mask === 1) only0 += count;
      else only1 += count;
    }
    sumP += (count * (ones * ones + zeros * zeros - k)) / pairsPerUnit;
    presentTotal += count * ones;
    absentTotal += count * zeros;
    if (zeros > 1) o00 += (count * (zeros * (zeros - 1))) / (k - 1);
    if (ones > 1) o11 += (count * (ones * (ones - 1))) / (k - 1);
    if (zeros > 0 && ones > 0) {
      o01 += (count * (zeros * ones)) / (k - 1);
      o10 += (count * (ones * zeros)) / (k - 1);
    }
    n += count * k;
  }
  return {
    percentAgreement: total === 0 ? null : agreeing / total,
    cohenKappa: k === 2 ? cohen(both0, only0, only1, both1) : null,
    fleissKappa: fleiss(total, k, sumP, absentTotal, presentTotal),
    krippendorffAlpha: alpha(o00, o01, o10, o11, n),
  };
}

/** cohenKappaFromTable: `only0` = coder 0 present and coder 1 absent, `only1` the reverse. */
function cohen(both0: number, only0: number, only1: number, both1: number): KappaResult {
  const n = both0 + only0 + only1 + both1;
  if (n === 0) return { kappa: null, observed: null, expected: null, units: 0 };
  const observed = (both0 + both1) / n;
  const expected = ((both0 + only1) / n) * ((both0 + only0) / n) + ((both1 + only0) / n) * ((both1 + only1) / n);
  const kappa = expected >= 1 - 1e-12 ? null : (observed - expected) / (1 - expected);
  return { kappa, observed, expected, units: n };
}

/** fleissKappaFromCounts with every unit rated by all `k` coders. */
function fleiss(subjects: number, k: number, sumP: number, absentTotal: number, presentTotal: number): number | null {
  if (subjects === 0) return null;
  const pBar = sumP / subjects;
  const pAbsent = absentTotal / (subjects * k);
  const pPresent = presentTotal / (subjects * k);
  const pe = pAbsent * pAbsent + pPresent * pPresent;
  return pe >= 1 - 1e-12 ? null : (pBar - pe) / (1 - pe);
}

/** alphaParts at the nominal level from the 2 x 2 coincidence matrix. */
function alpha(o00: number, o01: number, o10: number, o11: number, n: number): number | null {
  if (n < 2) return null;
  const margAbsent = o00 + o01;
  const margPresent = o10 + o11;
  const observed = o01 + o10;
  const expected = margAbsent * margPresent + margPresent * margAbsent;
  const dO = observed / n;
  const dE = expected / (n * (n - 1));
  return expected <= 0 ? null : 1 - dO / dE;
}
