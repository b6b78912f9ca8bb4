import { describe, expect, it } from 'vitest';
import { exportCodebookJson, parseCodebookJson } from '../../codebooks/json.ts';
import { treeFromFlat } from '../../codebooks/tree.ts';
import { TresseError } from '../../i18n/error.ts';
import { tricky } from './fixtures.ts';

function failure(text: string): TresseError {
  try {
    parseCodebookJson(text);
  } catch (e) {
    if (e instanceof TresseError) return e;
    throw e;
  }
  throw new Error('expected the import to fail');
}

const file = (codes: unknown) => JSON.stringify({ format: 'tresse-codebook', version: 1, codes });
const G1 = '11111111-1111-4111-8111-111111111111';

describe('codebook JSON', () => {
  it('exports a nested tree with a format marker, siblings in their stored order', () => {
    const data = JSON.parse(exportCodebookJson(tricky()));
    expect(data.format).toBe('tresse-codebook');
    expect(data.version).toBe(1);
    expect(data.codes.map((c: { name: string }) => c.name)).toEqual(['Cadre légal et place des usagers', 'Travail en partenariat / réseau']);
    // position 1 comes before position 2 even though the ids are the other way round
    expect(data.codes[0].children.map((c: { abbrev: string }) => c.abbrev)).toEqual(['CL2', 'CL1']);
    expect(data.codes[1].children[0].children[0].name).toBe('Cultures professionnelles');
  });

  it('reads back exactly what it wrote: guids, accents, quotes, line breaks, headings', () => {
    const codes = tricky();
    const back = parseCodebookJson(exportCodebookJson(codes));
    expect(back).toEqual(treeFromFlat(codes));
    expect(back[0]!.codable).toBe(false);
    expect(back[0]!.children[1]!.inclusion).toBe('Citer la "charte" du conseil');
  });

  it('fills what a hand-written file leaves out and inherits the parent colour', () => {
    const [theme] = parseCodebookJson(file([{ name: 'Précarité', color: '#D55E00', children: [{ name: 'Logement' }] }]));
    expect(theme).toMatchObject({ guid: null, abbrev: null, color: '#d55e00', definition: '', codable: true });
    expect(theme!.children[0]).toMatchObject({ name: 'Logement', color: '#d55e00', children: [] });
  });

  it('says where a colour is wrong', () => {
    const e = failure(file([{ name: 'A', children: [{ name: 'Isolement', color: 'rouge' }] }]));
    expect(e.code).toBe('codebook.format');
    expect(e.params).toMatchObject({ format: 'JSON', reason: 'color', at: 'codes[0].children[0]' });
    expect(String(e.params.detail)).toContain('rouge');
  });

  it('refuses a duplicate guid and names both places', () => {
    const e = failure(
      file([
        { name: 'A', guid: G1 },
        { name: 'B', children: [{ name: 'C', guid: G1.toUpperCase() }] },
      ]),
    );
    expect(e.params.reason).toBe('duplicateGuid');
    expect(String(e.params.detail)).toContain('codes[1].children[0]');
    expect(String(e.params.detail)).toContain('codes[0]');
  });

  it('refuses duplicate abbreviations, sibling names, invalid guids, nameless codes and other formats', () => {
    expect(
      failure(
        file([
          { name: 'A', abbrev: 'X' },
          { name: 'B', abbrev: 'X' },
        ]),
      ).params.reason,
    ).toBe('duplicateAbbrev');
    expect(failure(file([{ name: 'Isolement' }, { name: 'isolement' }])).params.reason).toBe('duplicateName');
    expect(failure(file([{ name: 'A', guid: '42' }])).params.reason).toBe('guid');
    expect(failure(file([{ definition: 'sans nom' }])).params.reason).toBe('name');
    expect(failure('{"format":"qdc","codes":[]}').params.reason).toBe('format');
    expect(failure('{"format":"tresse-codebook","version":2,"codes":[]}').params.reason).toBe('version');
    expect(failure('{"codes": [').params.reason).toBe('syntax');
    expect(failure(file([{ name: 'A', codable: 'oui' }])).params.reason).toBe('type');
  });

  it('accepts siblings with the same name under different parents', () => {
    const codes = parseCodebookJson(
      file([
        { name: 'A', children: [{ name: 'Autre' }] },
        { name: 'B', children: [{ name: 'Autre' }] },
      ]),
    );
    expect(codes).toHaveLength(2);
  });
});
