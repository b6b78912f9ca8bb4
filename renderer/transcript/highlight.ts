// The passage opened from a search hit or an excerpt, marked exactly: a DOM Range registered with
// the CSS Custom Highlight API and styled by ::highlight(tr-flash) in transcript.css. Neither the
// editor state nor the runs change, so a hit inside a long paragraph marks the hit, not the
// paragraph.
import type { Runs } from './selection.ts';

export const FLASH_HIGHLIGHT = 'tr-flash';

/** Marks `range`; returns the function that takes the mark off, or null without the API. */
export function markRange(range: Range, name = FLASH_HIGHLIGHT): (() => void) | null {
  const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
  if (!registry || typeof Highlight !== 'function') return null;
  const highlight = new Highlight(range);
  registry.set(name, highlight);
  return () => {
    if (registry.get(name) === highlight) registry.delete(name);
  };
}

/** Without the Custom Highlight API: the runs holding [from, to) flash instead (class tr-flash). */
export function flashRuns(runs: Runs, from: number, to: number): () => void {
  const flashed: HTMLElement[] = [];
  for (let i = runs.at(from); i >= 0 && i < runs.els.length && (runs.starts[i]! < to || flashed.length === 0); i++) {
    flashed.push(runs.els[i]!);
  }
  for (const el of flashed) el.classList.add('tr-flash');
  return () => flashed.forEach((el) => el.classList.remove('tr-flash'));
}
