// A refused attribute value is explained with the attribute's type named in the user's language,
// never with the internal type name ("number") in a French sentence.
import { describe, expect, it } from 'vitest';
import { isTresseError, type TresseError } from '../../i18n/error.ts';
import { defineAttribute, setAttributeValues } from '../../service/attributes.ts';
import { createCase } from '../../service/cases.ts';
import { newProject } from '../helpers/project.ts';

function refusal(run: () => unknown): TresseError {
  try {
    run();
  } catch (e) {
    if (isTresseError(e)) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('attribute value refusals', () => {
  it('name the expected type in French and in English', () => {
    const ctx = newProject({ grid: 'empty' });
    const p1 = createCase(ctx, { name: 'P1' });
    defineAttribute(ctx, { name: 'ancienneté (ans)', type: 'number' });
    defineAttribute(ctx, { name: 'formé', type: 'boolean' });
    const years = refusal(() => setAttributeValues(ctx, { caseId: p1.id }, 'ancienneté (ans)', ['dix ans']));
    expect(years.format('fr')).toBe(
      'La valeur « dix ans » ne convient pas à l’attribut « ancienneté (ans) » (type nombre) : tapez un nombre, par exemple 10 ou 2,5.',
    );
    expect(years.format('en')).toContain('(type number)');
    const trained = refusal(() => setAttributeValues(ctx, { caseId: p1.id }, 'formé', ['peut-être']));
    expect(trained.format('fr')).toContain('(type oui/non)');
    expect(trained.format('en')).toContain('(type yes/no)');
    const clash = refusal(() => defineAttribute(ctx, { name: 'formé', type: 'date' }));
    expect(clash.format('fr')).toBe('L’attribut « formé » existe déjà, de type oui/non.');
  });
});
