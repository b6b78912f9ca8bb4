import { describe, expect, it } from 'vitest';
import { clusterOrder } from '../../../analysis/pictures/cluster.ts';

describe('clustered order of a co-occurrence matrix', () => {
  it('puts codes used together side by side (a 4x4 matrix worked out by hand)', () => {
    // Codes in codebook order A, C, B, D (indices 0, 1, 2, 3). Pairs: A–B 5, C–D 4, A–C 1, others 0.
    //   step 1: A–B has the highest mean (5): {A,B}
    //   step 2: {A,B}–C = (1 + 0) / 2 = 0.5, {A,B}–D = 0, C–D = 4: {C,D}
    //   step 3: {A,B} with {C,D}; of the four ways to join them, only A beside C shares a pair (1):
    //           B A | C D
    const m = [
      // A  C  B  D
      [0, 1, 5, 0], // A
      [1, 0, 0, 4], // C
      [5, 0, 0, 0], // B
      [0, 4, 0, 0], // D
    ];
    expect(clusterOrder(m)).toEqual([2, 0, 1, 3]);
  });

  it('joins by the mean of all pairs (average linkage), not by the single strongest pair', () => {
    // X–Y 6 merge first. Then Z: to {X,Y} mean (4 + 0) / 2 = 2; W: to {X,Y} (3 + 3) / 2 = 3,
    // W–Z 1. So W joins {X,Y} before Z does, although Z–X (4) is stronger than W–X (3).
    //   step 2: {X,Y} + W, turned so that the leaves meeting share most: X Y | W (Y–W 3) — the
    //           first orientation already reaches 3, so it is kept.
    //   step 3: {X,Y,W} + Z: the earlier cluster stays on the left; Z–X (4) beats Z–W (1), so
    //           {X,Y,W} is turned round: W Y X | Z.
    const m = [
      // X Y Z W
      [0, 6, 4, 3],
      [6, 0, 0, 3],
      [4, 0, 0, 1],
      [3, 3, 1, 0],
    ];
    expect(clusterOrder(m)).toEqual([3, 1, 0, 2]);
  });

  it('keeps the given order when nothing distinguishes the codes, and handles the small cases', () => {
    const flat = [
      [0, 1, 1],
      [1, 0, 1],
      [1, 1, 0],
    ];
    expect(clusterOrder(flat)).toEqual([0, 1, 2]);
    expect(clusterOrder([[3]])).toEqual([0]);
    expect(clusterOrder([])).toEqual([]);
  });
});
