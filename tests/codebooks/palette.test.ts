// Code colours: 30+ codes stay apart, a theme's sub-codes keep its hue family and differ from each
// other, and a new code takes a colour that is not already on screen. Distances are measured with
// d3's CIELAB (CIE76 ΔE), not with the palette's own OKLab, so the check is independent of it.
import { hcl, lab } from 'd3';
import { describe, expect, it } from 'vitest';
import { defaultCodeColor, FAMILIES, PALETTE } from '../../codebooks/palette.ts';

const deltaE = (a: string, b: string) => {
  const x = lab(a);
  const y = lab(b);
  return Math.hypot(x.l - y.l, x.a - y.a, x.b - y.b);
};
const hueGap = (a: string, b: string) => {
  const d = Math.abs(hcl(a).h - hcl(b).h) % 360;
  return Math.min(d, 360 - d);
};
const minPairwise = (colors: readonly string[]) => {
  let min = Infinity;
  for (let i = 0; i < colors.length; i++) for (let j = i + 1; j < colors.length; j++) min = Math.min(min, deltaE(colors[i]!, colors[j]!));
  return min;
};
/** ΔE76 of about 2.3 is just noticeable; 12 is plainly another colour, side by side or apart. */
const DISTINCT = 12;

describe('the code palette', () => {
  it('keeps 33 codes (six themes and their sub-codes) plainly distinct', () => {
    const grid = FAMILIES.flatMap((family) => family).slice(0, 33);
    expect(grid).toHaveLength(33);
    expect(minPairwise(grid)).toBeGreaterThan(DISTINCT);
    expect(minPairwise(PALETTE)).toBeGreaterThan(DISTINCT);
  });

  it('gives each theme its own hue, and its sub-codes that hue family in clearly different colours', () => {
    const themes = FAMILIES.map((f) => f[0]!);
    for (let i = 0; i < themes.length; i++) for (let j = i + 1; j < themes.length; j++) expect(hueGap(themes[i]!, themes[j]!)).toBeGreaterThan(40);
    for (const [theme, ...subs] of FAMILIES) {
      // Nearer to its own theme's hue than to any other theme's.
      for (const sub of subs) {
        const own = hueGap(sub, theme!);
        for (const other of themes) if (other !== theme) expect(own).toBeLessThan(hueGap(sub, other));
      }
      expect(minPairwise([theme!, ...subs])).toBeGreaterThan(DISTINCT);
    }
  });

  it('stays legible on white: no colour too pale for a margin stripe', () => {
    for (const c of PALETTE) expect(lab(c).l).toBeLessThan(85);
  });
});

describe('the default colour of a new code', () => {
  it('gives themes the theme colours, one family each, before reusing a family', () => {
    const codes: Array<{ id: number; parentId: number | null; color: string }> = [];
    for (let i = 0; i < FAMILIES.length; i++) {
      const color = defaultCodeColor(codes, null);
      codes.push({ id: i + 1, parentId: null, color });
    }
    expect(codes.map((c) => c.color).sort()).toEqual(FAMILIES.map((f) => f[0]!).sort());
    // A seventh theme: a colour not in use, far from all of them.
    const seventh = defaultCodeColor(codes, null);
    for (const c of codes) expect(deltaE(seventh, c.color)).toBeGreaterThan(DISTINCT);
  });

  it('gives sub-codes their parent theme hue family, each one distinct from the others', () => {
    const blue = FAMILIES[0]![0]!;
    const codes: Array<{ id: number; parentId: number | null; color: string }> = [{ id: 1, parentId: null, color: blue }];
    for (let i = 0; i < 5; i++) codes.push({ id: 10 + i, parentId: 1, color: defaultCodeColor(codes, 1) });
    const subs = codes.slice(1).map((c) => c.color);
    expect(minPairwise([blue, ...subs])).toBeGreaterThan(DISTINCT);
    // The sub-codes' hues stay nearer the parent's blue than any other theme's.
    for (const s of subs) for (const other of FAMILIES.slice(1)) expect(hueGap(s, blue)).toBeLessThan(hueGap(s, other[0]!));
  });

  it('keeps sub-codes distinct under a parent whose colour was chosen by hand', () => {
    const codes: Array<{ id: number; parentId: number | null; color: string }> = [{ id: 1, parentId: null, color: '#0072b2' }];
    for (let i = 0; i < 6; i++) codes.push({ id: 10 + i, parentId: 1, color: defaultCodeColor(codes, 1) });
    expect(minPairwise(codes.map((c) => c.color))).toBeGreaterThan(DISTINCT);
  });

  it('grows a 33-code book out of nothing with colours that stay apart', () => {
    const codes: Array<{ id: number; parentId: number | null; color: string }> = [];
    let id = 0;
    for (let t = 0; t < 6; t++) {
      const theme = ++id;
      codes.push({ id: theme, parentId: null, color: defaultCodeColor(codes, null) });
      for (let s = 0; s < (t < 3 ? 5 : 4); s++) codes.push({ id: ++id, parentId: theme, color: defaultCodeColor(codes, theme) });
    }
    expect(codes).toHaveLength(33);
    expect(minPairwise(codes.map((c) => c.color))).toBeGreaterThan(DISTINCT);
  });

  it('reads colours whatever their case, and never hands out one in use', () => {
    const first = defaultCodeColor([], null);
    expect(defaultCodeColor([{ parentId: null, color: first.toUpperCase() }], null)).not.toBe(first);
  });
});
