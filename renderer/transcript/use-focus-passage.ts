// Scrolling to a passage asked for from elsewhere (a search hit, an excerpt opened from retrieval)
// and marking exactly its characters, not the runs around them, which can be whole paragraphs.
// The keyboard caret starts there when the reader comes to the text.
import { type RefObject, useEffect, useEffectEvent } from 'react';
import type { OffsetIndex } from '../../text/offsets.ts';
import { scrollerOf } from './geometry.ts';
import { scrollToCentre } from './keyboard.ts';
import type { RunIndex } from './paint.ts';

export interface FocusPassageInput {
  viewRef: RefObject<HTMLElement | null>;
  runsRef: RefObject<RunIndex | null>;
  index: OffsetIndex;
  flash: { show(from: number, to: number): Range | null; clear(): void };
  caret: { moveTo(u16: number): void };
}

/** Shows `focusRange` (code points, end exclusive) whenever it changes, and only then. */
export function useFocusPassage(focusRange: { start: number; end: number } | null | undefined, input: FocusPassageInput) {
  const { viewRef, runsRef, index, flash, caret } = input;
  const { clear } = flash;

  // An effect event: a rebuild after a new coding (new runs, a new index) must not show it again.
  const show = useEffectEvent((passage: { start: number; end: number }): boolean => {
    const runs = runsRef.current;
    if (!runs || runs.els.length === 0) return false;
    const clamp = (p: number) => Math.max(0, Math.min(p, index.codePointLength));
    const from = index.toUtf16(clamp(passage.start));
    const to = index.toUtf16(clamp(Math.max(passage.end, passage.start)));
    caret.moveTo(from);
    const range = flash.show(from, to);
    const scroller = viewRef.current && scrollerOf(viewRef.current);
    if (range && scroller && typeof range.getBoundingClientRect === 'function') scrollToCentre(scroller, range.getBoundingClientRect());
    else runs.els[runs.at(from)]?.scrollIntoView?.({ block: 'center' });
    return true;
  });

  useEffect(() => {
    if (!focusRange || !show(focusRange)) return;
    return clear;
  }, [focusRange, clear]);
}
