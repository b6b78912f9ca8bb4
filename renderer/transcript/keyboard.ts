// Selecting a passage with the keyboard. The transcript is not editable, so the browser draws no
// caret and Shift+arrows select nothing. A collapsed DOM selection serves as the caret: arrows move
// it and Shift+arrows extend it with Selection.modify, as in a text editor. Only the DOM selection
// changes, never the editor state; TranscriptView draws the caret itself.

type Granularity = 'character' | 'word' | 'line' | 'paragraph' | 'lineboundary' | 'documentboundary';

export interface CaretMove {
  alter: 'move' | 'extend';
  direction: 'forward' | 'backward';
  granularity: Granularity;
}

type KeyInput = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>;

/**
 * The caret move a key asks for, or null for any other key. Ctrl (Option on macOS) moves by word
 * or paragraph, Home and End to the ends of the line, Ctrl+Home and Ctrl+End (Cmd+arrows on
 * macOS) to the ends of the text; Shift extends the selection instead of moving.
 */
export function caretMove(e: KeyInput): CaretMove | null {
  const alter = e.shiftKey ? 'extend' : 'move';
  const word = e.ctrlKey || e.altKey;
  const move = (direction: CaretMove['direction'], granularity: Granularity): CaretMove => ({ alter, direction, granularity });
  switch (e.key) {
    case 'ArrowLeft':
    case 'ArrowRight': {
      const direction = e.key === 'ArrowLeft' ? 'backward' : 'forward';
      return move(direction, e.metaKey ? 'lineboundary' : word ? 'word' : 'character');
    }
    case 'ArrowUp':
    case 'ArrowDown': {
      const direction = e.key === 'ArrowUp' ? 'backward' : 'forward';
      return move(direction, e.metaKey ? 'documentboundary' : word ? 'paragraph' : 'line');
    }
    case 'Home':
    case 'End':
      return move(e.key === 'Home' ? 'backward' : 'forward', e.ctrlKey || e.metaKey ? 'documentboundary' : 'lineboundary');
    default:
      return null;
  }
}

function textNodes(root: Element): Text[] {
  const out: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** The first or the last point of the text. */
function boundary(root: Element, end: boolean): [Node, number] {
  const nodes = textNodes(root);
  const node = end ? nodes[nodes.length - 1] : nodes[0];
  if (!node) return [root, end ? root.childNodes.length : 0];
  return [node, end ? node.data.length : 0];
}

/** Whether the selection lies in the transcript (both its ends). */
export function selectionInside(root: Element, selection: Selection | null): selection is Selection {
  return (
    !!selection &&
    selection.rangeCount > 0 &&
    !!selection.anchorNode &&
    !!selection.focusNode &&
    root.contains(selection.anchorNode) &&
    root.contains(selection.focusNode)
  );
}

/** Applies a caret move, keeping both ends of the selection inside the transcript. */
export function applyCaretMove(root: Element, selection: Selection, move: CaretMove): void {
  const put = ([node, offset]: [Node, number]) => (move.alter === 'extend' ? selection.extend(node, offset) : selection.collapse(node, offset));
  // Selection.modify's document is the whole page here (the text is not editable): the ends of
  // the transcript are set directly.
  if (move.granularity === 'documentboundary') {
    put(boundary(root, move.direction === 'forward'));
    return;
  }
  if (typeof selection.modify !== 'function') return;
  selection.modify(move.alter, move.direction, move.granularity);
  const focus = selection.focusNode;
  if (focus && !root.contains(focus)) {
    // Past the first or last line: stop at the end of the text, as an editor does.
    put(boundary(root, !(root.compareDocumentPosition(focus) & Node.DOCUMENT_POSITION_PRECEDING)));
  }
}

/** Selects the whole transcript (Ctrl+A), not the whole page. */
export function selectAll(root: Element, selection: Selection): void {
  const [startNode, startOffset] = boundary(root, false);
  const [endNode, endOffset] = boundary(root, true);
  selection.setBaseAndExtent(startNode, startOffset, endNode, endOffset);
}

/** The rectangle of the selection's focus point (where the caret is drawn), or null. */
export function focusRect(selection: Selection): DOMRect | null {
  const node = selection.focusNode;
  if (!node) return null;
  const doc = node.ownerDocument ?? document;
  const range = doc.createRange();
  if (typeof range.getBoundingClientRect !== 'function') return null;
  const offset = selection.focusOffset;
  range.setStart(node, offset);
  range.collapse(true);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  if (rect.height > 0) return rect;
  // A point between two elements has no box: measure the character beside it.
  if (node.nodeType === Node.TEXT_NODE) {
    const length = (node as Text).data.length;
    if (offset > 0) {
      range.setStart(node, offset - 1);
      range.setEnd(node, offset);
      const rects = range.getClientRects();
      const last = rects[rects.length - 1];
      if (last && last.height > 0) return new DOMRect(last.right, last.top, 0, last.height);
    } else if (length > 0) {
      range.setEnd(node, 1);
      const first = range.getClientRects()[0];
      if (first && first.height > 0) return new DOMRect(first.left, first.top, 0, first.height);
    }
  }
  return null;
}

/** Scrolls `scroller` just enough for `rect` (window coordinates) to be in view. */
export function scrollToShow(scroller: HTMLElement, rect: DOMRect, margin = 24): void {
  const box = scroller.getBoundingClientRect();
  if (rect.top < box.top + margin) scroller.scrollTop -= box.top + margin - rect.top;
  else if (rect.bottom > box.bottom - margin) scroller.scrollTop += rect.bottom - (box.bottom - margin);
}

/** Scrolls `scroller` so that `rect` is in the middle, or its top near the top when it is taller. */
export function scrollToCentre(scroller: HTMLElement, rect: DOMRect, margin = 24): void {
  const box = scroller.getBoundingClientRect();
  const room = box.height - 2 * margin;
  const offset = rect.height < room ? (box.height - rect.height) / 2 : margin;
  scroller.scrollTop += rect.top - box.top - offset;
}
