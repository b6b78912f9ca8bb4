// A .qdpx brought into a project never leaves one coder with two codings of one passage and one
// code: a passage inside one of that coder's codings is skipped, counted and explained; a wider one
// takes in the narrower (its memos with it). Another coder's coding of the same words is kept.
import { describe, expect, it } from 'vitest';
import { resolveCode } from '../../../service/codebook.ts';
import { ensureCoder } from '../../../service/coders.ts';
import { addCoding, locatePassage, retrieveExcerpts } from '../../../service/codings.ts';
import type { ProjectContext } from '../../../service/context.ts';
import { listMemos } from '../../../service/memos.ts';
import { exportQdpx, importQdpx } from '../../../service/refi.ts';
import { listSources } from '../../../service/sources.ts';
import { addText, newProject } from '../../helpers/project.ts';

const P1 = `P1 : On s'appelle dès qu'une situation se tend ; la confiance s'est construite en réunion.
P1 : Les cultures professionnelles ne sont pas les mêmes, et le suivi s'essouffle après quelques mois.
`;

function code(ctx: ProjectContext, ref: string, passage: string, memo?: string) {
  const source = listSources(ctx.db)[0]!;
  return addCoding(ctx, { sourceId: source.id, codeId: resolveCode(ctx.db, ref).id, ...locatePassage(P1, passage, source.name), ...(memo ? { memo } : {}) });
}

describe('importing codings one coder already has', () => {
  it('skips a passage inside one, folds one inside a wider passage brought over, and keeps other coders', () => {
    const me = newProject({ coder: 'Camille' });
    addText(me, 'Entretien P1', P1);
    code(me, 'PA2', "la confiance s'est construite en réunion");
    code(me, 'PA4', 'Les cultures professionnelles', 'mon mémo');

    // Camille again, coding at home in a copy of the interview, and Léo.
    const home = newProject({ coder: 'Camille' });
    addText(home, 'Entretien P1', P1);
    code(home, 'PA2', "la confiance s'est construite");
    code(home, 'PA4', 'Les cultures professionnelles ne sont pas les mêmes', 'mémo de la maison');
    home.coder = ensureCoder(home.db, 'Léo');
    code(home, 'PA2', "la confiance s'est construite");

    const report = importQdpx(me, exportQdpx(home.db));
    expect(report.codings).toEqual({ added: 2, duplicates: 1, skipped: 0 });
    expect(report.warnings.map((w) => w.fr)).toEqual(
      expect.arrayContaining([
        '1 codage(s) tombent dans un passage que le même codeur a déjà codé avec le même code : non repris, pour ne pas compter ni citer deux fois les mêmes mots.',
        '1 codage(s) contenus dans un passage plus large du même code et du même codeur ont été fondus dans celui-ci (leurs mémos gardés).',
      ]),
    );
    const excerpts = (ref: string) => retrieveExcerpts(me.db, { codeId: resolveCode(me.db, ref).id }).map((x) => [x.coderName, x.text]);
    expect(excerpts('PA2')).toEqual([
      ['Léo', "la confiance s'est construite"],
      ['Camille', "la confiance s'est construite en réunion"],
    ]);
    expect(excerpts('PA4')).toEqual([['Camille', 'Les cultures professionnelles ne sont pas les mêmes']]);
    const [wide] = retrieveExcerpts(me.db, { codeId: resolveCode(me.db, 'PA4').id });
    expect(
      listMemos(me.db, { kind: 'coding', id: wide!.id })
        .map((m) => m.text)
        .sort(),
    ).toEqual(['mon mémo', 'mémo de la maison'].sort());

    // A second import finds everything there.
    const again = importQdpx(me, exportQdpx(home.db));
    expect(again.codings).toEqual({ added: 0, duplicates: 3, skipped: 0 });
  });
});
