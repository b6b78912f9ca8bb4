// From the reader's selection to the code picker: a selection made with the mouse is reported when
// the button is released (wherever it is), one made with the keyboard when Enter is pressed; a
// click without a selection opens the coding under the pointer instead.
import { type RefObject, useCallback, useEffect, useRef } from 'react';
import type { OffsetIndex } from '../../text/offsets.ts';
import { anchorRect, caretFromPoint } from './geometry.ts';
import { codingIdsOf, type PaintInput, visibleCodings } from './paint.ts';
import { rangeToCodePoints, type TextSelection } from './selection.ts';

export interface TranscriptSelection extends TextSelection {
  /** Where the code picker anchors: the selection's box, or the line of its focus end when the
   *  selection does not fit in view. */
  rect: DOMRect;
}

export interface PassageSelectionInput {
  viewRef: RefObject<HTMLElement | null>;
  textRef: RefObject<HTMLElement | null>;
  /** The codings as painted, to find the one clicked. */
  paintRef: Readonly<RefObject<PaintInput>>;
  text: string;
  index: OffsetIndex;
  onSelect(range: TranscriptSelection | null): void;
  onCodingActivate?: ((codingId: number) => void) | undefined;
}

export function usePassageSelection({ viewRef, textRef, paintRef, text, index, onSelect, onCodingActivate }: PassageSelectionInput) {
  const readSelection = useCallback(
    (event: { type: string; target: EventTarget | null }) => {
      const root = textRef.current;
      const selection = root?.ownerDocument.getSelection();
      if (!root || !selection) return;
      if (selection.rangeCount === 0 || selection.isCollapsed) {
        onSelect(null);
        if (event.type === 'mouseup' && onCodingActivate) {
          const target = (event.target as Element | null)?.closest?.('[data-visible-ids]');
          const hit = target ? visibleCodings(codingIdsOf(target), paintRef.current) : [];
          // The innermost coding: the one a click most likely aims at.
          hit.sort((a, b) => a.end - a.start - (b.end - b.start));
          if (hit[0]) onCodingActivate(hit[0].id);
        }
        return;
      }
      if (event instanceof MouseEvent && !(event.target instanceof Node && root.contains(event.target))) {
        // Released beside the text (in the margin, below the end): the browser may have extended
        // the selection to the end of the source. End it at the nearest point of the text under
        // the pointer, as a text editor does.
        const box = root.getBoundingClientRect();
        const x = Math.min(Math.max(event.clientX, box.left + 1), box.right - 1);
        const y = Math.min(Math.max(event.clientY, box.top + 1), box.bottom - 1);
        const point = caretFromPoint(root.ownerDocument, x, y);
        if (point && root.contains(point.node)) selection.extend(point.node, point.offset);
      }
      const range = selection.getRangeAt(0);
      if (!range.intersectsNode(root)) return;
      const passage = rangeToCodePoints(root, range, text, index);
      if (!passage) {
        onSelect(null);
        return;
      }
      onSelect({ ...passage, rect: viewRef.current ? anchorRect(range, selection, viewRef.current) : new DOMRect() });
    },
    [textRef, viewRef, paintRef, onSelect, onCodingActivate, text, index],
  );

  // A drag that starts in the text may end anywhere (in the margin, past the window's edge): the
  // button is released outside, so listen on the document until it is.
  const dragging = useRef(false);
  useEffect(() => {
    const onUp = (event: MouseEvent) => {
      if (!dragging.current) return;
      dragging.current = false;
      readSelection(event);
    };
    document.addEventListener('mouseup', onUp);
    return () => document.removeEventListener('mouseup', onUp);
  }, [readSelection]);

  const onMouseDown = useCallback((event: { button: number }) => {
    if (event.button === 0) dragging.current = true;
  }, []);

  return { readSelection, onMouseDown, dragging };
}
