// The codes' own colours in the pictures, so a code looks the same in the margin and in print; and
// the ink written over a colour chosen by its luminance, so a label on yellow stays as legible as one
// on dark blue.

/**
 * Colour-blind-safe hues (Okabe-Ito, without its grey) for a code that has none of its own: a
 * question row, or a code read from a .qdpx without a colour. Kept here because analysis/ may not
 * import codebooks/ (which holds the same hues for new codes).
 */
export const FALLBACK_PALETTE = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7'] as const;

/** The stand-in a .qdpx code without a colour is stored with (exchange/refi/snapshot.ts): not a choice. */
const STAND_IN = '#9e9e9e';

const HEX = /^#[0-9a-f]{6}$/;

/** The colour a picture draws a code in: its own, else the palette's colour for its place. */
export function codeColor(color: string | null | undefined, index: number): string {
  const c = (color ?? '').trim().toLowerCase();
  return HEX.test(c) && c !== STAND_IN ? c : FALLBACK_PALETTE[((index % FALLBACK_PALETTE.length) + FALLBACK_PALETTE.length) % FALLBACK_PALETTE.length]!;
}

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Relative luminance as WCAG 2 defines it (0 black, 1 white). */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio between two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Black or white, whichever reads better on `fill` (one of them always reaches 4.5:1). */
export function inkOn(fill: string): '#000000' | '#ffffff' {
  return contrast(fill, '#000000') >= contrast(fill, '#ffffff') ? '#000000' : '#ffffff';
}

/** `hex` mixed with white: share 0 is nearly white, 1 the colour itself. */
export function tint(hex: string, share: number): string {
  const s = 0.12 + 0.88 * Math.max(0, Math.min(1, share));
  return `#${channels(hex)
    .map((v) =>
      Math.round(255 - (255 - v) * s)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
