// A .qdpx read for its preview is not read again by the import of the same bytes; the import
// then does exactly what it does without a preview.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeProject } from '../../../service/project.ts';
import { reportOnQdpx } from '../../../service/exchange-report.ts';
import { readQdpxForImport, readQdpxForPreview } from '../../../service/qdpx-reading.ts';
import { importQdpxAsNewProject } from '../../../service/refi.ts';
import { tempDir } from '../../helpers/project.ts';
import { messyQdpx } from '../../exchange/refi/report-fixture.ts';

const copy = (bytes: Uint8Array) => new Uint8Array(bytes);

describe('the reading of a .qdpx kept from its preview', () => {
  it('is taken by the import of the same bytes and name, once', () => {
    const bytes = messyQdpx();
    const previewed = readQdpxForPreview(bytes, 'terrain.qdpx');
    // The same bytes arrive again in another buffer, as they do from the window.
    expect(readQdpxForPreview(copy(bytes), 'terrain.qdpx')).toBe(previewed);
    expect(readQdpxForImport(copy(bytes), 'autre.qdpx')).not.toBe(previewed);
    expect(readQdpxForImport(copy(bytes), 'terrain.qdpx')).toBe(previewed);
    const again = readQdpxForImport(copy(bytes), 'terrain.qdpx');
    expect(again).not.toBe(previewed);
    expect(again).toEqual(previewed);
  });

  it('is not taken for other bytes', () => {
    const bytes = messyQdpx();
    const previewed = readQdpxForPreview(bytes, 'terrain.qdpx');
    const changed = copy(bytes);
    changed[changed.length - 30]! ^= 1;
    let other: unknown = null;
    try {
      other = readQdpxForImport(changed, 'terrain.qdpx');
    } catch {
      // Read again, and found damaged: not the kept reading either.
    }
    expect(other).not.toBe(previewed);
    expect(readQdpxForImport(copy(bytes), 'terrain.qdpx')).toBe(previewed);
  });

  it('gives the import it gives without a preview', () => {
    const dir = tempDir();
    const bytes = messyQdpx();
    const alone = importQdpxAsNewProject(join(dir, 'seul.tresse'), copy(bytes), { fileName: 'terrain.qdpx' });
    reportOnQdpx({ fileName: 'terrain.qdpx', bytes: copy(bytes) });
    const previewed = importQdpxAsNewProject(join(dir, 'apercu.tresse'), copy(bytes), { fileName: 'terrain.qdpx' });
    expect(previewed.result).toEqual(alone.result);
    const content = (db: typeof alone.ctx.db) =>
      db
        .prepare(
          `SELECT s.guid, s.name, s.text, c.guid AS code, k.guid AS coding, k.start, k.end, d.guid AS coder
           FROM codings k JOIN sources s ON s.id = k.source_id JOIN codes c ON c.id = k.code_id JOIN coders d ON d.id = k.coder_id ORDER BY k.guid`,
        )
        .all();
    expect(content(previewed.ctx.db)).toEqual(content(alone.ctx.db));
    closeProject(alone.ctx);
    closeProject(previewed.ctx);
  });
});
