// The keyboard caret. The transcript is not editable, so the browser draws none: the selection's
// focus end is drawn as a bar while the text has the focus, with the hint to code a selection.
// Its place is kept as a UTF-16 offset across rebuilds (a new coding), blurs and the code picker.
import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { OffsetIndex } from '../../text/offsets.ts';
import { caretFromPoint, visibleBand } from './geometry.ts';
import { focusRect, selectionInside } from './keyboard.ts';
import type { RunIndex } from './paint.ts';
import { domPointOf, domPointToUtf16 } from './selection.ts';
import { useLatest } from './use-latest.ts';

export interface CaretRefs {
  viewRef: RefObject<HTMLElement | null>;
  textRef: RefObject<HTMLElement | null>;
  runsRef: RefObject<RunIndex | null>;
}

export function useCaret({ viewRef, textRef, runsRef }: CaretRefs, index: OffsetIndex, sourceId: number) {
  const caretRef = useRef<HTMLDivElement>(null);
  const hintRef = useRef<HTMLDivElement>(null);
  /** UTF-16 offset of the caret (the selection's focus end), kept across rebuilds and blurs. */
  const caretAt = useRef<number | null>(null);
  const indexRef = useLatest(index);

  // Another source: the caret starts afresh (a hit opened in it sets it again just after).
  useLayoutEffect(() => {
    caretAt.current = null;
  }, [sourceId]);

  /** Draws the caret at the selection's focus end while the text has the focus, and the hint
   *  when a passage is selected. */
  const draw = useCallback(() => {
    const root = textRef.current;
    const view = viewRef.current;
    const caret = caretRef.current;
    const hint = hintRef.current;
    if (!root || !view || !caret || !hint) return;
    const selection = root.ownerDocument.getSelection();
    const inside = selectionInside(root, selection);
    if (inside) caretAt.current = domPointToUtf16(root, selection.focusNode!, selection.focusOffset, indexRef.current.utf16Length);
    const rect = inside && root.ownerDocument.activeElement === root ? focusRect(selection) : null;
    caret.hidden = !rect;
    hint.hidden = !rect || selection!.isCollapsed;
    if (!rect) return;
    const box = view.getBoundingClientRect();
    const top = rect.top - box.top + view.scrollTop;
    const left = rect.left - box.left + view.scrollLeft;
    caret.style.top = `${top}px`;
    caret.style.left = `${left}px`;
    caret.style.height = `${rect.height}px`;
    hint.style.top = `${top + rect.height + 2}px`;
    hint.style.left = `${left}px`;
  }, [textRef, viewRef, indexRef]);

  useEffect(() => {
    document.addEventListener('selectionchange', draw);
    return () => document.removeEventListener('selectionchange', draw);
  }, [draw]);

  /** After a rebuild the lines have new text nodes: puts back a caret that was in them. */
  const restore = useCallback(() => {
    const root = textRef.current;
    const runs = runsRef.current;
    const selection = root?.ownerDocument.getSelection();
    if (root && runs && caretAt.current !== null && root.ownerDocument.activeElement === root && (!selection || selection.isCollapsed)) {
      const point = domPointOf(runs, Math.min(caretAt.current, indexRef.current.utf16Length));
      if (point) selection?.collapse(point.node, point.offset);
    }
  }, [textRef, runsRef, indexRef]);

  /** Puts the caret where it last was if that is in view, else at the start of the first line in view. */
  const place = useCallback(
    (root: HTMLElement, selection: Selection) => {
      const runs = runsRef.current;
      const view = viewRef.current;
      if (!runs || !view) return;
      const band = visibleBand(view);
      const inView = (rect: DOMRect | null) => !!rect && rect.top >= band.top && rect.bottom <= band.bottom;
      const last = caretAt.current === null ? null : domPointOf(runs, caretAt.current);
      if (last) {
        selection.collapse(last.node, last.offset);
        if (inView(focusRect(selection))) return;
      }
      // The first line whose bottom is in view (lines are in order down the page).
      let lo = 0;
      let hi = runs.lines.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (runs.lines[mid]!.getBoundingClientRect().bottom > band.top + 4) hi = mid;
        else lo = mid + 1;
      }
      const line = runs.lines[lo];
      const box = line?.getBoundingClientRect();
      // Its first row in view: the end of that row, then back to its start.
      const point = box && caretFromPoint(root.ownerDocument, box.right - 2, Math.max(box.top, band.top) + 8);
      if (point && root.contains(point.node)) {
        selection.collapse(point.node, point.offset);
        selection.modify?.('move', 'backward', 'lineboundary');
        return;
      }
      const first = domPointOf(runs, line ? Number(line.querySelector<HTMLElement>('[data-u16]')?.dataset.u16 ?? 0) : 0);
      if (first) selection.collapse(first.node, first.offset);
    },
    [runsRef, viewRef],
  );

  /** Where the caret starts when the reader comes to the text (a passage opened from a search). */
  const moveTo = useCallback((u16: number) => {
    caretAt.current = u16;
  }, []);

  return { caretRef, hintRef, draw, restore, place, moveTo };
}
