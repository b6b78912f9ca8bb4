// The order in which a clustered heatmap lists codes: average-linkage agglomerative clustering on
// the co-occurrence counts, so that codes used together sit side by side and their counts form
// blocks a reader sees at a glance instead of being scattered across the codebook order.

interface Cluster {
  members: number[];
  /** The leaves in the order they will be drawn. */
  order: number[];
}

/**
 * Leaf order of `similarity` (a symmetric matrix; the diagonal is ignored). At each step the two
 * clusters with the highest mean similarity between their members merge; each is turned so that the
 * two leaves that meet are the most similar. Ties go to the earliest clusters and the first
 * orientation, so the same matrix always gives the same order.
 */
export function clusterOrder(similarity: readonly (readonly number[])[]): number[] {
  const sim = (i: number, j: number) => (i === j ? 0 : (similarity[i]?.[j] ?? 0));
  let clusters: Cluster[] = similarity.map((_, i) => ({ members: [i], order: [i] }));
  while (clusters.length > 1) {
    let best = { a: 0, b: 1, mean: -Infinity };
    for (let a = 0; a < clusters.length; a++) {
      for (let b = a + 1; b < clusters.length; b++) {
        const A = clusters[a]!;
        const B = clusters[b]!;
        let sum = 0;
        for (const i of A.members) for (const j of B.members) sum += sim(i, j);
        const mean = sum / (A.members.length * B.members.length);
        if (mean > best.mean) best = { a, b, mean };
      }
    }
    const A = clusters[best.a]!;
    const B = clusters[best.b]!;
    const turns: [number[], number[]][] = [
      [A.order, B.order],
      [A.order, [...B.order].reverse()],
      [[...A.order].reverse(), B.order],
      [[...A.order].reverse(), [...B.order].reverse()],
    ];
    let [left, right] = turns[0]!;
    let join = -Infinity;
    for (const [l, r] of turns) {
      const s = sim(l[l.length - 1]!, r[0]!);
      if (s > join) [left, right, join] = [l, r, s];
    }
    const merged: Cluster = { members: [...A.members, ...B.members], order: [...left, ...right] };
    clusters = clusters.flatMap((c, k) => (k === best.a ? [merged] : k === best.b ? [] : [c]));
  }
  return clusters[0]?.order ?? [];
}
