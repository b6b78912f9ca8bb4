import { afterAll, describe, expect, it } from 'vitest';
import { parseSourceFile } from '../../../exchange/import/index.ts';
import { parseInWorker, useParseWorker } from '../../../exchange/import/worker-host.ts';
import { utf8 } from '../../fixtures/import/make.ts';

// The worker sends back where the file's own bytes encode the text, rather than a copy of them:
// what importSource gets must be what parsing in place gives, bytes included.
describe('the import worker’s answer', () => {
  afterAll(() => useParseWorker());

  it('is the parse done in place, with the file’s UTF-8 bytes when they encode the text', async () => {
    const text = 'Enquêtrice : Et le secret partagé ?\nP1 : Le cœur du problème 😀.\n';
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]);
    // Within a larger buffer, as a view: offsets are the file's, not its buffer's.
    const shared = new Uint8Array(bom.length + 10);
    shared.set(bom, 5);
    const cases: Array<[string, Uint8Array]> = [
      ['plain.txt', utf8(text)],
      ['bom.txt', bom],
      ['view.txt', shared.subarray(5, 5 + bom.length)],
      ['decomposed.txt', utf8(text.normalize('NFD'))],
      ['latin1.txt', Uint8Array.from([0x45, 0x6e, 0x71, 0x75, 0xea, 0x74, 0x65, 0x0a])],
    ];
    for (const [file, bytes] of cases) {
      const inWorker = await parseInWorker(bytes, file);
      const inPlace = await parseSourceFile(bytes, file);
      expect(inWorker, file).toEqual(inPlace);
      expect(inWorker.utf8 === undefined, file).toBe(file === 'decomposed.txt' || file === 'latin1.txt');
    }
  });
});
