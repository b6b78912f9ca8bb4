// `tresse export --target`: a .qdpx written for the program that will read it (exchange/refi/vendor.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../exchange/refi/read-project.ts';
import { sliceCodePoints } from '../../text/offsets.ts';
import { tresse } from '../helpers/cli.ts';
import { tempDir } from '../helpers/project.ts';

const TEXT = 'Zsófia : Szerintem 🤔 mindenki maga dönt 💉.\nSenkit nem lehet kötelezni semmire 🙅‍♀️, ez alapjog.\n';

describe('tresse export --target', () => {
  it('writes UTF-16 positions for NVivo for Windows, which land on the coded words; refuses an unknown target', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'zsofia.txt'), TEXT);
    expect((await tresse(dir, 'init', 'etude.tresse', '--coder', 'Camille')).code).toBe(0);
    expect((await tresse(dir, 'import', 'etude.tresse', 'zsofia.txt', '--kind', 'entretien', '--name', 'Zsófia')).code).toBe(0);
    expect((await tresse(dir, 'code', 'etude.tresse', 'Zsófia', 'CL1', '--text', 'Senkit nem lehet kötelezni')).code).toBe(0);

    const done = await tresse(dir, 'export', 'etude.tresse', '--format', 'qdpx', '--out', 'nvivo.qdpx', '--target', 'nvivo-windows');
    expect(done.code).toBe(0);
    const bytes = new Uint8Array(readFileSync(join(dir, 'nvivo.qdpx')));
    const qde = strFromU8(unzipSync(bytes)['project.qde']!);
    // 🤔 and 💉 come before the passage: its UTF-16 start (a JavaScript index) is two more than in code points.
    const start = TEXT.indexOf('Senkit');
    expect(qde).toContain(`startPosition="${start}" endPosition="${start + 'Senkit nem lehet kötelezni'.length}"`);
    const back = readProject(bytes).snapshot;
    expect(back.codings.map((c) => sliceCodePoints(back.sources[0]!.text, c.start, c.end))).toEqual(['Senkit nem lehet kötelezni']);

    const refused = await tresse(dir, 'export', 'etude.tresse', '--format', 'qdpx', '--out', 'x.qdpx', '--target', 'nvivo');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('--target nvivo');
  });
});
