import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tresse } from '../helpers/cli.ts';
import { tempDir } from '../helpers/project.ts';

describe('tresse sets and tresse set', () => {
  it('groups sources and codes, renames, takes out and deletes, and refuses a mistyped member without changing anything', async () => {
    const dir = tempDir();
    for (const name of ['lyon-1', 'lyon-2', 'brest-1']) writeFileSync(join(dir, `${name}.txt`), `Entretien ${name}.\n`);
    expect((await tresse(dir, 'init', 'etude.tresse', '--coder', 'Camille')).code).toBe(0);
    expect((await tresse(dir, 'import', 'etude.tresse', 'lyon-1.txt', 'lyon-2.txt', 'brest-1.txt', '--kind', 'entretien')).code).toBe(0);

    const added = await tresse(dir, 'set', 'etude.tresse', 'add', 'sources', 'Site Lyon', 'lyon-1', 'lyon-2', '--description', 'Vague de mars');
    expect(added).toMatchObject({ code: 0, out: 'Ensemble de sources « Site Lyon » : 2 membre(s)' });
    expect((await tresse(dir, 'set', 'etude.tresse', 'add', 'codes', 'Question 1', 'CL1', 'DI1')).out).toBe('Ensemble de codes « Question 1 » : 2 membre(s)');
    // Adding to a set that exists (its name typed in another case) fills it.
    expect((await tresse(dir, 'set', 'etude.tresse', 'add', 'sources', 'site lyon', 'brest-1')).out).toBe('Ensemble de sources « Site Lyon » : 3 membre(s)');
    const missing = await tresse(dir, 'set', 'etude.tresse', 'remove', 'sources', 'Site Lyon', 'brest-1', 'paris-9');
    expect(missing).toMatchObject({ code: 1, err: expect.stringContaining('Source introuvable : paris-9') });
    expect((await tresse(dir, 'set', 'etude.tresse', 'remove', 'sources', 'Site Lyon', 'brest-1')).out).toContain('2 membre(s)');
    expect((await tresse(dir, 'set', 'etude.tresse', 'rename', 'sources', 'Site Lyon', 'Lyon')).code).toBe(0);

    const listed = await tresse(dir, 'sets', 'etude.tresse');
    expect(listed.out).toBe('sources  Lyon (2) — Vague de mars\n    lyon-1, lyon-2\ncodes  Question 1 (2)\n    CL1, DI1');
    const json = JSON.parse((await tresse(dir, 'sets', 'etude.tresse', '--json')).out);
    expect(json.map((s: { name: string; kind: string }) => `${s.kind}:${s.name}`)).toEqual(['sources:Lyon', 'codes:Question 1']);

    expect((await tresse(dir, 'set', 'etude.tresse', 'delete', 'codes', 'Question 1')).out).toBe('Ensemble supprimé : Question 1');
    const gone = await tresse(dir, 'set', 'etude.tresse', 'delete', 'codes', 'Question 1');
    expect(gone).toMatchObject({ code: 1, err: expect.stringContaining('Ensemble introuvable : Question 1') });
    expect((await tresse(dir, 'sets', 'etude.tresse')).out).toBe('sources  Lyon (2) — Vague de mars\n    lyon-1, lyon-2');
  });

  it('filters excerpts and matrices by a set, and gives the triangulation one column per set of sources', async () => {
    const dir = tempDir();
    for (const name of ['lyon-1', 'brest-1']) writeFileSync(join(dir, `${name}.txt`), `Entretien ${name} : le secret partagé protège.\n`);
    expect((await tresse(dir, 'init', 'etude.tresse', '--coder', 'Camille')).code).toBe(0);
    expect((await tresse(dir, 'import', 'etude.tresse', 'lyon-1.txt', 'brest-1.txt', '--kind', 'entretien')).code).toBe(0);
    for (const source of ['lyon-1', 'brest-1']) {
      expect((await tresse(dir, 'code', 'etude.tresse', source, 'CL1', '--text', 'le secret partagé')).code).toBe(0);
      expect((await tresse(dir, 'code', 'etude.tresse', source, 'CL4', '--text', 'protège')).code).toBe(0);
    }
    await tresse(dir, 'set', 'etude.tresse', 'add', 'sources', 'Lyon', 'lyon-1');
    await tresse(dir, 'set', 'etude.tresse', 'add', 'sources', 'Tous les sites', 'lyon-1', 'brest-1');
    await tresse(dir, 'set', 'etude.tresse', 'add', 'codes', 'Secret', 'CL1');

    const excerpts = async (...filters: string[]) =>
      (JSON.parse((await tresse(dir, 'codings', 'etude.tresse', ...filters, '--json')).out) as { sourceName: string; codeName: string }[]).length;
    expect(await excerpts()).toBe(4);
    expect(await excerpts('--source-set', 'Lyon')).toBe(2);
    expect(await excerpts('--source-set', 'Lyon', '--code-set', 'Secret')).toBe(1);
    const wrong = await tresse(dir, 'codings', 'etude.tresse', '--code-set', 'Lyon');
    expect(wrong).toMatchObject({ code: 1, err: expect.stringContaining('Ensemble introuvable : Lyon') });

    const matrix = JSON.parse((await tresse(dir, 'matrix', 'etude.tresse', '--cols', 'sets', '--code-set', 'Secret', '--format', 'json')).out);
    expect(matrix.columns.map((c: { label: string }) => c.label)).toEqual(['Lyon', 'Tous les sites']);
    // The code set leaves CL4 out: CL1 alone, once in Lyon, twice across both sites.
    const counts = (abbrev: string) => matrix.rows.find((r: { abbrev?: string }) => r.abbrev === abbrev).cells.map((c: { count: number }) => c.count);
    expect(counts('CL1')).toEqual([1, 2]);
    expect(counts('CL4')).toEqual([0, 0]);
  });
});
