// Highlights painted on the DOM the editor rendered (paint.ts), never through the editor: colours
// come from one style rule per combination of codes, written into the view's own <style>.
import { type RefObject, useCallback, useRef } from 'react';
import { colorsKey, lookRule, lookStyles, type Painted, type PaintInput, paintRuns, type RunIndex } from './paint.ts';
import { useLatest } from './use-latest.ts';

export function usePaint(runsRef: RefObject<RunIndex | null>, input: PaintInput, onPainted: () => void) {
  const styleRef = useRef<HTMLStyleElement>(null);
  const inputRef = useLatest(input);
  const painted = useRef<{ runs: RunIndex | null; last: Painted | null }>({ runs: null, last: null });
  /** The looks the sheet holds a rule for, and the code colours it was written with. */
  const sheet = useRef<{ colors: string; looks: Set<string> }>({ colors: '', looks: new Set() });

  /** Paints the current runs with the current input, once per change of either. */
  const repaint = useCallback(() => {
    const runs = runsRef.current;
    const input = inputRef.current;
    if (!runs || (painted.current.runs === runs && painted.current.last?.input === input)) return;
    // A coding made or undone repaints the runs it touches, not the thousands around it.
    const last = paintRuns(runs, input, painted.current.last);
    painted.current = { runs, last };
    const style = styleRef.current;
    if (style) {
      const colors = colorsKey(input.codes);
      const written = sheet.current;
      if (colors === written.colors && style.sheet) {
        // A new combination adds its rule: rewriting the sheet would restyle every coded run of a
        // long transcript (tens of ms) for the one passage just coded.
        for (const [look, codeIds] of last.looks) {
          if (written.looks.has(look)) continue;
          style.sheet.insertRule(lookRule(look, codeIds, input.codes), style.sheet.cssRules.length);
          written.looks.add(look);
        }
      } else {
        style.textContent = lookStyles(last.looks, input.codes);
        sheet.current = { colors, looks: new Set(last.looks.keys()) };
      }
    }
    onPainted();
  }, [runsRef, inputRef, onPainted]);

  return { styleRef, repaint, inputRef };
}
