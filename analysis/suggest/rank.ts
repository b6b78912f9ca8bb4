// Ranking a codebook's codes for a passage from a TrainingSet: the cosine between the passage's
// tf-idf and each code's centroid. A multinomial naive Bayes over the same counts was measured
// leave-one-source-out on the demo project and did worse (README, "Code suggestions").
import type { TrainingSet } from './training.ts';

export interface RankedCode {
  codeId: number;
  /** Higher is better; comparable between codes of one ranking only. */
  score: number;
  /** The passage's terms that weigh most for this code, heaviest first. */
  terms: string[];
  /** Ids of the coding examples closest to the passage, closest first (a few more than are shown: two coders' codings of one passage are one excerpt). */
  examples: number[];
  /** How many codings the code learnt from. */
  codings: number;
}

export interface RankOptions {
  /** How many codes to return (all that share a term with the passage when absent). */
  limit?: number;
  /** Codes not to return (dismissed, not codable). */
  skip?: ReadonlySet<number>;
}

const TERMS_SHOWN = 5;
const EXAMPLES_KEPT = 6;

/** The codes in `set`, best first for a passage made of `terms`; codes sharing no term with it are left out. */
export function rankCodes(set: TrainingSet, terms: readonly string[], options: RankOptions = {}): RankedCode[] {
  const query = new Map<string, number>();
  for (const t of terms) if (set.df.has(t)) query.set(t, (query.get(t) ?? 0) + 1);
  if (query.size === 0) return [];
  const idf = idfOf(set);
  const scored: Array<{ codeId: number; score: number; weights: Array<[string, number]> }> = [];
  for (const codeId of set.codeIds()) {
    if (options.skip?.has(codeId)) continue;
    const s = centroidScore(set, codeId, query, idf);
    if (s) scored.push({ codeId, ...s });
  }
  scored.sort((a, b) => b.score - a.score || a.codeId - b.codeId);
  const kept = options.limit === undefined ? scored : scored.slice(0, options.limit);
  return kept.map((s) => ({
    codeId: s.codeId,
    score: s.score,
    terms: s.weights
      .filter(([, w]) => w > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, TERMS_SHOWN)
      .map(([t]) => t),
    examples: closestExamples(set, s.codeId, query, idf),
    codings: set.totals(s.codeId)?.codings ?? 0,
  }));
}

type Idf = (term: string) => number;

/** Smoothed idf over the training examples, so that a word every code uses weighs little. */
function idfOf(set: TrainingSet): Idf {
  const n = set.size;
  return (t) => Math.log((n + 1) / ((set.df.get(t) ?? 0) + 1)) + 1;
}

/** Cosine between the passage's tf-idf and the code's centroid (the mean of its examples' unit vectors). */
function centroidScore(set: TrainingSet, codeId: number, query: Map<string, number>, idf: Idf) {
  const code = set.totals(codeId)!;
  let dot = 0;
  let qNorm = 0;
  const weights: Array<[string, number]> = [];
  for (const [t, n] of query) {
    const q = Math.log1p(n) * idf(t);
    qNorm += q * q;
    const c = code.weights.get(t);
    if (c === undefined) continue;
    const w = q * c * idf(t);
    dot += w;
    weights.push([t, w]);
  }
  if (dot <= 0) return null;
  return { score: dot / (Math.sqrt(qNorm) * centroidNorm(set, codeId, idf)), weights };
}

const norms = new WeakMap<TrainingSet, { version: number; byCode: Map<number, number> }>();

/** Each centroid's tf-idf norm, computed again only after the examples changed. */
function centroidNorm(set: TrainingSet, codeId: number, idf: Idf): number {
  let cached = norms.get(set);
  if (!cached || cached.version !== set.version) {
    cached = { version: set.version, byCode: new Map() };
    norms.set(set, cached);
  }
  let norm = cached.byCode.get(codeId);
  if (norm === undefined) {
    let sum = 0;
    for (const [t, c] of set.totals(codeId)!.weights) sum += (c * idf(t)) ** 2;
    norm = Math.sqrt(sum) || 1;
    cached.byCode.set(codeId, norm);
  }
  return norm;
}

/** The code's coding examples sharing the most idf-weighted terms with the passage. */
function closestExamples(set: TrainingSet, codeId: number, query: Map<string, number>, idf: Idf): number[] {
  // Each query term's weight once; then each example is walked over its own terms (usually fewer).
  const weights = new Map<string, number>();
  for (const [t, n] of query) weights.set(t, Math.log1p(n) * idf(t) ** 2);
  const best: Array<[number, number]> = [];
  for (const id of set.examplesOf(codeId)) {
    if (id < 0) continue;
    const counts = set.termCounts(id)!;
    let s = 0;
    for (const [t, c] of counts) {
      const w = weights.get(t);
      if (w !== undefined) s += w * Math.log1p(c);
    }
    if (s <= 0) continue;
    // Shorter excerpts saying the same read better as a reason: divide by the excerpt's size.
    s /= Math.sqrt(counts.size);
    if (best.length < EXAMPLES_KEPT || s > best[best.length - 1]![1]) {
      best.push([id, s]);
      best.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      if (best.length > EXAMPLES_KEPT) best.pop();
    }
  }
  return best.map(([id]) => id);
}
