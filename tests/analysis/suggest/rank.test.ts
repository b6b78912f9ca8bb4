import { describe, expect, it } from 'vitest';
import { countsFor } from '../../../analysis/suggest/passage-codes.ts';
import { rankCodes } from '../../../analysis/suggest/rank.ts';
import { TrainingSet, type Example } from '../../../analysis/suggest/training.ts';

const HOUSING = 1;
const CARE = 2;
const EXAMPLES: Example[] = [
  { id: 1, codeId: HOUSING, terms: ['bailleur', 'expuls', 'logement'] },
  { id: 2, codeId: HOUSING, terms: ['logement', 'insalubr'] },
  { id: 3, codeId: CARE, terms: ['psychiatr', 'trait'] },
  { id: 4, codeId: CARE, terms: ['trait', 'logement'] },
  { id: -2, codeId: CARE, terms: ['soin'] },
];

function trained(examples: readonly Example[] = EXAMPLES): TrainingSet {
  const set = new TrainingSet();
  for (const e of examples) set.add(e);
  return set;
}

describe('code ranking', () => {
  it('ranks first the code whose examples share the most weighted stems, and says which', () => {
    const set = trained();
    const ranked = rankCodes(set, ['logement', 'expuls', 'bailleur', 'inconnu']);
    // HOUSING shares all three known stems; CARE only "logement", the stem both codes use.
    expect(ranked.map((r) => r.codeId)).toEqual([HOUSING, CARE]);
    expect(ranked[0]!.terms.slice(0, 2).sort()).toEqual(['bailleur', 'expuls']);
    expect(ranked[0]!.terms).toContain('logement');
    expect(ranked[0]!.examples[0]).toBe(1);
    expect(ranked[0]!.codings).toBe(2);
    expect(ranked[1]!.terms).toEqual(['logement']);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
    expect(ranked[0]!.score).toBeLessThanOrEqual(1);
  });

  it('reads a definition as an example but never offers it as an excerpt', () => {
    const ranked = rankCodes(trained(), ['soin']);
    expect(ranked.map((r) => r.codeId)).toEqual([CARE]);
    expect(ranked[0]!.examples).toEqual([]);
  });

  it('suggests nothing for a passage of unknown words, and leaves out skipped codes', () => {
    const set = trained();
    expect(rankCodes(set, ['inconnu'])).toEqual([]);
    expect(rankCodes(set, ['logement'], { skip: new Set([HOUSING]) }).map((r) => r.codeId)).toEqual([CARE]);
    expect(rankCodes(set, ['logement'], { limit: 1 })).toHaveLength(1);
  });

  it('ranks the same after examples are added and removed one by one as after training afresh', () => {
    const set = trained();
    set.add({ id: 5, codeId: CARE, terms: ['bailleur', 'bailleur'] });
    set.remove(2);
    set.add({ id: 1, codeId: CARE, terms: ['expuls'] });
    const fresh = trained([
      EXAMPLES[2]!,
      EXAMPLES[3]!,
      EXAMPLES[4]!,
      { id: 5, codeId: CARE, terms: ['bailleur', 'bailleur'] },
      { id: 1, codeId: CARE, terms: ['expuls'] },
    ]);
    const query = ['logement', 'bailleur', 'expuls', 'trait'];
    const a = rankCodes(set, query);
    const b = rankCodes(fresh, query);
    expect(a.map((r) => [r.codeId, r.terms, r.examples, r.codings])).toEqual(b.map((r) => [r.codeId, r.terms, r.examples, r.codings]));
    a.forEach((r, i) => expect(r.score).toBeCloseTo(b[i]!.score, 12));
    expect([...set.codeIds()]).toEqual([CARE]);
  });
});

describe("a passage's codes", () => {
  it('counts a coding covering half the passage or lying at least half in it', () => {
    const passage = { start: 100, end: 200 };
    expect(countsFor({ start: 120, end: 130 }, passage)).toBe(true); // inside
    expect(countsFor({ start: 50, end: 150 }, passage)).toBe(true); // half of each
    expect(countsFor({ start: 0, end: 140 }, passage)).toBe(false); // 40: under half of the coding and of the passage
    expect(countsFor({ start: 40, end: 160 }, passage)).toBe(true); // 60 of the passage's 100
    expect(countsFor({ start: 190, end: 300 }, passage)).toBe(false);
    expect(countsFor({ start: 200, end: 210 }, passage)).toBe(false);
  });
});
