import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRealNames } from '../../../service/real-name-scan.ts';
import { tempDir } from '../../helpers/project.ts';
import { tresse } from '../../helpers/cli.ts';

const INTERVIEW = `Enquêtrice : Qui vous a orientée vers la cellule ?
P3 : C'est Marie-Claire Dupont, la coordinatrice. Mme Dupont connaît tout le monde.
Enquêtrice : Et le bailleur ?
P3 : Jean-Marie Lefèvre appelle dès qu'un locataire va mal.
`;

async function setUp() {
  const dir = tempDir();
  writeFileSync(join(dir, 'p3.txt'), INTERVIEW);
  await tresse(dir, 'init', 'etude.tresse', '--coder', 'Camille');
  await tresse(dir, 'import', 'etude.tresse', 'p3.txt', '--kind', 'entretien', '--name', 'Entretien P3');
  await tresse(dir, 'code', 'etude.tresse', 'Entretien P3', 'PA', '--text', 'Mme Dupont connaît tout le monde');
  await tresse(dir, 'code', 'etude.tresse', 'Entretien P3', 'PA', '--text', "appelle dès qu'un locataire va mal");
  return dir;
}

const excerpts = async (dir: string) => (JSON.parse((await tresse(dir, 'codings', 'etude.tresse', '--json')).out) as { text: string }[]).map((x) => x.text);

describe('tresse pseudonymize', () => {
  it('previews with --dry-run, then applies all but the skipped matches', async () => {
    const dir = await setUp();
    writeFileSync(join(dir, 'noms.csv'), 'nom réel;pseudonyme\nMarie-Claire Dupont;Louise Martin\nJean-Marie Lefèvre;Paul Moreau\n');
    const dry = await tresse(dir, 'pseudonymize', 'etude.tresse', '--map', 'noms.csv', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const preview = JSON.parse(dry.out) as { matches: { id: string; found: string }[] };
    expect(preview.matches.map((m) => m.found)).toEqual(['Marie-Claire Dupont', 'Dupont', 'Jean-Marie Lefèvre']);
    const text = await tresse(dir, 'pseudonymize', 'etude.tresse', '--map', 'noms.csv', '--dry-run');
    expect(text.out).toContain('[Marie-Claire Dupont], la coordinatrice');
    expect(text.out).toContain('→ Louise Martin');
    // Nothing written by the dry run, not even the table.
    expect(await excerpts(dir)).toContain('Mme Dupont connaît tout le monde');

    const skip = preview.matches.find((m) => m.found === 'Jean-Marie Lefèvre')!.id;
    const applied = await tresse(dir, 'pseudonymize', 'etude.tresse', '--map', 'noms.csv', '--skip', skip, '--json');
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.out)).toMatchObject({ replaced: 2, sources: 1 });
    expect(applied.out).not.toContain('Dupont');
    expect((await excerpts(dir)).sort()).toEqual(['Mme Martin connaît tout le monde', "appelle dès qu'un locataire va mal"]);
    const unknown = await tresse(dir, 'pseudonymize', 'etude.tresse', '--map', 'noms.csv', '--skip', 's1:0-1');
    expect(unknown.code).toBe(2);
  });

  it('with --forget-real-names, leaves no real name in the project file', async () => {
    const dir = await setUp();
    await tresse(dir, 'search', 'etude.tresse', 'bailleur');
    writeFileSync(join(dir, 'noms.csv'), 'Marie-Claire Dupont;Louise Martin\nJean-Marie Lefèvre;Paul Moreau\n');
    const done = await tresse(dir, 'pseudonymize', 'etude.tresse', '--map', 'noms.csv', '--forget-real-names');
    expect(done.code).toBe(0);
    expect(done.out).toContain('effacés');
    const files = ['etude.tresse', 'etude.tresse-wal'].map((f) => join(dir, f)).filter((f) => existsSync(f));
    for (const f of files) expect(findRealNames(readFileSync(f), ['Marie-Claire Dupont', 'Jean-Marie Lefèvre'])).toEqual([]);
  });

  it('finds a code named after a participant, names it as the app does, and renames it', async () => {
    const dir = await setUp();
    expect((await tresse(dir, 'codebook', 'add', 'etude.tresse', 'Suivi par Marie-Claire Dupont', '--abbrev', 'MCD')).code).toBe(0);
    writeFileSync(join(dir, 'noms.csv'), 'Marie-Claire Dupont;Louise Martin\n');
    const dry = await tresse(dir, 'pseudonymize', 'etude.tresse', '--map', 'noms.csv', '--dry-run');
    expect(dry.out).toMatch(
      /nom de code « MCD — Suivi par Marie-Claire Dupont » #\d+\n {2}\[codes\.name#\d+:10-29\] …Suivi par \[Marie-Claire Dupont\]… → Louise Martin/,
    );
    expect((await tresse(dir, 'pseudonymize', 'etude.tresse', '--map', 'noms.csv')).code).toBe(0);
    const codes = JSON.parse((await tresse(dir, 'codebook', 'list', 'etude.tresse', '--json')).out) as unknown;
    expect(JSON.stringify(codes)).toContain('Suivi par Louise Martin');
    expect(JSON.stringify(codes)).not.toContain('Dupont');
  });

  it('says that the backups taken before still hold the real names, and how to delete them', async () => {
    const dir = await setUp();
    // What the app does on opening the project: a backup, real names and all.
    expect((await tresse(dir, 'backup', 'etude.tresse')).code).toBe(0);
    expect((await tresse(dir, 'backup', 'etude.tresse')).code).toBe(0);
    const backups = join(dir, 'etude.tresse.backups');
    const files = readdirSync(backups).map((f) => join(backups, f));
    expect(files).toHaveLength(2);
    for (const f of files) expect(findRealNames(readFileSync(f), ['Marie-Claire Dupont']).length).toBeGreaterThan(0);

    writeFileSync(join(dir, 'noms.csv'), 'Marie-Claire Dupont;Louise Martin\n');
    const json = JSON.parse((await tresse(dir, 'pseudonymize', 'etude.tresse', '--map', 'noms.csv', '--json')).out);
    expect(json.oldBackups).toEqual({ dir: backups, count: 2, beforeRestore: null, command: 'tresse backups etude.tresse --delete-all' });
    const done = await tresse(dir, 'pseudonymize', 'etude.tresse', '--map', 'noms.csv', '--forget-real-names');
    expect(done.code).toBe(0);
    expect(done.out).toContain('2 sauvegarde(s) prise(s) avant');
    expect(done.out).toContain('contiennent encore les noms réels');
    expect(done.out).toContain(backups);
    expect(done.out).toContain('tresse backups etude.tresse --delete-all');

    // The command it gives does what it says.
    expect((await tresse(dir, 'backups', 'etude.tresse', '--delete-all')).code).toBe(0);
    expect(readdirSync(backups)).toEqual([]);
    writeFileSync(join(dir, 'noms.csv'), 'Jean-Marie Lefèvre;Paul Moreau\n');
    const again = await tresse(dir, 'pseudonymize', 'etude.tresse', '--map', 'noms.csv');
    expect(again.code).toBe(0);
    expect(again.out).not.toContain('sauvegarde');
  });

  it('refuses a table that gives a person a second pseudonym', async () => {
    const dir = await setUp();
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ 'Marie-Claire Dupont': 'Louise Martin' }));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ 'Marie-Claire Dupont': 'Julie Blanc' }));
    expect((await tresse(dir, 'pseudonymize', 'etude.tresse', '--map', 'a.json')).code).toBe(0);
    const again = await tresse(dir, 'pseudonymize', 'etude.tresse', '--map', 'b.json');
    expect(again.code).toBe(1);
    expect(again.err).toContain('Louise Martin');
  });
});

