// Renaming, retyping and deleting a case attribute on a real project file: the values follow a
// rename, a retype converts what it can and names exactly what it cannot, a deletion takes the
// values with it, and a refused change leaves the project as it was.
import { describe, expect, it } from 'vitest';
import { isTresseError, type TresseError } from '../../i18n/error.ts';
import { deleteAttribute, renameAttribute, retypeAttribute } from '../../service/attribute-changes.ts';
import { defineAttribute, listAttributes, setAttributeValues } from '../../service/attributes.ts';
import { loadSyntheses, loadVerdicts, setSynthesis, setVerdict } from '../../service/annotations.ts';
import { createCase, getCase } from '../../service/cases.ts';
import { addCode } from '../../service/codebook.ts';
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

/** Three participants, with a seniority typed as text the way a first draft of the table has it. */
function study() {
  const ctx = newProject({ grid: 'empty' });
  const [p1, p2, p3] = ['P1 – infirmière', 'P2 – bailleur', 'P3 – médiatrice'].map((name) => createCase(ctx, { name }));
  const seniority = defineAttribute(ctx, { name: 'ancienneté', type: 'text', multi: true });
  const sector = defineAttribute(ctx, { name: 'secteur', type: 'text' });
  setAttributeValues(ctx, { caseId: p1!.id }, 'ancienneté', ['12', '2,5']);
  setAttributeValues(ctx, { caseId: p2!.id }, 'ancienneté', ['dix ans']);
  setAttributeValues(ctx, { caseId: p3!.id }, 'ancienneté', ['4', 'inconnue']);
  setAttributeValues(ctx, { caseId: p1!.id }, 'secteur', ['santé']);
  setAttributeValues(ctx, { caseId: p2!.id }, 'secteur', ['logement']);
  return { ctx, p1: p1!, p2: p2!, p3: p3!, seniority, sector };
}

const snapshot = (ctx: ReturnType<typeof study>['ctx']) => ({
  attributes: listAttributes(ctx.db),
  values: ctx.db.prepare('SELECT attribute_id, case_id, value FROM attribute_values ORDER BY id').all(),
});

describe('renaming an attribute', () => {
  it('keeps every value, and the matrix syntheses and verdicts written on its columns', () => {
    const { ctx, p1, p2, sector } = study();
    const scope = { matrix: 'triangulation' as const, caseId: null };
    const row = { codeId: addCode(ctx, { name: 'Secret partagé' }).id, questionId: null };
    setSynthesis(ctx, scope, row, 'case:secteur=santé', 'Le soin parle de secret partagé.');
    setVerdict(ctx, scope, 'case:secteur', row, 'dissonance', 'santé et logement divergent');
    const renamed = renameAttribute(ctx, sector.id, '  Secteur d’activité ');
    expect(renamed.name).toBe('Secteur d’activité');
    expect(getCase(ctx.db, p1.id).attributes).toMatchObject({ 'Secteur d’activité': ['santé'] });
    expect(getCase(ctx.db, p2.id).attributes).toMatchObject({ 'Secteur d’activité': ['logement'] });
    expect(getCase(ctx.db, p1.id).attributes).not.toHaveProperty('secteur');
    expect([...loadSyntheses(ctx.db, scope).entries()].map(([k, v]) => [k.split('\u0000')[1], v])).toEqual([
      ['case:Secteur d’activité=santé', 'Le soin parle de secret partagé.'],
    ]);
    expect(loadVerdicts(ctx.db, scope, 'case:Secteur d’activité').size).toBe(1);
    expect(loadVerdicts(ctx.db, scope, 'case:secteur').size).toBe(0);
  });

  it('refuses a name another attribute has (whatever its capitals), or no name, and changes nothing', () => {
    const { ctx, sector } = study();
    const before = snapshot(ctx);
    const taken = refusal(() => renameAttribute(ctx, sector.id, 'Ancienneté'));
    expect(taken.code).toBe('attribute.nameTaken');
    expect(taken.format('fr')).toContain('« Ancienneté »');
    expect(taken.format('en')).toContain('"Ancienneté"');
    expect(refusal(() => renameAttribute(ctx, sector.id, '   ')).code).toBe('attribute.nameEmpty');
    expect(snapshot(ctx)).toEqual(before);
    // Only its capitals: the same attribute, so allowed.
    expect(renameAttribute(ctx, sector.id, 'Secteur').name).toBe('Secteur');
  });

  it('names an attribute that no longer exists, in both languages', () => {
    const { ctx, sector } = study();
    deleteAttribute(ctx, sector.id);
    const before = snapshot(ctx);
    const gone = refusal(() => renameAttribute(ctx, sector.id, 'domaine'));
    expect(gone.code).toBe('attribute.idNotFound');
    expect(gone.format('fr')).toMatch(/n’existe plus/);
    expect(gone.format('en')).toMatch(/no longer exists/);
    expect(refusal(() => retypeAttribute(ctx, sector.id, 'number', { preview: true, lang: 'fr' })).code).toBe('attribute.idNotFound');
    expect(refusal(() => deleteAttribute(ctx, sector.id)).code).toBe('attribute.idNotFound');
    expect(snapshot(ctx)).toEqual(before);
  });
});

