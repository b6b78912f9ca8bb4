import { describe, expect, it } from 'vitest';
import { addQuestion, cellExcerpts, computeMatrix, listQuestions, removeQuestion, setQuestionCodes } from '../../../service/analysis.ts';
import { resolveCode } from '../../../service/codebook.ts';
import type { Matrix } from '../../../analysis/matrix/types.ts';
import { buildFixture } from './fixture.ts';

const cellOf = (m: Matrix, row: string, col: string) => {
  const r = m.rows.find((x) => (x.abbrev ?? x.label) === row)!;
  return r.cells[m.columns.findIndex((c) => c.label === col)]!;
};

describe('the other matrices', () => {
  it('crosses codes with sources', () => {
    const { ctx } = buildFixture();
    const m = computeMatrix(ctx.db, { type: 'code-source', rows: 'codes' });
    expect(m.columns).toHaveLength(6);
    // CL1 in E1: #1 #2, overlapping: one passage of two codings; in D1: #6.
    expect(cellOf(m, 'CL1', 'Entretien P1')).toMatchObject({ count: 1, codings: 2 });
    expect(cellOf(m, 'CL1', 'Charte <b>interne</b> & annexe').count).toBe(1);
    expect(cellOf(m, 'CL4', 'Charte <b>interne</b> & annexe').count).toBe(0);
  });

  it('crosses codes with a case attribute: excerpts and presence among the cases', () => {
    const { ctx } = buildFixture();
    const m = computeMatrix(ctx.db, {
      type: 'code-attribute',
      rows: 'themes',
      columns: { by: 'attribute', scope: 'case', name: 'secteur' },
    });
    expect(m.title).toBe('Codes × secteur');
    // CL in santé: E1 {#1 #2} #8 (case P1, the only santé case); social: E2 #3 and #9 overlap; unknown: #4 #5 #6 #7 #10.
    expect(cellOf(m, 'CL', 'santé')).toMatchObject({ count: 2, cases: 1 });
    expect(cellOf(m, 'CL', 'social')).toMatchObject({ count: 1, codings: 2, cases: 1 });
    expect(cellOf(m, 'CL', 'Non renseigné')).toMatchObject({ count: 5, cases: 1 });
    expect(m.columns.find((c) => c.label === 'santé')!.caseTotal).toBe(1);
    // SC: SC1 #11 in E1 (santé); SC2 #12 in D1 (unknown); nothing in social.
    expect(cellOf(m, 'SC', 'social').count).toBe(0);
    expect(() => computeMatrix(ctx.db, { type: 'code-attribute' })).toThrow(/--cols/);
  });

  it('counts co-occurrences by overlap and by speaker turn, within one coder', () => {
    const { ctx, codings } = buildFixture();
    const m = computeMatrix(ctx.db, { type: 'cooccurrence', rows: 'codes' });
    // Camille's #1 (CL1) and #11 (SC1) overlap and share the respondent's turn; #8 (CL4) shares that turn with both.
    // Léo's #2 overlaps #1 and #11 but is another coder's: not counted.
    expect(cellOf(m, 'CL1', 'SC1')).toMatchObject({ count: 1, overlaps: 1, sameTurn: 1 });
    expect(cellOf(m, 'CL1', 'CL4')).toMatchObject({ count: 1, overlaps: 0, sameTurn: 1 });
    expect(cellOf(m, 'SC1', 'CL4')).toMatchObject({ count: 1, overlaps: 0, sameTurn: 1 });
    expect(cellOf(m, 'SC1', 'CL1').count).toBe(1);
    expect(cellOf(m, 'CL1', 'CL1').count).toBe(0);
    expect(cellOf(m, 'CL1', 'SC1').excerptIds).toEqual([codings[0], codings[10]]);
    const total = m.rows.reduce((n, r) => n + r.cells.reduce((k, c) => k + c.count, 0), 0);
    expect(total).toBe(6); // three pairs, each in two symmetric cells
    // Themes: CL–SC holds (#1, #11) and (#8, #11); CL with itself holds (#1, #8).
    const themes = computeMatrix(ctx.db, { type: 'cooccurrence', rows: 'themes' });
    expect(cellOf(themes, 'CL', 'SC').count).toBe(2);
    expect(cellOf(themes, 'CL', 'CL').count).toBe(1);
    const cell = cellExcerpts(ctx.db, { type: 'cooccurrence', rows: 'codes' }, m.rows.find((r) => r.abbrev === 'CL1')!.key, 'SC1');
    expect(cell.excerpts.map((x) => x.codeName).sort()).toEqual(['Ce qui rend une situation complexe', "Secret professionnel et partage d'informations"]);
  });

  it('gives code frequencies, with the filters', () => {
    const { ctx, ids } = buildFixture();
    const m = computeMatrix(ctx.db, { type: 'frequencies', rows: 'codes' });
    // CL1: 7 codings over E1 E2 O1 N1 D1 S1, cases P1 P2 R1; #1 and #2 are one passage.
    expect(cellOf(m, 'CL1', 'Total')).toMatchObject({ count: 6, codings: 7, sources: 6, cases: 3 });
    // CL: 10 codings, of which #1 #2 and #3 #9 overlap.
    expect(cellOf(m, 'CL', 'Total')).toMatchObject({ count: 8, codings: 10 });
    expect(cellOf(m, 'SM', 'Total').count).toBe(0);
    const camille = computeMatrix(ctx.db, { type: 'frequencies', rows: 'themes', filter: { coderIds: [ids.camille!] } });
    // Camille: CL1 #1 #3 #4 #5 #6, CL4 #8 #10.
    expect(cellOf(camille, 'CL', 'Total').count).toBe(7);
  });

  it('has research questions as rows', () => {
    const { ctx } = buildFixture();
    const code = (r: string) => resolveCode(ctx.db, r).id;
    const q = addQuestion(ctx, { name: 'Quelle place pour les usagers ?', codeIds: [code('CL4'), code('SC')] });
    addQuestion(ctx, { name: 'Le secret', codeIds: [code('CL1')] });
    expect(() => addQuestion(ctx, { name: 'le secret', codeIds: [code('CL1')] })).toThrow(/existe déjà|already/);
    expect(() => addQuestion(ctx, { name: 'Vide', codeIds: [] })).toThrow();
    const m = computeMatrix(ctx.db, { type: 'triangulation', rows: 'questions' });
    expect(m.rows.map((r) => r.label)).toEqual(['Quelle place pour les usagers ?', 'Le secret']);
    // CL4 (#8 #9 #10) + SC with its sub-codes (#11 in E1, #12 in D1).
    expect(m.rows[0]!.cells.map((c) => c.count)).toEqual([1, 3, 1]);
    setQuestionCodes(ctx, q.id, [code('CL4')]);
    expect(computeMatrix(ctx.db, { type: 'triangulation', rows: 'questions' }).rows[0]!.cells.map((c) => c.count)).toEqual([0, 2, 1]);
    removeQuestion(ctx, q.id);
    expect(listQuestions(ctx.db).map((x) => x.name)).toEqual(['Le secret']);
  });
});
