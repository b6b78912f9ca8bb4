import { describe, expect, it } from 'vitest';
import { evaluateProjectSuggestions } from '../../service/suggest-evaluation.ts';
import { suggestProject } from '../helpers/suggest-project.ts';

describe('suggestion evaluation, leave one source out', () => {
  it('reproduces the figures worked out by hand on a fixed project', () => {
    const { ctx } = suggestProject();
    // Each paragraph is coded whole with one code, so each is a coded passage with that one code:
    // 9 passages. A code is suggested only when it shares a stem with the passage.
    //
    // Held out S1 (learnt from S2, S3; codings A 1, B 2, C 3: baseline C, B, A):
    //   "bailleur menace expulsion" (A): A (bailleur, expuls), then C (bailleur, in S3's last line) → hit@1, 1 in top 3
    //   "psychiatre prescrit traitement" (B): B only → hit@1, 1
    //   "réunion annuelle conseil" (A): no stem known → nothing, 0
    //   baseline: C first each time → 0 hits@1; A, B, C all in its top 3 → 1 + 1 + 1
    // Held out S2 (from S1, S3; A 2, B 2, C 3: baseline C, A, B by count then id):
    //   "expulsion demandée bailleur" (A): A, then C → hit@1, 1;  "traitement arrêté psychiatre" (B): B → hit@1, 1
    //   baseline: 0 hits@1; 1 + 1 in top 3
    // Held out S3 (from S1, S2; A 3, B 2, no C: baseline A, B):
    //   "juge convoque famille" (C), "juge tranche famille" (C): no stem known → 0, 0
    //   "traitement psychiatre continue" (B): B → hit@1, 1;  "bailleur attend" (C): A → 0, 0
    //   baseline: 0 hits@1 (A first); top 3 holds B for the B line only → 1
    // Model: P@1 = (2 + 2 + 1) / 9 = 5/9; P@3 = (2 + 2 + 1) / (3 × 9) = 5/27.
    // Baseline: P@1 = 0/9; P@3 = (3 + 2 + 1) / 27 = 6/27.
    const e = evaluateProjectSuggestions(ctx.db);
    expect(e.sources).toBe(3);
    expect(e.passages).toBe(9);
    expect(e.model.at1).toBeCloseTo(5 / 9, 12);
    expect(e.model.at3).toBeCloseTo(5 / 27, 12);
    expect(e.baseline.at1).toBe(0);
    expect(e.baseline.at3).toBeCloseTo(6 / 27, 12);
  });
});
