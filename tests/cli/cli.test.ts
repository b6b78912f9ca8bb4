import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/project.ts';
import { tresse } from '../helpers/cli.ts';

const BIN = new URL('../../bin/tresse.mjs', import.meta.url).pathname;

const INTERVIEW = `Enquêtrice : Comment se passe le partage d'informations ?
P3 : Franchement, le secret partagé, c'est confortable pour les institutions. Pour la personne, beaucoup moins.
Enquêtrice : Et la sécurité ?
P3 : La sécurité du logement passe avant tout, et le secret partagé aide à agir vite.
`;

describe('the tresse command', () => {
  it('words the import notes in the user’s language, in text and in JSON', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'entretien-p3.txt'), INTERVIEW);
    writeFileSync(join(dir, 'notes.txt'), Buffer.from('Note : r\xe9union \xe0 la mairie, \x9cuvre commune.\n', 'latin1'));
    expect((await tresse(dir, 'init', 'etude.tresse', '--coder', 'Camille')).code).toBe(0);
    const fr = await tresse(dir, 'import', 'etude.tresse', 'entretien-p3.txt', '--kind', 'entretien');
    expect(fr.out).toContain('4 tours de parole reconnus (Enquêtrice, P3)');
    const en = await tresse(dir, 'import', 'etude.tresse', 'notes.txt', '--kind', 'carnet', '--lang', 'en', '--json');
    expect(JSON.parse(en.out)[0].notes).toEqual(['Encoding recognised: Windows-1252 (Latin-1); the text was converted to UTF-8.']);
  });

  it('creates a project, imports, codes by quotation and retrieves', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'entretien-p3.txt'), INTERVIEW);
    expect((await tresse(dir, 'init', 'etude.tresse', '--coder', 'Camille')).code).toBe(0);

    const imported = await tresse(dir, 'import', 'etude.tresse', 'entretien-p3.txt', '--kind', 'entretien', '--name', 'Entretien P3');
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('Importé : « Entretien P3 »');

    const sources = JSON.parse((await tresse(dir, 'sources', 'etude.tresse', '--json')).out);
    expect(sources).toEqual([expect.objectContaining({ name: 'Entretien P3', kind: 'interview', length: [...INTERVIEW].length })]);

    expect((await tresse(dir, 'case', 'create', 'etude.tresse', 'P3', '--description', 'Assistante sociale')).code).toBe(0);
    expect((await tresse(dir, 'case', 'set', 'etude.tresse', 'P3', 'rôle=assistante sociale;référente RSA', 'secteur=social')).code).toBe(0);
    expect((await tresse(dir, 'case', 'link', 'etude.tresse', 'P3', 'Entretien P3')).code).toBe(0);

    const ambiguous = await tresse(dir, 'code', 'etude.tresse', 'Entretien P3', 'CL1', '--text', 'le secret partagé');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.err).toContain('apparaît 2 fois');

    const coded = await tresse(dir, 'code', 'etude.tresse', 'Entretien P3', 'CL1', '--text', 'le secret partagé', '--occurrence', '2', '--valence', '+');
    expect(coded.code).toBe(0);
    const byRange = await tresse(dir, 'code', 'etude.tresse', 'Entretien P3', 'ST', '--start', '0', '--end', '10', '--json');
    expect(JSON.parse(byRange.out)).toMatchObject({ start: 0, end: 10, segmentKind: 'verbatim' });

    const excerpts = JSON.parse((await tresse(dir, 'codings', 'etude.tresse', '--code', 'CL', '--subcodes', '--json')).out);
    expect(excerpts).toHaveLength(1);
    expect(excerpts[0]).toMatchObject({ text: 'le secret partagé', valence: '+', caseNames: ['P3'], coderName: 'Camille' });
    const filtered = JSON.parse((await tresse(dir, 'codings', 'etude.tresse', '--code', 'CL1', '--attribute', 'secteur=santé', '--json')).out);
    expect(filtered).toEqual([]);

    const hits = JSON.parse((await tresse(dir, 'search', 'etude.tresse', '"securite du logement"', '--json')).out);
    expect(hits.hits).toHaveLength(1);
    expect(hits.hits[0].snippet.slice(hits.hits[0].snippetStart, hits.hits[0].snippetEnd)).toBe('sécurité du logement');

    const cases = JSON.parse((await tresse(dir, 'case', 'list', 'etude.tresse', '--json')).out);
    expect(cases[0].attributes).toEqual({ rôle: ['assistante sociale', 'référente RSA'], secteur: ['social'] });
  });

  it('adds, exports and re-imports the codebook', async () => {
    const dir = tempDir();
    await tresse(dir, 'init', 'a.tresse', '--grid', 'empty');
    expect((await tresse(dir, 'codebook', 'add', 'a.tresse', 'Logement', '--abbrev', 'LO', '--color', '#009e73')).code).toBe(0);
    expect((await tresse(dir, 'codebook', 'add', 'a.tresse', 'Insalubrité', '--parent', 'LO')).code).toBe(0);
    expect((await tresse(dir, 'codebook', 'export', 'a.tresse', '--out', 'grille.csv')).code).toBe(0);
    expect(readFileSync(join(dir, 'grille.csv'), 'utf8')).toContain('Logement / Insalubrité');
    await tresse(dir, 'init', 'b.tresse', '--grid', 'empty');
    const imported = await tresse(dir, 'codebook', 'import', 'b.tresse', 'grille.csv', '--json');
    expect(JSON.parse(imported.out)).toEqual({ added: 2, skipped: 0 });
    const again = await tresse(dir, 'codebook', 'import', 'b.tresse', 'grille.csv', '--json');
    expect(JSON.parse(again.out)).toEqual({ added: 0, skipped: 2 });
    const list = JSON.parse((await tresse(dir, 'codebook', 'list', 'b.tresse', '--json')).out);
    expect(list.map((c: { name: string }) => c.name)).toEqual(['Logement', 'Insalubrité']);
  });

  it('answers user errors with exit 1 in French, or English with --lang en', async () => {
    const dir = tempDir();
    const missing = await tresse(dir, 'sources', 'absent.tresse');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Projet introuvable');
    const en = await tresse(dir, 'sources', 'absent.tresse', '--lang', 'en');
    expect(en.err).toContain('Project not found');
    writeFileSync(join(dir, 'notes.tresse'), 'pas une base');
    expect((await tresse(dir, 'sources', 'notes.tresse')).err).toContain("n'est pas un projet Tresse");
    await tresse(dir, 'init', 'p.tresse');
    writeFileSync(join(dir, 'vide.txt'), '');
    const failed = await tresse(dir, 'import', 'p.tresse', 'vide.txt', '--kind', 'document');
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('ne contient aucun texte');
  });

  it('answers bad usage with exit 2', async () => {
    const dir = tempDir();
    expect((await tresse(dir, 'frobnicate', 'x')).code).toBe(2);
    expect((await tresse(dir, 'import', 'p.tresse', 'f.txt')).code).toBe(2); // no --kind
    expect((await tresse(dir, 'search', 'p.tresse', '--bogus')).code).toBe(2);
    expect((await tresse(dir, '--help')).code).toBe(0);
  });

  it('runs as a real program with the right exit codes', () => {
    const dir = tempDir();
    const ok = execFileSync(process.execPath, [BIN, 'init', join(dir, 'p.tresse'), '--lang', 'en'], { encoding: 'utf8' });
    expect(ok).toContain('Project created');
    const bad = spawnSync(process.execPath, [BIN, 'sources', join(dir, 'absent.tresse')], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'fr_FR.UTF-8', LC_ALL: '', TRESSE_LANG: '' },
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Projet introuvable');
    expect(spawnSync(process.execPath, [BIN, 'nimportequoi'], { encoding: 'utf8' }).status).toBe(2);
  });
});
