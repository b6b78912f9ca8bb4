import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PositionMap } from '../../../text/remap.ts';
import { NameMatcher } from '../../../text/name-match.ts';
import { applyReplacements } from '../../../text/remap.ts';
import { findRealNames } from '../../../service/real-name-scan.ts';

// Random French-looking text with the people of the table mentioned under their various forms;
// codings on random stretches. After pseudonymisation: no real name is left, and a coding keeps
// exactly its text when no name was inside or at its edges, and otherwise its text with the
// names replaced.

const PEOPLE = [
  { id: 1, realName: 'Marie-Claire Dupont', pseudonym: 'Louise Martin' },
  { id: 2, realName: 'Marie Durand', pseudonym: 'Anne Petit' },
  { id: 3, realName: 'Jean-Marie Lefèvre', pseudonym: 'Paul Moreau' },
  { id: 4, realName: 'Hélène N’Diaye', pseudonym: 'Sophie Roux' },
];
const MENTIONS = ['Marie-Claire Dupont', 'MARIE DURAND', 'Mme Dupont', 'M.-C. Dupont', 'Marie-Claire D.', 'Jean-Marie', 'Lefevre', 'helene n’diaye', 'Marie'];
const FILLER = ['le', 'secret', 'partagé', 'bailleur', 'Marielle', 'Jean', 'Dupontel', 'cellule', '😀', 'été', 'Claire', 'soins'];
const SEPS = [' ', ' ', ', ', '. ', '\n', ' — ', ' (', ') '];

const piece = fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...MENTIONS) }, { weight: 4, arbitrary: fc.constantFrom(...FILLER) });
const doc = fc.array(fc.tuple(piece, fc.constantFrom(...SEPS)), { minLength: 1, maxLength: 60 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

describe('pseudonymisation (property)', () => {
  const matcher = new NameMatcher(PEOPLE);

  it('leaves no real name and keeps codings on their words', () => {
    fc.assert(
      fc.property(doc, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 })), { maxLength: 8 }), (text, spans) => {
        const matches = matcher.find(text);
        const reps = matches.map((m) => ({ start: m.start, end: m.end, text: m.replacement }));
        const out = applyReplacements(text, reps);
        expect(
          findRealNames(
            out,
            PEOPLE.map((p) => p.realName),
          ),
        ).toEqual([]);
        const map = new PositionMap(reps);
        const cps = Array.from(text);
        const outCps = Array.from(out);
        for (const [at, len] of spans) {
          const start = at % cps.length;
          const end = Math.min(cps.length, start + len + 1);
          const after = map.mapRange(start, end);
          // A pseudonym is never empty: no coding disappears.
          expect(after).not.toBeNull();
          expect(after!.end).toBeLessThanOrEqual(outCps.length);
          const touching = matches.filter((m) => m.start < end && m.end > start);
          const got = outCps.slice(after!.start, after!.end).join('');
          if (touching.length === 0) {
            expect(got).toBe(cps.slice(start, end).join(''));
          } else {
            // Names inside the coding are replaced in its text; one cut by the coding's edge is taken whole.
            const from = Math.min(start, touching[0]!.start);
            const to = Math.max(end, touching[touching.length - 1]!.end);
            const local = touching.map((m) => ({ start: m.start - from, end: m.end - from, text: m.replacement }));
            expect(got).toBe(applyReplacements(cps.slice(from, to).join(''), local));
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
