// `tresse exchange-report FILE.qdpx`: the report as a person reads it (French first, English on
// request) and as a script reads it (--json), no project named, no file written.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messyQdpx } from '../exchange/refi/report-fixture.ts';
import { tresse } from '../helpers/cli.ts';
import { tempDir } from '../helpers/project.ts';

function withFile(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'reseau.qdpx'), messyQdpx());
  return dir;
}

describe('tresse exchange-report', () => {
  it('lists what will be imported, adapted and lost, under their headings, in French', async () => {
    const dir = withFile();
    const r = await tresse(dir, 'exchange-report', 'reseau.qdpx');
    expect(r.code).toBe(0);
    const [head, rest] = [r.out.split('\nSera adapté :')[0]!, r.out.split('\nSera adapté :')[1]!];
    expect(head).toContain('Avant d’importer « reseau.qdpx » (projet « Réseau local »)');
    expect(head).toContain('Écrit par : VendorQDA 2024');
    expect(head).toMatch(/Sera importé :\n(.|\n)* {2}2 source\(s\)\n(.|\n)* {2}2 codage\(s\)/);
    const [adapted, afterAdapted] = rest.split('\nNe peut pas être gardé :');
    expect(adapted).toContain('Fins de ligne Windows (CRLF) converties en fins de ligne simples dans 1 texte(s) : Entretien P07.');
    const [notKept, bad] = afterAdapted!.split('\nErreurs dans le fichier (le reste est importé) :');
    expect(notKept).toContain('Source « Plan du quartier » de type picture');
    expect(bad).toContain(
      '1 passage(s) de « Entretien P07 » finissent après la fin de son texte (151 caractères ; par exemple 400–420) : ignoré(s), les autres passages sont importés.',
    );
    expect(bad).toContain(
      'Deux éléments (code) portent l’identifiant c0de0000-2222-4222-8222-00000000000a : le premier est importé, « Confiance (copie) » est laissé de côté',
    );
    expect(r.out.trimEnd().endsWith('Rien n’a encore été écrit : importez le fichier pour l’ajouter au projet.')).toBe(true);
    expect(readdirSync(dir)).toEqual(['reseau.qdpx']);
  });

  it('speaks English with --lang en, and gives the report as JSON with --json', async () => {
    const dir = withFile();
    const en = await tresse(dir, 'exchange-report', 'reseau.qdpx', '--lang', 'en');
    expect(en.out).toContain('Cannot be kept:');
    expect(en.out).toContain(
      '1 passage(s) of "Entretien P07" end past the end of its text (151 characters; for instance 400–420): skipped, the other passages are imported.',
    );
    const json = JSON.parse((await tresse(dir, 'exchange-report', 'reseau.qdpx', '--json')).out);
    expect(json).toMatchObject({ file: 'reseau.qdpx', name: 'Réseau local', origin: 'VendorQDA 2024' });
    expect(json.counts).toContainEqual({ item: 'codings', count: 2 });
  });

  it('says plainly when the file is missing or not an archive', async () => {
    const dir = tempDir();
    const missing = await tresse(dir, 'exchange-report', 'absent.qdpx');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('absent.qdpx');
    writeFileSync(join(dir, 'faux.qdpx'), 'pas une archive');
    const damaged = await tresse(dir, 'exchange-report', 'faux.qdpx', '--lang', 'en');
    expect(damaged.code).toBe(1);
    expect(damaged.err).toContain('"faux.qdpx" is not a readable REFI-QDA (.qdpx) file: it is not a ZIP archive');
    expect(readdirSync(dir).sort()).toEqual(['faux.qdpx']);
  });
});
