import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffTexts } from '../../../text/diff.ts';
import { applyReplacements, PositionMap, type Replacement } from '../../../text/remap.ts';

// Texts made of distinct words, so that "the same words" is well defined; codings cover whole words.
const VOCAB = ['secret', 'partagé', 'cellule', 'bailleur', 'été', 'logement', 'soins', 'refus', 'confiance', 'CMP', 'délai', 'réunion'];
const word = (i: number) => `${VOCAB[i % VOCAB.length]}${i}${i % 7 === 0 ? '😀' : ''}`;

type Op = { kind: 'replace' | 'delete' | 'insert' | 'typo'; at: number; seed: number };

const scenario = fc.record({
  n: fc.integer({ min: 3, max: 60 }),
  seps: fc.array(fc.constantFrom(' ', ' ', ', ', '.\n', ' — '), { minLength: 60, maxLength: 60 }),
  codings: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 })), { maxLength: 6 }),
  ops: fc.array(fc.record({ kind: fc.constantFrom('replace', 'delete', 'insert', 'typo'), at: fc.nat(), seed: fc.nat({ max: 999 }) }), {
    maxLength: 8,
  }) as fc.Arbitrary<Op[]>,
});

function build(words: string[], seps: string[]): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  words.forEach((w, i) => {
    starts.push(Array.from(text).length);
    text += w + (i < words.length - 1 ? seps[i]! : '\n');
  });
  return { text, starts };
}

describe('diff and position mapping (property)', () => {
  it('rebuilds the new text exactly from the replacements, for any pair of texts', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '😀', '\n', '.'), maxLength: 120 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const reps = diffTexts(a, b);
        expect(applyReplacements(a, reps)).toBe(b);
        let prevEnd = -1;
        for (const r of reps) {
          expect(r.start).toBeGreaterThan(prevEnd - (r.start === r.end ? 1 : 0));
          expect(r.end).toBeLessThanOrEqual(Array.from(a).length);
          prevEnd = r.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps codings on their words when the edit leaves those words alone, and within bounds always', () => {
    fc.assert(
      fc.property(scenario, ({ n, seps, codings, ops }) => {
        const words = Array.from({ length: n }, (_, i) => word(i));
        const { text } = build(words, seps);
        const wordStarts = build(words, seps).starts;
        const ranges = codings.map(([w, len]) => {
          const first = w % n;
          const last = Math.min(n - 1, first + len);
          return { first, last, start: wordStarts[first]!, end: wordStarts[last]! + Array.from(words[last]!).length };
        });
        const protectedWords = new Set(ranges.flatMap((r) => Array.from({ length: r.last - r.first + 1 }, (_, i) => r.first + i)));
        // Edit words outside the codings (and occasionally inside, where only bounds are checked).
        const edited = words.map((w) => [w] as string[]);
        let fresh = 1000;
        for (const op of ops) {
          const i = op.at % n;
          const inside = protectedWords.has(i);
          if (inside && op.seed % 5 !== 0) continue;
          if (op.kind === 'replace') edited[i] = [`mot${fresh++}`];
          else if (op.kind === 'delete') edited[i] = [];
          else if (op.kind === 'insert') edited[i] = [...edited[i]!, `ajout${fresh++}`];
          else edited[i] = edited[i]!.map((x) => x.replace(/[aeé]/u, 'o'));
          if (inside) protectedWords.delete(i);
        }
        const newWords = edited.flat();
        const newText = newWords.map((w, i) => w + (i < newWords.length - 1 ? seps[i % seps.length]! : '\n')).join('');
        // Separators shift when words are deleted or inserted; rebuild the old text with the same rule.
        const oldText = words.map((w, i) => w + (i < words.length - 1 ? seps[i % seps.length]! : '\n')).join('');
        expect(oldText).toBe(text);
        const reps = diffTexts(oldText, newText);
        expect(applyReplacements(oldText, reps)).toBe(newText);
        const map = new PositionMap(reps);
        const oldCps = Array.from(oldText);
        const newCps = Array.from(newText);
        for (const r of ranges) {
          const after = map.mapRange(r.start, r.end);
          if (after) {
            expect(after.start).toBeGreaterThanOrEqual(0);
            expect(after.end).toBeLessThanOrEqual(newCps.length);
            expect(after.end).toBeGreaterThan(after.start);
          }
          const untouched = Array.from({ length: r.last - r.first + 1 }, (_, k) => r.first + k).every((w) => protectedWords.has(w));
          const sameNeighbours = untouched && edited.slice(r.first, r.last + 1).every((e, k) => e.length === 1 && e[0] === words[r.first + k]);
          if (sameNeighbours && r.first === r.last) {
            expect(after).not.toBeNull();
            expect(newCps.slice(after!.start, after!.end).join('')).toBe(oldCps.slice(r.start, r.end).join(''));
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('maps ranges that no replacement touches onto the same text', () => {
    const reps = fc.array(fc.tuple(fc.nat({ max: 100 }), fc.nat({ max: 4 }), fc.string({ maxLength: 4 })), { maxLength: 6 }).map((list) => {
      const sorted = [...list].sort((a, b) => a[0] - b[0]);
      const out: Replacement[] = [];
      let end = -1;
      for (const [s, len, text] of sorted) {
        if (s <= end) continue;
        out.push({ start: s, end: s + len, text });
        end = s + len;
      }
      return out;
    });
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 110, maxLength: 130 }), reps, fc.nat({ max: 105 }), fc.nat({ max: 8 }), (text, list, s, len) => {
        const cps = Array.from(text);
        const e = Math.min(s + len + 1, cps.length);
        const newText = applyReplacements(text, list);
        const map = new PositionMap(list);
        const after = map.mapRange(s, e);
        const touched = list.some((r) => r.start < e && r.end > s && !(r.start === r.end));
        const insertedInside = list.some((r) => r.start === r.end && r.start > s && r.start < e);
        const ncps = Array.from(newText);
        if (after) expect(after.end).toBeLessThanOrEqual(ncps.length);
        if (!touched && !insertedInside) {
          expect(ncps.slice(after!.start, after!.end).join('')).toBe(cps.slice(s, e).join(''));
        }
      }),
      { numRuns: 500 },
    );
  });
});
