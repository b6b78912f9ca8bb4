import { describe, expect, it } from 'vitest';
import { cellExcerpts, columnSpecFrom, computeMatrix, resetKindColumns, setCellSynthesis, setKindColumn, setRowVerdict } from '../../../service/analysis.ts';
import { defineAttribute, setAttributeValues } from '../../../service/attributes.ts';
import { deleteCase } from '../../../service/cases.ts';
import { deleteCode, resolveCode } from '../../../service/codebook.ts';
import type { Matrix } from '../../../analysis/matrix/types.ts';
import { buildFixture } from './fixture.ts';

/** "count/sources/cases" per column of one row, as written in the fixture's comments. */
function row(m: Matrix, abbrev: string): string[] {
  const r = m.rows.find((x) => x.abbrev === abbrev);
  if (!r) throw new Error(`no row ${abbrev}`);
  return r.cells.map((c) => `${c.count}/${c.sources}/${c.cases}`);
}

describe('the triangulation matrix', () => {
  it('counts distinct passages, sources and cases per evidence kind, and computes silence', () => {
    const { ctx, codings } = buildFixture();
    const m = computeMatrix(ctx.db, { type: 'triangulation', rows: 'codes' });
    expect(m.columns.map((c) => c.label)).toEqual(['Documents', 'Entretiens', 'Observations']);
    // CL1: Documents #6 (D1) + #7 (S1, a synthesis: Documents by default) → 2 passages, 2 sources, no case;
    // Entretiens #1 and Léo's #2 overlap in E1 (one passage) + #3 (E2) → 2, 2 sources, cases P1 P2;
    // Observations #4 (O1) + #5 (N1) → 2, 2 sources, case R1.
    expect(row(m, 'CL1')).toEqual(['2/2/0', '2/2/2', '2/2/1']);
    expect(m.rows.find((r) => r.abbrev === 'CL1')!.cells.map((c) => c.codings)).toEqual([2, 3, 2]);
    // CL4: nothing in documents; #8 (E1) #9 (E2); #10 (O1).
    expect(row(m, 'CL4')).toEqual(['0/0/0', '2/2/2', '1/1/1']);
    // The theme row holds its sub-codes: CL1 + CL4 → Documents 2; Entretiens: E1 {#1 #2} and #8, E2 #3 and #9
    // overlapping (one passage coded with both sub-codes) → 3 over E1 E2; Observations #4, #10 (O1), #5 (N1) → 3.
    expect(row(m, 'CL')).toEqual(['2/2/0', '3/2/2', '3/2/1']);
    // SC: SC2 #12 in D1, SC1 #11 in E1, nothing observed.
    expect(row(m, 'SC')).toEqual(['1/1/0', '1/1/1', '0/0/0']);
    const cl4 = m.rows.find((r) => r.abbrev === 'CL4')!;
    expect(cl4.silent).toEqual(['kind:Documents']);
    expect(m.rows.find((r) => r.abbrev === 'CL1')!.silent).toEqual([]);
    // The JSON carries the excerpt ids of each cell.
    expect([...m.rows.find((r) => r.abbrev === 'CL1')!.cells[1]!.excerptIds].sort((a, b) => a - b)).toEqual(
      [codings[0], codings[1], codings[2]].sort((a, b) => a! - b!),
    );
    expect(m.notes.join(' ')).toContain('synthèses d’événements');
  });

  it('counts the excerpts coded + and - when asked, to show where columns lean apart', () => {
    const { ctx } = buildFixture();
    const m = computeMatrix(ctx.db, { type: 'triangulation', valences: true });
    const cl1 = m.rows.find((r) => r.abbrev === 'CL1')!;
    // Documents: #7 (-); Entretiens: #1 (+), #3 (-); Observations: none coded with a valence.
    expect(cl1.cells.map((c) => [c.positive, c.negative])).toEqual([
      [0, 1],
      [1, 1],
      [0, 0],
    ]);
    expect(m.rows.find((r) => r.abbrev === 'CL')!.cells.map((c) => [c.positive, c.negative])).toEqual([
      [0, 1],
      [1, 1],
      [0, 0],
    ]);
    expect(computeMatrix(ctx.db, { type: 'triangulation' }).rows[0]!.cells[0]!.positive).toBeUndefined();
  });

  it('filters by coder, case attribute, coding date and the case’s interview date', () => {
    const { ctx, ids } = buildFixture();
    // Léo coded #2 (E1), #7 (S1), #9 (E2).
    const leo = computeMatrix(ctx.db, { type: 'triangulation', filter: { coderIds: [ids.leo!] } });
    expect(row(leo, 'CL1')).toEqual(['1/1/0', '1/1/1', '0/0/0']);
    expect(row(leo, 'CL4')).toEqual(['0/0/0', '1/1/1', '0/0/0']);
    expect(leo.rows.find((r) => r.abbrev === 'CL1')!.silent).toEqual(['kind:Observations']);
    // secteur = santé keeps the sources of P1 only: E1 (#1 #2 #8 #11).
    const sante = computeMatrix(ctx.db, { type: 'triangulation', filter: { caseAttributes: [{ name: 'secteur', values: ['Santé'] }] } });
    expect(row(sante, 'CL1')).toEqual(['0/0/0', '1/1/1', '0/0/0']);
    // Coded on or after 15 April: only #3 (1 May).
    const late = computeMatrix(ctx.db, { type: 'triangulation', filter: { from: '2026-04-15' } });
    expect(row(late, 'CL1')).toEqual(['0/0/0', '1/1/1', '0/0/0']);
    expect(row(late, 'CL4')).toEqual(['0/0/0', '0/0/0', '0/0/0']);
    // Interviewed from 1 April: P2 only, so E2 (#3 CL1, #9 CL4); undated sources drop out.
    const byInterview = computeMatrix(ctx.db, {
      type: 'triangulation',
      filter: { from: '2026-04-01', dateAttribute: "date d'entretien" },
    });
    expect(row(byInterview, 'CL1')).toEqual(['0/0/0', '1/1/1', '0/0/0']);
    expect(row(byInterview, 'CL4')).toEqual(['0/0/0', '1/1/1', '0/0/0']);
    // Kinds: interviews only.
    const onlyInterviews = computeMatrix(ctx.db, { type: 'triangulation', filter: { sourceKinds: ['interview'] } });
    expect(row(onlyInterviews, 'CL1')).toEqual(['0/0/0', '2/2/2', '0/0/0']);
  });

  it('uses a case attribute as columns, with a column for unknown values', () => {
    const { ctx } = buildFixture();
    const m = computeMatrix(ctx.db, { type: 'triangulation', columns: { by: 'attribute', scope: 'case', name: 'secteur' } });
    expect(m.columns.map((c) => c.label)).toEqual(['santé', 'social', 'Non renseigné']);
    // santé: E1 (#1 #2, one passage); social: E2 (#3); unknown: O1 (case R1 without secteur), N1, D1, S1 (#4 #5 #6 #7).
    expect(row(m, 'CL1')).toEqual(['1/1/1', '1/1/1', '4/4/1']);
    expect(m.dimension).toBe('case:secteur');
  });

  it('uses a source attribute as columns', () => {
    const { ctx, ids } = buildFixture();
    defineAttribute(ctx, { name: 'langue', type: 'text', scope: 'source' });
    setAttributeValues(ctx, { sourceId: ids.E1! }, 'langue', ['français', 'créole']);
    setAttributeValues(ctx, { sourceId: ids.E2! }, 'langue', ['français']);
    const m = computeMatrix(ctx.db, { type: 'triangulation', columns: columnSpecFrom(ctx.db, 'langue') });
    expect(m.columns.map((c) => c.label)).toEqual(['créole', 'français', 'Non renseigné']);
    // E1 counts under both its languages (#1 #2, one passage), E2 under français (#3); the rest is unknown.
    expect(row(m, 'CL1')).toEqual(['1/1/1', '2/2/2', '4/4/1']);
    expect(m.notes.join(' ')).toContain('plusieurs valeurs');
  });

  it('follows an edited kind -> column mapping', () => {
    const { ctx } = buildFixture();
    setKindColumn(ctx, 'synthesis', 'Synthèses');
    const m = computeMatrix(ctx.db, { type: 'triangulation' });
    expect(m.columns.map((c) => c.label)).toEqual(['Documents', 'Entretiens', 'Observations', 'Synthèses']);
    // #7 moves from Documents to its own column.
    expect(row(m, 'CL1')).toEqual(['1/1/0', '2/2/2', '2/2/1', '1/1/0']);
    expect(m.notes.join(' ')).toContain('« Synthèses »');
    resetKindColumns(ctx);
    expect(row(computeMatrix(ctx.db, { type: 'triangulation' }), 'CL1')).toEqual(['2/2/0', '2/2/2', '2/2/1']);
  });

  it('keeps syntheses and verdicts in the project, and they go with their code', () => {
    const { ctx } = buildFixture();
    setCellSynthesis(ctx, {}, 'CL1', 'entretiens', 'Le secret partagé est vécu comme protecteur.');
    const set = setRowVerdict(ctx, {}, 'CL1', 'dissonance', 'Les entretiens et l’atelier divergent.');
    expect(set.verdict).toMatchObject({ verdict: 'dissonance', author: 'Camille' });
    const m = computeMatrix(ctx.db, { type: 'triangulation' });
    const cl1 = m.rows.find((r) => r.abbrev === 'CL1')!;
    expect(cl1.cells[1]!.synthesis).toBe('Le secret partagé est vécu comme protecteur.');
    expect(cl1.cells[0]!.synthesis).toBeUndefined();
    expect(cl1.verdict).toMatchObject({ verdict: 'dissonance', note: 'Les entretiens et l’atelier divergent.' });
    // A verdict across evidence kinds is not a verdict across sectors.
    const bySector = computeMatrix(ctx.db, { type: 'triangulation', columns: { by: 'attribute', scope: 'case', name: 'secteur' } });
    expect(bySector.rows.find((r) => r.abbrev === 'CL1')!.verdict).toBeNull();
    // The UI names rows by their key.
    setCellSynthesis(ctx, {}, cl1.key, 'kind:Observations', 'Malaise observé en cellule.');
    expect(computeMatrix(ctx.db, { type: 'triangulation' }).rows.find((r) => r.abbrev === 'CL1')!.cells[2]!.synthesis).toBe('Malaise observé en cellule.');
    setCellSynthesis(ctx, {}, cl1.key, 'kind:Observations', '');
    setRowVerdict(ctx, {}, 'CL1', null);
    setCellSynthesis(ctx, {}, 'CL1', 'Entretiens', '');
    const cleared = computeMatrix(ctx.db, { type: 'triangulation' }).rows.find((r) => r.abbrev === 'CL1')!;
    expect(cleared.verdict).toBeNull();
    expect(cleared.cells[1]!.synthesis).toBeUndefined();
    setCellSynthesis(ctx, {}, 'CL4', 'Observations', 'Absence des usagers notée.');
    deleteCode(ctx, resolveCode(ctx.db, 'CL4').id, true);
    expect((ctx.db.prepare('SELECT count(*) AS n FROM matrix_syntheses').get() as { n: number }).n).toBe(0);
  });

  it('refuses an unknown column or verdict', () => {
    const { ctx } = buildFixture();
    expect(() => setCellSynthesis(ctx, {}, 'CL1', 'Presse', 'x')).toThrow(/Presse/);
    expect(() => setRowVerdict(ctx, {}, 'CL1', 'accord' as never)).toThrow(/accord/);
  });

  it('gives the excerpts of a cell with source, case, position and text', () => {
    const { ctx } = buildFixture();
    const m = computeMatrix(ctx.db, { type: 'triangulation' });
    const cl1 = m.rows.find((r) => r.abbrev === 'CL1')!;
    const cell = cellExcerpts(ctx.db, { type: 'triangulation' }, cl1.key, 'Entretiens');
    expect(cell.total).toBe(3);
    expect(cell.excerpts.map((x) => [x.sourceName, x.caseNames, x.coderName, x.text])).toEqual([
      ['Entretien P1', ['P1'], 'Camille', 'Le secret partagé protège la personne.'],
      ['Entretien P1', ['P1'], 'Léo', 'Le secret partagé protège'],
      ['Entretien P2', ['P2'], 'Camille', 'Le partage d’informations reste flou'],
    ]);
    expect(cell.excerpts[0]!.start).toBeLessThan(cell.excerpts[0]!.end);
    const page = cellExcerpts(ctx.db, { type: 'triangulation' }, cl1.key, 'kind:Entretiens', { offset: 1, limit: 1 });
    expect(page.excerpts.map((x) => x.coderName)).toEqual(['Léo']);
  });
});

