// Selecting and coding with the keyboard alone (keyboard.ts): arrows move the caret, Shift+arrows
// select, Ctrl+A selects the transcript, Escape drops the selection and Enter opens the code picker
// on it. Tab into the text puts the caret where the reader last was, or on the first line in view.
import { type KeyboardEvent as ReactKeyboardEvent, type RefObject, useCallback } from 'react';
import { scrollerOf } from './geometry.ts';
import { applyCaretMove, caretMove, focusRect, scrollToShow, selectAll, selectionInside } from './keyboard.ts';

export interface KeyboardInput {
  viewRef: RefObject<HTMLElement | null>;
  textRef: RefObject<HTMLElement | null>;
  /** Whether a mouse button went down in the text: a click places its own caret. */
  dragging: RefObject<boolean>;
  caret: { draw(): void; place(root: HTMLElement, selection: Selection): void };
  /** Reports the selection to open the code picker on it. */
  readSelection(event: Event): void;
}

export function useKeyboard({ viewRef, textRef, dragging, caret, readSelection }: KeyboardInput) {
  const { draw, place } = caret;

  const onFocus = useCallback(() => {
    const root = textRef.current;
    const selection = root?.ownerDocument.getSelection();
    // A click places its own caret; the keyboard (Tab, or back from the code picker) needs one.
    if (root && selection && !dragging.current && !selectionInside(root, selection)) place(root, selection);
    draw();
  }, [textRef, dragging, place, draw]);

  const onKeyDown = useCallback(
    (event: ReactKeyboardEvent<HTMLElement>) => {
      const root = textRef.current;
      const view = viewRef.current;
      const selection = root?.ownerDocument.getSelection();
      if (!root || !view || !selection) return;
      const modified = event.ctrlKey || event.metaKey || event.altKey;
      if (event.key === 'Enter' && !modified && !event.shiftKey) {
        // The keyboard's mouse-up: the picker opens on the selected passage.
        if (selectionInside(root, selection) && !selection.isCollapsed) {
          event.preventDefault();
          readSelection(event.nativeEvent);
        }
        return;
      }
      if (event.key === 'Escape' && selectionInside(root, selection) && !selection.isCollapsed) {
        event.preventDefault();
        selection.collapse(selection.focusNode!, selection.focusOffset);
        return;
      }
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'a') {
        event.preventDefault();
        selectAll(root, selection);
        draw();
        return;
      }
      const move = caretMove(event);
      if (!move) return;
      event.preventDefault();
      if (!selectionInside(root, selection)) place(root, selection);
      if (!selectionInside(root, selection)) return;
      applyCaretMove(root, selection, move);
      const rect = focusRect(selection);
      if (rect) scrollToShow(scrollerOf(view) ?? view, rect);
      draw();
    },
    [textRef, viewRef, readSelection, place, draw],
  );

  return { onFocus, onKeyDown };
}
