// Inter-coder agreement coefficients: percent agreement, Cohen's, Fleiss' and Brennan & Prediger's
// kappas, Krippendorff's alpha at the nominal, ordinal, interval and ratio levels.
//
// Reliability data are units x coders: `data[u][c]` is the value coder c gave unit u, or null when
// that coder gave none. Character-level agreement has tens of millions of units but only a handful
// of distinct value patterns, so every coefficient also takes *weighted units*: a pattern of values
// plus how many units share it. The plain matrix form is the special case count = 1.
//
// Undefined results are `null`, never NaN. A coefficient is undefined when
// - no unit can be compared (fewer than two values in every unit), or
// - the chance term is degenerate: only one category occurs in the data (expected disagreement 0),
//   so "agreement beyond chance" is 0/0. Percent agreement is still reported (it is then 1).
// What is refused (TresseError): an unknown metric, a value that is not a number for the ordinal,
// interval and ratio levels, a negative value for the ratio level. Nothing falls back silently.
//
// Exported names other modules rely on: percentAgreement, cohenKappa(FromTable), fleissKappa
// (FromCounts), coincidenceMatrix, krippendorffAlpha, alphaParts, differenceMatrix, checkMetric,
// METRICS, brennanPredigerKappa. The bootstrap interval for alpha is in bootstrap.ts.

import { TresseError } from '../../i18n/error.ts';

export type Category = string | number;
export type ReliabilityData = ReadonlyArray<ReadonlyArray<Category | null>>;

export interface WeightedUnit {
  /** One value per coder, null when that coder gave none. */
  values: ReadonlyArray<Category | null>;
  /** How many units share this pattern (> 0; need not be an integer). */
  count: number;
}

export interface KappaResult {
  /** Null when undefined (expected agreement is 1, or no unit was rated by both coders). */
  kappa: number | null;
  /** Observed proportion of agreement, p_o. */
  observed: number | null;
  /** Proportion of agreement expected by chance from each coder's own marginals, p_e. */
  expected: number | null;
  /** Number of (weighted) units rated by both coders. */
  units: number;
}

export function toWeightedUnits(data: ReliabilityData): WeightedUnit[] {
  return data.map((values) => ({ values, count: 1 }));
}

function presentValues(values: ReadonlyArray<Category | null>): Category[] {
  const out: Category[] = [];
  for (const v of values) if (v !== null) out.push(v);
  return out;
}

/**
 * Observed agreement: within each unit, the share of agreeing pairs among all pairs of coders who
 * both gave a value; averaged over units weighted by count. For two coders this is the plain share
 * of units on which they agree; with complete data it equals Fleiss' P-bar. Units with fewer than
 * two values are left out.
 */
export function percentAgreement(units: ReadonlyArray<WeightedUnit>): number | null {
  let total = 0;
  let agreeing = 0;
  for (const u of units) {
    const vals = presentValues(u.values);
    const m = vals.length;
    if (m < 2 || u.count <= 0) continue;
    const freq = new Map<Category, number>();
    for (const v of vals) freq.set(v, (freq.get(v) ?? 0) + 1);
    let agreeingPairs = 0;
    for (const f of freq.values()) agreeingPairs += f * (f - 1);
    agreeing += (u.count * agreeingPairs) / (m * (m - 1));
    total += u.count;
  }
  return total === 0 ? null : agreeing / total;
}

/** A k x k contingency table: rows = first coder's category, columns = second coder's. */
export interface ContingencyTable {
  categories: Category[];
  counts: number[][];
}

/** Cohen's (1960) kappa from a square contingency table of counts (or proportions). */
export function cohenKappaFromTable(counts: ReadonlyArray<ReadonlyArray<number>>): KappaResult {
  const k = counts.length;
  let n = 0;
  let diagonal = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    const row = counts[i]!;
    if (row.length !== k) throw new RangeError('cohenKappaFromTable: the table must be square');
    for (let j = 0; j < k; j++) {
      const c = row[j]!;
      n += c;
      rows[i]! += c;
      cols[j]! += c;
      if (i === j) diagonal += c;
    }
  }
  if (n === 0) return { kappa: null, observed: null, expected: null, units: 0 };
  const observed = diagonal / n;
  let expected = 0;
  for (let i = 0; i < k; i++) expected += (rows[i]! / n) * (cols[i]! / n);
  const kappa = expected >= 1 - 1e-12 ? null : (observed - expected) / (1 - expected);
  return { kappa, observed, expected, units: n };
}

/** Two coders' contingency table; units where either coder gave no value are left out. */
export function contingencyTable(units: ReadonlyArray<WeightedUnit>, coderA = 0, coderB = 1): ContingencyTable {
  const index = new Map<Category, number>();
  const cells = new Map<string, number>();
  const idx = (v: Category): number => {
    let i = index.get(v);
    if (i === undefined) {
      i = index.size;
      index.set(v, i);
    }
    return i;
  };
  for (const u of units) {
    const a = u.values[coderA] ?? null;
    const b = u.values[coderB] ?? null;
    if (a === null || b === null || u.count <= 0) continue;
    const key = `${idx(a)},${idx(b)}`;
    cells.set(key, (cells.get(key) ?? 0) + u.count);
  }
  const k = index.size;
  const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const [key, c] of cells) {
    const [i, j] = key.split(',').map(Number) as [number, number];
    counts[i]![j] = c;
  }
  return { categories: [...index.keys()], counts };
}

