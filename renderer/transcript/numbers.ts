// The paragraph numbers in the transcript's margin: the very numbers a quotation cites (§ n, from
// analysis/quotes/place.ts), on the line where each paragraph starts. They are written as a data
// attribute and drawn by CSS (::after in transcript.css), so they are no text: not selectable, not
// copied, and they shift no coding or selection position.
import { paragraphStarts } from '../../analysis/quotes/place.ts';
import type { OffsetIndex } from '../../text/offsets.ts';

/** The § number of each block (one block per line, ascending), or null for an empty line. */
export function blockNumbers(text: string, blockStarts: readonly number[], index: OffsetIndex): Array<number | null> {
  const starts = paragraphStarts(text);
  const numbers: Array<number | null> = [];
  let p = 0;
  for (const start of blockStarts) {
    const u16 = index.toUtf16(start);
    while (p < starts.length && starts[p]! < u16) p++;
    numbers.push(p < starts.length && starts[p] === u16 ? p + 1 : null);
  }
  return numbers;
}

/** Writes each line's number on its element (only where it changed). */
export function numberLines(lines: readonly HTMLElement[], numbers: ReadonlyArray<number | null>): void {
  const n = Math.min(lines.length, numbers.length);
  for (let i = 0; i < n; i++) {
    const el = lines[i]!;
    const want = numbers[i] === null ? null : String(numbers[i]);
    if (el.getAttribute('data-para') === want) continue;
    if (want === null) el.removeAttribute('data-para');
    else el.setAttribute('data-para', want);
  }
}
