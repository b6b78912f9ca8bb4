// The retrieval view's attribute filter: existing values offered, typed text matched whatever its
// case, and sent as the stored values with their type (the service compares them exactly).
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../model/types.ts';
import { attributeChoices, filterValues } from '../../../renderer/panels/retrieval/attribute-filter.ts';

const yesNo = { yes: 'oui', no: 'non' };
const kase = (id: number, attributes: Case['attributes']): Case => ({ id, guid: `g${id}`, name: `P${id}`, description: '', attributes, sourceIds: [] });
const CASES = [
  kase(1, { rôle: ['Infirmière', 'référente'], ancienneté: [6], formé: [true] }),
  kase(2, { rôle: ['éducateur'], ancienneté: [12], formé: [false] }),
  kase(3, { rôle: ['Infirmière'], ancienneté: [2.5] }),
];

describe('the attribute filter of the retrieval view', () => {
  it('offers each existing value once, sorted', () => {
    expect(attributeChoices(CASES, 'rôle', yesNo, 'fr')).toEqual(['éducateur', 'Infirmière', 'référente']);
    expect(attributeChoices(CASES, 'ancienneté', yesNo, 'fr')).toEqual(['2.5', '6', '12']);
    expect(attributeChoices(CASES, 'formé', yesNo, 'fr')).toEqual(['non', 'oui']);
    expect(attributeChoices(CASES, 'inconnu', yesNo, 'fr')).toEqual([]);
  });

  it('matches typed text whatever its case and sends the stored, typed values', () => {
    expect(filterValues('infirmière', CASES, 'rôle', yesNo)).toEqual(['Infirmière']);
    expect(filterValues(' INFIRMIÈRE ; Éducateur', CASES, 'rôle', yesNo)).toEqual(['Infirmière', 'éducateur']);
    expect(filterValues('12', CASES, 'ancienneté', yesNo)).toEqual([12]);
    expect(filterValues('2,5', CASES, 'ancienneté', yesNo)).toEqual([2.5]);
    expect(filterValues('Oui', CASES, 'formé', yesNo)).toEqual([true]);
    // Nothing matches: sent as typed, so the list is rightly empty.
    expect(filterValues('psychologue', CASES, 'rôle', yesNo)).toEqual(['psychologue']);
  });
});
