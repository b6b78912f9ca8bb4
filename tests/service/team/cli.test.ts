// The team commands through runCli: export/import REFI-QDA, compare, merge, agreement and review.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/project.ts';
import { refiDir } from '../../exchange/refi/fixtures.ts';
import { tresse } from '../../helpers/cli.ts';

async function withDemo() {
  const dir = tempDir();
  expect((await tresse(dir, 'demo', 'demo.tresse')).code).toBe(0);
  return dir;
}

describe('tresse export / import-qdpx / import-qdc', () => {
  it('exports the demo and builds a new project from the .qdpx; importing again adds nothing', async () => {
    const dir = await withDemo();
    expect((await tresse(dir, 'export', 'demo.tresse', '--format', 'qdpx', '--out', 'demo.qdpx')).code).toBe(0);
    expect((await tresse(dir, 'export', 'demo.tresse', '--out', 'grille.qdc')).code).toBe(0);
    expect(readFileSync(join(dir, 'grille.qdc'), 'utf8')).toContain('<CodeBook');

    const created = await tresse(dir, 'import-qdpx', 'copie.tresse', 'demo.qdpx', '--coder', 'Inès');
    expect(created.code).toBe(0);
    expect(created.out).toContain('Projet créé');
    expect(created.out).toContain('Codages : 120 ajouté(s), 0 déjà présent(s), 0 ignoré(s)');
    expect(JSON.parse((await tresse(dir, 'sources', 'copie.tresse', '--json')).out)).toHaveLength(12);

    const again = await tresse(dir, 'import-qdpx', 'copie.tresse', 'demo.qdpx');
    expect(again.out).toContain('Fusion dans le projet existant');
    expect(again.out).toContain('Codages : 0 ajouté(s), 120 déjà présent(s)');

    // `tresse import` hands a .qdpx to import-qdpx (no --kind needed).
    const viaImport = await tresse(dir, 'import', 'copie.tresse', 'demo.qdpx');
    expect(viaImport.code).toBe(0);
    expect(viaImport.out).toContain('Codages : 0 ajouté(s), 120 déjà présent(s)');

    const qdc = JSON.parse((await tresse(dir, 'import-qdc', 'copie.tresse', 'grille.qdc', '--json')).out);
    expect(qdc).toMatchObject({ added: 0, warnings: [] });
  });

  it('lists what the ATLAS.ti sample could not bring, in the user’s language', async () => {
    const dir = tempDir();
    const sample = join(refiDir, 'samples', 'atlasti-standard-project.qdpx');
    const fr = await tresse(dir, 'import-qdpx', 'atlas.tresse', sample);
    expect(fr.code).toBe(0);
    expect(fr.out).toContain('Source « Mabel.txt » absente de l’archive');
    const en = await tresse(dir, 'import-qdpx', 'atlas2.tresse', sample, '--lang', 'en');
    expect(en.out).toContain('Source "Mabel.txt" is not in the archive');
  });

  it('refuses a file that is not a .qdpx without creating the project', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'faux.qdpx'), 'pas une archive');
    const r = await tresse(dir, 'import-qdpx', 'nouveau.tresse', 'faux.qdpx');
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'nouveau.tresse'))).toBe(false);
    expect((await tresse(dir, 'export', 'nouveau.tresse', '--format', 'pdf', '--out', 'x.pdf')).code).toBe(2);
  });
});

