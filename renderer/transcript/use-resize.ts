// The text's width changing (a window resized, a panel opened beside it): lines rewrap, which
// moves what is measured from them.
import { type RefObject, useEffect } from 'react';

/** Calls `onResize` whenever `ref`'s element changes size; it should keep its identity. */
export function useResize(ref: RefObject<HTMLElement | null>, onResize: () => void) {
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(onResize);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, onResize]);
}
