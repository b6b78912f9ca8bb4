// tresse similar: from a coding or a selection, in words and in JSON, and its refusals.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.ts';
import { tresse } from '../helpers/cli.ts';
import { tempDir } from '../helpers/project.ts';

const A = 'Le secret du logement du voisin.\nSecrets et secret : la mairie.\nUn logement de la mairie.\nLa police.\n';
const B = 'Le secret du voisin ? La police, la police.\nLa mairie.\n';

async function project(): Promise<string> {
  const dir = tempDir();
  writeFileSync(join(dir, 'entretien-a.txt'), A);
  writeFileSync(join(dir, 'entretien-b.txt'), B);
  expect((await tresse(dir, 'init', 'etude.tresse', '--grid', 'empty', '--coder', 'Camille')).code).toBe(0);
  expect((await tresse(dir, 'import', 'etude.tresse', 'entretien-a.txt', 'entretien-b.txt', '--kind', 'entretien')).code).toBe(0);
  expect((await tresse(dir, 'codebook', 'add', 'etude.tresse', 'Secret partagé')).code).toBe(0);
  return dir;
}

describe('tresse similar', () => {
  it('ranks the passages like a selection, in words with the shared ones marked, and in JSON', async () => {
    const dir = await project();
    const said = await tresse(dir, 'similar', 'etude.tresse', '--source', 'entretien-a', '--start', '0', '--end', '32');
    expect(said.code).toBe(0);
    expect(said.out).toBe(
      [
        'Passages semblables à entretien-a [0–32] (secret, logement, voisin)',
        '3 passages, du plus semblable au moins semblable :',
        '  1. 1.33  entretien-b [0–43]',
        '     mots partagés : secret, voisin',
        '     Le [secret] du [voisin] ? La police, la police.',
        '  2. 1.09  entretien-a [64–89]',
        '     mots partagés : logement',
        '     Un [logement] de la mairie.',
        '  3. 0.88  entretien-a [33–63]',
        '     mots partagés : Secrets, secret',
        '     [Secrets] et [secret] : la mairie.',
      ].join('\n'),
    );
    const json = JSON.parse((await tresse(dir, 'similar', 'etude.tresse', '--source', '2', '--start', '0', '--end', '43', '--limit', '1', '--json')).out);
    expect(json.nothing).toBeNull();
    expect(json.passages).toEqual([
      expect.objectContaining({ sourceName: 'entretien-a', start: 0, end: 32, turn: null, words: ['secret', 'voisin'], score: expect.any(Number) }),
    ]);
  });

  it('starts from a coding, leaving out what its code already covers, in English too', async () => {
    const dir = await project();
    expect((await tresse(dir, 'code', 'etude.tresse', 'entretien-a', 'Secret partagé', '--start', '0', '--end', '32')).code).toBe(0);
    expect((await tresse(dir, 'code', 'etude.tresse', 'entretien-b', 'Secret partagé', '--start', '3', '--end', '9')).code).toBe(0);
    const out: string[] = [];
    const code = await runCli(['similar', 'etude.tresse', '--coding', '1', '--lang', 'en'], { out: (t) => out.push(t), err: () => {}, env: {}, cwd: dir });
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('2 passages, most alike first:\n  1. 1.09  entretien-a [64–89]\n     shared words: logement');
  });

  it('explains a selection of only stop words, and refuses bad input without a crash', async () => {
    const dir = await project();
    const stop = await tresse(dir, 'similar', 'etude.tresse', '--source', 'entretien-a', '--start', '10', '--end', '12');
    expect(stop).toMatchObject({ code: 0, out: expect.stringContaining('Rien à comparer : ce passage ne contient que des mots vides') });
    const json = JSON.parse((await tresse(dir, 'similar', 'etude.tresse', '--source', 'entretien-a', '--start', '10', '--end', '12', '--json')).out);
    expect(json).toMatchObject({ passages: [], nothing: 'onlyStopWords' });
    expect(await tresse(dir, 'similar', 'etude.tresse', '--coding', '42')).toMatchObject({ code: 1, err: expect.stringContaining('Codage introuvable : 42') });
    expect(await tresse(dir, 'similar', 'etude.tresse', '--source', 'entretien-a', '--start', '80', '--end', '900')).toMatchObject({
      code: 1,
      err: expect.stringContaining('Passage invalide : 80–900'),
    });
    expect(await tresse(dir, 'similar', 'etude.tresse', '--source', 'nulle-part', '--start', '0', '--end', '9')).toMatchObject({
      code: 1,
      err: expect.stringContaining('Source introuvable : nulle-part'),
    });
    const usage = await tresse(dir, 'similar', 'etude.tresse', '--start', '0');
    expect(usage.code).not.toBe(0);
    expect(usage.err).toContain('tresse similar PROJET');
    expect((await tresse(dir, 'similar', 'etude.tresse', '--coding', '1', '--source', 'entretien-a')).code).not.toBe(0);
  });
});
