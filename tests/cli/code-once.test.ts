// The command line codes a passage once per coder and code: inside a coding, refused (exit 1,
// nothing changed); overlapping one, refused with the way out, which --extend takes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tresse } from '../helpers/cli.ts';
import { tempDir } from '../helpers/project.ts';

const INTERVIEW = `P3 : Franchement, le secret partagé, c'est confortable pour les institutions. Pour la personne, beaucoup moins.
`;

describe('tresse code, once per passage', () => {
  it('refuses a passage already coded, offers --extend for an overlapping one, and extends with it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'p3.txt'), INTERVIEW);
    expect((await tresse(dir, 'init', 'etude.tresse', '--coder', 'Camille')).code).toBe(0);
    expect((await tresse(dir, 'import', 'etude.tresse', 'p3.txt', '--kind', 'entretien', '--name', 'P3')).code).toBe(0);
    expect((await tresse(dir, 'code', 'etude.tresse', 'P3', 'CL1', '--text', "le secret partagé, c'est confortable")).code).toBe(0);

    const again = await tresse(dir, 'code', 'etude.tresse', 'P3', 'CL1', '--text', 'secret partagé');
    expect(again.code).toBe(1);
    expect(again.err).toContain('Ce passage est déjà dans l’un de vos codages');

    const across = await tresse(dir, 'code', 'etude.tresse', 'P3', 'CL1', '--text', 'confortable pour les institutions');
    expect(across.code).toBe(1);
    expect(across.err).toContain('--extend');
    const codings = async () => JSON.parse((await tresse(dir, 'codings', 'etude.tresse', '--code', 'CL1', '--json')).out) as Array<{ text: string }>;
    expect((await codings()).map((x) => x.text)).toEqual(["le secret partagé, c'est confortable"]);

    const extended = await tresse(dir, 'code', 'etude.tresse', 'P3', 'CL1', '--text', 'confortable pour les institutions', '--extend');
    expect(extended.code).toBe(0);
    expect((await codings()).map((x) => x.text)).toEqual(["le secret partagé, c'est confortable pour les institutions"]);
    // Another coder may code the same words: that is what agreement compares.
    expect((await tresse(dir, 'code', 'etude.tresse', 'P3', 'CL1', '--text', 'secret partagé', '--coder', 'Léo')).code).toBe(0);
  });
});
