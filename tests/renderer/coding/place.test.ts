import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PICKER_MARGIN, PICKER_MIN_HEIGHT, placePicker, type Rect } from '../../../renderer/coding/place.ts';

const WINDOW = { width: 1280, height: 800 };
const PICKER = { width: 420, height: 380 };
const inside = (p: { top: number; left: number }) =>
  p.top >= 0 && p.top + PICKER.height <= WINDOW.height && p.left >= 0 && p.left + PICKER.width <= WINDOW.width;

describe('placePicker', () => {
  it('opens below a short selection that leaves room below', () => {
    expect(placePicker({ top: 100, bottom: 120, left: 300 }, PICKER, WINDOW)).toEqual({ top: 126, left: 300 });
  });

  it('opens above a selection near the bottom of the window', () => {
    expect(placePicker({ top: 700, bottom: 720, left: 300 }, PICKER, WINDOW)).toEqual({ top: 700 - 6 - 380, left: 300 });
  });

  it('stays in the window for a selection taller than it (select all)', () => {
    const p = placePicker({ top: -2000, bottom: 3900, left: 250 }, PICKER, WINDOW);
    expect(inside(p)).toBe(true);
  });

  it('stays in the window for a selection scrolled above or below it', () => {
    expect(inside(placePicker({ top: -600, bottom: -500, left: 250 }, PICKER, WINDOW))).toBe(true);
    expect(inside(placePicker({ top: 1500, bottom: 1520, left: 250 }, PICKER, WINDOW))).toBe(true);
  });

  it('never leaves the side of the window', () => {
    expect(placePicker({ top: 100, bottom: 120, left: 1200 }, PICKER, WINDOW).left).toBe(1280 - 420 - 6);
    expect(placePicker({ top: 100, bottom: 120, left: -40 }, PICKER, WINDOW).left).toBe(6);
  });

  it('opens shorter above or below rather than cover the passage, when neither side has room for all of it', () => {
    const p = placePicker({ top: 300, bottom: 330, left: 0 }, PICKER, { width: 1280, height: 500 });
    expect(p.top + p.maxHeight!).toBeLessThanOrEqual(300);
    expect(p.maxHeight).toBeGreaterThanOrEqual(PICKER_MIN_HEIGHT);
  });

  it('goes beside the lines of a passage as tall as the window', () => {
    // A selection filling the text column (left part of the window) from top to bottom.
    const lines: Rect[] = Array.from({ length: 30 }, (_, i) => ({ top: i * 26, bottom: i * 26 + 24, left: 300, right: 760 }));
    const p = placePicker({ top: 0, bottom: 800, left: 300 }, PICKER, WINDOW, PICKER_MARGIN, lines);
    const box = { top: p.top, bottom: p.top + (p.maxHeight ?? PICKER.height), left: p.left, right: p.left + PICKER.width };
    expect(lines.some((r) => box.left < r.right && r.left < box.right && box.top < r.bottom && r.top < box.bottom)).toBe(false);
    expect(box.left >= 0 && box.right <= WINDOW.width && box.top >= 0 && box.bottom <= WINDOW.height).toBe(true);
  });

  it('never covers a selection that leaves room, and never leaves the window', () => {
    const selection = fc.record({
      first: fc.integer({ min: 0, max: 40 }),
      count: fc.integer({ min: 1, max: 25 }),
      startX: fc.integer({ min: 200, max: 700 }),
      endX: fc.integer({ min: 200, max: 900 }),
      height: fc.integer({ min: 400, max: 1200 }),
      width: fc.integer({ min: 800, max: 1920 }),
      pickerHeight: fc.integer({ min: 250, max: 450 }),
    });
    fc.assert(
      fc.property(selection, ({ first, count, startX, endX, height, width, pickerHeight }) => {
        // Lines of 26 px in a text column from x=200 to x=900: the first starts at startX, the last ends at endX.
        const lines: Rect[] = Array.from({ length: count }, (_, i) => ({
          top: (first + i) * 26,
          bottom: (first + i) * 26 + 24,
          left: i === 0 ? startX : 200,
          right: i === count - 1 ? Math.max(endX, i === 0 ? startX + 10 : 210) : 900,
        }));
        const visible = lines.filter((r) => r.top < height);
        if (visible.length === 0) return;
        const anchor = { top: visible[0]!.top, bottom: visible.at(-1)!.bottom, left: visible[0]!.left };
        const picker = { width: 416, height: pickerHeight };
        const p = placePicker(anchor, picker, { width, height }, PICKER_MARGIN, lines);
        const box = { top: p.top, bottom: p.top + Math.min(p.maxHeight ?? picker.height, picker.height), left: p.left, right: p.left + picker.width };
        expect(box.top).toBeGreaterThanOrEqual(0);
        expect(box.bottom).toBeLessThanOrEqual(height);
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(width);
        const room = Math.max(anchor.top, height - anchor.bottom) - 3 * PICKER_MARGIN;
        const besideRoom = width - 900 - 2 * PICKER_MARGIN >= picker.width;
        if (room >= PICKER_MIN_HEIGHT || besideRoom) {
          expect(visible.some((r) => box.left < r.right && r.left < box.right && box.top < r.bottom && r.top < box.bottom)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});
