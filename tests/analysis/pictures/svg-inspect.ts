// Reading a picture as a reader would: its text elements with where they lie on the page, and the
// fills it paints. Text boxes are estimated from the characters at their font size (DejaVu Sans:
// about 0.6 em a character, a little more in bold), independently of the layout code.
import { DOMParser } from '@xmldom/xmldom';
import { expect } from 'vitest';

export interface TextBox {
  text: string;
  size: number;
  cls: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** The <title> next to it (the whole name of a cut label), if any. */
  title: string | null;
  /** Degrees it is turned by (negative: anticlockwise). */
  angle: number;
}

export function parseSvg(svg: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ errorHandler: { warning: () => {}, error: (m) => errors.push(m), fatalError: (m) => errors.push(m) } }).parseFromString(
    svg,
    'image/svg+xml',
  );
  expect(errors).toEqual([]);
  const root = doc.documentElement!;
  const all = (name: string) => Array.from(doc.getElementsByTagName(name)).filter((e) => (e.parentNode as Element).tagName !== 'pattern');
  const width = Number(root.getAttribute('width'));
  const height = Number(root.getAttribute('height'));
  const texts: TextBox[] = all('text').map((t) => {
    const s = t.textContent ?? '';
    const size = Number(t.getAttribute('font-size'));
    const bold = t.getAttribute('font-weight') === 'bold' || (t.parentNode as Element).getAttribute?.('font-weight') === 'bold';
    const w = [...s].length * size * (bold ? 0.64 : 0.6);
    const x = Number(t.getAttribute('x'));
    const y = Number(t.getAttribute('y'));
    const anchor = t.getAttribute('text-anchor') || 'start';
    const parent = t.parentNode as Element;
    const title = parent.tagName === 'g' ? (Array.from(parent.childNodes).find((n) => (n as Element).tagName === 'title')?.textContent ?? null) : null;
    const turn = /rotate\((-?[\d.]+)/.exec(t.getAttribute('transform') ?? '');
    const base = { text: s, size, cls: t.getAttribute('class') || '', title, angle: turn ? Number(turn[1]) : 0 };
    if (turn) {
      // Turned left by θ about its start: the line rises at θ, the letters stand above it.
      expect(anchor).toBe('start');
      const a = (-Number(turn[1]) * Math.PI) / 180;
      const [cos, sin] = [Math.cos(a), Math.sin(a)];
      return { ...base, x0: x - size * 0.8 * sin, x1: x + w * cos + size * 0.2 * sin, y0: y - w * sin - size * 0.8 * cos, y1: y + size * 0.2 };
    }
    const x0 = anchor === 'end' ? x - w : anchor === 'middle' ? x - w / 2 : x;
    return { ...base, x0, x1: x0 + w, y0: y - size * 0.75, y1: y + size * 0.2 };
  });
  return { doc, root, all, width, height, texts };
}

export const overlap = (a: TextBox, b: TextBox) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Pairs of boxes that overlap, as readable strings. */
export function overlapping(boxes: TextBox[]): string[] {
  const out: string[] = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => overlap(a, b) && out.push(`${a.text} / ${b.text}`)));
  return out;
}

/** Points per SVG pixel once the picture is shrunk (or enlarged) to the text width of an A4 page, 170 mm. */
export const pointsAtA4 = (size: number, width: number) => ((size / width) * 170) / 0.3528;
