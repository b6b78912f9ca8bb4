// What the command line says and leaves behind when it refuses: untouched project files, plain
// reasons, short bad-usage answers, and listings in the user's language.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCoders } from '../../service/coders.ts';
import { closeProject, openProject } from '../../service/project.ts';
import { tempDir } from '../helpers/project.ts';
import { tresse } from '../helpers/cli.ts';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function coderNames(file: string): string[] {
  const ctx = openProject(file, undefined, { lock: false, newCoder: 'on-first-use' });
  try {
    return listCoders(ctx.db).map((c) => c.name);
  } finally {
    closeProject(ctx);
  }
}

async function projectWithTwoSources(dir: string) {
  expect((await tresse(dir, 'init', 'p.tresse', '--coder', 'Camille')).code).toBe(0);
  writeFileSync(join(dir, 'a.txt'), 'Le secret partagé rassure. Le secret inquiète aussi.\n');
  writeFileSync(join(dir, 'b.txt'), 'Un autre secret.\n');
  expect((await tresse(dir, 'import', 'p.tresse', 'a.txt', '--kind', 'entretien')).code).toBe(0);
  expect((await tresse(dir, 'import', 'p.tresse', 'b.txt', '--kind', 'carnet')).code).toBe(0);
}

describe('a refused command with a new --coder', () => {
  it('leaves the project file byte for byte as it was; a successful one records the coder', async () => {
    const dir = tempDir();
    await tresse(dir, 'init', 'p.tresse', '--coder', 'Camille');
    writeFileSync(join(dir, 'empty.txt'), '');
    const before = sha256(join(dir, 'p.tresse'));

    const refused = await tresse(dir, 'import', 'p.tresse', 'empty.txt', '--kind', 'entretien', '--coder', 'Autre');
    expect(refused.code).toBe(1);
    const notCoded = await tresse(dir, 'code', 'p.tresse', 'absente', 'CL1', '--text', 'x', '--coder', 'Autre');
    expect(notCoded.code).toBe(1);
    expect(sha256(join(dir, 'p.tresse'))).toBe(before);
    expect(coderNames(join(dir, 'p.tresse'))).toEqual(['Camille']);

    writeFileSync(join(dir, 'a.txt'), 'Le secret partagé rassure.\n');
    const done = await tresse(dir, 'import', 'p.tresse', 'a.txt', 'absent.txt', '--kind', 'entretien', '--coder', 'Autre');
    expect(done.code).toBe(1); // one of the two files is missing; the other is imported
    expect(coderNames(join(dir, 'p.tresse'))).toEqual(['Autre', 'Camille']);
    const sources = JSON.parse((await tresse(dir, 'sources', 'p.tresse', '--json')).out);
    expect(sources).toEqual([expect.objectContaining({ name: 'a', origin: expect.objectContaining({ importedBy: 'Autre' }) })]);
  });

  it('records a coder first needed inside a change that is rolled back only when a later change commits', async () => {
    const dir = tempDir();
    await tresse(dir, 'init', 'p.tresse', '--coder', 'Camille');
    const ctx = openProject(join(dir, 'p.tresse'), 'Léa', { newCoder: 'on-first-use' });
    try {
      expect(listCoders(ctx.db).map((c) => c.name)).toEqual(['Camille']);
      const refused = ctx.db.transaction(() => {
        expect(ctx.coder.name).toBe('Léa');
        throw new Error('refused');
      });
      expect(refused).toThrow('refused');
      expect(listCoders(ctx.db).map((c) => c.name)).toEqual(['Camille']);
      const lea = ctx.coder;
      expect(listCoders(ctx.db)).toContainEqual(lea);
    } finally {
      closeProject(ctx);
    }
  });
});

describe('import failures', () => {
  it('say that a missing file does not exist, and sum up plainly', async () => {
    const dir = tempDir();
    await tresse(dir, 'init', 'p.tresse');
    const fr = await tresse(dir, 'import', 'p.tresse', 'nope.txt', '--kind', 'entretien');
    expect(fr.code).toBe(1);
    expect(fr.err).toContain(`Le fichier ${join(dir, 'nope.txt')} n’existe pas.`);
    expect(fr.err).toContain('1 fichier sur 1 n’a pas pu être importé.');
    expect(fr.err).not.toContain('Valeur invalide');

    const en = await tresse(dir, 'import', 'p.tresse', 'nope.txt', '--kind', 'entretien', '--lang', 'en');
    expect(en.err).toContain(`The file ${join(dir, 'nope.txt')} does not exist.`);
    expect(en.err).toContain('1 of 1 files could not be imported.');

    writeFileSync(join(dir, 'vide.txt'), '');
    writeFileSync(join(dir, 'ok.txt'), 'Du texte.\n');
    const many = await tresse(dir, 'import', 'p.tresse', 'nope.txt', 'vide.txt', 'ok.txt', '--kind', 'document');
    expect(many.code).toBe(1);
    expect(many.err).toContain('2 fichiers sur 3 n’ont pas pu être importés.');
  });

  it('say that a missing file does not exist in other commands too, not as an internal error', async () => {
    const dir = tempDir();
    await tresse(dir, 'init', 'p.tresse');
    const r = await tresse(dir, 'codebook', 'import', 'p.tresse', 'grille.json');
    expect(r.code).toBe(1);
    expect(r.err).toBe(`Le fichier ${join(dir, 'grille.json')} n’existe pas.`);
  });
});

