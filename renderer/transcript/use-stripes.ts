// The coding stripes in the margin (stripes.ts), measured from the laid-out DOM at most once per
// frame, for the lines in view and one screen above and below: scrolling a source with a
// thousand codings renders a few dozen bars.
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { Coder, Coding } from '../../model/types.ts';
import type { OffsetIndex } from '../../text/offsets.ts';
import type { Block } from './layout.ts';
import type { CodeLook, RunIndex } from './paint.ts';
import { measureStripes, sameStripes, type Stripe } from './stripes.ts';
import { useLatest } from './use-latest.ts';

const raf: (f: () => void) => number =
  typeof requestAnimationFrame === 'function' ? (f) => requestAnimationFrame(f) : (f) => setTimeout(f, 16) as unknown as number;
const cancelRaf: (id: number) => void = typeof cancelAnimationFrame === 'function' ? (id) => cancelAnimationFrame(id) : (id) => clearTimeout(id);

export interface StripeRefs {
  viewRef: RefObject<HTMLElement | null>;
  /** The margin column the stripes are positioned in. */
  columnRef: RefObject<HTMLElement | null>;
  runsRef: RefObject<RunIndex | null>;
}

export interface StripeData {
  blocks: Block[];
  /** The codings shown (blind coding hides some). */
  shown: Coding[];
  lanes: { lanes: ReadonlyMap<number, number>; count: number };
  index: OffsetIndex;
  codes: ReadonlyMap<number, CodeLook>;
  coders: ReadonlyMap<number, Coder>;
}

/** The stripes to draw, and `schedule` to measure them again (after a paint, a scroll, a rewrap). */
export function useStripes({ viewRef, columnRef, runsRef }: StripeRefs, data: StripeData) {
  const [stripes, setStripes] = useState<Stripe[]>([]);
  const dataRef = useLatest(data);
  const frame = useRef(0);

  const schedule = useCallback(() => {
    if (frame.current) return;
    frame.current = raf(() => {
      frame.current = 0;
      const runs = runsRef.current;
      const column = columnRef.current;
      const view = viewRef.current;
      if (!runs || !column || !view) return;
      const box = view.getBoundingClientRect();
      const top = Math.max(box.top, 0);
      const bottom = Math.min(box.bottom, window.innerHeight);
      const margin = Math.max(bottom - top, 400);
      const { blocks, shown, lanes, index, codes, coders } = dataRef.current;
      const next = measureStripes({
        runs,
        column,
        band: { top: top - margin, bottom: bottom + margin },
        blocks,
        codings: shown,
        lanes: lanes.lanes,
        index,
        codes,
        coders,
      });
      setStripes((prev) => (sameStripes(prev, next) ? prev : next));
    });
  }, [viewRef, columnRef, runsRef, dataRef]);

  // Reset too: React's StrictMode unmounts and remounts, and a stale id would block every re-measure.
  useEffect(
    () => () => {
      cancelRaf(frame.current);
      frame.current = 0;
    },
    [],
  );

  useEffect(() => {
    // Whichever element scrolls (this view or a panel around it), new lines come into view.
    const onScroll = () => schedule();
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      document.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', onScroll);
    };
  }, [schedule]);

  const { lanes, coders } = data;
  useEffect(schedule, [lanes, coders, schedule]);

  return { stripes, schedule };
}
