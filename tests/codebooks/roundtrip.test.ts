// Any codebook, whatever its text holds, survives export and import in both formats.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCodebookCsv, parseCodebookCsv } from '../../codebooks/csv.ts';
import { exportCodebookJson, parseCodebookJson } from '../../codebooks/json.ts';
import { treeFromFlat } from '../../codebooks/tree.ts';
import type { Code } from '../../model/types.ts';
import { code } from './fixtures.ts';

// Stored text is normalised (no CR), so the generators leave CR out.
const chars = fc.constantFrom(...'aéÉçœ« »,;"\'\n\t/ -=0'.split(''));
const text = fc.string({ unit: chars, maxLength: 30 });
const name = text.map((s) => s.trim()).filter((s) => s !== '');
const color = fc.integer({ min: 0, max: 0xffffff }).map((n) => '#' + n.toString(16).padStart(6, '0'));

const codebook = fc
  .array(fc.record({ name, definition: text, inclusion: text, example: text, color, codable: fc.boolean(), parent: fc.nat() }), { maxLength: 12 })
  .map((rows) => {
    const codes: Code[] = [];
    rows.forEach((r, i) => {
      const parentId = i === 0 || r.parent % 3 === 0 ? null : (r.parent % i) + 1;
      // sibling names must differ: suffix the index
      codes.push(
        code({
          id: i + 1,
          parentId,
          name: `${r.name} ${i}`,
          definition: r.definition,
          inclusion: r.inclusion,
          example: r.example,
          color: r.color,
          codable: r.codable,
          abbrev: i % 2 ? `C${i}` : null,
        }),
      );
    });
    return codes;
  });

describe('codebook exchange round trip', () => {
  it('CSV gives back the same tree, cells guarded against formulas included, in either language', () => {
    fc.assert(
      fc.property(codebook, fc.constantFrom('fr' as const, 'en' as const), (codes, lang) => {
        expect(parseCodebookCsv(exportCodebookCsv(codes, lang))).toEqual(treeFromFlat(codes));
      }),
    );
  });

  it('JSON gives back the same tree', () => {
    fc.assert(
      fc.property(codebook, (codes) => {
        expect(parseCodebookJson(exportCodebookJson(codes))).toEqual(treeFromFlat(codes));
      }),
    );
  });
});
