// The pseudonym preview says where each match is the way the user knows it: the case's name, the
// memo's title and what it belongs to, the speaker label and its source, the attribute and its case.
import { describe, expect, it } from 'vitest';
import { defineAttribute, setAttributeValues } from '../../../service/attributes.ts';
import { createCase } from '../../../service/cases.ts';
import { resolveCode, updateCode } from '../../../service/codebook.ts';
import { saveMemo } from '../../../service/memos.ts';
import { previewPseudonyms, type PseudonymMatch } from '../../../service/pseudonymise.ts';
import { savePseudonyms } from '../../../service/pseudonyms.ts';
import { codePointLength } from '../../../text/offsets.ts';
import { addText, newProject } from '../../helpers/project.ts';

const TEXT = 'Marie Dupont : Bonjour.\nEnquêtrice : Merci.';

describe('naming the places of pseudonym matches', () => {
  it('gives each field the name of its row and what the row belongs to', () => {
    const ctx = newProject();
    const end = codePointLength('Marie Dupont : Bonjour.');
    const source = addText(ctx, 'entretien-P2', TEXT, 'interview', [{ kind: 'turn', start: 0, end, speaker: 'Marie Dupont' }]);
    const p2 = createCase(ctx, { name: 'P2', description: 'Infirmière, collègue de Marie Dupont' });
    defineAttribute(ctx, { name: 'référent', type: 'text' });
    setAttributeValues(ctx, { caseId: p2.id }, 'référent', ['Marie Dupont']);
    saveMemo(ctx, { target: { kind: 'case', id: p2.id }, title: 'Suivi', text: 'Rappeler Marie Dupont.' });
    saveMemo(ctx, { target: { kind: 'project' }, text: 'Marie Dupont a relu la grille.' });
    const cl1 = resolveCode(ctx.db, 'CL1');
    updateCode(ctx, cl1.id, { example: 'Marie Dupont parle du secret partagé.' });
    savePseudonyms(ctx, [{ realName: 'Marie Dupont', pseudonym: 'Anne Petit' }]);

    const fields = previewPseudonyms(ctx.db)
      .matches.map((m: PseudonymMatch) => m.target)
      .filter((t) => t.kind === 'field')
      .map((t) => ({ place: `${t.table}.${t.column}`, name: t.name, label: t.label, parent: t.parent }));
    expect(fields).toEqual(
      expect.arrayContaining([
        { place: 'cases.description', name: 'P2', label: undefined, parent: undefined },
        { place: 'attribute_values.value', name: 'référent', label: undefined, parent: { kind: 'case', name: 'P2' } },
        { place: 'memos.text', name: 'Suivi', label: undefined, parent: { kind: 'case', name: 'P2' } },
        { place: 'memos.text', name: undefined, label: undefined, parent: { kind: 'project', name: '' } },
        { place: 'codes.example', name: `CL1 — ${cl1.name}`, label: undefined, parent: undefined },
        { place: 'source_structure.speaker', name: undefined, label: 'Marie Dupont', parent: { kind: 'source', name: source.name } },
      ]),
    );
  });
});
