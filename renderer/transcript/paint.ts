// Highlights are painted on the DOM the editor rendered, not in the editor state: showing or hiding
// a coder or emphasising the active code only rewrites the class and data attributes of the run
// elements that change, in one pass over them.
import type { Code, Coding } from '../../model/types.ts';

export type CodeLook = Pick<Code, 'id' | 'name' | 'color' | 'abbrev'>;

export interface PaintInput {
  codings: ReadonlyMap<number, Coding>;
  codes: ReadonlyMap<number, CodeLook>;
  hiddenCoderIds?: ReadonlySet<number> | undefined;
  activeCodeId?: number | null | undefined;
}

/** The run elements of one rendering, in document (= text) order, with the lines holding them. */
export class RunIndex {
  readonly els: HTMLElement[] = [];
  /** UTF-16 start of each element, ascending. */
  readonly starts: number[] = [];
  /** Coding ids of each element (parsed once from data-coding-ids). */
  readonly ids: number[][] = [];
  /** The data-coding-ids attribute of each element, as read. */
  readonly raw: string[] = [];
  /** Whether each element is a speaker's label. */
  readonly speaker: boolean[] = [];
  /** The indices (in els) of the elements carrying each coding. */
  readonly byCoding = new Map<number, number[]>();
  /** The block elements (one per line or heading), in order. */
  readonly lines: HTMLElement[];
  /** Index in els of each line's first element; one more entry holds els.length. */
  readonly lineFirst: number[] = [];
  /**
   * The indices of the elements rendered since the index this one was patched from (the others
   * are the same elements, showing the same codings); null when every element was indexed afresh.
   */
  readonly fresh: number[] | null;

  /** Indexes every run of `root`, or, given the index before a rebuild of some lines, reads only those lines again. */
  constructor(root: HTMLElement, since?: { prev: RunIndex; rebuiltLines: readonly number[] }) {
    this.lines = Array.from(root.children) as HTMLElement[];
    const prev = since && since.prev.lines.length === this.lines.length ? since.prev : null;
    const rebuilt = prev ? new Set(since!.rebuiltLines) : null;
    this.fresh = prev ? [] : null;
    for (let j = 0; j < this.lines.length; j++) {
      this.lineFirst.push(this.els.length);
      // A line is kept only if it is the same element: the editor renders every line anew when
      // its root element is set again (a remount), whatever the lines rebuilt say.
      if (prev && !rebuilt!.has(j) && prev.lines[j] === this.lines[j]) {
        for (let i = prev.lineFirst[j]!; i < prev.lineFirst[j + 1]!; i++) {
          this.push(prev.els[i]!, prev.starts[i]!, prev.raw[i]!, prev.ids[i]!, prev.speaker[i]!);
        }
        continue;
      }
      for (const el of this.lines[j]!.querySelectorAll<HTMLElement>('[data-u16]')) {
        this.fresh?.push(this.els.length);
        const raw = el.getAttribute('data-coding-ids') ?? '';
        this.push(el, Number(el.getAttribute('data-u16')), raw, raw ? raw.split(' ').map(Number) : [], el.classList.contains('tr-speaker'));
      }
    }
    this.lineFirst.push(this.els.length);
  }

