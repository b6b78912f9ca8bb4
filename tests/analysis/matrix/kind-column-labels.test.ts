// The triangulation matrix's kind columns speak the reader's language; their keys (under which
// syntheses are filed) do not change with it, and a column the researcher named keeps its name.
import { describe, expect, it } from 'vitest';
import { columnPlan } from '../../../analysis/matrix/columns.ts';
import { kindColumnsOf, kindNotes, withKindIn } from '../../../analysis/matrix/kind-columns.ts';

const plan = (lang: 'fr' | 'en', kindColumns = kindColumnsOf([])) => columnPlan({ by: 'kind' }, [], { kindColumns, attribute: null }, lang);

describe('kind columns in the interface language', () => {
  it('shows the default columns in English, with the same keys as in French', () => {
    const fr = plan('fr').columns;
    const en = plan('en').columns;
    expect(fr.map((c) => c.label)).toEqual(['Documents', 'Entretiens', 'Observations']);
    expect(en.map((c) => c.label)).toEqual(['Documents', 'Interviews', 'Observations']);
    expect(en.map((c) => c.key)).toEqual(fr.map((c) => c.key));
  });

  it('keeps a column the researcher named as they named it', () => {
    const columns = withKindIn(kindColumnsOf([]), 'notebook', 'Carnet de terrain');
    expect(plan('en', columns).columns.map((c) => c.label)).toEqual(['Documents', 'Interviews', 'Observations', 'Carnet de terrain']);
  });

  it('names the column of the event syntheses in the reader’s language', () => {
    const columns = withKindIn(kindColumnsOf([]), 'synthesis', 'Entretiens');
    expect(kindNotes(columns, 'en').join(' ')).toContain('Interviews');
    expect(kindNotes(columns, 'en').join(' ')).not.toContain('Entretiens');
  });
});
