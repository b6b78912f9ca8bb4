import { describe, expect, it } from 'vitest';
import { flattenRuns, type Span } from '../../../renderer/transcript/runs.ts';

const idsAt = (runs: ReturnType<typeof flattenRuns>, p: number) => runs.find((r) => r.start <= p && p < r.end)?.ids;

describe('flattenRuns', () => {
  it('tiles the text without gaps when nothing is coded', () => {
    expect(flattenRuns(10, [])).toEqual([{ start: 0, end: 10, ids: [] }]);
  });

  it('returns nothing for an empty text', () => {
    expect(flattenRuns(0, [{ id: 1, start: 0, end: 3 }])).toEqual([]);
  });

  it('cuts overlapping codings into runs carrying every covering coding', () => {
    const runs = flattenRuns(20, [
      { id: 1, start: 2, end: 10 },
      { id: 2, start: 6, end: 15 },
    ]);
    expect(runs).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 6, ids: [1] },
      { start: 6, end: 10, ids: [1, 2] },
      { start: 10, end: 15, ids: [2] },
      { start: 15, end: 20, ids: [] },
    ]);
  });

  it('keeps a nested coding inside its container', () => {
    const runs = flattenRuns(12, [
      { id: 7, start: 0, end: 12 },
      { id: 3, start: 4, end: 8 },
    ]);
    expect(runs.map((r) => [r.start, r.end, r.ids])).toEqual([
      [0, 4, [7]],
      [4, 8, [3, 7]],
      [8, 12, [7]],
    ]);
  });

  it('puts identical ranges on one run', () => {
    const runs = flattenRuns(9, [
      { id: 4, start: 3, end: 6 },
      { id: 5, start: 3, end: 6 },
    ]);
    expect(idsAt(runs, 3)).toEqual([4, 5]);
    expect(runs).toHaveLength(3);
  });

  it('does not merge adjacent codings', () => {
    const runs = flattenRuns(10, [
      { id: 1, start: 0, end: 5 },
      { id: 2, start: 5, end: 10 },
    ]);
    expect(runs).toEqual([
      { start: 0, end: 5, ids: [1] },
      { start: 5, end: 10, ids: [2] },
    ]);
  });

  it('ignores empty codings and clips codings to the text', () => {
    const runs = flattenRuns(10, [
      { id: 1, start: 4, end: 4 },
      { id: 2, start: 8, end: 30 },
      { id: 3, start: -5, end: 2 },
    ]);
    expect(runs).toEqual([
      { start: 0, end: 2, ids: [3] },
      { start: 2, end: 8, ids: [] },
      { start: 8, end: 10, ids: [2] },
    ]);
  });

  it('agrees with a brute-force cover on random codings', () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const length = 300;
    const spans: Span[] = Array.from({ length: 60 }, (_, i) => {
      const a = rand(length);
      return { id: i + 1, start: a, end: a + rand(40) };
    });
    const runs = flattenRuns(length, spans);
    expect(runs[0]!.start).toBe(0);
    expect(runs.at(-1)!.end).toBe(length);
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.start).toBe(runs[i - 1]!.end);
    for (let p = 0; p < length; p++) {
      const expected = spans
        .filter((s) => s.start <= p && p < Math.min(s.end, length))
        .map((s) => s.id)
        .sort((a, b) => a - b);
      expect(idsAt(runs, p)).toEqual(expected);
    }
  });
});