describe('retyping an attribute', () => {
  it('previews exactly the values that would not convert, and writes nothing', () => {
    const { ctx, seniority } = study();
    const before = snapshot(ctx);
    const preview = retypeAttribute(ctx, seniority.id, 'number', { preview: true, lang: 'fr' });
    expect(preview.applied).toBe(false);
    expect(preview.attribute.type).toBe('text');
    expect(preview.unconvertible.map((u) => [u.owner, u.value])).toEqual([
      ['P2 – bailleur', 'dix ans'],
      ['P3 – médiatrice', 'inconnue'],
    ]);
    expect(preview.converted).toBe(3);
    expect(snapshot(ctx)).toEqual(before);
  });

  it('converts the rest and clears the values the preview listed', () => {
    const { ctx, p1, p2, p3, seniority } = study();
    const done = retypeAttribute(ctx, seniority.id, 'number', { preview: false, lang: 'fr' });
    expect(done.applied).toBe(true);
    expect(listAttributes(ctx.db).find((a) => a.id === seniority.id)).toMatchObject({ type: 'number', multi: true });
    expect(getCase(ctx.db, p1.id).attributes['ancienneté']).toEqual([12, 2.5]);
    expect(getCase(ctx.db, p2.id).attributes['ancienneté']).toBeUndefined();
    expect(getCase(ctx.db, p3.id).attributes['ancienneté']).toEqual([4]);
    // Numbers now: a word is refused where it was accepted before.
    expect(refusal(() => setAttributeValues(ctx, { caseId: p2.id }, 'ancienneté', ['dix'])).code).toBe('attribute.type.number');
  });

  it('turns yes/no into words of the interface language, and words into yes/no', () => {
    const { ctx, p1, p2, p3 } = study();
    const trained = defineAttribute(ctx, { name: 'formé en santé mentale', type: 'text', multi: true });
    setAttributeValues(ctx, { caseId: p1.id }, trained.name, ['Oui', 'vrai']);
    setAttributeValues(ctx, { caseId: p2.id }, trained.name, ['non']);
    setAttributeValues(ctx, { caseId: p3.id }, trained.name, ['un peu']);
    const preview = retypeAttribute(ctx, trained.id, 'boolean', { preview: true, lang: 'fr' });
    expect(preview.unconvertible.map((u) => u.value)).toEqual(['un peu']);
    retypeAttribute(ctx, trained.id, 'boolean', { preview: false, lang: 'fr' });
    // "Oui" and "vrai" are one value once both are yes.
    expect(getCase(ctx.db, p1.id).attributes[trained.name]).toEqual([true]);
    expect(getCase(ctx.db, p2.id).attributes[trained.name]).toEqual([false]);
    retypeAttribute(ctx, trained.id, 'text', { preview: false, lang: 'en' });
    expect(getCase(ctx.db, p1.id).attributes[trained.name]).toEqual(['yes']);
    expect(getCase(ctx.db, p2.id).attributes[trained.name]).toEqual(['no']);
  });
});

describe('deleting an attribute', () => {
  it('removes it with its values and leaves the other attributes alone', () => {
    const { ctx, p1, p3, seniority, sector } = study();
    const deleted = deleteAttribute(ctx, seniority.id);
    expect(deleted).toEqual({ attribute: expect.objectContaining({ name: 'ancienneté' }), values: 5 });
    expect(listAttributes(ctx.db).map((a) => a.id)).toEqual([sector.id]);
    expect(getCase(ctx.db, p1.id).attributes).toEqual({ secteur: ['santé'] });
    expect(getCase(ctx.db, p3.id).attributes).toEqual({});
    expect(ctx.db.prepare('SELECT count(*) AS n FROM attribute_values WHERE attribute_id = ?').get(seniority.id)).toEqual({ n: 0 });
    // Its name is free again.
    expect(defineAttribute(ctx, { name: 'ancienneté', type: 'number' }).type).toBe('number');
  });
});
