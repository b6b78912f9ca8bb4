// The comparison as the team panel lays it out: every difference with the choices the merge accepts,
// and both codebooks in tree order with the differences marked on the codes they touch.
import { describe, expect, it } from 'vitest';
import { compareCodebooks } from '../../../codebooks/compare.ts';
import { planMerge } from '../../../codebooks/merge.ts';
import { isTresseError } from '../../../i18n/error.ts';
import { decisionsOf, diffEntries, sideRows } from '../../../renderer/panels/team/compare-view.ts';
import { mine, theirs } from '../../codebooks/fixtures.ts';

const diff = compareCodebooks(mine, theirs);
const entries = diffEntries(diff);
const byName = (name: string) => entries.filter((e) => (e.a ?? e.b)!.name === name).map((e) => e.kind);

describe('the differences of a codebook comparison, as decisions to take', () => {
  it('lists every difference once, of the kind the comparison found', () => {
    const ids = [...diff.added, ...diff.removed, ...diff.renamed, ...diff.moved, ...diff.redefined, ...diff.recoloured].map((d) => d.id);
    expect(entries.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(byName('Logement')).toEqual(['removed']);
    expect(byName('Secret partagé')).toEqual(['proposedRename']);
    expect(byName('Partenariat')).toEqual(['recoloured']);
    expect(byName('Freins')).toEqual(['moved']);
  });

  it('offers for each difference only choices the merge accepts, and none for a code only in mine', () => {
    for (const e of entries) {
      if (e.kind === 'removed') {
        expect(e.choices).toEqual([]);
        expect(e.initial).toBeNull();
        continue;
      }
      expect(e.choices).toContain(e.initial);
      for (const choice of e.choices) {
        try {
          planMerge(diff, [{ id: e.id, choice }]);
        } catch (err) {
          // A choice may clash with a name (the merge refuses it then), never be unknown to the merge.
          expect(isTresseError(err) && err.code, `${e.kind} ${choice}`).not.toBe('value.invalid');
        }
      }
    }
  });

  it('starts from what changes nothing of mine: their new codes in, proposed renames kept apart, my versions kept', () => {
    const initial = Object.fromEntries(entries.map((e) => [e.kind, e.initial]));
    expect(initial).toMatchObject({ added: 'add', proposedRename: 'distinct', renamed: 'mine', moved: 'mine', recoloured: 'mine', redefined: 'mine' });
  });

  it('sends the user’s choice where there is one, the default elsewhere, and nothing for codes only in mine', () => {
    const recoloured = entries.find((e) => e.kind === 'recoloured')!;
    const decisions = decisionsOf(entries, { [recoloured.id]: 'theirs' });
    expect(decisions).toHaveLength(entries.filter((e) => e.kind !== 'removed').length);
    expect(decisions.find((d) => d.id === recoloured.id)!.choice).toBe('theirs');
    const plan = planMerge(diff, decisions);
    expect(plan.ops).toContainEqual({ op: 'update', guid: recoloured.a!.guid, fields: { color: '#d55e00' } });
  });
});

describe('each codebook beside the other', () => {
  it('shows my codes in tree order with their depth, each difference marked on the code it touches', () => {
    const rows = sideRows(diff, 'a');
    expect(rows.map((r) => [r.code.name, r.depth])).toEqual([
      ['Cadre légal', 0],
      ['Secret partagé', 1],
      ['Soins sans consentement', 1],
      ['Sécurité', 0],
      ['Risques au domicile', 1],
      ['Partenariat', 0],
      ['Freins', 1],
      ['Ressources du territoire', 1],
      ['Logement', 0],
    ]);
    const marks = Object.fromEntries(rows.map((r) => [r.code.name, r.marks.map((m) => m.kind)]));
    expect(marks['Logement']).toEqual(['removed']);
    expect(marks['Risques au domicile']).toEqual([]);
    expect(marks['Soins sans consentement']).toEqual(['redefined']);
  });

  it('shows their codes where they put them, their new codes marked as added', () => {
    const rows = sideRows(diff, 'b');
    expect(rows).toHaveLength(theirs.length);
    const at = (name: string) => rows.find((r) => r.code.name === name)!;
    expect(at('Freins').depth).toBe(1);
    expect(rows.indexOf(at('Freins'))).toBe(rows.indexOf(at('Difficultés')) + 1);
    expect(at('Co-construction').marks.map((m) => m.kind)).toEqual(['added']);
    expect(at('Ressources du territoire').marks.map((m) => m.kind)).toEqual(['moved']);
  });

  it('orders siblings by the rank given (my codebook’s own order)', () => {
    const reversed = sideRows(diff, 'a', (c) => -c.id);
    expect(reversed.filter((r) => r.depth === 0).map((r) => r.code.name)).toEqual(['Logement', 'Partenariat', 'Sécurité', 'Cadre légal']);
  });
});
