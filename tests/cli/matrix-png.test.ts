import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { svgToPng } from '../../analysis/pictures/png.ts';
import { darkPixels, decodePng } from '../helpers/png-pixels.ts';
import { tempDir } from '../helpers/project.ts';
import { tresse } from '../helpers/cli.ts';

const INTERVIEW = `Enquêtrice : Comment se passe le partage d'informations ?
P3 : Le secret partagé, c'est confortable pour les institutions. Pour la personne, beaucoup moins.
`;

describe('tresse matrix --format png', () => {
  it('writes the co-occurrence network as a PNG, the same picture as its SVG, labels drawn', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'entretien-p3.txt'), INTERVIEW);
    expect((await tresse(dir, 'init', 'etude.tresse', '--coder', 'Camille')).code).toBe(0);
    expect((await tresse(dir, 'import', 'etude.tresse', 'entretien-p3.txt', '--kind', 'entretien', '--name', 'Entretien P3')).code).toBe(0);
    expect((await tresse(dir, 'code', 'etude.tresse', 'Entretien P3', 'CL1', '--text', 'Le secret partagé')).code).toBe(0);
    expect((await tresse(dir, 'code', 'etude.tresse', 'Entretien P3', 'ST2', '--text', "Le secret partagé, c'est confortable")).code).toBe(0);

    const picture = ['matrix', 'etude.tresse', '--type', 'cooccurrence', '--picture', 'network'];
    const png = await tresse(dir, ...picture, '--format', 'png', '--out', 'reseau.png');
    expect(png).toMatchObject({ code: 0, err: '' });
    expect(png.out).toBe(`Écrit : ${join(dir, 'reseau.png')}`);
    expect((await tresse(dir, ...picture, '--format', 'svg', '--out', 'reseau.svg')).code).toBe(0);

    const written = new Uint8Array(readFileSync(join(dir, 'reseau.png')));
    const svg = readFileSync(join(dir, 'reseau.svg'), 'utf8');
    expect(svg).toContain('>CL1</text>');
    expect(Buffer.from(written).equals(Buffer.from(await svgToPng(svg, { scale: 2 })))).toBe(true);
    const pixels = decodePng(written);
    expect(pixels.width).toBe(Math.round(Number(/width="([\d.]+)"/.exec(svg)![1]) * 2));
    // The title, "Réseau des cooccurrences", at (16, 28) in 18 px bold.
    expect(darkPixels(pixels, { x: 32, y: 20, width: 360, height: 48 })).toBeGreaterThan(500);
  });

  it('draws only the pairs at or above --min-count in the network, and refuses a threshold that is not a whole number', async () => {
    const dir = tempDir();
    // Notes without speaker turns: codes co-occur only where their passages overlap.
    writeFileSync(join(dir, 'notes.txt'), 'Le secret partagé protège.\nLa charte rassure les équipes.\nLes bailleurs viennent aux réunions.\n');
    expect((await tresse(dir, 'init', 'etude.tresse', '--coder', 'Camille')).code).toBe(0);
    expect((await tresse(dir, 'import', 'etude.tresse', 'notes.txt', '--kind', 'document', '--name', 'Notes')).code).toBe(0);
    // CL1 and ST2 together twice, ST2 and PA1 once.
    for (const [code, text] of [
      ['CL1', 'Le secret partagé protège.'],
      ['ST2', 'Le secret partagé'],
      ['CL1', 'La charte rassure les équipes.'],
      ['ST2', 'La charte'],
      ['ST2', 'Les bailleurs viennent'],
      ['PA1', 'Les bailleurs viennent aux réunions.'],
    ]) {
      expect((await tresse(dir, 'code', 'etude.tresse', 'Notes', code!, '--text', text!)).code).toBe(0);
    }
    const network = ['matrix', 'etude.tresse', '--type', 'cooccurrence', '--picture', 'network', '--format', 'svg'];
    const every = await tresse(dir, ...network);
    expect(every.code).toBe(0);
    const nodes = (svg: string) => (svg.match(/<circle[^>]*stroke-width="1.50"/g) ?? []).length;
    expect(nodes(every.out)).toBe(3);
    const strong = await tresse(dir, ...network, '--min-count', '2');
    expect(strong.code).toBe(0);
    expect(nodes(strong.out)).toBe(2);
    expect(strong.out).toContain('>CL1</text>');
    expect(strong.out).not.toContain('>PA1</text>');
    expect(strong.out).toContain('Traits à partir de 2 cooccurrences : 2 codes sur 31');
    const wrong = await tresse(dir, ...network, '--min-count', '0');
    expect(wrong.code).not.toBe(0);
    expect(wrong.err).toContain('--min-count 0');
  });
});
