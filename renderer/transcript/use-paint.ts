// Highlights painted on the DOM the editor rendered (paint.ts), never through the editor: colours
// come from one style rule per combination of codes, written into the view's own <style>.
import { type RefObject, useCallback, useRef } from 'react';
import { lookStyles, type Painted, type PaintInput, paintRuns, type RunIndex } from './paint.ts';
import { useLatest } from './use-latest.ts';

export function usePaint(runsRef: RefObject<RunIndex | null>, input: PaintInput, onPainted: () => void) {
  const styleRef = useRef<HTMLStyleElement>(null);
  const inputRef = useLatest(input);
  const painted = useRef<{ runs: RunIndex | null; last: Painted | null }>({ runs: null, last: null });

  /** Paints the current runs with the current input, once per change of either. */
  const repaint = useCallback(() => {
    const runs = runsRef.current;
    const input = inputRef.current;
    if (!runs || (painted.current.runs === runs && painted.current.last?.input === input)) return;
    // A coding made or undone repaints the runs it touches, not the thousands around it.
    const last = paintRuns(runs, input, painted.current.last);
    painted.current = { runs, last };
    const css = lookStyles(last.looks, input.codes);
    if (styleRef.current && styleRef.current.textContent !== css) styleRef.current.textContent = css;
    onPainted();
  }, [runsRef, inputRef, onPainted]);

  return { styleRef, repaint, inputRef };
}
