// From a DOM selection in the transcript to code points in the source. Every run element carries
// the UTF-16 offset where its text starts (data-u16); a DOM point is that offset plus the offset
// inside the run's text node, and OffsetIndex turns it into a code point without ever splitting
// a surrogate pair.
import { OffsetIndex, sliceCodePoints } from '../../text/offsets.ts';

const RUN = '[data-u16]';

function runStart(el: Element): number {
  return Number((el as HTMLElement).dataset.u16);
}

function runEnd(el: Element): number {
  return runStart(el) + (el.textContent?.length ?? 0);
}

/** First run at or after `node` in document order, inside root. */
function runFrom(root: Element, node: Node | null): Element | null {
  for (let n: Node | null = node; n && n !== root;) {
    if (n instanceof Element) {
      if (n.matches(RUN)) return n;
      const inner = n.querySelector(RUN);
      if (inner) return inner;
    }
    if (n.nextSibling) n = n.nextSibling;
    else {
      let up: Node | null = n.parentNode;
      while (up && up !== root && !up.nextSibling) up = up.parentNode;
      n = up && up !== root ? up.nextSibling : null;
    }
  }
  return null;
}

/** UTF-16 offset in the source of a DOM point (as a Selection or Range gives it). */
export function domPointToUtf16(root: Element, node: Node, offset: number, utf16Length: number): number {
  if (node !== root && !root.contains(node)) {
    // A selection that starts or ends outside the transcript is clipped to it.
    return root.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING ? 0 : utf16Length;
  }
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest(RUN);
    if (run && root.contains(run)) {
      // Text before this text node inside the same run (a run renders one text node, but be exact).
      let before = 0;
      for (let s = node.previousSibling; s; s = s.previousSibling) before += s.textContent?.length ?? 0;
      return runStart(run) + before + offset;
    }
    const next = runFrom(root, node);
    return next ? runStart(next) : utf16Length;
  }
  const el = node as Element;
  const ownRun = el.closest(RUN);
  if (ownRun && root.contains(ownRun)) return offset === 0 ? runStart(ownRun) : runEnd(ownRun);
  const child = el.childNodes[offset] ?? null;
  if (child) {
    const next = runFrom(root, child);
    return next ? runStart(next) : utf16Length;
  }
  // Past the last child: the end of the last run inside, or the start of what follows.
  const runs = el.querySelectorAll(RUN);
  const last = runs[runs.length - 1];
  if (last) return runEnd(last);
  const next = runFrom(root, el.nextSibling ?? null);
  return next ? runStart(next) : utf16Length;
}

export interface TextSelection {
  /** Code points, end exclusive. */
  start: number;
  end: number;
  text: string;
}

/** The part of a DOM range that lies in the transcript, in code points; null when empty. */
export function rangeToCodePoints(root: Element, range: Range, text: string, index: OffsetIndex): TextSelection | null {
  const a = domPointToUtf16(root, range.startContainer, range.startOffset, index.utf16Length);
  const b = domPointToUtf16(root, range.endContainer, range.endOffset, index.utf16Length);
  const start = index.toCodePoint(Math.min(a, b), 'floor');
  const end = index.toCodePoint(Math.max(a, b), 'ceil');
  if (end <= start) return null;
  return { start, end, text: sliceCodePoints(text, start, end, index) };
}

/** What selection.ts needs of paint.ts's RunIndex: the run elements and their UTF-16 starts. */
export interface Runs {
  readonly els: readonly HTMLElement[];
  readonly starts: readonly number[];
  at(u16: number): number;
}

/** The DOM point (a run's text node and an offset in it) of a UTF-16 offset in the source. */
export function domPointOf(runs: Runs, u16: number): { node: Node; offset: number } | null {
  const i = runs.at(u16);
  const el = runs.els[i];
  if (!el) return null;
  const text = el.firstChild;
  const length = text?.textContent?.length ?? 0;
  const offset = Math.max(0, Math.min(u16 - runs.starts[i]!, length));
  if (text && text.nodeType === Node.TEXT_NODE) return { node: text, offset };
  return { node: el, offset: offset > 0 ? el.childNodes.length : 0 };
}

/** A DOM range over the source's UTF-16 offsets [from, to), or null when the text is not rendered. */
export function rangeOfUtf16(runs: Runs, from: number, to: number): Range | null {
  const a = domPointOf(runs, from);
  const b = domPointOf(runs, Math.max(from, to));
  if (!a || !b) return null;
  const range = a.node.ownerDocument!.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}
