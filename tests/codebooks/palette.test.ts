// A code made without a colour takes the palette colour least used, its siblings counted first.
import { describe, expect, it } from 'vitest';
import { defaultCodeColor, PALETTE } from '../../codebooks/palette.ts';

describe('the default colour of a new code', () => {
  it('avoids the colours its siblings use, then those used anywhere, in palette order on a tie', () => {
    expect(defaultCodeColor([], null)).toBe(PALETTE[0]);
    const themes = [PALETTE[0], PALETTE[1], PALETTE[2]].map((color, i) => ({ id: i + 1, parentId: null, color }));
    expect(defaultCodeColor(themes, null)).toBe(PALETTE[3]);
    // Under theme 1, whose children use its first free colour: not that one, nor any theme's.
    const children = [{ id: 10, parentId: 1, color: PALETTE[3] }];
    expect(defaultCodeColor([...themes, ...children], 1)).toBe(PALETTE[4]);
    // Siblings first: a colour used elsewhere beats one a sibling already has.
    const crowded = [...themes, { id: 11, parentId: 1, color: PALETTE[4] }, ...PALETTE.slice(5).map((color, i) => ({ id: 20 + i, parentId: 1, color }))];
    expect(defaultCodeColor([...crowded, { id: 30, parentId: 1, color: PALETTE[3] }], 1)).toBe(PALETTE[0]);
  });

  it('reads colours whatever their case', () => {
    expect(defaultCodeColor([{ parentId: null, color: PALETTE[0].toUpperCase() }], null)).toBe(PALETTE[1]);
  });
});
