import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../../exchange/zip-write.ts';

describe('writeZip', () => {
  it('writes an archive other readers open, with UTF-8 names, deflated and stored entries', () => {
    const text = new TextEncoder().encode('Enquêtrice : le secret partagé… '.repeat(200));
    const tiny = new Uint8Array([7]);
    const zip = writeZip(
      [
        { name: 'project.qde', data: text },
        { name: 'sources/entretien-é.txt', data: tiny },
      ],
      new Date(2026, 10, 23, 9, 30, 12),
    );
    expect(zip.length).toBeLessThan(text.length); // the text was compressed
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(['project.qde', 'sources/entretien-é.txt']);
    expect(files['project.qde']).toEqual(text);
    expect(files['sources/entretien-é.txt']).toEqual(tiny);
  });

  it('writes an empty archive', () => {
    expect(unzipSync(writeZip([]))).toEqual({});
  });
});