  private push(el: HTMLElement, start: number, raw: string, ids: number[], speaker: boolean): void {
    const i = this.els.length;
    this.els.push(el);
    this.starts.push(start);
    this.raw.push(raw);
    this.ids.push(ids);
    this.speaker.push(speaker);
    for (const id of ids) {
      let list = this.byCoding.get(id);
      if (!list) this.byCoding.set(id, (list = []));
      list.push(i);
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
  const raw = el.getAttribute('data-coding-ids');
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

/** Underlines drawn under a coded run; more codes show in its hatch and its margin stripes. */
export const MAX_UNDERLINES = 3;

/**
 * One code: a tint in its colour. Several: diagonal stripes of every colour, so no code hides
 * another. Each code also gets a 2px underline, stacked *below* the run's box, in the gap between
 * lines (line-height 1.6 leaves about 7px): drawn inside the box, they covered the letters, and a
 * box reaching up covered the tops of the line above.
 */
export function runStyle(colors: readonly string[]): string {
  if (colors.length === 0) return '';
  const underlines = colors
    .slice(0, MAX_UNDERLINES)
    .map((c, i) => `0 ${2 * (i + 1)}px 0 ${c}`)
    .join(', ');
  if (colors.length === 1) return `background-color: ${withAlpha(colors[0]!, 0.28)}; box-shadow: ${underlines};`;
  const stops = colors.map((c, i) => `${withAlpha(c, 0.3)} ${i * 6}px, ${withAlpha(c, 0.3)} ${(i + 1) * 6}px`).join(', ');
  return `background-image: repeating-linear-gradient(135deg, ${stops}); box-shadow: ${underlines};`;
}

/** The look class of a run showing these codes, e.g. "tr-look-10-11". */
export const lookClass = (codeIds: readonly number[]) => `tr-look-${codeIds.join('-')}`;

/** What each run element currently shows, the coding ids it shows them for, and the last paint it was part of. */
const painted = new WeakMap<HTMLElement, { state: string; raw: string; paint: number }>();
let paints = 0;

/** A paint, from which the next one can start when only some codings changed. */
export interface Painted {
  input: PaintInput;
  /** The code combinations in use. */
  looks: Map<string, number[]>;
  /** Which paint it was (an element that missed it is painted whole the next time). */
  paint: number;
}

/**
 * The ids of the codings that differ between two paints that differ only by their codings (null
 * otherwise: the codes, the hidden coders or the active code changed, and every run is painted).
 * Codings kept by the cache keep their object, so an unchanged coding is the same object.
 */
function changedCodings(prev: PaintInput, next: PaintInput): Set<number> | null {
  if (prev.codes !== next.codes || prev.hiddenCoderIds !== next.hiddenCoderIds || prev.activeCodeId !== next.activeCodeId) return null;
  const changed = new Set<number>();
  for (const [id, c] of next.codings) if (prev.codings.get(id) !== c) changed.add(id);
  for (const id of prev.codings.keys()) if (!next.codings.has(id)) changed.add(id);
  return changed;
}

/**
 * Applies colours, visibility and active-code emphasis to every coded run. Colours come from one
 * class per combination of codes (see lookStyles), so a run only gets class names and attributes:
 * no style parsing per element. Returns the paint, with the code combinations in use.
 *
 * Given the last paint, when only codings changed (a coding made or undone), only the runs that
 * carry a changed coding, or are new, or now carry other codings, are painted again: the others
 * show the same as before. The looks returned then include the last paint's (a combination no
 * longer used keeps a rule nobody matches until the next full paint).
 */
export function paintRuns(index: RunIndex, input: PaintInput, since: Painted | null = null): Painted {
  const paint = ++paints;
  const changed = since ? changedCodings(since.input, input) : null;
  const looks = changed && since ? new Map(since.looks) : new Map<string, number[]>();
  // After a coding, when the index knows which elements are new, only those and the ones carrying
  // a changed coding can show something else: the thousands of others are not even looked at.
  const only = changed && index.fresh ? targets(index, changed) : null;
  const count = only ? only.length : index.els.length;
  for (let k = 0; k < count; k++) {
    const i = only ? only[k]! : k;
    const ids = index.ids[i]!;
    if (ids.length === 0) continue;
    const el = index.els[i]!;
    const raw = index.raw[i]!;
    const before = painted.get(el);
    if (changed && only === null && before?.paint === since!.paint && before.raw === raw && !ids.some((id) => changed.has(id))) {
      before.paint = paint;
      continue;
    }
    const visible = visibleCodings(ids, input);
    const codeIds = [...new Set(visible.map((c) => c.codeId))];
    const look = codeIds.length > 0 ? lookClass(codeIds) : '';
    if (look && !looks.has(look)) looks.set(look, codeIds);
    const active = input.activeCodeId != null && codeIds.includes(input.activeCodeId);
    const visibleIds = visible.map((c) => c.id).join(' ');
    const state = `${look}|${active}|${visibleIds}`;
    if (before?.state === state) {
      before.raw = raw;
      before.paint = paint;
      continue;
    }
    painted.set(el, { state, raw, paint });
    // One write of the whole class list: cheaper than several toggles on thousands of elements.
    let className = index.speaker[i] ? 'tr-speaker' : '';
    if (look) className += ` tr-coded ${look}`;
    if (active) className += ' tr-active';
    el.className = className.trim();
    if (visibleIds) el.setAttribute('data-visible-ids', visibleIds);
    else el.removeAttribute('data-visible-ids');
  }
  return { input, looks, paint };
}

/** The elements new in the index and those carrying a changed coding, in order, once each. */
function targets(index: RunIndex, changed: ReadonlySet<number>): number[] {
  const out = new Set(index.fresh);
  for (const id of changed) for (const i of index.byCoding.get(id) ?? []) out.add(i);
  return [...out].sort((a, b) => a - b);
}

/** The rule giving one combination of codes its colours. */
export function lookRule(look: string, codeIds: readonly number[], codes: ReadonlyMap<number, CodeLook>): string {
  return `.tr-text .${look} { ${runStyle(codeIds.map((id) => codes.get(id)?.color ?? '#999999'))} }`;
}

/** The style sheet giving each combination of codes in use its colours. */
export function lookStyles(looks: ReadonlyMap<string, readonly number[]>, codes: ReadonlyMap<number, CodeLook>): string {
  return Array.from(looks, ([look, codeIds]) => lookRule(look, codeIds, codes)).join('\n');
}

/** What the colours of a sheet depend on: each code's colour. */
export const colorsKey = (codes: ReadonlyMap<number, CodeLook>): string => Array.from(codes.values(), (c) => `${c.id}:${c.color}`).join(' ');
