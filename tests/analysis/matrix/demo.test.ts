import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMatrix } from '../../../service/analysis.ts';
import { createDemoProject } from '../../../service/demo.ts';
import { closeProject, openProject } from '../../../service/project.ts';
import { tempDir } from '../../helpers/project.ts';

describe('the triangulation matrix of the demo project', () => {
  it('shows the legal frame in every kind of evidence, and the users’ participation silent in documents', async () => {
    const path = join(tempDir(), 'demo.tresse');
    await createDemoProject(path);
    const ctx = openProject(path);
    try {
      const m = computeMatrix(ctx.db, { type: 'triangulation', rows: 'codes' });
      const byAbbrev = (a: string) => m.rows.find((r) => r.abbrev === a)!;
      // Secrecy (CL1) is spoken of in interviews, observed in meetings and written in the charter:
      // the material on which interviews and documents can be set against each other.
      for (const a of ['CL', 'CL1']) {
        expect(byAbbrev(a).silent).toEqual([]);
        expect(byAbbrev(a).cells.every((c) => c.count > 0 && c.excerptIds.length === c.codings)).toBe(true);
      }
      // And the columns lean apart: the documents speak of secrecy favourably only, the meetings observed mostly not.
      const leaning = computeMatrix(ctx.db, { type: 'triangulation', rows: 'codes', valences: true });
      const cl1 = leaning.rows.find((r) => r.abbrev === 'CL1')!;
      const at = (label: string) => cl1.cells[leaning.columns.findIndex((c) => c.label === label)]!;
      expect(at('Documents').positive).toBeGreaterThan(0);
      expect(at('Documents').negative).toBe(0);
      expect(at('Observations').negative).toBeGreaterThan(at('Observations').positive!);
      expect(at('Entretiens').negative).toBeGreaterThan(0);
      const cl4 = byAbbrev('CL4');
      expect(cl4.label).toMatch(/participation des usagers/);
      expect(cl4.silent).toEqual(['kind:Documents']);
      expect(cl4.cells[m.columns.findIndex((c) => c.label === 'Entretiens')]!.count).toBeGreaterThan(0);
    } finally {
      closeProject(ctx);
    }
  });
});
