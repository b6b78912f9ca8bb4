// What a code's suggestions learn from, kept up to date one example at a time: each coding's excerpt
// (its stems, text/terms.ts) and each code's definition fields count as examples of the code. The
// counts are sums, so a coding added or removed changes them in time proportional to its own words,
// never to the project's; the scorer reads them as they are.

export interface Example {
  /** A coding's id, or a negative number for a code's definition. */
  id: number;
  codeId: number;
  terms: readonly string[];
}

interface Stored {
  codeId: number;
  counts: Map<string, number>;
  /** Sum of log(1 + tf) squared: the example's norm without idf. */
  norm: number;
}

export interface CodeTotals {
  /** Examples of the code, definitions included. */
  examples: number;
  /** Codings among them (definitions not counted). */
  codings: number;
  /** Sum over its examples of log(1 + tf) / norm: the centroid's direction without idf. */
  weights: Map<string, number>;
  /** Its examples' ids. */
  ids: Set<number>;
}

export class TrainingSet {
  private readonly examples = new Map<number, Stored>();
  private readonly codes = new Map<number, CodeTotals>();
  /** In how many examples each term occurs. */
  readonly df = new Map<string, number>();
  /** Changes with every example added or removed: scorers cache what they derive by it. */
  version = 0;

  get size(): number {
    return this.examples.size;
  }

  has(id: number): boolean {
    return this.examples.has(id);
  }

  ids(): IterableIterator<number> {
    return this.examples.keys();
  }

  totals(codeId: number): CodeTotals | undefined {
    return this.codes.get(codeId);
  }

  codeIds(): IterableIterator<number> {
    return this.codes.keys();
  }

  termCounts(id: number): ReadonlyMap<string, number> | undefined {
    return this.examples.get(id)?.counts;
  }

  /** The examples' ids of one code (for the excerpts a suggestion rests on). */
  examplesOf(codeId: number): ReadonlySet<number> {
    return this.codes.get(codeId)?.ids ?? new Set();
  }

  add(example: Example): void {
    if (this.examples.has(example.id)) this.remove(example.id);
    const counts = new Map<string, number>();
    for (const t of example.terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    let norm = 0;
    for (const n of counts.values()) norm += Math.log1p(n) ** 2;
    norm = Math.sqrt(norm);
    this.examples.set(example.id, { codeId: example.codeId, counts, norm });
    this.apply(example.codeId, counts, norm, example.id >= 0, 1);
    this.codes.get(example.codeId)!.ids.add(example.id);
  }

  remove(id: number): void {
    const e = this.examples.get(id);
    if (!e) return;
    this.examples.delete(id);
    this.codes.get(e.codeId)?.ids.delete(id);
    this.apply(e.codeId, e.counts, e.norm, id >= 0, -1);
  }

  private apply(codeId: number, counts: Map<string, number>, norm: number, coding: boolean, sign: 1 | -1): void {
    let code = this.codes.get(codeId);
    if (!code) {
      code = { examples: 0, codings: 0, weights: new Map(), ids: new Set() };
      this.codes.set(codeId, code);
    }
    code.examples += sign;
    if (coding) code.codings += sign;
    for (const [t, n] of counts) {
      if (norm > 0) bump(code.weights, t, (sign * Math.log1p(n)) / norm);
      bump(this.df, t, sign);
    }
    if (code.examples === 0) this.codes.delete(codeId);
    this.version++;
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  // Sums of floats never come back to exactly zero: a term no example holds any more goes.
  if (Math.abs(next) < 1e-9) map.delete(key);
  else map.set(key, next);
}
