// The citation format from the command line: shown, set, refused with the user's words and left
// as it was, and followed by the excerpts `tresse codings` prints.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/project.ts';
import { tresse } from '../helpers/cli.ts';

const INTERVIEW = `[00:12:04] Enquêtrice : Comment se passe le partage d'informations ?
[00:12:31] P3 : Franchement, le secret partagé, c'est confortable pour les institutions. Pour la personne, beaucoup moins.
`;

describe('tresse citation', () => {
  it('shows, sets and refuses the citation format, and the excerpts follow it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'entretien-p3.txt'), INTERVIEW);
    expect((await tresse(dir, 'init', 'etude.tresse', '--coder', 'Camille')).code).toBe(0);
    expect((await tresse(dir, 'import', 'etude.tresse', 'entretien-p3.txt', '--kind', 'entretien', '--name', 'Entretien P3')).code).toBe(0);
    expect((await tresse(dir, 'code', 'etude.tresse', 'Entretien P3', 'CL1', '--text', "c'est confortable pour les institutions")).code).toBe(0);

    expect((await tresse(dir, 'citation', 'etude.tresse')).out).toBe('{source}, {case}, {speaker}, § {paragraph}, {time}');
    const codings = await tresse(dir, 'codings', 'etude.tresse', '--code', 'CL1');
    // Source, speaker (no case here), paragraph and time; the excerpt starts inside its sentence.
    expect(codings.out).toContain("— Secret professionnel et partage d'informations · Entretien P3, P3, § 2, 00:12:31 · Camille");
    expect(codings.out).toContain("«\u00a0[…] c'est confortable pour les institutions\u00a0»");

    expect((await tresse(dir, 'citation', 'etude.tresse', '{speaker} ({time})')).out).toBe('{speaker} ({time})');
    const refused = await tresse(dir, 'citation', 'etude.tresse', '{speaker}, {minute}');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Élément inconnu dans le format des citations : {minute}');
    expect(JSON.parse((await tresse(dir, 'citation', 'etude.tresse', '--json')).out)).toMatchObject({ template: '{speaker} ({time})' });
    expect((await tresse(dir, 'codings', 'etude.tresse', '--code', 'CL1')).out).toContain("d'informations · P3 (00:12:31) · Camille");
    expect((await tresse(dir, 'citation', 'etude.tresse', '')).out).toBe('{source}, {case}, {speaker}, § {paragraph}, {time}');
  });
});
