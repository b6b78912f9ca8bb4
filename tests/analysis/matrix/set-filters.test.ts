// A set of sources and a set of codes as filters of retrieval and of the matrices, on the fixture
// whose codings are listed by hand in fixture.ts.
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../../analysis/matrix/types.ts';
import { computeMatrix } from '../../../service/analysis.ts';
import { resolveCode } from '../../../service/codebook.ts';
import { retrieveExcerpts } from '../../../service/codings.ts';
import { createSet } from '../../../service/sets.ts';
import { errorOf } from '../../helpers/errors.ts';
import { buildFixture, D1_NAME } from './fixture.ts';

function fixtureWithSets() {
  const f = buildFixture();
  const code = (abbrev: string) => resolveCode(f.ctx.db, abbrev).id;
  // E1 (interview, P1) and D1 (document): a "site" cutting across kinds of source.
  const site = createSet(f.ctx, { kind: 'sources', name: 'Site A', sourceIds: [f.ids.E1!, f.ids.D1!] });
  const question = createSet(f.ctx, { kind: 'codes', name: 'Question 2', codeIds: [code('CL4'), code('SC1')] });
  return { ...f, site, question, code };
}

const cellOf = (m: Matrix, row: string, col: string) => {
  const r = m.rows.find((x) => (x.abbrev ?? x.label) === row)!;
  return r.cells[m.columns.findIndex((c) => c.label === col)]!;
};

describe('sets as filters', () => {
  it('narrow the excerpts retrieved to the sources of a source set and the codes of a code set', () => {
    const { ctx, site, question, codings } = fixtureWithSets();
    const ids = (filter: Parameters<typeof retrieveExcerpts>[1]) => retrieveExcerpts(ctx.db, filter).map((x) => codings.indexOf(x.id) + 1);
    // Site A holds E1 and D1: #1 #2 #8 #11 in E1, #6 #12 in D1.
    expect(ids({ sourceSetId: site.id }).sort((a, b) => a - b)).toEqual([1, 2, 6, 8, 11, 12]);
    // Question 2 holds CL4 (#8 #9 #10) and SC1 (#11); not SC1's parent nor CL1.
    expect(ids({ codeSetId: question.id }).sort((a, b) => a - b)).toEqual([8, 9, 10, 11]);
    expect(ids({ sourceSetId: site.id, codeSetId: question.id }).sort((a, b) => a - b)).toEqual([8, 11]);
  });

  it('narrow a matrix to the sources of a source set and the codings of a code set, and say so in its notes', () => {
    const { ctx, site, question } = fixtureWithSets();
    const bySource = computeMatrix(ctx.db, { type: 'code-source', rows: 'codes', filter: { sourceSetId: site.id } });
    expect(bySource.columns.map((c) => c.label)).toEqual([D1_NAME, 'Entretien P1']);
    expect(cellOf(bySource, 'CL1', 'Entretien P1')).toMatchObject({ count: 1, codings: 2 });
    expect(bySource.notes.some((n) => n.includes('ensemble de sources = Site A'))).toBe(true);

    // Triangulation by kind: CL4 is coded in E1 (#8), E2 (#9) and O1 (#10); with the code set only
    // CL4 and SC1 count, so CL1 shows nothing anywhere.
    const tri = computeMatrix(ctx.db, { type: 'triangulation', rows: 'codes', filter: { codeSetId: question.id } }, 'en');
    expect(tri.rows.find((r) => r.abbrev === 'CL1')!.cells.every((c) => c.count === 0)).toBe(true);
    expect(tri.rows.find((r) => r.abbrev === 'CL4')!.cells.reduce((n, c) => n + (c.codings ?? 0), 0)).toBe(3);
    expect(tri.notes.some((n) => n.includes('set of codes = Question 2'))).toBe(true);

    const both = computeMatrix(ctx.db, { type: 'code-source', rows: 'codes', filter: { sourceSetId: site.id, codeSetId: question.id } });
    expect(cellOf(both, 'CL4', 'Entretien P1').count).toBe(1);
    expect(cellOf(both, 'CL1', 'Entretien P1').count).toBe(0);
  });

  it('give the triangulation one column per chosen set of sources, a source in two sets counting in both', () => {
    const { ctx, ids, site, question } = fixtureWithSets();
    // Site B holds E2 and D1: D1 is in both sites.
    const other = createSet(ctx, { kind: 'sources', name: 'Site B', sourceIds: [ids.E2!, ids.D1!] });
    const m = computeMatrix(ctx.db, { type: 'triangulation', rows: 'codes', columns: { by: 'sets', setIds: [other.id, site.id] } });
    expect(m.columns.map((c) => c.label)).toEqual(['Site B', 'Site A']);
    expect(m.dimension).toBe(`sets:${other.id},${site.id}`);
    // CL1: Site B holds #3 (E2) and #6 (D1); Site A holds the passage of #1 and #2 (E1) and #6 (D1).
    expect(cellOf(m, 'CL1', 'Site B')).toMatchObject({ count: 2, codings: 2 });
    expect(cellOf(m, 'CL1', 'Site A')).toMatchObject({ count: 2, codings: 3 });
    // CL4: #9 in E2, #8 in E1; SC2: #12 in D1, in both columns.
    expect(cellOf(m, 'CL4', 'Site B').count).toBe(1);
    expect(cellOf(m, 'SC2', 'Site B').count).toBe(1);
    expect(cellOf(m, 'SC2', 'Site A').count).toBe(1);
    expect(m.notes).toContain('Une source de plusieurs ensembles : ses extraits comptent dans la colonne de chacun.');
    expect(errorOf(() => computeMatrix(ctx.db, { type: 'triangulation', columns: { by: 'sets', setIds: [question.id] } })).code).toBe('set.wrongKind');
  });

  it('refuses a set of the wrong kind or one that does not exist', () => {
    const { ctx, site, question } = fixtureWithSets();
    expect(errorOf(() => retrieveExcerpts(ctx.db, { codeSetId: site.id })).format('fr')).toBe('L’ensemble « Site A » regroupe des sources, pas des codes.');
    expect(errorOf(() => computeMatrix(ctx.db, { type: 'code-source', filter: { sourceSetId: question.id } })).code).toBe('set.wrongKind');
    expect(errorOf(() => computeMatrix(ctx.db, { type: 'triangulation', filter: { codeSetId: 999 } })).code).toBe('set.notFound');
  });
});
