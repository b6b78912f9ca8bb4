// Code colours. A grid of 30+ codes needs colours that stay apart in the margin and under
// overlapping highlights, while a theme's sub-codes still read as that theme. So each theme owns a
// hue family (six families, 60° apart in OKLCH), and its codes differ by clearly different
// lightness and a hue offset inside the family: siblings never look alike, and the theme shows.
// New codes (the service, the "New code" dialog) and the built-in grids take their colours from
// here; a colour the user chose, or an existing project's, is never changed.

/** OKLab [L, a, b] of a #rrggbb colour (Björn Ottosson's matrices). */
export function oklab(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1]!, 16);
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = [lin((n >> 16) & 255), lin((n >> 8) & 255), lin(n & 255)];
  const l = Math.cbrt(0.4122214708 * r + 0.5363015587 * g + 0.0514459929 * b);
  const mm = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * mm - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * mm + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * mm - 0.808675766 * s,
  ];
}

/** Linear sRGB of an OKLCH colour. */
function linearRgb(L: number, C: number, hueDeg: number): [number, number, number] {
  const h = (hueDeg * Math.PI) / 180;
  const a = C * Math.cos(h);
  const b = C * Math.sin(h);
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
}

/** #rrggbb of an OKLCH colour, its chroma reduced until it fits in sRGB (hue and lightness kept). */
export function oklchHex(L: number, C: number, hueDeg: number): string {
  let c = C;
  let rgb = linearRgb(L, c, hueDeg);
  while (c > 0 && rgb.some((v) => v < -1e-4 || v > 1 + 1e-4)) {
    c = Math.max(0, c - 0.002);
    rgb = linearRgb(L, c, hueDeg);
  }
  const enc = (v: number) => {
    const x = Math.min(1, Math.max(0, v));
    const s = x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055;
    return Math.round(s * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${rgb.map(enc).join('')}`;
}

/** The themes' hues, 60° apart, in the order themes get them: blue, orange, green, purple, red, teal. */
export const FAMILY_HUES = [252, 72, 132, 312, 12, 192] as const;
/**
 * A family's colours: the theme's own first (mid lightness, the family's hue), then its
 * sub-codes', alternating dark and light, so that two siblings next to each other differ in
 * lightness. Lightness, chroma and hue offsets were searched to keep all 36 colours more than 0.07
 * apart in OKLab; lightness stays between 0.42 and 0.8, so a stripe still shows on white.
 */
const VARIANTS: ReadonlyArray<{ l: number; c: number; dh: number }> = [
  { l: 0.65, c: 0.15, dh: 0 },
  { l: 0.5, c: 0.11, dh: -9 },
  { l: 0.8, c: 0.14, dh: -2 },
  { l: 0.42, c: 0.17, dh: 9 },
  { l: 0.73, c: 0.2, dh: -20 },
  { l: 0.59, c: 0.13, dh: -22 },
];

/** The colours of family `f` (0 to 5), theme first. */
export const FAMILIES: ReadonlyArray<readonly string[]> = FAMILY_HUES.map((h) => VARIANTS.map((v) => oklchHex(v.l, v.c, h + v.dh)));

/** Every palette colour: each family's theme colour first, then the sub-codes' by rank. */
export const PALETTE: readonly string[] = VARIANTS.flatMap((_, v) => FAMILIES.map((family) => family[v]!));

/** Distance in OKLab (about 0.02 is the smallest visible difference). */
export function colorDistance(a: string, b: string): number {
  const x = oklab(a);
  const y = oklab(b);
  if (!x || !y) return a.toLowerCase() === b.toLowerCase() ? 0 : Infinity;
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}

/** The family whose hue is nearest to the colour's (a grey or an unreadable colour: none). */
export function familyOf(color: string): number | null {
  const lab = oklab(color);
  if (!lab || Math.hypot(lab[1], lab[2]) < 0.04) return null;
  const hue = (Math.atan2(lab[2], lab[1]) * 180) / Math.PI;
  let best = 0;
  let gap = Infinity;
  FAMILY_HUES.forEach((h, i) => {
    const d = Math.abs(((hue - h + 540) % 360) - 180);
    if (d < gap) [best, gap] = [i, d];
  });
  return best;
}

/** Closer than this in OKLab, two codes side by side are hard to tell apart. */
const LOOKS_ALIKE = 0.05;

type CodeColour = { id?: number; parentId: number | null; color: string };

/**
 * The colour a new code gets when nobody chose one. A theme (no parent): the theme colour of the
 * family least used, so themes stay apart. A sub-code: a colour of its parent's family, the one
 * farthest from every colour in use (its parent's and siblings' first); when the family is spent, the palette
 * colour farthest from all. On a tie, the palette's own order.
 */
export function defaultCodeColor(codes: ReadonlyArray<CodeColour>, parentId: number | null): string {
  const used = codes.map((c) => c.color.toLowerCase());
  // Its siblings and its parent: the colours it will be seen beside in the codebook.
  const siblings = codes.filter((c) => c.parentId === parentId || (parentId !== null && c.id === parentId)).map((c) => c.color.toLowerCase());
  const nearest = (color: string, among: readonly string[]) => among.reduce((d, u) => Math.min(d, colorDistance(color, u)), Infinity);
  /** The free candidate farthest from the siblings' colours, then from all. */
  const farthest = (candidates: readonly string[]): { color: string; near: number } | null => {
    let best: { color: string; near: number } | null = null;
    let far = -1;
    for (const color of candidates) {
      if (used.includes(color)) continue;
      const near = Math.min(nearest(color, siblings), 1);
      const all = nearest(color, used);
      if (!best || near > best.near + 1e-9 || (Math.abs(near - best.near) <= 1e-9 && all > far + 1e-9)) [best, far] = [{ color, near }, all];
    }
    return best;
  };
  if (parentId === null) {
    const themes = FAMILIES.map((f) => f[0]!);
    const count = (f: number) => codes.filter((c) => c.parentId === null && familyOf(c.color) === f).length;
    const least = Math.min(...themes.map((_, f) => count(f)));
    const free = farthest(themes.filter((_, f) => count(f) === least));
    if (free) return free.color;
  } else {
    const parent = codes.find((c) => c.id === parentId);
    const family = parent ? familyOf(parent.color) : null;
    const free = family === null ? null : farthest(FAMILIES[family]!.slice(1));
    // A family colour that would look like a sibling's (a parent colour chosen by hand sits
    // between two of them): better another family's.
    if (free && free.near >= LOOKS_ALIKE) return free.color;
  }
  return farthest(PALETTE)?.color ?? PALETTE[codes.length % PALETTE.length]!;
}
