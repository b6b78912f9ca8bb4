// Highlights are painted on the DOM the editor rendered, not in the editor state: showing or hiding
// a coder, emphasising the active code or hovering a passage only rewrites classes and inline
// styles of the run elements, in one pass over them.
import type { Code, Coding } from '../../model/types.ts';

export type CodeLook = Pick<Code, 'id' | 'name' | 'color' | 'abbrev'>;

export interface PaintInput {
  codings: ReadonlyMap<number, Coding>;
  codes: ReadonlyMap<number, CodeLook>;
  hiddenCoderIds?: ReadonlySet<number> | undefined;
  activeCodeId?: number | null | undefined;
}

/** The run elements of one rendering, in document (= text) order. */
export class RunIndex {
  readonly els: HTMLElement[];
  /** UTF-16 start of each element, ascending. */
  readonly starts: number[];
  readonly byCoding = new Map<number, HTMLElement[]>();

  constructor(root: HTMLElement) {
    this.els = Array.from(root.querySelectorAll<HTMLElement>('[data-u16]'));
    this.starts = this.els.map((el) => Number(el.dataset.u16));
    for (const el of this.els) {
      for (const id of codingIdsOf(el)) {
        let list = this.byCoding.get(id);
        if (!list) this.byCoding.set(id, (list = []));
        list.push(el);
      }
    }
  }

  /** Index of the element holding UTF-16 offset `u16` (the last one starting at or before it). */
  at(u16: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    if (hi < 0) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= u16) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

export function codingIdsOf(el: Element): number[] {
  const raw = (el as HTMLElement).dataset?.codingIds;
  return raw ? raw.split(' ').map(Number) : [];
}

export function isVisible(coding: Coding | undefined, input: PaintInput): coding is Coding {
  return coding !== undefined && input.codes.has(coding.codeId) && !input.hiddenCoderIds?.has(coding.coderId);
}

export function visibleCodings(ids: readonly number[], input: PaintInput): Coding[] {
  const out: Coding[] = [];
  for (const id of ids) {
    const c = input.codings.get(id);
    if (isVisible(c, input)) out.push(c);
  }
  return out;
}

/** "#e69f00" with an alpha, as rgba(); other colour syntaxes are mixed by the browser. */
export function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return `color-mix(in srgb, ${color} ${Math.round(alpha * 100)}%, transparent)`;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  const n = parseInt(hex, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/**
 * One code: a tint in its colour. Several: diagonal stripes of every colour, so no code hides
 * another, plus one underline per code stacked under the line.
 */
export function runStyle(colors: readonly string[]): string {
  if (colors.length === 0) return '';
  const underlines = colors.map((c, i) => `inset 0 -${2 * (i + 1)}px 0 ${c}`).join(', ');
  if (colors.length === 1) return `background-color: ${withAlpha(colors[0]!, 0.28)}; box-shadow: ${underlines};`;
  const stops = colors
    .map((c, i) => `${withAlpha(c, 0.3)} ${i * 6}px, ${withAlpha(c, 0.3)} ${(i + 1) * 6}px`)
    .join(', ');
  return `background-image: repeating-linear-gradient(135deg, ${stops}); box-shadow: ${underlines};`;
}

/** Applies colours, visibility and active-code emphasis to every coded run. */
export function paintRuns(index: RunIndex, input: PaintInput): void {
  const styles = new Map<string, string>();
  for (const el of index.els) {
    const ids = codingIdsOf(el);
    if (ids.length === 0) continue;
    const visible = visibleCodings(ids, input);
    const codeIds = [...new Set(visible.map((c) => c.codeId))];
    const key = codeIds.join(',');
    let style = styles.get(key);
    if (style === undefined) {
      style = runStyle(codeIds.map((id) => input.codes.get(id)!.color));
      styles.set(key, style);
    }
    el.style.cssText = style;
    el.classList.toggle('tr-coded', visible.length > 0);
    el.classList.toggle('tr-active', input.activeCodeId != null && codeIds.includes(input.activeCodeId));
    if (visible.length > 0) el.dataset.visibleIds = visible.map((c) => c.id).join(' ');
    else delete el.dataset.visibleIds;
  }
}
