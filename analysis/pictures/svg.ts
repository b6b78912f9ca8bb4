// Standalone SVG built as text: no DOM, every piece of user text escaped; in the codes' colours but
// still readable in black and white (hatching and written numbers rather than colour alone).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and attribute values; drops characters XML 1.0 forbids. */
export function esc(value: unknown): string {
  return String(value)
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** An element: attributes escaped, numbers rounded; children are already markup. */
export function el(name: string, attrs: Record<string, string | number | undefined>, children = ''): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : esc(v)}"`)
    .join('');
  return children ? `<${name}${a}>${children}</${name}>` : `<${name}${a}/>`;
}

export function text(x: number, y: number, content: string, attrs: Record<string, string | number | undefined> = {}): string {
  return el('text', { x, y, ...attrs }, esc(content));
}

export const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

/** Hatching for silence, dots for a second series: patterns that survive a photocopier. */
export const PATTERNS =
  el(
    'pattern',
    { id: 'hatch', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    el('rect', { width: 8, height: 8, fill: '#ffffff' }) + el('line', { x1: 0, y1: 0, x2: 0, y2: 8, stroke: '#555555', 'stroke-width': 2 }),
  ) +
  el(
    'pattern',
    { id: 'dots', width: 6, height: 6, patternUnits: 'userSpaceOnUse' },
    el('rect', { width: 6, height: 6, fill: '#d9d9d9' }) + el('circle', { cx: 3, cy: 3, r: 1.2, fill: '#222222' }),
  );

export function svgDocument(width: number, height: number, title: string, body: string, description = ''): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}"` +
    ` role="img" font-family="${esc(FONT)}">` +
    el('title', {}, esc(title)) +
    (description ? el('desc', {}, esc(description)) : '') +
    el('defs', {}, PATTERNS) +
    el('rect', { width, height, fill: '#ffffff' }) +
    // The whole title is in <title> above; the heading is cut to the picture's width.
    text(16, 28, truncate(title, charsIn(width - 32, 18, true)), { 'font-size': 18, 'font-weight': 'bold' }) +
    body +
    '</svg>'
  );
}

/**
 * Rough width of a label in pixels, to lay out margins without a text-measuring DOM (DejaVu Sans
 * averages a little under 0.6 em a character, its bold a little more).
 */
export const textWidth = (s: string, size = 12, bold = false) => [...s].length * size * (bold ? 0.66 : 0.6);

/** The smallest font size any picture writes, in SVG pixels. */
export const MIN_FONT = 11;

/**
 * The widest a picture is laid out, in SVG pixels: shrunk to the text width of an A4 page (170 mm),
 * MIN_FONT then still prints at 6 pt.
 */
export const PRINT_WIDTH = 880;

/** As many characters as fit in `width` pixels at `size`. */
export const charsIn = (width: number, size: number, bold = false) => Math.max(2, Math.floor(width / (size * (bold ? 0.66 : 0.6)) + 1e-9));

/**
 * A label cut to `max` characters; when cut, the whole name rides along in a <title> (the tooltip
 * of an inline SVG, and what a screen reader or a search in the file finds).
 */
export function nameText(x: number, y: number, full: string, max: number, attrs: Record<string, string | number | undefined> = {}): string {
  const shown = truncate(full, max);
  const t = text(x, y, shown, { class: 'label', ...attrs });
  return shown === full ? t : el('g', {}, el('title', {}, esc(full)) + t);
}

/** Legend lines broken at spaces so that each fits `width` pixels at `size`. */
export function wrap(lines: readonly string[], width: number, size: number): string[] {
  const max = charsIn(width, size);
  const out: string[] = [];
  for (const line of lines) {
    let current = '';
    for (const word of line.split(' ')) {
      const next = current ? `${current} ${word}` : word;
      if ([...next].length > max && current) {
        out.push(current);
        current = word;
      } else current = next;
    }
    out.push(truncate(current, max));
  }
  return out;
}

export function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
}

/** Grey level for a share of the maximum: white for none, dark grey for the most. */
export function grey(share: number): string {
  const v = Math.round(245 - Math.max(0, Math.min(1, share)) * 175);
  const h = v.toString(16).padStart(2, '0');
  return `#${h}${h}${h}`;
}
