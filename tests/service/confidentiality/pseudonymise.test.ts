import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { searchSources } from '../../../db/search.ts';
import type { TresseError } from '../../../i18n/error.ts';
import { createCase } from '../../../service/cases.ts';
import { updateCode, resolveCode } from '../../../service/codebook.ts';
import { listMemos, saveMemo } from '../../../service/memos.ts';
import { applyPseudonyms, previewPseudonyms } from '../../../service/pseudonymise.ts';
import { listPseudonyms, parsePseudonymMap, savePseudonyms } from '../../../service/pseudonyms.ts';
import { findRealNames } from '../../../service/real-name-scan.ts';
import { scrubOldText } from '../../../service/scrub.ts';
import { getSource, getSourceText, listSources } from '../../../service/sources.ts';
import { hashText } from '../../../text/hash.ts';
import { codePointLength } from '../../../text/offsets.ts';
import { addText, newProject } from '../../helpers/project.ts';
import { codedTexts, codePassage } from './fixtures.ts';

const P1 = `Enquêtrice : Vous avez suivi Mme Dupont longtemps ?
Marie-Claire Dupont : Oui, avec Marie Durand du CCAS. Marie-Claire D. c'est moi, hein 😀. M.-C. Dupont sur les comptes rendus.
Enquêtrice : Et Jean-Marie ?
Marie-Claire Dupont : Jean-Marie Lefèvre, le bailleur, appelait MARIE DURAND toutes les semaines.
`;
const P2 = `Marie Durand : Marie-Claire m'a parlé de la situation de M. Lefèvre. Hélène Roux, l'infirmière, était là.`;

function project() {
  const ctx = newProject();
  const [l0, l1] = P1.split('\n') as [string, string];
  const at = codePointLength(l0) + 1;
  const p1 = addText(ctx, 'Entretien Marie-Claire Dupont', P1, 'interview', [
    { kind: 'turn', start: 0, end: at - 1, speaker: 'Enquêtrice' },
    { kind: 'turn', start: at, end: at + codePointLength(l1), speaker: 'Marie-Claire Dupont' },
  ]);
  const p2 = addText(ctx, 'Entretien 2', P2);
  const case1 = createCase(ctx, { name: 'P1', description: 'Coordinatrice (Marie-Claire Dupont)' });
  savePseudonyms(ctx, [
    { realName: 'Marie-Claire Dupont', pseudonym: 'Louise Martin', case: 'P1' },
    { realName: 'Marie Durand', pseudonym: 'Anne Petit' },
    { realName: 'Jean-Marie Lefèvre', pseudonym: 'Paul Moreau' },
  ]);
  return { ctx, p1, p2, case1 };
}

