// The margin numbers are the numbers quotations cite: for any passage, the number on the line where
// it starts is the § of its citation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeOf, sourceLayout } from '../../../analysis/quotes/place.ts';
import { layoutTranscript } from '../../../renderer/transcript/layout.ts';
import { blockNumbers } from '../../../renderer/transcript/numbers.ts';
import { blockAt } from '../../../renderer/transcript/stripes.ts';
import { codePointLength, OffsetIndex } from '../../../text/offsets.ts';
import { cp, STRUCTURE, TEXT } from './fixtures.ts';

function numbersOf(text: string, structure = STRUCTURE) {
  const index = new OffsetIndex(text);
  const blocks = layoutTranscript(text, structure, [], index);
  const starts = blocks.map((b) => b.start);
  return { blocks, starts, numbers: blockNumbers(text, starts, index) };
}

describe('the margin numbers', () => {
  it('number every non-empty line, headings and turns alike, and skip empty lines', () => {
    const { numbers } = numbersOf(TEXT);
    // Heading, three lines of two turns, an empty line, the last turn.
    expect(numbers).toEqual([1, 2, 3, 4, null, 5]);
  });

  it('give each passage of the interview the § its quotation cites', () => {
    const { starts, numbers } = numbersOf(TEXT);
    const layout = sourceLayout(TEXT, STRUCTURE);
    for (const needle of ['Comment se passent', 'secret 🔒', 'le voisinage', 'avec les bailleurs']) {
      const start = cp(needle);
      expect(numbers[blockAt(starts, start)]).toBe(placeOf(layout, start, start + 5).paragraph);
    }
  });

  it('agree with the citation for any passage of any text', () => {
    const line = fc.stringMatching(/^[a-zé 😀.:]{0,12}$/u);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.nat(), fc.nat(), (lines, a, b) => {
        const text = lines.join('\n');
        const length = codePointLength(text);
        if (length === 0) return;
        const start = a % length;
        const end = start + 1 + (b % (length - start));
        const { starts, numbers } = numbersOf(text, []);
        // A passage is cited from its first character that is not a space or a line feed.
        const chars = Array.from(text);
        // Only passages with something to quote (a coding never holds blanks alone).
        if (chars.slice(start, end).every((c) => /\s/u.test(c))) return;
        let first = start;
        while (first < end - 1 && /\s/u.test(chars[first]!)) first++;
        const shown = numbers[blockAt(starts, first)];
        expect(shown).toBe(placeOf(sourceLayout(text, []), start, end).paragraph);
      }),
      { numRuns: 300 },
    );
  });
});
