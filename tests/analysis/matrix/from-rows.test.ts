// analysis/matrix computes from rows it is given, without a project file: the service reads the
// rows (service/matrix.ts); these tests hand them over directly.
import { describe, expect, it } from 'vitest';
import { foldCells } from '../../../analysis/matrix/aggregate.ts';
import { passagesOf, toColumns, type CodingRange } from '../../../analysis/matrix/passages.ts';
import { columnPlan } from '../../../analysis/matrix/columns.ts';
import { countsMatrix } from '../../../analysis/matrix/counts.ts';
import { DEFAULT_KIND_COLUMNS, withKindIn } from '../../../analysis/matrix/kind-columns.ts';
import { participantPlan } from '../../../analysis/matrix/participant.ts';
import { codeTree, rowItems } from '../../../analysis/matrix/rows.ts';
import { eligibleSources, type AttrValue, type SourceFacts } from '../../../analysis/matrix/sources.ts';

const codes = [
  { id: 1, parentId: null, name: 'Cadre légal', abbrev: 'CL', color: '#000' },
  { id: 2, parentId: 1, name: 'Secret partagé', abbrev: 'CL1', color: '#000' },
  { id: 3, parentId: 1, name: 'Soins sans consentement', abbrev: 'CL2', color: '#000' },
];
const sources: SourceFacts[] = [
  { id: 10, name: 'Entretien P1', kind: 'interview', caseIds: [1] },
  { id: 11, name: 'Entretien P2', kind: 'interview', caseIds: [2] },
  { id: 12, name: 'Charte du conseil', kind: 'document', caseIds: [] },
];
const facts = new Map(sources.map((s) => [s.id, s]));
const coding = (id: number, codeId: number, sourceId: number, start: number, end: number): CodingRange => ({
  id,
  codeId,
  sourceId,
  coderId: 1,
  start,
  end,
  valence: null,
});
// Two separate CL1 passages in P1's interview, a CL2 one in P2's, a CL1 one in the charter.
const groups = [coding(101, 2, 10, 0, 10), coding(102, 2, 10, 20, 30), coding(103, 3, 11, 5, 9), coding(104, 2, 12, 0, 4)];
const unionOfOne = { mode: 'union' as const, coders: [{ id: 1, name: 'Camille' }], team: false };
const kindData = { kindColumns: DEFAULT_KIND_COLUMNS, attribute: null };

describe('a matrix from given rows', () => {
  it('counts a theme with its sub-codes per evidence kind, and shows where the evidence is silent', () => {
    const items = rowItems(codeTree(codes), 'themes', []);
    const plan = columnPlan({ by: 'kind' }, sources, kindData);
    const m = countsMatrix({
      type: 'triangulation',
      rowMode: 'themes',
      items,
      plan,
      cells: foldCells(toColumns(groups), items, plan, facts, null),
      material: [true, true, true],
      coders: unionOfOne,
      filter: {},
      filterNotes: [],
    });
    expect(m.columns.map((c) => c.label)).toEqual(['Documents', 'Entretiens', 'Observations']);
    const [theme] = m.rows;
    expect(theme!.cells.map((c) => [c.count, c.sources, c.cases])).toEqual([
      [1, 1, 0],
      [3, 2, 2],
      [0, 0, 0],
    ]);
    expect(theme!.cells[1]!.excerptIds).toEqual([101, 102, 103]);
    expect(theme!.silent).toEqual(['kind:Observations']);
  });

  it('narrows the per-participant grid’s interview column to the case, and puts it first', () => {
    const items = rowItems(codeTree(codes), 'codes', []);
    const plan = participantPlan(columnPlan({ by: 'kind' }, sources, kindData), 2);
    const cells = foldCells(toColumns(groups), items, plan, facts, null);
    expect(plan.columns.map((c) => [c.label, !!c.caseOnly])).toEqual([
      ['Entretiens', true],
      ['Documents', false],
      ['Observations', false],
    ]);
    const row = (codeId: number) => cells[items.findIndex((r) => r.codeId === codeId)]!;
    // P1's interview is not the case's: its two CL1 excerpts leave the interview column.
    expect(row(2).map((c) => c.count)).toEqual([0, 1, 0]);
    expect(row(3).map((c) => c.count)).toEqual([1, 0, 0]);
  });

  it('keeps the sources of the cases holding a value typed in another spelling (Oui for true)', () => {
    const trained = new Map<string, Map<number, AttrValue[]>>([
      [
        'formé',
        new Map([
          [1, [true]],
          [2, [false]],
        ]),
      ],
    ]);
    const kept = eligibleSources(facts, { caseAttributes: [{ name: 'formé', values: ['Oui'] }] }, trained);
    expect([...kept!]).toEqual([10]);
    expect(eligibleSources(facts, {}, new Map())).toBeNull();
  });

  it('moves a source kind to another column, creating it when new and dropping an emptied one', () => {
    const moved = withKindIn(withKindIn(DEFAULT_KIND_COLUMNS, 'synthesis', 'observations'), 'document', 'Archives');
    expect(moved.map((c) => [c.label, c.kinds])).toEqual([
      ['Entretiens', ['interview']],
      ['Observations', ['observation', 'notebook', 'synthesis']],
      ['Archives', ['document']],
    ]);
  });
});

describe('distinct passages', () => {
  const k = (id: number, coderId: number, start: number, end: number, valence: '+' | '-' | null = null): CodingRange => ({
    id,
    codeId: 2,
    sourceId: 10,
    coderId,
    start,
    end,
    valence,
  });

  it('merges codings that share a character, and keeps touching ones apart', () => {
    expect(passagesOf([k(1, 1, 0, 10), k(2, 2, 0, 10)], null)).toMatchObject({ count: 1, ids: [1, 2] });
    expect(passagesOf([k(1, 1, 0, 10), k(2, 2, 9, 20), k(3, 1, 19, 30)], null).count).toBe(1);
    expect(passagesOf([k(1, 1, 0, 10), k(2, 1, 10, 20)], null).count).toBe(2);
    // A passage holding a + and a - coding counts once on each side.
    expect(passagesOf([k(1, 1, 0, 10, '+'), k(2, 2, 5, 12, '-'), k(3, 1, 30, 40, '+')], null)).toMatchObject({ count: 2, positive: 2, negative: 1 });
  });

  it('keeps, in agreement, only the text every chosen coder covered: a chain of overlaps is not enough', () => {
    // A [0,10), B [3,13), C [6,16): all three cover [6,10).
    expect(passagesOf([k(1, 1, 0, 10), k(2, 2, 3, 13), k(3, 3, 6, 16)], [1, 2, 3])).toMatchObject({ count: 1, ids: [1, 2, 3] });
    // A [0,10), B [3,13), C [10,16): A and C never meet.
    expect(passagesOf([k(1, 1, 0, 10), k(2, 2, 3, 13), k(3, 3, 10, 16)], [1, 2, 3])).toMatchObject({ count: 0, ids: [] });
    // A long coding of A agreed twice by B's two short ones: two agreed stretches, A's coding behind both.
    expect(passagesOf([k(1, 1, 0, 100), k(2, 2, 10, 20), k(3, 2, 50, 60)], [1, 2])).toMatchObject({ count: 2, ids: [1, 2, 3] });
    // A coder who coded nothing there.
    expect(passagesOf([k(1, 1, 0, 10)], [1, 2]).count).toBe(0);
  });
});
