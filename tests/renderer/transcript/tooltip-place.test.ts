// Where the tooltip of a hovered passage goes, for every pointer position and tooltip size: in the
// window, beside the pointer rather than under it, and below-right of it whenever that fits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeTooltip } from '../../../renderer/transcript/tooltip-place.ts';

const windows = fc.record({ width: fc.integer({ min: 320, max: 3000 }), height: fc.integer({ min: 240, max: 2000 }) });

/** A window, a pointer inside it and a tooltip size that fits in it with its edges. */
const cases = windows.chain((win) =>
  fc.record({
    win: fc.constant(win),
    pointer: fc.record({ x: fc.integer({ min: 0, max: win.width }), y: fc.integer({ min: 0, max: win.height }) }),
    size: fc.record({ width: fc.integer({ min: 1, max: win.width - 8 }), height: fc.integer({ min: 1, max: win.height - 8 }) }),
  }),
);

describe('tooltip placement', () => {
  it('keeps a tooltip that fits in the window wholly inside it', () => {
    fc.assert(
      fc.property(cases, ({ win, pointer, size }) => {
        const { left, top } = placeTooltip(pointer, size, win);
        expect(left).toBeGreaterThanOrEqual(0);
        expect(top).toBeGreaterThanOrEqual(0);
        expect(left + size.width).toBeLessThanOrEqual(win.width);
        expect(top + size.height).toBeLessThanOrEqual(win.height);
      }),
    );
  });

  it('never covers the pointer when there is room on either side of it', () => {
    fc.assert(
      fc.property(cases, ({ win, pointer, size }) => {
        const { left, top } = placeTooltip(pointer, size, win);
        const roomX = win.width - pointer.x > size.width + 16 || pointer.x > size.width + 16;
        const roomY = win.height - pointer.y > size.height + 20 || pointer.y > size.height + 20;
        const coversX = left <= pointer.x && pointer.x <= left + size.width;
        const coversY = top <= pointer.y && pointer.y <= top + size.height;
        if (roomX) expect(coversX).toBe(false);
        if (roomY) expect(coversY).toBe(false);
      }),
    );
  });

  it('sits below and to the right of the pointer wherever it fits there, as tooltips usually do', () => {
    fc.assert(
      fc.property(cases, ({ win, pointer, size }) => {
        const { left, top } = placeTooltip(pointer, size, win);
        if (pointer.x + 12 + size.width <= win.width - 4) expect(left).toBeGreaterThan(pointer.x);
        if (pointer.y + 16 + size.height <= win.height - 4) expect(top).toBeGreaterThan(pointer.y);
      }),
    );
  });

  it('flips to the left and above near the bottom-right corner', () => {
    const win = { width: 1280, height: 800 };
    const { left, top } = placeTooltip({ x: 1270, y: 790 }, { width: 300, height: 120 }, win);
    expect(left + 300).toBeLessThan(1270);
    expect(top + 120).toBeLessThan(790);
  });

  it('shows the start of a tooltip larger than the window (its first codes), from the top-left edge', () => {
    const { left, top } = placeTooltip({ x: 200, y: 150 }, { width: 900, height: 700 }, { width: 400, height: 300 });
    expect(left).toBeGreaterThanOrEqual(0);
    expect(left).toBeLessThan(10);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(10);
  });
});
