import { describe, expect, it } from 'vitest';
import { readCodebook, readCodebookWithWarnings } from '../../../exchange/refi/read-codebook.ts';
import { writeCodebook } from '../../../exchange/refi/write-codebook.ts';
import { TresseError } from '../../../i18n/error.ts';
import { sampleSnapshot, schemaErrors, utf16leBom } from './fixtures.ts';

describe('REFI-QDA codebook (.qdc)', () => {
  it('writes a codebook the official schema accepts', async () => {
    const xml = writeCodebook(sampleSnapshot().codes);
    expect(await schemaErrors(xml, 'Codebook.xsd')).toEqual([]);
  });

  it('reads back the same tree, names, colours, definitions and codable flags', () => {
    const codes = sampleSnapshot().codes;
    expect(readCodebook(writeCodebook(codes))).toEqual(codes);
  });

  it('keeps a code that is both a parent and codable', () => {
    const codes = readCodebook(writeCodebook(sampleSnapshot().codes));
    const sc = codes.find((c) => c.name === 'SC – Situations complexes')!;
    expect(sc.codable).toBe(true);
    expect(codes.filter((c) => c.parentGuid === sc.guid).map((c) => c.name)).toEqual(['Apports des réunions']);
  });

  it('reads what other tools write: braces, upper case, short colours, no colour, UTF-16', () => {
    const xml = `<?xml version="1.0" encoding="utf-16"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Some QDA 12">
  <Codes>
    <Code guid="{A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF}" name="PA – Partenariat" isCodable="false" color="#0F0">
      <Code guid="A1B2C3D4-E5F6-4711-8899-AABBCCDDEE00" name="Ce qui aide" isCodable="1">
        <Description>Réactivité, connaissance mutuelle</Description>
      </Code>
    </Code>
  </Codes>
  <Sets><Set guid="A1B2C3D4-E5F6-4711-8899-AABBCCDDEE01" name="favoris"/></Sets>
</CodeBook>`;
    expect(readCodebook(utf16leBom(xml))).toEqual([
      { guid: 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff', parentGuid: null, name: 'PA – Partenariat', color: '#00ff00', definition: '', codable: false },
      {
        guid: 'a1b2c3d4-e5f6-4711-8899-aabbccddee00',
        parentGuid: 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff',
        name: 'Ce qui aide',
        color: '#9e9e9e',
        noColor: true,
        definition: 'Réactivité, connaissance mutuelle',
        codable: true,
      },
    ]);
  });

  it('says which sets of a codebook it leaves out', () => {
    const xml = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="a1b2c3d4-e5f6-4711-8899-aabbccddeeff" name="DI" isCodable="true"/></Codes>
<Sets><Set guid="a1b2c3d4-e5f6-4711-8899-aabbccddee01" name="Thèmes prioritaires"><MemberCode guid="a1b2c3d4-e5f6-4711-8899-aabbccddeeff"/></Set></Sets></CodeBook>`;
    const { codes, warnings } = readCodebookWithWarnings(xml);
    expect(codes.map((c) => c.name)).toEqual(['DI']);
    expect(warnings.map((w) => [w.code, w.params.count, w.params.names])).toEqual([['refi.setsSkipped', 1, 'Thèmes prioritaires']]);
  });

  it('refuses an empty codebook rather than write a file the schema rejects', () => {
    expect(() => writeCodebook([])).toThrowError(expect.objectContaining({ code: 'refi.emptyCodebook' }));
  });

  it('refuses a codebook carrying an entity declaration, before parsing it', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE CodeBook [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="a1b2c3d4-e5f6-4711-8899-aabbccddeeff" name="&x;" isCodable="true"/></Codes></CodeBook>`;
    expect(() => readCodebook(xml)).toThrowError(expect.objectContaining({ code: 'xml.doctype' }));
  });

  it('reports malformed XML and a project file given as a codebook as TresseErrors', () => {
    expect(() => readCodebook('<CodeBook><Codes></CodeBook>')).toThrowError(TresseError);
    expect(() => readCodebook('<Project name="x"/>')).toThrowError(expect.objectContaining({ code: 'refi.wrongRoot' }));
  });
});
