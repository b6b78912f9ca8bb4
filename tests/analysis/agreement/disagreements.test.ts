import { describe, expect, it } from 'vitest';
import { findDisagreements } from '../../../analysis/agreement/disagreements.ts';
import type { CodingSpan } from '../../../analysis/agreement/units.ts';

const span = (sourceId: number, codeId: number, coderId: number, start: number, end: number): CodingSpan => ({ sourceId, codeId, coderId, start, end });
// S1: code 1 by coder 10 at 0-20 + 10-30 (one passage 0-30), by coder 20 at 20-40 (overlap 10/40: no match).
// S2: code 1 by both at 0-10 (agreement); code 2 by coder 20 alone at 5-15.
// S3: only coder 10 coded it, and it is out of the scope given (sources 1 and 2).
const codings = [
  span(2, 2, 20, 5, 15),
  span(1, 1, 10, 0, 20),
  span(1, 1, 10, 10, 30),
  span(1, 1, 20, 20, 40),
  span(2, 1, 10, 0, 10),
  span(2, 1, 20, 0, 10),
  span(3, 1, 10, 0, 40),
];
const sourceLengths = new Map([
  [1, 100],
  [2, 50],
  [3, 40],
]);

describe('findDisagreements', () => {
  it('lists the passages only some coders coded, in reading order', () => {
    const d = findDisagreements({ codings, coderIds: [10, 20], sourceLengths, sourceIds: [1, 2] });
    expect(d.map((x) => [x.sourceId, x.codeId, x.start, x.end, x.kind, x.codersWith, x.codersWithout])).toEqual([
      [1, 1, 0, 30, 'presence', [10], [20]],
      [1, 1, 20, 40, 'presence', [20], [10]],
      [2, 2, 5, 15, 'presence', [20], [10]],
    ]);
    expect(d[0]!.passages).toEqual([{ coderId: 10, start: 0, end: 30 }]);
  });

  it('can also list matched passages whose boundaries differ', () => {
    const d = findDisagreements({ codings, coderIds: [10, 20], sourceLengths, sourceIds: [1, 2], overlapThreshold: 0.25, includeBoundaryDifferences: true });
    expect(d.map((x) => [x.sourceId, x.codeId, x.start, x.end, x.kind])).toEqual([
      [1, 1, 0, 40, 'boundaries'],
      [2, 2, 5, 15, 'presence'],
    ]);
    expect(d[0]!.passages).toEqual([
      { coderId: 10, start: 0, end: 30 },
      { coderId: 20, start: 20, end: 40 },
    ]);
  });

  it('restricts to the requested codes', () => {
    const d = findDisagreements({ codings, coderIds: [10, 20], sourceLengths, sourceIds: [1, 2], codeIds: [2] });
    expect(d.map((x) => x.codeId)).toEqual([2]);
  });

  it('lists a chain of three coders, which the segment check does not count as agreement', () => {
    // A [0,10), B [3,13), C [6,16): every coder coded, but A and C overlap by a quarter only.
    const chain = [span(1, 1, 1, 0, 10), span(1, 1, 2, 3, 13), span(1, 1, 3, 6, 16)];
    const d = findDisagreements({ codings: chain, coderIds: [1, 2, 3], sourceLengths: new Map([[1, 20]]), sourceIds: [1] });
    expect(d.map((x) => [x.start, x.end, x.kind, x.codersWith])).toEqual([[0, 16, 'boundaries', [1, 2, 3]]]);
  });
});
