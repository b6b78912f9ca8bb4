import { describe, expect, it } from 'vitest';
import { benchProject } from '../../../bench/matrix.ts';
import { computeMatrix } from '../../../service/analysis.ts';
import { closeProject } from '../../../service/project.ts';
import { tempDir } from '../../helpers/project.ts';

describe('the triangulation matrix on a generated project', () => {
  it('agrees with a hand-written GROUP BY, with or without excerpt ids', () => {
    const ctx = benchProject(tempDir(), { sources: 40, codings: 3000 });
    try {
      const m = computeMatrix(ctx.db, { type: 'triangulation', rows: 'codes' });
      const counts = computeMatrix(ctx.db, { type: 'triangulation', rows: 'codes', excerptIds: false });
      const column = (kind: string) => (kind === 'interview' ? 'Entretiens' : kind === 'observation' || kind === 'notebook' ? 'Observations' : 'Documents');
      const hand = ctx.db
        .prepare('SELECT k.code_id AS code, s.kind, count(*) AS n FROM codings k JOIN sources s ON s.id = k.source_id GROUP BY 1, 2')
        .all() as { code: number; kind: string; n: number }[];
      const expected = new Map<string, number>();
      for (const h of hand) expected.set(`${h.code}/${column(h.kind)}`, (expected.get(`${h.code}/${column(h.kind)}`) ?? 0) + h.n);
      // Sub-codes hold only their own codings: their cells are the GROUP BY's.
      for (const row of m.rows.filter((r) => r.depth === 1)) {
        m.columns.forEach((c, i) => {
          // The codings are the GROUP BY's; the distinct passages, never more (two coders may code one passage).
          expect(row.cells[i]!.codings).toBe(expected.get(`${row.codeId}/${c.label}`) ?? 0);
          expect(row.cells[i]!.excerptIds).toHaveLength(row.cells[i]!.codings!);
          expect(row.cells[i]!.count).toBeLessThanOrEqual(row.cells[i]!.codings!);
        });
      }
      // Every coding is in one theme and one column.
      const total = m.rows.filter((r) => r.depth === 0).reduce((n, r) => n + r.cells.reduce((k, c) => k + c.codings!, 0), 0);
      expect(total).toBe(3000);
      expect(counts.rows.map((r) => r.cells.map((c) => c.count))).toEqual(m.rows.map((r) => r.cells.map((c) => c.count)));
      expect(counts.rows.every((r) => r.cells.every((c) => c.excerptIds.length === 0))).toBe(true);
    } finally {
      closeProject(ctx);
    }
  });
});