describe('tresse compare-codebooks and merge', () => {
  it('compares, writes the reports, and merges a teammate’s project once, following decisions', async () => {
    const dir = await withDemo();
    expect((await tresse(dir, 'init', 'leo.tresse', '--coder', 'Léo')).code).toBe(0);
    expect((await tresse(dir, 'codebook', 'add', 'leo.tresse', 'Co-construction', '--parent', 'PA')).code).toBe(0);
    expect((await tresse(dir, 'codebook', 'add', 'leo.tresse', 'Précarité', '--parent', 'SM')).code).toBe(0);
    expect((await tresse(dir, 'export', 'leo.tresse', '--out', 'leo.qdc')).code).toBe(0);

    const leoBytes = readFileSync(join(dir, 'leo.tresse'));
    const text = await tresse(dir, 'compare-codebooks', 'demo.tresse', 'leo.qdc', '--out', 'rapport.html');
    expect(text.code).toBe(0);
    expect(text.out).toContain('Ajouté : Travail en partenariat / Co-construction');
    expect(readFileSync(join(dir, 'rapport.html'), 'utf8')).toContain('<td>Travail en partenariat / Co-construction</td>');
    expect((await tresse(dir, 'compare-codebooks', 'demo.tresse', 'leo.tresse', '--out', 'rapport.xlsx')).code).toBe(0);
    expect(readFileSync(join(dir, 'rapport.xlsx')).subarray(0, 2).toString()).toBe('PK');

    const cmp = JSON.parse((await tresse(dir, 'compare-codebooks', 'demo.tresse', 'leo.tresse', '--json')).out);
    const precarite = cmp.diff.added.find((a: { b: { name: string } }) => a.b.name === 'Précarité');
    writeFileSync(join(dir, 'decisions.json'), JSON.stringify([{ id: precarite.id, choice: 'ignore' }]));

    const merged = JSON.parse((await tresse(dir, 'merge', 'demo.tresse', 'leo.tresse', '--decisions', 'decisions.json', '--json')).out);
    expect(merged.codebook).toMatchObject({ added: 1, ignored: 1 });
    const codes = JSON.parse((await tresse(dir, 'codebook', 'list', 'demo.tresse', '--json')).out) as { name: string }[];
    expect(codes.map((c) => c.name)).toContain('Co-construction');
    expect(codes.map((c) => c.name)).not.toContain('Précarité');

    // The teammate's file is read, never written.
    expect(readFileSync(join(dir, 'leo.tresse')).equals(leoBytes)).toBe(true);
    const again = await tresse(dir, 'merge', 'demo.tresse', 'leo.tresse', '--decisions', 'decisions.json');
    expect(again.out).toContain('Livre de codes : 0 code(s) ajouté(s)');
    writeFileSync(join(dir, 'bad.json'), '{"decisions": 3}');
    expect((await tresse(dir, 'merge', 'demo.tresse', 'leo.tresse', '--decisions', 'bad.json')).err).toContain('Fichier de décisions illisible');
  });
});

