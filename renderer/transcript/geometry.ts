// Where things are on screen: the part of the view in the window, the element that scrolls it,
// the text point under the pointer, and where the code picker anchors on a selection.
import { focusRect } from './keyboard.ts';

/** The part of `el` inside the window, vertically. */
export function visibleBand(el: HTMLElement): { top: number; bottom: number } {
  const box = el.getBoundingClientRect();
  return { top: Math.max(box.top, 0), bottom: Math.min(box.bottom, window.innerHeight) };
}

/** The nearest element, from `el` up, that scrolls vertically. */
export function scrollerOf(el: HTMLElement): HTMLElement | null {
  for (let e: HTMLElement | null = el; e; e = e.parentElement) {
    if (e.scrollHeight > e.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(e).overflowY)) return e;
  }
  return null;
}

/** The DOM point under a window position (caretPositionFromPoint, or Chromium's older API). */
export function caretFromPoint(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/**
 * Where the code picker should anchor for `range`: its box when it is all in view; otherwise
 * (select all, a drag that scrolled) the line where the selection ends, if in view, or else the
 * part of the selection in view.
 */
export function anchorRect(range: Range, selection: Selection, view: HTMLElement): DOMRect {
  if (typeof range.getBoundingClientRect !== 'function') return new DOMRect();
  const whole = range.getBoundingClientRect();
  const band = visibleBand(view);
  if (whole.top >= band.top && whole.bottom <= band.bottom) return whole;
  const focus = focusRect(selection);
  if (focus && focus.top >= band.top && focus.bottom <= band.bottom) return focus;
  const top = Math.max(whole.top, band.top);
  const bottom = Math.min(whole.bottom, band.bottom);
  return bottom > top ? new DOMRect(whole.left, top, whole.width, bottom - top) : whole;
}
