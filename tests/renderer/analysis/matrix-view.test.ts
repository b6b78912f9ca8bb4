// What the analysis views decide without the project: the filter sent, the columns chosen, which
// rows a folded codebook shows, and what a cell says on screen and to a screen reader.
import { describe, expect, it } from 'vitest';
import type { MatrixCell, MatrixColumn } from '../../../analysis/matrix/types.ts';
import { translator } from '../../../i18n/catalogue.ts';
import { cellFace, columnSpecOf, filterOf, NO_FILTER, parentKeys, visibleRows } from '../../../renderer/panels/analysis/matrix-view.ts';

const fr = translator('fr');
const cell = (over: Partial<MatrixCell> = {}): MatrixCell => ({ count: 0, sources: 0, cases: 0, excerptIds: [], ...over });
const column: MatrixColumn = { key: 'kind:Documents', label: 'Documents' };

// A codebook as the matrix lists it, depth first: two themes, the first with sub-codes, one of them with its own.
const rows = [
  { key: 'SM', depth: 0 },
  { key: 'SM1', depth: 1 },
  { key: 'SM1a', depth: 2 },
  { key: 'SM2', depth: 1 },
  { key: 'CL', depth: 0 },
];
const keys = (open: string[]) => visibleRows(rows, new Set(open)).map((r) => r.key);

describe('the filter of the matrices', () => {
  it('sends nothing when nothing is chosen', () => {
    expect(filterOf(NO_FILTER)).toEqual({});
  });

  it('sends the coder, the kinds, the sets, the case attribute values split on ";" and the date range', () => {
    const f = filterOf({
      coderId: 2,
      agreement: false,
      attribute: 'secteur',
      attributeValue: ' social ; psychiatrie;',
      kinds: ['interview'],
      sourceSetId: 4,
      codeSetId: 7,
      from: '2026-03-01',
      to: '2026-03-31',
      dateAttribute: '',
    });
    expect(f).toEqual({
      coderIds: [2],
      sourceKinds: ['interview'],
      sourceSetId: 4,
      codeSetId: 7,
      caseAttributes: [{ name: 'secteur', values: ['social', 'psychiatrie'] }],
      from: '2026-03-01',
      to: '2026-03-31',
    });
  });

  it('leaves out an attribute without a value, and a date attribute without dates', () => {
    expect(filterOf({ ...NO_FILTER, attribute: 'secteur', attributeValue: ' ; ', dateAttribute: "date d'entretien" })).toEqual({});
    expect(filterOf({ ...NO_FILTER, from: '2026-03-15', dateAttribute: "date d'entretien" })).toEqual({
      from: '2026-03-15',
      dateAttribute: "date d'entretien",
    });
  });
});

describe('the column choice', () => {
  it('reads kinds of evidence, a case attribute or a source attribute (names may hold a colon)', () => {
    expect(columnSpecOf('kind')).toEqual({ by: 'kind' });
    expect(columnSpecOf('case:secteur')).toEqual({ by: 'attribute', scope: 'case', name: 'secteur' });
    expect(columnSpecOf('source:lieu : précis')).toEqual({ by: 'attribute', scope: 'source', name: 'lieu : précis' });
  });
});

describe('folding the codebook rows', () => {
  it('shows only the themes while nothing is open', () => {
    expect(keys([])).toEqual(['SM', 'CL']);
  });

  it('opens a theme onto its sub-codes, not onto theirs', () => {
    expect(keys(['SM'])).toEqual(['SM', 'SM1', 'SM2', 'CL']);
    expect(keys(['SM', 'SM1'])).toEqual(['SM', 'SM1', 'SM1a', 'SM2', 'CL']);
  });

  it('keeps a sub-code hidden under a closed theme even when the sub-code itself is open', () => {
    expect(keys(['SM1'])).toEqual(['SM', 'CL']);
  });

  it('knows which rows can open: those followed by a deeper row', () => {
    expect(parentKeys(rows)).toEqual(['SM', 'SM1']);
    expect(keys(parentKeys(rows))).toEqual(rows.map((r) => r.key));
  });
});

