// Merging a teammate's project into mine: same interview never doubled, codings keep their coder,
// codes follow the codebook merge, cases and attributes meet by name, and a second merge changes nothing.
import { describe, expect, it } from 'vitest';
import { defineAttribute, setAttributeValues } from '../../../service/attributes.ts';
import { createCase, linkSource, resolveCase } from '../../../service/cases.ts';
import { addCode, listCodes, resolveCode, updateCode } from '../../../service/codebook.ts';
import { ensureCoder, listCoders } from '../../../service/coders.ts';
import { addCoding, locatePassage, retrieveExcerpts, type NewCoding } from '../../../service/codings.ts';
import { compareProjectCodebooks } from '../../../service/compare-codebooks.ts';
import type { ProjectContext } from '../../../service/context.ts';
import { listMemos, saveMemo } from '../../../service/memos.ts';
import { mergeSnapshot } from '../../../service/merge-project.ts';
import { exportQdpx, importQdpx } from '../../../service/refi.ts';
import { snapshotProject, type RichSnapshot } from '../../../service/refi-snapshot.ts';
import { getSource, getSourceText, listSources } from '../../../service/sources.ts';
import type { StructureSegment } from '../../../model/types.ts';
import { addText, newProject } from '../../helpers/project.ts';
import { projectContent } from './fixtures.ts';

const P1 = `Enquêtrice : Comment travaillez-vous avec le CMP ?
P1 : On s'appelle dès qu'une situation se tend ; la confiance s'est construite en réunion.
Enquêtrice : Et ce qui freine ?
P1 : Les cultures professionnelles ne sont pas les mêmes, et le suivi s'essouffle après quelques mois.
`;
const P7 = `Enquêteur : Qu'apporte la cellule ?
P7 : On construit la réponse ensemble, avec la personne quand c'est possible, pas seulement autour d'elle.
`;

function code(ctx: ProjectContext, sourceName: string, ref: string, passage: string, extra: Partial<NewCoding> = {}) {
  const source = listSources(ctx.db).find((s) => s.name === sourceName)!;
  const range = locatePassage(getSourceText(ctx.db, source.id), passage, sourceName);
  return addCoding(ctx, { sourceId: source.id, codeId: resolveCode(ctx.db, ref).id, ...range, ...extra });
}

const [P7_QUESTION] = P7.split('\n');
const P7_TURNS: StructureSegment[] = [
  { kind: 'turn', start: 0, end: [...P7_QUESTION!].length, speaker: 'Enquêteur' },
  { kind: 'turn', start: [...P7_QUESTION!].length + 1, end: [...P7].length - 1, speaker: 'P7' },
];

function mine(): ProjectContext {
  const ctx = newProject({ coder: 'Camille' });
  addText(ctx, 'Entretien P1', P1);
  code(ctx, 'Entretien P1', 'PA2', "la confiance s'est construite en réunion");
  const p1 = createCase(ctx, { name: 'P1' });
  linkSource(ctx, p1.id, listSources(ctx.db)[0]!.id);
  defineAttribute(ctx, { name: 'rôle', type: 'text' });
  defineAttribute(ctx, { name: 'ancienneté (ans)', type: 'number' });
  setAttributeValues(ctx, { caseId: p1.id }, 'rôle', ['coordinatrice']);
  setAttributeValues(ctx, { caseId: p1.id }, 'ancienneté (ans)', [4]);
  // Léo already worked in my project once, so he exists here under another identifier.
  ensureCoder(ctx.db, 'Léo');
  return ctx;
}

/** Léo's own project: the same interview (CRLF line ends, another name), plus one of his own. */
function theirs(): ProjectContext {
  const ctx = newProject({ coder: 'Léo' });
  addText(ctx, 'entretien-p1 (copie de Léo)', P1.replace(/\n/g, '\r\n'));
  addText(ctx, 'Entretien P7', P7, 'interview', P7_TURNS);
  code(ctx, 'entretien-p1 (copie de Léo)', 'PA2', "la confiance s'est construite en réunion");
  code(ctx, 'entretien-p1 (copie de Léo)', 'PA4', 'Les cultures professionnelles ne sont pas les mêmes', { valence: '-', segmentKind: 'paraphrase' });
  const coConstruction = addCode(ctx, { name: 'Co-construction', parentId: resolveCode(ctx.db, 'PA').id });
  code(ctx, 'Entretien P7', coConstruction.guid, 'On construit la réponse ensemble');
  const p1 = createCase(ctx, { name: 'P1' });
  const p7 = createCase(ctx, { name: 'P7', description: 'Infirmière de secteur' });
  const sources = listSources(ctx.db);
  linkSource(ctx, p1.id, sources.find((s) => s.name.startsWith('entretien-p1'))!.id);
  linkSource(ctx, p7.id, sources.find((s) => s.name === 'Entretien P7')!.id);
  defineAttribute(ctx, { name: 'rôle', type: 'text' });
  defineAttribute(ctx, { name: 'secteur', type: 'text' });
  defineAttribute(ctx, { name: 'ancienneté (ans)', type: 'number' });
  setAttributeValues(ctx, { caseId: p1.id }, 'rôle', ['coordinatrice']);
  setAttributeValues(ctx, { caseId: p1.id }, 'secteur', ['municipal']);
  setAttributeValues(ctx, { caseId: p1.id }, 'ancienneté (ans)', [6]);
  setAttributeValues(ctx, { caseId: p7.id }, 'rôle', ['infirmière']);
  saveMemo(ctx, { target: { kind: 'case', id: p7.id }, title: 'Contact', text: 'Rencontrée à la cellule du 9 avril.' });
  return ctx;
}