describe('tresse agreement, disagreements, resolve', () => {
  it('prints the agreement table in French or English and exports it', async () => {
    const dir = await withDemo();
    const fr = await tresse(dir, 'agreement', 'demo.tresse', '--coders', 'Camille,Léo', '--unit', 'segment');
    expect(fr.code).toBe(0);
    expect(fr.out).toContain('Accord observé');
    expect(fr.out).toContain('Ensemble des codes');
    expect(fr.out).toContain('Périmètre : 2 source(s) que chaque codeur comparé a marquée(s) « codage terminé »');
    const en = await tresse(dir, 'agreement', 'demo.tresse', '--coders', 'Camille,Léo', '--lang', 'en', '--code', 'CL');
    expect(en.out).toContain("Cohen's kappa");
    expect(en.out).toContain('Cadre légal et place des usagers / Secret professionnel');
    expect((await tresse(dir, 'agreement', 'demo.tresse', '--coders', 'Camille,Léo', '--out', 'accord.csv')).code).toBe(0);
    expect(readFileSync(join(dir, 'accord.csv'), 'utf8')).toContain('Kappa de Cohen');
    const json = JSON.parse(
      (await tresse(dir, 'agreement', 'demo.tresse', '--coders', 'Camille,Léo', '--threshold', '0,6', '--unit', 'segment', '--json')).out,
    );
    expect(json.overlapThreshold).toBe(0.6);
    expect((await tresse(dir, 'agreement', 'demo.tresse', '--coders', 'Camille')).code).toBe(2);
    expect((await tresse(dir, 'agreement', 'demo.tresse', '--coders', 'Camille,Inès')).code).toBe(1);
  });

  it('lists disagreements and settles one by accepting a coder’s reading', async () => {
    const dir = await withDemo();
    const list = JSON.parse((await tresse(dir, 'disagreements', 'demo.tresse', '--coders', 'Camille,Léo', '--json')).out) as { id: string }[];
    expect(list.length).toBeGreaterThan(0);
    const text = await tresse(dir, 'disagreements', 'demo.tresse', '--coders', 'Camille,Léo');
    expect(text.out).toContain(`[${list[0]!.id}]`);
    const r = await tresse(dir, 'resolve', 'demo.tresse', list[0]!.id, '--coders', 'Camille,Léo', '--accept', 'Camille');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Désaccord réglé');
    const after = JSON.parse((await tresse(dir, 'disagreements', 'demo.tresse', '--coders', 'Camille,Léo', '--json')).out) as { id: string }[];
    expect(after.map((d) => d.id)).not.toContain(list[0]!.id);
    expect((await tresse(dir, 'resolve', 'demo.tresse', list[0]!.id, '--coders', 'Camille,Léo', '--accept', 'Camille')).code).toBe(1);
    expect((await tresse(dir, 'resolve', 'demo.tresse', list[1]!.id, '--coders', 'Camille,Léo')).code).toBe(2);
    expect((await tresse(dir, 'resolve', 'demo.tresse', list[1]!.id, '--coders', 'Camille,Léo', '--discuss', 'À revoir ensemble')).code).toBe(0);
    const review = (await tresse(dir, 'disagreements', 'demo.tresse', '--coders', 'Camille,Léo')).out;
    expect(review).toContain(`[${list[1]!.id}]`);
    expect(review).toContain('[à discuter]');
    expect(review).toContain('✎ À revoir ensemble');
  });
});

describe('tresse done', () => {
  it('lists the marks, marks a source done for a coder, and the agreement takes it in', async () => {
    const dir = await withDemo();
    const list = await tresse(dir, 'done', 'demo.tresse');
    expect(list.code).toBe(0);
    expect(list.out).toContain('Entretien 1 — coordinatrice du CLSM : codage terminé par Léo');
    const before = JSON.parse((await tresse(dir, 'agreement', 'demo.tresse', '--coders', 'Camille,Léo', '--json')).out);
    expect(before.sources).toHaveLength(2);
    const marked = await tresse(dir, 'done', 'demo.tresse', 'Entretien 3 — assistante sociale du CCAS', '--coder', 'Léo');
    expect(marked.code).toBe(0);
    expect(marked.out).toContain('Codage terminé : Entretien 3');
    const after = JSON.parse((await tresse(dir, 'agreement', 'demo.tresse', '--coders', 'Camille,Léo', '--json')).out);
    expect(after.sources.map((s: { name: string }) => s.name)).toContain('Entretien 3 — assistante sociale du CCAS');
    // Léo coded nothing in interview 3: Camille's codings there now count as disagreement.
    expect(after.overall.cohenKappa.kappa).toBeLessThan(before.overall.cohenKappa.kappa);
    expect((await tresse(dir, 'done', 'demo.tresse', 'Entretien 3 — assistante sociale du CCAS', '--coder', 'Léo', '--undo')).code).toBe(0);
    expect(JSON.parse((await tresse(dir, 'agreement', 'demo.tresse', '--coders', 'Camille,Léo', '--json')).out).sources).toHaveLength(2);
    const bad = await tresse(dir, 'agreement', 'demo.tresse', '--coders', 'Camille,Léo', '--unit', 'phrase');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Unité d’analyse inconnue : phrase');
  });
});