describe('the per-participant grid', () => {
  it('shows the case’s own interview against the corpus’ meetings and documents', () => {
    const { ctx, ids } = buildFixture();
    const m = computeMatrix(ctx.db, { type: 'participant', caseId: ids.P1! });
    expect(m.title).toContain('P1');
    expect(m.columns.map((c) => c.label)).toEqual(['Entretiens', 'Documents', 'Observations']);
    expect(m.columns[0]!.caseOnly).toBe(true);
    // P1's interview E1: CL1 #1 #2 (one passage), CL4 #8; the other columns as in the full matrix.
    expect(row(m, 'CL1')).toEqual(['1/1/1', '2/2/0', '2/2/1']);
    expect(row(m, 'CL4')).toEqual(['1/1/1', '0/0/0', '1/1/1']);
    setCellSynthesis(ctx, { caseId: ids.P1! }, 'CL1', 'Entretiens', 'P1 voit le secret comme une protection.');
    expect(computeMatrix(ctx.db, { type: 'participant', caseId: ids.P1! }).rows.find((r) => r.abbrev === 'CL1')!.cells[0]!.synthesis).toBe(
      'P1 voit le secret comme une protection.',
    );
    // The triangulation matrix keeps its own syntheses.
    expect(computeMatrix(ctx.db, { type: 'triangulation' }).rows.find((r) => r.abbrev === 'CL1')!.cells[1]!.synthesis).toBeUndefined();
    // The grid's annotations go with its case.
    setRowVerdict(ctx, { caseId: ids.P1! }, 'CL4', 'complementarity', 'P1 seul en parle.');
    deleteCase(ctx, ids.P1!);
    const left = ctx.db.prepare('SELECT (SELECT count(*) FROM matrix_syntheses) + (SELECT count(*) FROM row_verdicts) AS n').get() as { n: number };
    expect(left.n).toBe(0);
  });
});