const duplicateCodings = (ctx: ProjectContext) =>
  ctx.db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM codings GROUP BY source_id, code_id, coder_id, start, end HAVING count(*) > 1)').get() as {
    n: number;
  };

describe("merging a teammate's project", () => {
  it('matches the shared interview by its text, keeps each coding with its coder and maps codes by path', () => {
    const me = mine();
    const report = mergeSnapshot(me, snapshotProject(theirs().db));

    expect(
      listSources(me.db)
        .map((s) => s.name)
        .sort(),
    ).toEqual(['Entretien P1', 'Entretien P7']);
    expect(report.sources).toEqual({ added: 1, matched: 1 });
    expect(listCoders(me.db).map((c) => c.name)).toEqual(['Camille', 'Léo']);
    expect(report.coders.added).toEqual([]);

    const freins = retrieveExcerpts(me.db, { codeId: resolveCode(me.db, 'PA4').id });
    expect(freins.map((x) => [x.sourceName, x.coderName, x.text, x.valence, x.segmentKind])).toEqual([
      ['Entretien P1', 'Léo', 'Les cultures professionnelles ne sont pas les mêmes', '-', 'paraphrase'],
    ]);
    // A new source from a Tresse project keeps its speaker turns.
    expect(getSource(me.db, listSources(me.db).find((x) => x.name === 'Entretien P7')!.id).structure).toEqual(
      P7_TURNS.map((t) => ({ ...t, timestampMs: null })),
    );
    const confiance = retrieveExcerpts(me.db, { codeId: resolveCode(me.db, 'PA2').id });
    expect(confiance.map((x) => x.coderName).sort()).toEqual(['Camille', 'Léo']);
    const coConstruction = resolveCode(me.db, 'Travail en partenariat/Co-construction');
    expect(retrieveExcerpts(me.db, { codeId: coConstruction.id }).map((x) => x.text)).toEqual(['On construit la réponse ensemble']);
    expect(report.codebook).toMatchObject({ added: 1, ignored: 0 });
    expect(report.codings).toEqual({ added: 3, duplicates: 0, skipped: 0 });
    expect(duplicateCodings(me).n).toBe(0);
  });

  it('merges cases and attributes by name, keeping my value when ours differ and saying so', () => {
    const me = mine();
    const report = mergeSnapshot(me, snapshotProject(theirs().db));
    const p1 = resolveCase(me.db, 'P1');
    expect(p1.attributes).toEqual({ rôle: ['coordinatrice'], 'ancienneté (ans)': [4], secteur: ['municipal'] });
    expect(p1.sourceIds).toHaveLength(1);
    const p7 = resolveCase(me.db, 'P7');
    expect(p7).toMatchObject({ description: 'Infirmière de secteur', attributes: { rôle: ['infirmière'] } });
    expect(p7.sourceIds).toEqual([listSources(me.db).find((s) => s.name === 'Entretien P7')!.id]);
    expect(listMemos(me.db, { kind: 'case', id: p7.id }).map((m) => m.text)).toEqual(['Rencontrée à la cellule du 9 avril.']);
    expect(report.cases).toEqual({ added: 1, matched: 1 });
    const conflict = report.warnings.find((w) => w.code === 'merge.attributeConflict');
    expect(conflict?.fr).toBe('P1 : « ancienneté (ans) » vaut « 4 » chez vous et « 6 » chez l’autre ; votre valeur est gardée.');
  });

  it('changes nothing when the same project is merged a second time', () => {
    const me = mine();
    const other = snapshotProject(theirs().db);
    mergeSnapshot(me, other);
    const before = projectContent(me.db);
    const again = mergeSnapshot(me, other);
    expect(again.codings).toEqual({ added: 0, duplicates: 3, skipped: 0 });
    expect(again.sources).toEqual({ added: 0, matched: 2 });
    expect(again.memos.added).toBe(0);
    expect(projectContent(me.db)).toEqual(before);
    expect(duplicateCodings(me).n).toBe(0);
  });

  it('gives the same result from the teammate’s .qdpx as from the project itself, and twice is once', () => {
    const other = theirs();
    const a = mine();
    mergeSnapshot(a, snapshotProject(other.db));
    const b = mine();
    importQdpx(b, exportQdpx(other.db));
    expect(projectContent(b.db)).toEqual(projectContent(a.db));
    const again = importQdpx(b, exportQdpx(other.db));
    expect(again.codings.added).toBe(0);
    expect(projectContent(b.db)).toEqual(projectContent(a.db));
  });

  it('follows the user’s decision on a proposed rename: mapped codings land on my code', () => {
    const other = theirs();
    updateCode(other, resolveCode(other.db, 'PA4').id, { name: 'Freins au partenariat local' });
    const mapped = mine();
    // Decision ids name the two codes, so they belong to this pair of codebooks.
    const proposal = compareProjectCodebooks(mapped.db, other.db).diff.renamed.find((r) => r.proposed);
    expect(proposal?.b.name).toBe('Freins au partenariat local');
    mergeSnapshot(mapped, snapshotProject(other.db), [{ id: proposal!.id, choice: 'map' }]);
    expect(retrieveExcerpts(mapped.db, { codeId: resolveCode(mapped.db, 'PA4').id }).map((x) => x.coderName)).toEqual(['Léo']);
    expect(listCodes(mapped.db).some((c) => c.name === 'Freins au partenariat local')).toBe(false);

    // Without a decision the two stay distinct: their code comes in with its codings.
    const distinct = mine();
    mergeSnapshot(distinct, snapshotProject(other.db));
    expect(retrieveExcerpts(distinct.db, { codeId: resolveCode(distinct.db, 'PA4').id })).toEqual([]);
    const local = resolveCode(distinct.db, 'Travail en partenariat/Freins au partenariat local');
    expect(retrieveExcerpts(distinct.db, { codeId: local.id }).map((x) => x.coderName)).toEqual(['Léo']);
  });

  it('leaves out the codings of a code the user chose to ignore, and says how many', () => {
    const other = theirs();
    const me = mine();
    const added = compareProjectCodebooks(me.db, other.db).diff.added.find((a) => a.b.name === 'Co-construction')!;
    const report = mergeSnapshot(me, snapshotProject(other.db), [{ id: added.id, choice: 'ignore' }]);
    expect(listCodes(me.db).some((c) => c.name === 'Co-construction')).toBe(false);
    expect(report.codings).toEqual({ added: 2, duplicates: 0, skipped: 1 });
    expect(report.warnings.find((w) => w.code === 'merge.codingsIgnoredCode')?.params).toEqual({ count: 1, names: 'Co-construction' });
  });

  it('maps positions over a text that was not normalised (CRLF, decomposed accents)', () => {
    const raw = 'Ligne un\r\nLigne deux : personne isole\u0301e.\r\n';
    const start = raw.indexOf('isole');
    const snapshot: RichSnapshot = {
      name: 'Notes de Yanis',
      users: [{ guid: '0d9a1c52-3b7e-4f60-9a51-6e2c8b1d4f09', name: 'Yanis' }],
      codes: [{ guid: '1b2c3d4e-0000-4000-8000-0000000000aa', parentGuid: null, name: 'Isolement', color: '#123456', definition: '', codable: true }],
      sources: [{ guid: '2c3d4e5f-0000-4000-8000-0000000000aa', name: 'Notes', kind: 'notebook', text: raw, attributes: {} }],
      codings: [
        {
          guid: '5a6e3c1d-0000-4000-8000-0000000000aa',
          sourceGuid: '2c3d4e5f-0000-4000-8000-0000000000aa',
          codeGuid: '1b2c3d4e-0000-4000-8000-0000000000aa',
          coderGuid: '0d9a1c52-3b7e-4f60-9a51-6e2c8b1d4f09',
          start,
          end: start + 'isole\u0301e'.length,
        },
      ],
      cases: [],
      variables: [],
      memos: [],
    };
    const me = newProject({ grid: 'empty' });
    expect(mergeSnapshot(me, snapshot).codings.added).toBe(1);
    const [x] = retrieveExcerpts(me.db, {});
    expect([x!.text, x!.coderName, x!.codeName]).toEqual(['isolée', 'Yanis', 'Isolement']);
  });
});