describe('bad usage', () => {
  it('exits 2 with one line and the usage of that command only', async () => {
    const dir = tempDir();
    await projectWithTwoSources(dir);
    const noQuery = await tresse(dir, 'search', 'p.tresse');
    expect(noQuery.code).toBe(2);
    expect(noQuery.err.split('\n')).toEqual([
      'Usage incorrect : Il manque la requête.',
      'Usage :',
      '  tresse search PROJET REQUÊTE [--limit N] [--kind TYPE] [--json]',
      'Aide complète : tresse --help',
    ]);

    const kind = await tresse(dir, 'search', 'p.tresse', 'secret', '--kind', 'interviewz');
    expect(kind.code).toBe(2);
    expect(kind.err).toContain('interviewz (attendu : entretien, observation, carnet, document, synthèse)');
    expect(kind.err).not.toContain('pseudonymize');
    const codingsKind = await tresse(dir, 'codings', 'p.tresse', '--kind', 'interviewz', '--lang', 'en');
    expect(codingsKind.code).toBe(2);
    expect(codingsKind.err).toContain('(expected: interview, observation, notebook, document, synthesis)');

    const unknownCommand = await tresse(dir, 'frobnicate', 'p.tresse');
    expect(unknownCommand.err.split('\n')).toEqual(['Usage incorrect : Commande inconnue : frobnicate', 'Aide complète : tresse --help']);
  });

  it('words the option parser’s complaints in the user’s language', async () => {
    const dir = tempDir();
    const unknown = await tresse(dir, 'sources', 'p.tresse', '--bogus');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Usage incorrect : option --bogus inconnue');
    expect(unknown.err).toContain('tresse sources PROJET [--json]');
    expect((await tresse(dir, 'sources', 'p.tresse', '--bogus', '--lang', 'en')).err).toContain('Bad usage: unknown option --bogus');
    const missing = await tresse(dir, 'import', 'p.tresse', 'f.txt', '--kind');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('l’option --kind attend une valeur');
    expect(missing.err).not.toContain('argument missing');
    expect((await tresse(dir, 'sources', 'p.tresse', '--json=oui')).err).toContain('l’option --json ne prend pas de valeur');
  });
});

describe('listings', () => {
  it('list sources in the chosen language', async () => {
    const dir = tempDir();
    await projectWithTwoSources(dir);
    await tresse(dir, 'case', 'create', 'p.tresse', 'P1');
    await tresse(dir, 'case', 'link', 'p.tresse', 'P1', 'a');
    await tresse(dir, 'code', 'p.tresse', 'a', 'CL1', '--text', 'secret partagé');
    const en = (await tresse(dir, 'sources', 'p.tresse', '--lang', 'en')).out;
    expect(en).toMatch(/interview +a {2}\[53 chars, 1 coding\] {2}case: P1/);
    expect(en).toMatch(/notebook +b {2}\[17 chars, 0 codings\]/);
    expect(en).not.toMatch(/car\.|codages|cas :/);
    const fr = (await tresse(dir, 'sources', 'p.tresse')).out;
    expect(fr).toMatch(/entretien +a {2}\[53 car\., 1 codage\] {2}cas : P1/);
  });

  it('count search results with --limit and plurals', async () => {
    const dir = tempDir();
    await projectWithTwoSources(dir);
    const limited = await tresse(dir, 'search', 'p.tresse', 'secret', '--limit', '1');
    expect(limited.out.split('\n')[0]).toBe('1 résultat affiché, limite atteinte (--limit 1) ; la requête trouve des passages dans 2 sources.');
    expect(limited.out.split('\n')).toHaveLength(2);
    const en = await tresse(dir, 'search', 'p.tresse', 'secret', '--limit', '2', '--lang', 'en');
    expect(en.out.split('\n')[0]).toBe('2 hits shown, limit reached (--limit 2); the query matches passages in 2 sources.');
    expect((await tresse(dir, 'search', 'p.tresse', 'secret')).out.split('\n')[0]).toBe('3 résultats dans 2 sources');
    expect((await tresse(dir, 'search', 'p.tresse', 'autre')).out.split('\n')[0]).toBe('1 résultat dans 1 source');
  });
});
