// A bootstrap confidence interval for Krippendorff's alpha, as Hayes and Krippendorff (2007,
// "Answering the call for a standard reliability measure for coding data", Communication Methods
// and Measures 1(1), 77-89) compute it in their KALPHA macro, following Krippendorff's "Algorithm
// for bootstrapping a distribution of alpha" (2006, revised 2011):
// - the expected disagreement D_e stays that of the data;
// - each resample draws M pairs of values with replacement from the observed coincidences, the
//   pair (c, k) with probability o_ck / n.., where M is the number of pairs of values the data
//   hold (Σ over units of m_u (m_u - 1) / 2, m_u = values in unit u);
// - the resample's D_o is the mean of δ²(c, k) over its M pairs, and its alpha is 1 - D_o / D_e;
// - the interval is the (1 - level) / 2 and 1 - (1 - level) / 2 percentiles of those alphas.
// Resampling pairs rather than whole units is the published procedure, and the one a reader will
// find in the methods literature. It treats pairs as independent, so with many coders per unit
// it can be narrower than a units bootstrap would be (Gwet's objection): say so where it matters.
//
// Character-level tables have a few patterns but millions of pairs, so a resample is never drawn
// pair by pair: the M draws over the cells are one multinomial, drawn as successive binomials
// (d3's exact binomial sampler, binomial.ts) over the distinct differences, which costs a few draws per resample
// whatever M is. The generator is seeded: the same data and seed give the same interval.
import { quantileSorted, randomLcg } from 'd3';
import { BinomialSampler } from './binomial.ts';
import { TresseError } from '../../i18n/error.ts';
import { alphaParts, coincidenceMatrix, type Metric, type WeightedUnit } from './coefficients.ts';

export const DEFAULT_BOOTSTRAP_SAMPLES = 2_000;
export const MIN_BOOTSTRAP_SAMPLES = 100;
export const MAX_BOOTSTRAP_SAMPLES = 100_000;
export const DEFAULT_CONFIDENCE_LEVEL = 0.95;
/** Fixed, so that a report computed twice shows the same interval. */
export const DEFAULT_BOOTSTRAP_SEED = 20_070_101;

export interface AlphaInterval {
  low: number;
  high: number;
  /** Confidence level, e.g. 0.95. */
  level: number;
  /** Number of resamples drawn. */
  samples: number;
}

export interface BootstrapOptions {
  samples?: number;
  level?: number;
  seed?: number;
}

export function checkSamples(samples: number): void {
  if (!Number.isInteger(samples) || samples < MIN_BOOTSTRAP_SAMPLES || samples > MAX_BOOTSTRAP_SAMPLES) {
    throw new TresseError('agreement.samples', { value: String(samples) });
  }
}

/** Number of pairs of values within units, M in Krippendorff's algorithm. */
export function pairCount(units: ReadonlyArray<WeightedUnit>): number {
  let pairs = 0;
  for (const u of units) {
    if (u.count <= 0) continue;
    let m = 0;
    for (const v of u.values) if (v !== null) m++;
    pairs += (u.count * m * (m - 1)) / 2;
  }
  return Math.round(pairs);
}

/**
 * The bootstrap interval of alpha at the given metric; null when alpha itself is undefined (no
 * pairable values, or no variation). Throws what alpha throws (unknown metric, non-numeric values)
 * and 'agreement.samples' for a number of resamples outside 100..100,000.
 */
export function bootstrapAlpha(units: ReadonlyArray<WeightedUnit>, metric: Metric, options: BootstrapOptions = {}): AlphaInterval | null {
  const samples = options.samples ?? DEFAULT_BOOTSTRAP_SAMPLES;
  const level = options.level ?? DEFAULT_CONFIDENCE_LEVEL;
  checkSamples(samples);
  if (!(level > 0 && level < 1)) throw new RangeError('bootstrapAlpha: the level must lie between 0 and 1');
  const cm = coincidenceMatrix(units);
  const parts = alphaParts(cm, metric);
  const pairs = pairCount(units);
  if (parts.alpha === null || pairs < 1) return null;

  // The cells' probabilities, pooled by difference: only the difference of a drawn pair matters.
  const byDifference = new Map<number, number>();
  cm.o.forEach((row, c) =>
    row.forEach((o, k) => o > 0 && byDifference.set(parts.differences[c]![k]!, (byDifference.get(parts.differences[c]![k]!) ?? 0) + o / cm.n)),
  );
  const groups = [...byDifference].sort((a, b) => a[0] - b[0]);

  const binomial = new BinomialSampler(randomLcg(options.seed ?? DEFAULT_BOOTSTRAP_SEED));
  const alphas = new Array<number>(samples);
  for (let s = 0; s < samples; s++) {
    let left = pairs;
    let mass = 1;
    let sum = 0;
    for (let g = 0; g < groups.length && left > 0; g++) {
      const [difference, p] = groups[g]!;
      const drawn = g === groups.length - 1 || p >= mass ? left : binomial.draw(left, p / mass);
      sum += drawn * difference;
      left -= drawn;
      mass -= p;
    }
    alphas[s] = 1 - sum / pairs / parts.expected;
  }
  alphas.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return { low: quantileSorted(alphas, tail)!, high: quantileSorted(alphas, 1 - tail)!, level, samples };
}