/** Cohen's kappa for two coders (the first two value columns unless told otherwise). */
export function cohenKappa(units: ReadonlyArray<WeightedUnit>, coderA = 0, coderB = 1): KappaResult {
  return cohenKappaFromTable(contingencyTable(units, coderA, coderB).counts);
}

/**
 * Fleiss' (1971) kappa from a subjects x categories table: `counts[i][j]` = number of raters who put
 * subject i in category j. Every subject must have the same number of ratings (at least two);
 * `weights[i]` lets a row stand for several identical subjects.
 */
export function fleissKappaFromCounts(counts: ReadonlyArray<ReadonlyArray<number>>, weights?: ReadonlyArray<number>): number | null {
  if (counts.length === 0) return null;
  const raters = counts[0]!.reduce((s, x) => s + x, 0);
  if (raters < 2) return null;
  const k = counts[0]!.length;
  const categoryTotals = new Array<number>(k).fill(0);
  let subjects = 0;
  let sumP = 0;
  for (let i = 0; i < counts.length; i++) {
    const row = counts[i]!;
    const w = weights?.[i] ?? 1;
    if (row.reduce((s, x) => s + x, 0) !== raters) {
      throw new RangeError('fleissKappaFromCounts: every subject needs the same number of ratings');
    }
    let sq = 0;
    for (let j = 0; j < k; j++) {
      sq += row[j]! * row[j]!;
      categoryTotals[j]! += w * row[j]!;
    }
    sumP += (w * (sq - raters)) / (raters * (raters - 1));
    subjects += w;
  }
  if (subjects === 0) return null;
  const pBar = sumP / subjects;
  let pe = 0;
  for (const t of categoryTotals) {
    const p = t / (subjects * raters);
    pe += p * p;
  }
  return pe >= 1 - 1e-12 ? null : (pBar - pe) / (1 - pe);
}

/**
 * Fleiss' kappa from reliability data. Fleiss' formula needs the same number of ratings for every
 * unit, so only units that *every* coder rated are used (listwise deletion); use Krippendorff's
 * alpha when missing ratings should still count.
 */
export function fleissKappa(units: ReadonlyArray<WeightedUnit>): number | null {
  const index = new Map<Category, number>();
  const rows: Array<Map<number, number>> = [];
  const weights: number[] = [];
  for (const u of units) {
    if (u.count <= 0 || u.values.length < 2 || u.values.some((v) => v === null)) continue;
    const row = new Map<number, number>();
    for (const v of u.values as Category[]) {
      let j = index.get(v);
      if (j === undefined) {
        j = index.size;
        index.set(v, j);
      }
      row.set(j, (row.get(j) ?? 0) + 1);
    }
    rows.push(row);
    weights.push(u.count);
  }
  const k = index.size;
  const counts = rows.map((row) => {
    const dense = new Array<number>(k).fill(0);
    for (const [j, c] of row) dense[j] = c;
    return dense;
  });
  return fleissKappaFromCounts(counts, weights);
}

/** Krippendorff's coincidence matrix: o[c][k] counts pairable values c-k within units. */
export interface CoincidenceMatrix {
  categories: Category[];
  o: number[][];
  /** Number of pairable values, n.. (values in units with at least two values). */
  n: number;
}

export function coincidenceMatrix(units: ReadonlyArray<WeightedUnit>): CoincidenceMatrix {
  const index = new Map<Category, number>();
  const cells = new Map<number, Map<number, number>>();
  let n = 0;
  for (const u of units) {
    const vals = presentValues(u.values);
    const m = vals.length;
    if (m < 2 || u.count <= 0) continue;
    const freq = new Map<number, number>();
    for (const v of vals) {
      let j = index.get(v);
      if (j === undefined) {
        j = index.size;
        index.set(v, j);
      }
      freq.set(j, (freq.get(j) ?? 0) + 1);
    }
    // Each ordered pair of distinct coders within the unit adds 1/(m-1).
    for (const [c, fc] of freq) {
      let row = cells.get(c);
      if (!row) cells.set(c, (row = new Map()));
      for (const [k, fk] of freq) {
        const pairs = c === k ? fc * (fc - 1) : fc * fk;
        if (pairs === 0) continue;
        row.set(k, (row.get(k) ?? 0) + (u.count * pairs) / (m - 1));
      }
    }
    n += u.count * m;
  }
  const size = index.size;
  const o = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const [c, row] of cells) for (const [k, v] of row) o[c]![k] = v;
  return { categories: [...index.keys()], o, n };
}

/** Krippendorff's levels of measurement, each with its difference function. */
export const METRICS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
export type Metric = (typeof METRICS)[number];

/** Refuses anything but a known metric: a misspelt level must never fall back to another. */
export function checkMetric(metric: string): asserts metric is Metric {
  if (!(METRICS as readonly string[]).includes(metric)) throw new TresseError('agreement.metric', { metric: String(metric) });
}

