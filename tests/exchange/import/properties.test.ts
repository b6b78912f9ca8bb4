import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSourceFile } from '../../../exchange/import/index.ts';
import { isTresseError } from '../../../i18n/error.ts';
import type { ParsedSource } from '../../../model/types.ts';
import { makeDocx, makeOdt, utf8 } from '../../fixtures/import/make.ts';
import { expectWellFormed } from './helpers.ts';

/** Imports, accepting only a result that keeps the invariants or a TresseError. */
async function importOrRefuse(bytes: Uint8Array, name: string): Promise<ParsedSource | null> {
  try {
    const r = await parseSourceFile(bytes, name);
    expectWellFormed(r);
    return r;
  } catch (e) {
    if (isTresseError(e)) return null;
    throw e;
  }
}

const FRAGMENTS = [
  'Enquêtrice : ',
  'Marie : ',
  'MARIE\u202F: ',
  '[Paul] ',
  '[00:12:35] E1 : ',
  'Date : ',
  '# Titre',
  '## Sous-titre',
  'Bonjour',
  ' à vrai dire ',
  'e\u0301te\u0301 ',
  '😊',
  '👩🏽‍⚕️',
  ':',
  ' ',
  '\n',
  '\r\n',
  '\n\n',
  '\uFEFF',
  '\t',
];
const transcript = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));

describe('importer properties', { timeout: 60_000 }, () => {
  let docx: Uint8Array;
  let odt: Uint8Array;
  beforeAll(async () => {
    docx = await makeDocx();
    odt = makeOdt();
  });

  it('random bytes as .txt or .md: a well-formed result or a TresseError, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('a.txt', 'a.md'), async (bytes, name) => {
        await importOrRefuse(bytes, name);
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes as .docx or .odt, with or without a zip signature, are refused with a TresseError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.boolean(), fc.constantFrom('a.docx', 'a.odt'), async (bytes, zipLike, name) => {
        const input = zipLike ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
        expect(await importOrRefuse(input, name)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('damaged real DOCX and ODT files give a well-formed result or a TresseError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        async (isDocx, changes) => {
          const bytes = new Uint8Array(isDocx ? docx : odt);
          for (const [at, value] of changes) bytes[at % bytes.length] = value;
          await importOrRefuse(bytes, isDocx ? 'abime.docx' : 'abime.odt');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('random bytes behind a PDF header are refused with a TresseError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        expect(await importOrRefuse(new Uint8Array([...utf8('%PDF-1.7\n'), ...bytes]), 'a.pdf')).toBeNull();
      }),
      { numRuns: 40 },
    );
  });

  it('transcript-like text: structure inside the text, turns in order and non-overlapping', async () => {
    await fc.assert(
      fc.asyncProperty(transcript, fc.constantFrom('t.txt', 't.md', 't.vtt'), async (text, name) => {
        const r = await importOrRefuse(utf8(text), name);
        if (r && name !== 't.vtt') {
          // Parsing the normalised text again finds the same structure: positions are over the returned text.
          const again = await parseSourceFile(utf8(r.text), name);
          expect(again.structure).toEqual(r.structure);
        }
      }),
      { numRuns: 300 },
    );
  });
});
