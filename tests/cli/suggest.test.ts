import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tresse } from '../helpers/cli.ts';
import { addText, tempDir } from '../helpers/project.ts';
import { suggestProject } from '../helpers/suggest-project.ts';

describe('tresse suggest', () => {
  it('prints the leave-one-source-out figures of the fixed project (tests/service/suggest-evaluation.test.ts) beside the baseline', async () => {
    const { ctx } = suggestProject();
    const dir = dirname(ctx.path);
    const human = await tresse(dir, 'suggest', 'projet.tresse', '--evaluate');
    expect(human.code).toBe(0);
    // 5/9 = 55,6 %, 5/27 = 18,5 %; baseline 0 and 6/27 = 22,2 %.
    expect(human.out.split('\n').map((l) => l.trim().replace(/\s+/g, ' '))).toEqual([
      'Évaluation en laissant une source de côté : 3 source(s) codée(s), 9 passage(s) codé(s)',
      'P@1 P@3',
      'Suggestions 55,6 % 18,5 %',
      'Codes les plus fréquents 0,0 % 22,2 %',
      'P@3 des suggestions / P@3 de la référence : 0,83 ×',
    ]);
    const json = JSON.parse((await tresse(dir, 'suggest', 'projet.tresse', '--evaluate', '--json')).out);
    expect(json).toMatchObject({ sources: 3, passages: 9, baseline: { at1: 0 } });
    expect(json.model.at1).toBeCloseTo(5 / 9, 12);
  });

  it('suggests for one paragraph, or for each uncoded one, with the words and excerpts it rests on', async () => {
    const { ctx, codes } = suggestProject();
    const dir = dirname(ctx.path);
    addText(ctx, 'S4', "Le bailleur signale l'expulsion.\nRien.");
    const one = await tresse(dir, 'suggest', 'projet.tresse', 'S4', '--turn', '1');
    expect(one.code).toBe(0);
    expect(one.out).toContain('1. Xa');
    expect(one.out).toMatch(/mots : (bailleur, expulsion|expulsion, bailleur)\n/);
    expect(one.out.split('\n')[0]).toBe('S4 — Paragraphe 1');
    expect(one.out).toContain("« Le bailleur menace d'expulsion. » — S1");
    const all = JSON.parse((await tresse(dir, 'suggest', 'projet.tresse', 'S4', '--json')).out);
    expect(all.uncoded).toBe(2);
    expect(all.passages.map((p: { suggestions: Array<{ codeId: number }> }) => p.suggestions[0]!.codeId)).toEqual([codes.A]);
    expect((await tresse(dir, 'suggest', 'projet.tresse', 'S4', '--turn', '0')).code).not.toBe(0);
  });

  it('explains, without failing, that a project with no codings has nothing to learn from', async () => {
    const dir = tempDir();
    expect((await tresse(dir, 'init', 'vide.tresse', '--grid', 'empty')).code).toBe(0);
    const evaluation = await tresse(dir, 'suggest', 'vide.tresse', '--evaluate');
    expect(evaluation).toMatchObject({ code: 0, out: 'Rien à évaluer : aucune source n’a de passage codé.' });
  });
});
