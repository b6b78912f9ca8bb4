// Setup file of every tier. Many tests check that a refused operation left a project "byte for byte
// unchanged" with toEqual on Buffers; vitest's generic deep equality walks them element by element,
// which took 6 s for one 300 kB project file on a loaded machine. Bytes compare as bytes here, with
// the same verdict: equal length and content, and the same kind of array.
import { expect } from 'vitest';

expect.addEqualityTesters([
  function sameBytes(a: unknown, b: unknown): boolean | undefined {
    if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array)) return undefined;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return undefined;
    return Buffer.compare(a, b) === 0;
  },
]);
