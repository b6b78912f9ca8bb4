// The passage opened from a search hit or an excerpt, marked for a moment (highlight.ts): exactly
// its characters where the Custom Highlight API exists, its runs elsewhere. Lines rebuilt while
// it shows (its codings loading) get the mark back on their new text, without restarting it.
import { type RefObject, useCallback, useEffect, useRef } from 'react';
import { flashRuns, markRange } from './highlight.ts';
import type { RunIndex } from './paint.ts';
import { rangeOfUtf16 } from './selection.ts';

/** How long the passage stays marked: long enough to find it after the scroll. */
export const FLASH_MS = 1600;

interface Flash {
  /** UTF-16 offsets in the source, end exclusive. */
  from: number;
  to: number;
  unmark: (() => void) | null;
  timer: ReturnType<typeof setTimeout>;
}

export function useFlash(runsRef: RefObject<RunIndex | null>) {
  const flash = useRef<Flash | null>(null);

  /** Marks the passage on the current DOM; returns its range, or null when none is marked. */
  const remark = useCallback((): Range | null => {
    const current = flash.current;
    const runs = runsRef.current;
    if (!current || !runs) return null;
    current.unmark?.();
    const range = rangeOfUtf16(runs, current.from, current.to);
    current.unmark = range ? (markRange(range) ?? flashRuns(runs, current.from, current.to)) : null;
    return range;
  }, [runsRef]);

  /** Takes the mark off now. */
  const clear = useCallback(() => {
    const current = flash.current;
    if (!current) return;
    clearTimeout(current.timer);
    current.unmark?.();
    flash.current = null;
  }, []);

  /** Marks [from, to) for FLASH_MS, in place of any passage marked before; returns its range. */
  const show = useCallback(
    (from: number, to: number): Range | null => {
      clear();
      flash.current = { from, to, unmark: null, timer: setTimeout(clear, FLASH_MS) };
      return remark();
    },
    [clear, remark],
  );

  useEffect(() => clear, [clear]);

  return { show, clear, remark };
}