describe('whose codings the matrices count', () => {
  it('asks for the agreement of all coders, and a chosen coder wins over it', () => {
    expect(filterOf({ ...NO_FILTER, agreement: true })).toEqual({ agreement: true });
    expect(filterOf({ ...NO_FILTER, agreement: true, coderId: 3 })).toEqual({ coderIds: [3] });
  });
});

describe('what a cell says', () => {
  it('marks a cell without evidence as silence, in words for a screen reader', () => {
    const face = cellFace({ kind: 'evidence', silence: true }, cell(), column, false, fr);
    expect(face).toMatchObject({ main: '∅', silent: true, spoken: 'silence : aucun extrait' });
  });

  it('tells a column without material from silence, on screen and when hovered', () => {
    const none = cellFace({ kind: 'evidence', silence: true }, cell({ state: 'no-material' }), column, false, fr);
    expect(none).toMatchObject({ main: '—', meta: 'aucun matériau', silent: false, noMaterial: true });
    expect(none.tooltip).toMatch(/^Aucun matériau de ce type.*pas un silence$/);
    const silent = cellFace({ kind: 'evidence', silence: true }, cell({ state: 'silence' }), column, false, fr, 'accord de Camille, Léo');
    expect(silent).toMatchObject({ main: '∅', silent: true, noMaterial: false });
    expect(silent.tooltip).toBe('Silence : la sélection contient du matériau de ce type, mais le thème n’y est pas codé (accord de Camille, Léo)');
    const some = cellFace(
      { kind: 'evidence', silence: true },
      cell({ count: 2, codings: 3, sources: 1, state: 'evidence' }),
      column,
      false,
      fr,
      'union de Camille, Léo',
    );
    expect(some.tooltip).toBe('2 passage(s) distinct(s) (3 codage(s)) dans 1 source(s) (union de Camille, Léo)');
  });

  it('shows zero rather than silence where silence means nothing (frequencies)', () => {
    expect(cellFace({ kind: 'evidence', silence: false }, cell(), column, false, fr)).toMatchObject({ main: '0', silent: false });
  });

  it('gives excerpts, sources and cases, and the valences when any passage carries one', () => {
    const plain = cellFace({ kind: 'evidence', silence: true }, cell({ count: 7, sources: 3, cases: 2 }), column, false, fr);
    expect(plain).toMatchObject({ main: '7', meta: '3 src · 2 cas', valence: '', spoken: '7 passage(s) distinct(s), 3 source(s), 2 cas' });
    const leaning = cellFace({ kind: 'evidence', silence: true }, cell({ count: 7, sources: 3, cases: 2, positive: 1, negative: 4 }), column, false, fr);
    expect(leaning.valence).toBe('valence +1 −4');
    expect(leaning.spoken).toBe('7 passage(s) distinct(s), 3 source(s), 2 cas, 1 codé(s) +, 4 codé(s) −');
  });

  it('gives presence as cases concerned out of the cases holding the value', () => {
    const face = cellFace({ kind: 'presence' }, cell({ count: 9, cases: 3 }), { ...column, caseTotal: 4 }, false, fr);
    expect(face).toMatchObject({ main: '3/4', meta: '75 %', spoken: 'présent chez 3 cas sur 4' });
  });

  it('counts co-occurrences by the measure chosen and leaves the diagonal blank', () => {
    const pairs = cell({ count: 5, overlaps: 4, sameTurn: 2 });
    expect(cellFace({ kind: 'cooccurrence', measure: 'count' }, pairs, column, false, fr).main).toBe('5');
    expect(cellFace({ kind: 'cooccurrence', measure: 'overlaps' }, pairs, column, false, fr).main).toBe('4');
    expect(cellFace({ kind: 'cooccurrence', measure: 'sameTurn' }, pairs, column, false, fr).main).toBe('2');
    expect(cellFace({ kind: 'cooccurrence', measure: 'count' }, pairs, column, true, fr).blank).toBe(true);
  });
});