/**
 * The squared differences δ²(c, k) between the categories of a coincidence matrix, as defined in
 * Krippendorff (2011), section "Metric differences":
 * - nominal: 0 when c = k, else 1;
 * - ordinal: (Σ_{g from c to k} n_g - (n_c + n_k) / 2)², the marginal sums n_g of the ranks between
 *   and including c and k, so ranks matter and not the distances between the numbers;
 * - interval: (c - k)²;
 * - ratio: ((c - k) / (c + k))², for values of zero or more.
 * Every metric but nominal needs numbers (TresseError 'agreement.metricNumeric').
 */
export function differenceMatrix(categories: ReadonlyArray<Category>, marginals: ReadonlyArray<number>, metric: Metric): number[][] {
  checkMetric(metric);
  const v = categories.length;
  const d = Array.from({ length: v }, () => new Array<number>(v).fill(0));
  if (metric === 'nominal') {
    for (let c = 0; c < v; c++) for (let k = 0; k < v; k++) d[c]![k] = c === k ? 0 : 1;
    return d;
  }
  const x = categories.map((c) => {
    if (typeof c !== 'number' || !Number.isFinite(c)) throw new TresseError('agreement.metricNumeric', { metric, value: String(c) });
    if (metric === 'ratio' && c < 0) throw new TresseError('agreement.ratioNegative', { value: c });
    return c;
  });
  if (metric === 'ordinal') {
    // Cumulated marginals in rank order: the sum from rank a to rank b is cum[b + 1] - cum[a].
    const order = x.map((_, i) => i).sort((a, b) => x[a]! - x[b]!);
    const rank = new Array<number>(v);
    order.forEach((i, r) => (rank[i] = r));
    const cum = [0];
    for (const i of order) cum.push(cum[cum.length - 1]! + marginals[i]!);
    for (let c = 0; c < v; c++) {
      for (let k = 0; k < v; k++) {
        if (c === k) continue;
        const lo = Math.min(rank[c]!, rank[k]!);
        const hi = Math.max(rank[c]!, rank[k]!);
        const between = cum[hi + 1]! - cum[lo]! - (marginals[c]! + marginals[k]!) / 2;
        d[c]![k] = between * between;
      }
    }
    return d;
  }
  for (let c = 0; c < v; c++) {
    for (let k = 0; k < v; k++) {
      if (c === k) continue;
      const diff = x[c]! - x[k]!;
      d[c]![k] = metric === 'interval' ? diff * diff : (diff / (x[c]! + x[k]!)) ** 2;
    }
  }
  return d;
}

/** Alpha with its parts: observed and expected disagreement per pairable value, and the differences used. */
export interface AlphaParts {
  alpha: number | null;
  /** D_o = Σ o_ck δ²_ck / n.. */
  observed: number;
  /** D_e = Σ n_c n_k δ²_ck / (n.. (n.. - 1)) */
  expected: number;
  differences: number[][];
}

export function alphaParts(cm: CoincidenceMatrix, metric: Metric): AlphaParts {
  const { categories, o, n } = cm;
  const marg = o.map((row) => row.reduce((s, x) => s + x, 0));
  const differences = differenceMatrix(categories, marg, metric);
  if (n < 2) return { alpha: null, observed: 0, expected: 0, differences };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < categories.length; c++) {
    for (let k = 0; k < categories.length; k++) {
      if (c === k) continue;
      const d = differences[c]![k]!;
      observed += o[c]![k]! * d;
      expected += marg[c]! * marg[k]! * d;
    }
  }
  const dO = observed / n;
  const dE = expected / (n * (n - 1));
  return { alpha: expected <= 0 ? null : 1 - dO / dE, observed: dO, expected: dE, differences };
}

/**
 * Krippendorff's alpha from a coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"): alpha = 1 - D_o / D_e = 1 - (n-1) * Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
 * Null when no two values can be paired or when the values do not vary (D_e = 0).
 */
export function alphaFromCoincidences(cm: CoincidenceMatrix, metric: Metric = 'nominal'): number | null {
  return alphaParts(cm, metric).alpha;
}

/** Krippendorff's alpha; missing values allowed, units with fewer than two values ignored. */
export function krippendorffAlpha(units: ReadonlyArray<WeightedUnit>, metric: Metric = 'nominal'): number | null {
  return alphaFromCoincidences(coincidenceMatrix(units), metric);
}

/**
 * Brennan and Prediger's (1981) kappa, the "free-marginal" kappa: chance agreement is 1/q, as if
 * each of the q categories available were equally likely, not estimated from the coders' own
 * marginals as Cohen's is. kappa_n = (p_o - 1/q) / (1 - 1/q); null when p_o is undefined or q < 2.
 * It is positive as soon as the coders agree more often than 1 time in q.
 */
export function brennanPredigerKappa(observed: number | null, categories: number): number | null {
  if (observed === null || !(categories >= 2)) return null;
  const chance = 1 / categories;
  return (observed - chance) / (1 - chance);
}
