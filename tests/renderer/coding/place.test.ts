import { describe, expect, it } from 'vitest';
import { placePicker } from '../../../renderer/coding/place.ts';

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

  it('covers the passage rather than leave the window when neither side has room', () => {
    expect(placePicker({ top: 300, bottom: 330, left: 0 }, PICKER, { width: 1280, height: 500 }).top).toBe(500 - 380 - 6);
  });
});