describe('tresse edit', () => {
  it('shows the effect with --dry-run and saves a corrected transcript, codings following', async () => {
    const dir = await setUp();
    writeFileSync(join(dir, 'p3-corrige.txt'), INTERVIEW.replace('orientée', 'orientée, au début,'));
    const dry = await tresse(dir, 'edit', 'etude.tresse', 'Entretien P3', '--file', 'p3-corrige.txt', '--dry-run', '--json');
    expect(JSON.parse(dry.out)).toMatchObject({ removed: [], changes: [{ oldText: '', newText: ', au début,' }] });
    const saved = await tresse(dir, 'edit', 'etude.tresse', 'Entretien P3', '--file', 'p3-corrige.txt');
    expect(saved.code).toBe(0);
    expect(saved.out).toContain('déplacés : 2');
    expect((await excerpts(dir)).sort()).toEqual(['Mme Dupont connaît tout le monde', "appelle dès qu'un locataire va mal"]);
  });

  it('lists codings that would lose all their text and needs --yes to remove them', async () => {
    const dir = await setUp();
    writeFileSync(join(dir, 'coupe.txt'), INTERVIEW.replace(" appelle dès qu'un locataire va mal", ''));
    const refused = await tresse(dir, 'edit', 'etude.tresse', 'Entretien P3', '--file', 'coupe.txt');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("« appelle dès qu'un locataire va mal »");
    expect(refused.err).toContain('--yes');
    expect(await excerpts(dir)).toHaveLength(2);
    const done = await tresse(dir, 'edit', 'etude.tresse', 'Entretien P3', '--file', 'coupe.txt', '--yes');
    expect(done.code).toBe(0);
    expect(await excerpts(dir)).toEqual(['Mme Dupont connaît tout le monde']);
    const text = JSON.parse((await tresse(dir, 'sources', 'etude.tresse', '--json')).out)[0];
    expect(text.length).toBe([...readFileSync(join(dir, 'coupe.txt'), 'utf8')].length);
  });
});
