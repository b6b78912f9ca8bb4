import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { besideName, publishNew, writeFileBeside } from '../../service/write-beside.ts';
import { tempDir } from '../helpers/project.ts';

// Exports and new projects reach their destination whole or not at all (see crash.test.ts for
// killed processes): the previous file stays until the new one is complete, and nothing is left
// beside it.
describe('writing beside the destination', () => {
  it('replaces an export in one step and leaves no temporary file', () => {
    const dir = tempDir();
    const out = join(dir, 'matrice.csv');
    writeFileSync(out, 'ancienne version');
    writeFileBeside(out, '\uFEFFthème;entretiens\n');
    expect(readFileSync(out, 'utf8')).toBe('\uFEFFthème;entretiens\n');
    expect(readdirSync(dir)).toEqual(['matrice.csv']);
  });

  it('leaves the destination as it was when the write fails', () => {
    const dir = tempDir();
    const out = join(dir, 'export.qdpx');
    mkdirSync(out); // cannot be replaced by a file
    writeFileSync(join(out, 'dedans.txt'), 'intact');
    expect(() => writeFileBeside(out, new Uint8Array(1000))).toThrow();
    expect(readdirSync(dir)).toEqual(['export.qdpx']);
    expect(readFileSync(join(out, 'dedans.txt'), 'utf8')).toBe('intact');
  });

  it('puts a new project in place, and never over a file that appeared under its name', () => {
    const dir = tempDir();
    const dest = join(dir, 'etude.tresse');
    const ready = besideName(dest);
    writeFileSync(ready, 'projet complet');
    publishNew(ready, dest);
    expect(readFileSync(dest, 'utf8')).toBe('projet complet');
    expect(readdirSync(dir)).toEqual(['etude.tresse']);

    const again = besideName(dest);
    writeFileSync(again, 'autre projet');
    expect(() => publishNew(again, dest)).toThrow(expect.objectContaining({ code: 'project.exists' }));
    expect(readFileSync(dest, 'utf8')).toBe('projet complet');
  });
});
