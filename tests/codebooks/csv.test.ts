import { describe, expect, it } from 'vitest';
import { exportCodebookCsv, parseCodebookCsv } from '../../codebooks/csv.ts';
import { readCsv } from '../../codebooks/csv-format.ts';
import { treeFromFlat } from '../../codebooks/tree.ts';
import { TresseError } from '../../i18n/error.ts';
import { tricky } from './fixtures.ts';

function failure(text: string): TresseError {
  try {
    parseCodebookCsv(text);
  } catch (e) {
    if (e instanceof TresseError) return e;
    throw e;
  }
  throw new Error('expected the import to fail');
}

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('codebook CSV export', () => {
  const csv = exportCodebookCsv(tricky(), 'fr');

  it('starts with a BOM, uses CRLF, the documented header, ";" in French and "," in English', () => {
    expect(csv.startsWith('\uFEFFguid;parent;abbrev;path;name;color;codable;definition;inclusion;exclusion;example\r\n')).toBe(true);
    expect(exportCodebookCsv(tricky(), 'en').startsWith('\uFEFFguid,parent,abbrev,path,name,color,codable,definition,inclusion,exclusion,example\r\n')).toBe(
      true,
    );
  });

  it('writes one row per code, parents first, with the parent guid and the readable path', () => {
    const { records } = readCsv(csv);
    expect(records).toHaveLength(7);
    const soins = records.find((r) => r.fields[4] === 'Soins sans consentement')!;
    expect(soins.fields.slice(0, 4)).toEqual([G(3), G(1), 'CL2', 'Cadre légal et place des usagers / Soins sans consentement']);
    expect(records.findIndex((r) => r.fields[4] === 'Freins')).toBeLessThan(records.findIndex((r) => r.fields[4] === 'Cultures professionnelles'));
  });

  it('quotes fields with the separator, quotes and line breaks (RFC 4180)', () => {
    expect(csv).toContain('"Citer la ""charte"" du conseil"');
    expect(csv).toContain('"Ce qui peut être dit, à qui, et comment.\nDeuxième ligne ; avec un point-virgule."');
    expect(csv).toContain(';Soins sans consentement;');
    expect(exportCodebookCsv(tricky(), 'en')).toContain('"Secret professionnel, secret partagé"');
  });
});

describe('codebook CSV import', () => {
  it('reads back exactly what it wrote', () => {
    const codes = tricky();
    expect(parseCodebookCsv(exportCodebookCsv(codes, 'fr'))).toEqual(treeFromFlat(codes));
    expect(parseCodebookCsv(exportCodebookCsv(codes, 'en'))).toEqual(treeFromFlat(codes));
  });

  it('reads the English file re-saved by Excel in French (semicolons, CRLF, BOM)', () => {
    const excel = exportCodebookCsv(tricky(), 'en').replace(/^\uFEFF/, '');
    const { records } = readCsv(excel);
    const cell = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const resaved = '\uFEFF' + records.map((r) => r.fields.map(cell).join(';')).join('\r\n') + '\r\n';
    expect(resaved).toContain(';');
    expect(parseCodebookCsv(resaved)).toEqual(treeFromFlat(tricky()));
  });

  it('reads a hand-made French sheet: French headers, paths only, oui/non, no guids, an extra column', () => {
    const text = [
      '\uFEFFNom;Chemin;Couleur;Codable;Définition;Exemple;Critère d’inclusion;Remarques',
      'Précarité;Précarité;#E69F00;non;Difficultés matérielles;;;à revoir',
      'Logement;Précarité / Logement;;oui;"Expulsion, insalubrité; habitat indigne";"« Il vivait dans sa voiture »";Sans-abrisme compris;',
      'Isolement;Isolement;#0072B2;;Peu ou pas de liens;;;',
    ].join('\r\n');
    const codes = parseCodebookCsv(text);
    expect(codes.map((c) => c.name)).toEqual(['Précarité', 'Isolement']);
    expect(codes[0]).toMatchObject({ guid: null, codable: false, color: '#e69f00', definition: 'Difficultés matérielles' });
    expect(codes[0]!.children[0]).toMatchObject({
      name: 'Logement',
      codable: true,
      color: '#e69f00',
      definition: 'Expulsion, insalubrité; habitat indigne',
      example: '« Il vivait dans sa voiture »',
      inclusion: 'Sans-abrisme compris',
    });
  });

  it('places a row under the parent named in the parent column, by guid, path or unique name', () => {
    const text = [
      'name,parent,guid',
      `Partenariat,,${G(10)}`,
      `Facteurs facilitants,${G(10)},`,
      'Confiance,Facteurs facilitants,',
      'Réactivité,Partenariat / Facteurs facilitants,',
    ].join('\n');
    // the last row names its parent by a path that no row carries: only guid, path cells and names count
    expect(failure(text).params).toMatchObject({ line: 5, reason: 'parent' });
    const ok = parseCodebookCsv(text.split('\n').slice(0, 4).join('\n'));
    expect(ok[0]!.children[0]!.children[0]!.name).toBe('Confiance');
  });

  it('keeps a name containing " / " whole, because parents are linked by guid', () => {
    const codes = parseCodebookCsv(exportCodebookCsv(tricky(), 'fr'));
    expect(codes[1]!.name).toBe('Travail en partenariat / réseau');
    expect(codes[1]!.children[0]!.name).toBe('Freins');
  });

  it('gives the line of each kind of error', () => {
    const head = 'guid,parent,name,color';
    expect(failure(`${head}\n${G(1)},,A,#00ff00\n${G(2)},,B,vert`).params).toMatchObject({ line: 3, reason: 'color' });
    expect(failure(`${head}\n${G(1)},,A,\n${G(1)},,B,`).params.reason).toBe('duplicateGuid');
    expect(failure(`${head}\n${G(1)},${G(2)},A,\n${G(2)},${G(1)},B,`).params).toMatchObject({ line: 2, reason: 'cycle' });
    expect(failure(`${head}\n,${G(9)},A,`).params).toMatchObject({ line: 2, reason: 'parent' });
    expect(failure(`${head}\n,,,#000000`).params).toMatchObject({ line: 2, reason: 'name' });
    expect(failure('guid,definition\nx,y').params.reason).toBe('column');
    expect(failure('name,name\nA,B').params.reason).toBe('column');
    expect(failure('name,codable\nA,peut-être').params).toMatchObject({ line: 2, reason: 'codable' });
    expect(failure('name,definition\nA,"jamais fermé\nsur deux lignes').params).toMatchObject({ line: 2, reason: 'quote' });
    expect(failure('name,definition\nA,"fermé" puis texte').params.reason).toBe('quote');
    expect(failure('name,definition\nA,une, virgule de trop').params).toMatchObject({ line: 2, reason: 'fields' });
    expect(failure('').params.reason).toBe('empty');
  });

  it('counts lines inside quoted fields when reporting a later error', () => {
    const text = 'name,definition,color\nA,"trois\nlignes\nici",#000000\nB,,#zzzzzz';
    expect(failure(text).params.line).toBe(5);
  });

  it('honours an Excel "sep=" line and skips blank lines', () => {
    const codes = parseCodebookCsv('sep=;\nname;definition\n\nA;un, deux\n\n');
    expect(codes).toHaveLength(1);
    expect(codes[0]!.definition).toBe('un, deux');
  });
});
