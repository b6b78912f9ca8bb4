// A small project whose matrix counts are worked out by hand in the comments below.
//
// Cases: P1 (secteur = santé, date d'entretien = 2026-03-10), P2 (secteur = social, 2026-04-02),
//        R1 (a meeting: no secteur, no date).
// Sources (kind → default column):
//   E1 interview → Entretiens, case P1, three speaker turns
//   E2 interview → Entretiens, case P2
//   O1 observation → Observations, case R1
//   N1 notebook → Observations, no case
//   D1 document → Documents, no case (its name holds markup and an ampersand, to test escaping)
//   S1 synthesis → Documents (default mapping), no case
// Codings (# code source coder, created):
//   #1  CL1 E1 Camille  "Le secret partagé protège la personne."  valence +   2026-04-10
//   #2  CL1 E1 Léo      "Le secret partagé protège"  (overlaps #1)            2026-04-10
//   #3  CL1 E2 Camille                                              valence -   2026-05-01
//   #4  CL1 O1 Camille                                                        2026-04-10
//   #5  CL1 N1 Camille                                                        2026-04-10
//   #6  CL1 D1 Camille  (a text with "quotes", commas)                        2026-04-10
//   #7  CL1 S1 Léo                                                  valence -   2026-04-10
//   #8  CL4 E1 Camille  same turn as #1, no overlap                           2026-04-10
//   #9  CL4 E2 Léo                                                            2026-04-10
//   #10 CL4 O1 Camille                                                        2026-04-10
//   #11 SC1 E1 Camille  "protège la personne" (overlaps #1, same turn)        2026-04-10
//   #12 SC2 D1 Camille                                                        2026-04-10
import { defineAttribute, setAttributeValues } from '../../../service/attributes.ts';
import { createCase, linkSource } from '../../../service/cases.ts';
import { resolveCode } from '../../../service/codebook.ts';
import { ensureCoder } from '../../../service/coders.ts';
import { insertCoding, locatePassage } from '../../../service/codings.ts';
import type { ProjectContext } from '../../../service/context.ts';
import { getSourceText } from '../../../service/sources.ts';
import type { StructureSegment } from '../../../model/types.ts';
import { addText, newProject } from '../../helpers/project.ts';

export const E1_TEXT =
  'Enquêtrice : Parlez-moi du secret partagé.\n' +
  'P1 : Le secret partagé protège la personne. Les usagers ne viennent jamais aux réunions.\n' +
  'Enquêtrice : Et la cellule ?\n';

function turns(text: string): StructureSegment[] {
  const out: StructureSegment[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line) out.push({ kind: 'turn', start: at, end: at + [...line].length, speaker: line.slice(0, line.indexOf(' :')) });
    at += [...line].length + 1;
  }
  return out;
}

export const D1_NAME = 'Charte <b>interne</b> & annexe';
export const D1_QUOTE = 'La charte dit : "partager, oui, mais le minimum".';

export interface Fixture {
  ctx: ProjectContext;
  ids: Record<string, number>;
  codings: number[];
}

export function buildFixture(): Fixture {
  const ctx = newProject({ coder: 'Camille' });
  const leo = ensureCoder(ctx.db, 'Léo');
  const camille = ctx.coder;
  const src = {
    E1: addText(ctx, 'Entretien P1', E1_TEXT, 'interview', turns(E1_TEXT)).id,
    E2: addText(ctx, 'Entretien P2', 'P2 : Le partage d’informations reste flou pour nous.\n', 'interview').id,
    O1: addText(ctx, 'Réunion R1', 'Observation : la coordinatrice rappelle la charte. Aucun usager présent.\n', 'observation').id,
    N1: addText(ctx, 'Carnet', '12 avril : le secret revient dans chaque échange.\n', 'notebook').id,
    D1: addText(ctx, D1_NAME, `Article 3. ${D1_QUOTE} Article 4. La cellule se réunit chaque mois.\n`, 'document').id,
    S1: addText(ctx, 'Synthèse du colloque', 'Atelier 2 : partager le secret peut être violent pour la personne.\n', 'synthesis').id,
  };
  const cases = {
    P1: createCase(ctx, { name: 'P1' }).id,
    P2: createCase(ctx, { name: 'P2' }).id,
    R1: createCase(ctx, { name: 'R1' }).id,
  };
  defineAttribute(ctx, { name: 'secteur', type: 'text' });
  defineAttribute(ctx, { name: "date d'entretien", type: 'date' });
  setAttributeValues(ctx, { caseId: cases.P1 }, 'secteur', ['santé']);
  setAttributeValues(ctx, { caseId: cases.P2 }, 'secteur', ['social']);
  setAttributeValues(ctx, { caseId: cases.P1 }, "date d'entretien", ['2026-03-10']);
  setAttributeValues(ctx, { caseId: cases.P2 }, "date d'entretien", ['2026-04-02']);
  linkSource(ctx, cases.P1, src.E1);
  linkSource(ctx, cases.P2, src.E2);
  linkSource(ctx, cases.R1, src.O1);
  const code = (ref: string) => resolveCode(ctx.db, ref).id;
  const coded: number[] = [];
  const add = (c: string, s: keyof typeof src, text: string, coderId: number, day = '2026-04-10', valence: '+' | '-' | null = null) => {
    const range = locatePassage(getSourceText(ctx.db, src[s]), text, s);
    coded.push(insertCoding(ctx, { sourceId: src[s], codeId: code(c), ...range, coderId, createdAt: `${day}T09:00:00.000Z`, valence }).id);
  };
  ctx.db.transaction(() => {
    add('CL1', 'E1', 'Le secret partagé protège la personne.', camille.id, undefined, '+'); // #1
    add('CL1', 'E1', 'Le secret partagé protège', leo.id); // #2
    add('CL1', 'E2', 'Le partage d’informations reste flou', camille.id, '2026-05-01', '-'); // #3
    add('CL1', 'O1', 'la coordinatrice rappelle la charte', camille.id); // #4
    add('CL1', 'N1', 'le secret revient dans chaque échange', camille.id); // #5
    add('CL1', 'D1', D1_QUOTE, camille.id); // #6
    add('CL1', 'S1', 'partager le secret peut être violent pour la personne', leo.id, undefined, '-'); // #7
    add('CL4', 'E1', 'Les usagers ne viennent jamais aux réunions.', camille.id); // #8
    add('CL4', 'E2', 'reste flou pour nous', leo.id); // #9
    add('CL4', 'O1', 'Aucun usager présent.', camille.id); // #10
    add('SC1', 'E1', 'protège la personne', camille.id); // #11
    add('SC2', 'D1', 'La cellule se réunit chaque mois.', camille.id); // #12
  })();
  return { ctx, ids: { ...src, ...cases, camille: camille.id, leo: leo.id }, codings: coded };
}
