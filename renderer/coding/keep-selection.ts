// While the code picker is open its search field has the focus, and the browser stops showing the
// text selection it was opened for. The selection is kept visible with the CSS Custom Highlight API
// (::highlight(cp-selection) in picker.css) until the picker closes, and its line boxes are what
// the picker must not cover (place.ts).
import { useLayoutEffect, useState } from 'react';
import type { Rect } from './place.ts';

export const SELECTION_HIGHLIGHT = 'cp-selection';

/** The selection's line boxes when the picker opened (none without a selection). */
export function useKeptSelection(): readonly Rect[] {
  // Read once, before the picker takes the focus (its first layout effect runs after this state
  // initialiser, during the first render).
  const [range] = useState<Range | null>(() => {
    const selection = typeof document !== 'undefined' ? document.getSelection() : null;
    return selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0).cloneRange() : null;
  });
  const [rects] = useState<Rect[]>(() =>
    range && typeof range.getClientRects === 'function'
      ? Array.from(range.getClientRects(), (r) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right }))
      : [],
  );
  useLayoutEffect(() => {
    const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
    if (!range || !registry || typeof Highlight !== 'function') return;
    const highlight = new Highlight(range);
    registry.set(SELECTION_HIGHLIGHT, highlight);
    return () => {
      if (registry.get(SELECTION_HIGHLIGHT) === highlight) registry.delete(SELECTION_HIGHLIGHT);
    };
  }, [range]);
  return rects;
}
