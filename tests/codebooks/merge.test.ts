import { describe, expect, it } from 'vitest';
import { compareCodebooks, type CodebookDiff } from '../../codebooks/compare.ts';
import { defaultChoice, planMerge, type Choice, type Decision } from '../../codebooks/merge.ts';
import { TresseError } from '../../i18n/error.ts';
import { book, guid, mine, theirs } from './fixtures.ts';

const diff = compareCodebooks(mine, theirs);

/** The id of the difference of a kind that concerns the code of theirs with this name. */
function idOf(d: CodebookDiff, kind: 'added' | 'renamed' | 'moved' | 'redefined' | 'recoloured', name: string): string {
  const entry = (d[kind] as Array<{ id: string; b: { name: string } }>).find((e) => e.b.name === name);
  if (!entry) throw new Error(`no ${kind} difference for ${name}`);
  return entry.id;
}

function failure(run: () => unknown): TresseError {
  try {
    run();
  } catch (e) {
    if (e instanceof TresseError) return e;
    throw e;
  }
  throw new Error('expected the plan to be refused');
}

describe('planMerge', () => {
  it('by default keeps all of mine, adds their new codes (a proposed rename as a new code) and maps matched guids', () => {
    const plan = planMerge(diff, []);
    expect(plan.ops).toEqual([
      { op: 'add', code: expect.objectContaining({ guid: guid(110), name: 'Difficultés' }), parentGuid: null },
      { op: 'add', code: expect.objectContaining({ guid: guid(111), name: 'Co-construction' }), parentGuid: null },
      { op: 'add', code: expect.objectContaining({ guid: guid(102), name: 'Secret professionnel partagé' }), parentGuid: guid(1) },
      { op: 'map', fromGuid: guid(108), toGuid: guid(8) },
      { op: 'map', fromGuid: guid(104), toGuid: guid(4) },
      { op: 'map', fromGuid: guid(105), toGuid: guid(5) },
    ]);
    expect(Object.keys(plan.guidMap).sort()).toEqual(theirs.map((c) => c.guid).sort());
    expect(plan.guidMap[guid(7)]).toBe(guid(7));
    expect(plan.guidMap[guid(102)]).toBe(guid(102));
  });

  it('the added code carries their fields but neither their ids nor their path', () => {
    const add = planMerge(diff, []).ops.find((o) => o.op === 'add' && o.code.name === 'Difficultés')!;
    expect(add.op === 'add' && Object.keys(add.code).sort()).toEqual([
      'abbrev',
      'codable',
      'color',
      'definition',
      'example',
      'exclusion',
      'guid',
      'inclusion',
      'name',
    ]);
  });

  it('takes theirs where asked: rename, move (under an added code too), update, map, ignore', () => {
    const decide = (kind: Parameters<typeof idOf>[1], name: string, choice: Choice): Decision => ({ id: idOf(diff, kind, name), choice });
    const plan = planMerge(diff, [
      decide('renamed', 'Cadre légal et usagers', 'theirs'),
      decide('renamed', 'Secret professionnel partagé', 'map'),
      decide('moved', 'Freins', 'theirs'),
      decide('moved', 'Ressources du territoire', 'theirs'),
      decide('redefined', 'Soins sans consentement', 'theirs'),
      decide('recoloured', 'Partenariat', 'theirs'),
      decide('added', 'Co-construction', 'ignore'),
    ]);
    expect(plan.ops).toEqual([
      { op: 'add', code: expect.objectContaining({ name: 'Difficultés' }), parentGuid: null },
      { op: 'move', guid: guid(8), parentGuid: guid(1) },
      { op: 'move', guid: guid(7), parentGuid: guid(110) },
      { op: 'rename', guid: guid(1), name: 'Cadre légal et usagers' },
      { op: 'update', guid: guid(3), fields: { definition: 'Soins psychiatriques imposés.', example: '« On a dû appeler le maire. »' } },
      { op: 'update', guid: guid(6), fields: { color: '#d55e00' } },
      { op: 'map', fromGuid: guid(108), toGuid: guid(8) },
      { op: 'map', fromGuid: guid(104), toGuid: guid(4) },
      { op: 'map', fromGuid: guid(105), toGuid: guid(5) },
      { op: 'map', fromGuid: guid(102), toGuid: guid(2) },
    ]);
    expect(plan.guidMap[guid(102)]).toBe(guid(2));
    expect(plan.guidMap[guid(111)]).toBeNull();
  });

  it('puts the children of an ignored code under its nearest kept ancestor', () => {
    const a = book([[1, null, 'Précarité', 1]]);
    const b = book([
      [1, null, 'Précarité', 1],
      [2, 1, 'Logement', 2],
      [3, 2, 'Expulsion locative', 3],
    ]);
    const d = compareCodebooks(a, b);
    const plan = planMerge(d, [{ id: idOf(d, 'added', 'Logement'), choice: 'ignore' }]);
    expect(plan.ops).toEqual([{ op: 'add', code: expect.objectContaining({ name: 'Expulsion locative' }), parentGuid: guid(1) }]);
    expect(plan.guidMap).toEqual({ [guid(1)]: guid(1), [guid(2)]: null, [guid(3)]: guid(3) });
  });

  it('follows the decision on a proposed rename when a child moved with it', () => {
    const a = book([
      [1, null, 'Secret partagé', 1],
      [2, 1, 'RGPD', 2],
    ]);
    const b = book([
      [1, null, 'Secret professionnel partagé', 11],
      [2, 1, 'RGPD', 12],
    ]);
    const d = compareCodebooks(a, b);
    const proposal = d.renamed.find((r) => r.proposed)!.id;
    const move = { id: idOf(d, 'moved', 'RGPD'), choice: 'theirs' as const };
    // same code: RGPD is already under it, nothing moves
    expect(planMerge(d, [{ id: proposal, choice: 'map' }, move]).ops.filter((o) => o.op !== 'map')).toEqual([]);
    // two codes: RGPD follows their new code
    expect(planMerge(d, [move]).ops.filter((o) => o.op !== 'map')).toEqual([
      { op: 'add', code: expect.objectContaining({ guid: guid(11) }), parentGuid: null },
      { op: 'move', guid: guid(2), parentGuid: guid(11) },
    ]);
  });

  it('orders moves so that swapping a parent and its child works', () => {
    const a = book([
      [1, null, 'Partenariat', 1],
      [2, 1, 'Freins', 2],
    ]);
    const b = book([
      [2, null, 'Freins', 2],
      [1, 2, 'Partenariat', 1],
    ]);
    const d = compareCodebooks(a, b);
    const both = d.moved.map((m) => ({ id: m.id, choice: 'theirs' as const }));
    expect(planMerge(d, both).ops).toEqual([
      { op: 'move', guid: guid(2), parentGuid: null },
      { op: 'move', guid: guid(1), parentGuid: guid(2) },
    ]);
    // taking only one of the two moves would put a code under its own child
    const e = failure(() => planMerge(d, [{ id: idOf(d, 'moved', 'Partenariat'), choice: 'theirs' }]));
    expect(e.code).toBe('code.cycle');
    expect(e.params.name).toBe('Partenariat');
  });

  it('refuses a plan that leaves two sibling codes with the same name', () => {
    const a = book([
      [1, null, 'Partenariat', 1],
      [2, 1, 'Freins', 2],
      [3, null, 'Difficultés', 3],
      [4, 3, 'Freins', 4],
    ]);
    const b = book([
      [1, null, 'Partenariat', 1],
      [3, null, 'Difficultés', 3],
      [2, 3, 'Freins', 2],
    ]);
    const d = compareCodebooks(a, b);
    expect(planMerge(d, []).ops).toEqual([]);
    const e = failure(() => planMerge(d, [{ id: idOf(d, 'moved', 'Freins'), choice: 'theirs' }]));
    expect(e.code).toBe('code.exists');
  });

  it('refuses a decision that does not fit the difference', () => {
    const id = idOf(diff, 'added', 'Co-construction');
    expect(failure(() => planMerge(diff, [{ id, choice: 'theirs' }])).code).toBe('value.invalid');
    expect(failure(() => planMerge(diff, [{ id: 'added:nothing', choice: 'add' }])).code).toBe('value.invalid');
  });

  it('documents the defaults', () => {
    expect(defaultChoice(diff, idOf(diff, 'added', 'Co-construction'))).toBe('add');
    expect(defaultChoice(diff, idOf(diff, 'renamed', 'Secret professionnel partagé'))).toBe('distinct');
    expect(defaultChoice(diff, idOf(diff, 'moved', 'Freins'))).toBe('mine');
  });
});