describe('pseudonymisation', () => {
  it('previews every match in context, longest names first, whole words only', () => {
    const { ctx, p1 } = project();
    const { matches } = previewPseudonyms(ctx.db);
    const inP1 = matches.filter((m) => m.target.kind === 'source' && m.target.sourceId === p1.id).map((m) => [m.found, m.replacement]);
    expect(inP1).toEqual([
      ['Dupont', 'Martin'],
      ['Marie-Claire Dupont', 'Louise Martin'],
      ['Marie Durand', 'Anne Petit'],
      // Not half-replaced by the rule for "Marie" (Marie Durand's first name).
      ['Marie-Claire D.', 'Louise M.'],
      ['M.-C. Dupont', 'L. Martin'],
      ['Jean-Marie', 'Paul'],
      ['Marie-Claire Dupont', 'Louise Martin'],
      ['Jean-Marie Lefèvre', 'Paul Moreau'],
      ['MARIE DURAND', 'ANNE PETIT'],
    ]);
    const first = matches.find((m) => m.found === 'Marie-Claire D.')!;
    expect(first.before.endsWith('CCAS. ')).toBe(true);
    expect(first.after.startsWith(" c'est moi")).toBe(true);
    // Source names, speaker labels and case descriptions are found too.
    const fields = matches.filter((m) => m.target.kind === 'field').map((m) => m.target.kind === 'field' && `${m.target.table}.${m.target.column}`);
    expect(fields).toEqual(expect.arrayContaining(['sources.name', 'source_structure.speaker', 'cases.description']));
    // Nothing written by a preview.
    expect(getSourceText(ctx.db, p1.id)).toBe(P1);
  });

  it('rewrites every source, keeps codings on the same words and recomputes hash and index', () => {
    const { ctx, p1, p2 } = project();
    const around = codePassage(ctx, p1.id, 'PA', 'Oui, avec Marie Durand du CCAS.');
    const plain = codePassage(ctx, p1.id, 'CL1', "c'est moi, hein 😀.");
    const halfName = codePassage(ctx, p1.id, 'PA', 'C. Dupont sur les comptes');
    const after = codePassage(ctx, p2.id, 'SC', "l'infirmière, était là");
    const result = applyPseudonyms(ctx, { accept: 'all' });
    expect(result.sources).toBe(2);

    const t1 = getSourceText(ctx.db, p1.id);
    expect(t1).toBe(`Enquêtrice : Vous avez suivi Mme Martin longtemps ?
Louise Martin : Oui, avec Anne Petit du CCAS. Louise M. c'est moi, hein 😀. L. Martin sur les comptes rendus.
Enquêtrice : Et Paul ?
Louise Martin : Paul Moreau, le bailleur, appelait ANNE PETIT toutes les semaines.
`);
    const texts = codedTexts(ctx, p1.id);
    expect(texts.get(around)).toBe('Oui, avec Anne Petit du CCAS.');
    expect(texts.get(plain)).toBe("c'est moi, hein 😀.");
    // A coding that began inside a name now covers the whole pseudonym.
    expect(texts.get(halfName)).toBe('L. Martin sur les comptes');
    expect(codedTexts(ctx, p2.id).get(after)).toBe("l'infirmière, était là");

    const s1 = getSource(ctx.db, p1.id);
    expect(s1.textHash).toBe(hashText(t1));
    expect(s1.length).toBe(codePointLength(t1));
    expect(s1.name).toBe('Entretien Louise Martin');
    expect(s1.structure.map((t) => (t.kind === 'turn' ? t.speaker : ''))).toEqual(['Enquêtrice', 'Louise Martin']);
    const turn = s1.structure[1]!;
    expect(Array.from(t1).slice(turn.start, turn.end).join('')).toBe(t1.split('\n')[1]);
    expect(searchSources(ctx.db, 'Durand').hits).toEqual([]);
    expect(searchSources(ctx.db, '"Anne Petit"').hits.length).toBeGreaterThan(0);
    // Helene Roux is not in the table: untouched.
    expect(getSourceText(ctx.db, p2.id)).toContain('Hélène Roux');
    expect(listPseudonyms(ctx.db).every((e) => e.appliedAt !== null)).toBe(true);
  });

  it('applies only the accepted matches', () => {
    const { ctx, p2 } = project();
    const { matches } = previewPseudonyms(ctx.db);
    const keep = matches.find((m) => m.target.kind === 'source' && m.target.sourceId === p2.id && m.found === 'Marie Durand')!;
    applyPseudonyms(ctx, { accept: matches.filter((m) => m.id !== keep.id).map((m) => m.id) });
    expect(getSourceText(ctx.db, p2.id)).toMatch(/^Marie Durand : Louise m'a parlé/);
    // What was not accepted is still offered.
    expect(previewPseudonyms(ctx.db).matches.map((m) => m.id)).toEqual([keep.id]);
  });

  it('refuses ids from a preview the project no longer matches, changing nothing', () => {
    const { ctx, p1 } = project();
    let error: TresseError | undefined;
    try {
      applyPseudonyms(ctx, { accept: ['s999:0-5', `s${p1.id}:1-3`] });
    } catch (e) {
      error = e as TresseError;
    }
    expect(error?.code).toBe('pseudonym.stale');
    expect(getSourceText(ctx.db, p1.id)).toBe(P1);
  });

  it('pseudonymises memos (with their rich text), code examples and the matrix syntheses', () => {
    const { ctx } = project();
    const rich = JSON.stringify({ root: { children: [{ text: 'Rappeler Marie Durand (CCAS)' }] } });
    saveMemo(ctx, { target: { kind: 'project' }, title: 'Suivi Marie Durand', text: 'Rappeler Marie Durand (CCAS)', richText: rich });
    updateCode(ctx, resolveCode(ctx.db, 'PA').id, { example: '« Jean-Marie Lefèvre appelait toutes les semaines »' });
    const hasSyntheses = ctx.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'matrix_syntheses'").get();
    if (hasSyntheses) {
      ctx.db
        .prepare(`INSERT INTO matrix_syntheses (matrix, code_id, column_key, text, updated_at) VALUES ('triangulation', ?, 'kind:Entretiens', ?, 'x')`)
        .run(resolveCode(ctx.db, 'PA').id, 'Mme Dupont et le bailleur convergent.');
    }
    applyPseudonyms(ctx, { accept: 'all' });
    const memo = listMemos(ctx.db).find((m) => m.title.startsWith('Suivi'))!;
    expect(memo).toMatchObject({ title: 'Suivi Anne Petit', text: 'Rappeler Anne Petit (CCAS)' });
    expect(JSON.parse(memo.richText!).root.children[0].text).toBe('Rappeler Anne Petit (CCAS)');
    expect(resolveCode(ctx.db, 'PA').example).toBe('« Paul Moreau appelait toutes les semaines »');
    if (hasSyntheses) {
      expect(ctx.db.prepare('SELECT text FROM matrix_syntheses').pluck().get()).toBe('Mme Martin et le bailleur convergent.');
    }
  });

  it('keeps the real names apart, or forgets them at the user’s choice', () => {
    const { ctx } = project();
    applyPseudonyms(ctx, { accept: 'all', forgetRealNames: true });
    const entries = listPseudonyms(ctx.db);
    expect(entries.map((e) => [e.realName, e.pseudonym, e.caseName])).toEqual([
      [null, 'Louise Martin', 'P1'],
      [null, 'Anne Petit', null],
      [null, 'Paul Moreau', null],
    ]);
    // Nothing left anywhere in the project file's tables.
    const dump = ctx.db.prepare("SELECT group_concat(text, ' ') FROM sources").pluck().get() as string;
    expect(findRealNames(dump, ['Marie-Claire Dupont', 'Marie Durand', 'Jean-Marie Lefèvre'])).toEqual([]);
  });

  it('gives one person one pseudonym, and one pseudonym to one person', () => {
    const { ctx } = project();
    expect(() => savePseudonyms(ctx, [{ realName: 'marie-claire DUPONT', pseudonym: 'Julie Blanc' }])).toThrow(/Louise Martin/);
    expect(() => savePseudonyms(ctx, [{ realName: 'Paul Henry', pseudonym: 'anne petit' }])).toThrow(/Anne Petit|anne petit/);
    // The same entry again is accepted (accent and case differences included).
    expect(savePseudonyms(ctx, [{ realName: 'Jean-Marie Lefevre', pseudonym: 'Paul Moreau' }])).toHaveLength(1);
    expect(listPseudonyms(ctx.db)).toHaveLength(3);
  });

  it('leaves a short form shared by two people to the user', () => {
    const ctx = newProject();
    const s = addText(ctx, 'E', 'Mme Dupont a vu Paul Dupont puis Marie Dupont.');
    savePseudonyms(ctx, [
      { realName: 'Marie Dupont', pseudonym: 'Louise Martin' },
      { realName: 'Paul Dupont', pseudonym: 'Marc Bernard' },
    ]);
    const preview = previewPseudonyms(ctx.db);
    expect(preview.ambiguous).toEqual([{ form: 'Dupont', pseudonyms: ['Louise Martin', 'Marc Bernard'] }]);
    applyPseudonyms(ctx, { accept: 'all' });
    expect(getSourceText(ctx.db, s.id)).toBe('Mme Dupont a vu Marc Bernard puis Louise Martin.');
  });

  it('previews a titled name as a whole and never the bare title in ordinary text', () => {
    const ctx = newProject();
    const s = addText(ctx, 'E', 'Le monsieur du troisième appelle. Monsieur B. est passé ; monsieur B. reviendra. Voir le point B. du compte rendu.');
    savePseudonyms(ctx, [{ realName: 'Monsieur B.', pseudonym: 'Monsieur K.' }]);
    expect(previewPseudonyms(ctx.db).matches.map((m) => m.found)).toEqual(['Monsieur B.', 'monsieur B.']);
    applyPseudonyms(ctx, { accept: 'all' });
    expect(getSourceText(ctx.db, s.id)).toBe(
      'Le monsieur du troisième appelle. Monsieur K. est passé ; monsieur K. reviendra. Voir le point B. du compte rendu.',
    );
  });

  it('refuses to rename a case onto another case’s name, changing nothing', () => {
    const ctx = newProject();
    createCase(ctx, { name: 'Marie Durand' });
    createCase(ctx, { name: 'Anne Petit' });
    const s = addText(ctx, 'E', 'Marie Durand parle.');
    savePseudonyms(ctx, [{ realName: 'Marie Durand', pseudonym: 'Anne Petit' }]);
    let error: TresseError | undefined;
    try {
      applyPseudonyms(ctx, { accept: 'all' });
    } catch (e) {
      error = e as TresseError;
    }
    expect(error?.code).toBe('pseudonym.collision');
    expect(error?.format('fr')).toContain('« Anne Petit »');
    expect(ctx.db.prepare('SELECT name FROM cases ORDER BY id').pluck().all()).toEqual(['Marie Durand', 'Anne Petit']);
    expect(getSourceText(ctx.db, s.id)).toBe('Marie Durand parle.');
  });

  it('refuses a real name that is only a title or an initial', () => {
    const ctx = newProject();
    for (const realName of ['Monsieur', 'B.', 'Mme']) {
      expect(() => savePseudonyms(ctx, [{ realName, pseudonym: 'Paul K.' }]), realName).toThrow(/ne désigne personne|does not name anyone/);
    }
    expect(savePseudonyms(ctx, [{ realName: 'Monsieur B.', pseudonym: 'Monsieur K.' }])).toHaveLength(1);
  });

  it('reads the table from CSV (with or without header) and JSON', () => {
    expect(parsePseudonymMap('nom réel;pseudonyme;cas\nMarie-Claire Dupont;Louise Martin;P1\n', 't.csv')).toEqual([
      { realName: 'Marie-Claire Dupont', pseudonym: 'Louise Martin', case: 'P1' },
    ]);
    expect(parsePseudonymMap('Marie Durand,Anne Petit\n"Lefèvre, Jean-Marie",Paul Moreau', 't.csv')).toEqual([
      { realName: 'Marie Durand', pseudonym: 'Anne Petit', case: null },
      { realName: 'Lefèvre, Jean-Marie', pseudonym: 'Paul Moreau', case: null },
    ]);
    expect(parsePseudonymMap('{"Marie Durand": "Anne Petit"}', 't.json')).toEqual([{ realName: 'Marie Durand', pseudonym: 'Anne Petit' }]);
    expect(parsePseudonymMap('[{"realName": "Marie Durand", "pseudonym": "Anne Petit", "case": "P2"}]', 't.json')).toEqual([
      { realName: 'Marie Durand', pseudonym: 'Anne Petit', case: 'P2' },
    ]);
    expect(() => parsePseudonymMap('[{"pseudonym": 3}]', 't.json')).toThrow(/t\.json/);
  });

  it('pseudonymises every source of a larger corpus in one pass', () => {
    const ctx = newProject();
    for (let i = 0; i < 30; i++) addText(ctx, `E${i}`, `Entretien ${i}. Marie Durand parle de Jean-Marie Lefèvre. ${'Texte de remplissage. '.repeat(200)}`);
    savePseudonyms(ctx, [
      { realName: 'Marie Durand', pseudonym: 'Anne Petit' },
      { realName: 'Jean-Marie Lefèvre', pseudonym: 'Paul Moreau' },
    ]);
    const result = applyPseudonyms(ctx, { accept: 'all' });
    expect(result).toMatchObject({ replaced: 60, sources: 30 });
    expect(listSources(ctx.db).every((s) => !getSourceText(ctx.db, s.id).includes('Durand'))).toBe(true);
  });
});

describe('the project file after pseudonymisation with the real names forgotten', () => {
  it('holds no trace of the real names in its bytes once scrubbed', () => {
    const { ctx } = project();
    saveMemo(ctx, { target: { kind: 'project' }, text: 'Rappeler Marie Durand.' });
    searchSources(ctx.db, 'bailleur'); // the index now holds the real names
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const names = ['Marie-Claire Dupont', 'Marie Durand', 'Jean-Marie Lefèvre'];
    expect(findRealNames(readFileSync(ctx.path), names).length).toBeGreaterThan(0);
    applyPseudonyms(ctx, { accept: 'all', forgetRealNames: true });
    scrubOldText(ctx);
    const bytes = [ctx.path, `${ctx.path}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p));
    for (const b of bytes) expect(findRealNames(b, names)).toEqual([]);
    // Search still works on the new text.
    expect(searchSources(ctx.db, '"Anne Petit"').hits.length).toBeGreaterThan(0);
  });
});
