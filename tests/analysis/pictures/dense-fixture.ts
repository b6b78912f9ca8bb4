// A 33-code project (the six-theme grid's 31 codes and two more) in which only 8 codes co-occur:
// the grid a student really has, where a 33x33 co-occurrence picture would be a field of zeros.
//
// One interview, one sentence per line; codes applied to the same sentence co-occur.
//   s1 SM1 SM2 SC1          s5 PA1 PA2
//   s2 SM1 SM2              s6 PA2 CL2
//   s3 CL1 CL2 LONG         s7 ST1 (alone)
//   s4 CL1 LONG             s8 DI1 (alone)
// Pairs: SM1–SM2 2, SM1–SC1 1, SM2–SC1 1, CL1–CL2 1, CL1–LONG 2, CL2–LONG 1, PA1–PA2 1, PA2–CL2 1.
// LONG has a name too long for any label; NC ("nouveau code") has the stand-in colour a .qdpx code
// without a colour is stored with, and is never coded.
import { addCode, resolveCode } from '../../../service/codebook.ts';
import { insertCoding, locatePassage } from '../../../service/codings.ts';
import type { ProjectContext } from '../../../service/context.ts';
import { getSourceText } from '../../../service/sources.ts';
import { addText, newProject } from '../../helpers/project.ts';

export const LONG_NAME = 'Représentations négatives, vocabulaire stigmatisant et effets sur l’accès aux soins des personnes concernées';

const SENTENCES = [
  'Je suis infirmière et je rencontre les personnes chez elles.',
  'Je les vois souvent, parfois chaque semaine.',
  'Le secret partagé reste une question délicate pour nous.',
  'On ne dit que ce qui est utile à la personne.',
  'Les bailleurs et la mairie viennent aux réunions.',
  'Avec le CMP on se parle plus facilement maintenant.',
  'Travailler ensemble change le regard sur les personnes.',
  'Le manque de psychiatres reste la première difficulté.',
];

const CODED: [number, string[]][] = [
  [0, ['SM1', 'SM2', 'SC1']],
  [1, ['SM1', 'SM2']],
  [2, ['CL1', 'CL2', 'LONG']],
  [3, ['CL1', 'LONG']],
  [4, ['PA1', 'PA2']],
  [5, ['PA2', 'CL2']],
  [6, ['ST1']],
  [7, ['DI1']],
];

/** The codes that co-occur, and the pairs with their counts, as worked out above. */
export const COOCCURRING = ['SM1', 'SM2', 'SC1', 'CL1', 'CL2', 'LONG', 'PA1', 'PA2'];
export const PAIRS: [string, string, number][] = [
  ['SM1', 'SM2', 2],
  ['SM1', 'SC1', 1],
  ['SM2', 'SC1', 1],
  ['CL1', 'CL2', 1],
  ['CL1', 'LONG', 2],
  ['CL2', 'LONG', 1],
  ['PA1', 'PA2', 1],
  ['PA2', 'CL2', 1],
];

export function buildDenseProject(): ProjectContext {
  const ctx = newProject({ coder: 'Camille' });
  const st = resolveCode(ctx.db, 'ST').id;
  addCode(ctx, { name: LONG_NAME, abbrev: 'LONG', parentId: st, color: '#7b3294' });
  addCode(ctx, { name: 'Nouveau code', abbrev: 'NC', parentId: null, color: '#9e9e9e' });
  const text = `${SENTENCES.join('\n')}\n`;
  const source = addText(ctx, 'Entretien dense', text, 'interview').id;
  ctx.db.transaction(() => {
    for (const [i, codes] of CODED) {
      const range = locatePassage(getSourceText(ctx.db, source), SENTENCES[i]!, 'Entretien dense');
      for (const c of codes) insertCoding(ctx, { sourceId: source, codeId: resolveCode(ctx.db, c).id, ...range, coderId: ctx.coder.id });
    }
  })();
  return ctx;
}
