// Leave-one-source-out evaluation of code suggestions: for each coded source, the model learns
// from every other source's codings (and the codes' definitions), then ranks the codes for each
// coded passage of the held-out source. Precision at k: of the k codes suggested first, the share
// the passage really has (passage-codes.ts), k in the denominator even when fewer were suggested,
// averaged over passages. The baseline suggests the same k codes everywhere: the codes with the
// most codings in the other sources.
import { codesOfPassage, type CodedRange, type Range } from './passage-codes.ts';
import { rankCodes } from './rank.ts';
import { TrainingSet, type Example } from './training.ts';

export interface EvaluatedSource {
  id: number;
  passages: Array<Range & { terms: readonly string[] }>;
  codings: Array<CodedRange & { id: number; terms: readonly string[] }>;
}

interface Precision {
  at1: number;
  at3: number;
}

export interface Evaluation {
  /** Sources with at least one coded passage, each held out in turn. */
  sources: number;
  /** Coded passages suggested for. */
  passages: number;
  model: Precision;
  baseline: Precision;
}

export function evaluateSuggestions(sources: readonly EvaluatedSource[], definitions: readonly Example[]): Evaluation {
  const set = new TrainingSet();
  for (const d of definitions) set.add(d);
  for (const s of sources) for (const k of s.codings) set.add(k);
  const hits = { model: [0, 0], baseline: [0, 0] };
  let passages = 0;
  let heldOut = 0;
  for (const source of sources) {
    const coded = source.passages.map((p) => ({ p, codes: codesOfPassage(p, source.codings) })).filter((x) => x.codes.size > 0);
    if (coded.length === 0) continue;
    heldOut++;
    for (const k of source.codings) set.remove(k.id);
    const frequent = mostFrequent(set, 3);
    for (const { p, codes } of coded) {
      passages++;
      const ranked = rankCodes(set, p.terms, { limit: 3 }).map((r) => r.codeId);
      count(hits.model, ranked, codes);
      count(hits.baseline, frequent, codes);
    }
    for (const k of source.codings) set.add(k);
  }
  const precision = ([h1, h3]: number[]): Precision => ({ at1: passages ? h1! / passages : 0, at3: passages ? h3! / (3 * passages) : 0 });
  return { sources: heldOut, passages, model: precision(hits.model), baseline: precision(hits.baseline) };
}

function count(into: number[], ranked: readonly number[], codes: ReadonlySet<number>): void {
  if (ranked[0] !== undefined && codes.has(ranked[0])) into[0]!++;
  into[1]! += ranked.slice(0, 3).filter((c) => codes.has(c)).length;
}

/** The `k` codes with the most codings in the set, ties by id. */
function mostFrequent(set: TrainingSet, k: number): number[] {
  return [...set.codeIds()]
    .map((id) => ({ id, n: set.totals(id)!.codings }))
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n || a.id - b.id)
    .slice(0, k)
    .map((c) => c.id);
}
