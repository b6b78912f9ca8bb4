// Positions as each program counts them: fixtures written in the manner of NVivo for Windows and Mac,
// ATLAS.ti, MAXQDA and QualCoder (vendor-fixtures.ts), each coding checked against the words the coder
// selected, and the import report checked for what it says about the reading it used.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../../exchange/refi/read-project.ts';
import { detectVendor } from '../../../exchange/refi/vendor.ts';
import { mapSelections } from '../../../exchange/refi/positions.ts';
import { sliceCodePoints } from '../../../text/offsets.ts';
import { SOURCES, vendorQdpx, type FixtureSource, type Manner } from './vendor-fixtures.ts';

function excerpts(result: ReturnType<typeof readProject>): string[] {
  const { sources, codings } = result.snapshot;
  return codings.map((c) => sliceCodePoints(sources.find((s) => s.guid === c.sourceGuid)!.text, c.start, c.end));
}

const EXPECTED = SOURCES.flatMap((s) => s.passages.map((p) => p.words));

describe('positions where each program put them', () => {
  const cases: [Manner, string, [string, unknown, unknown][]][] = [
    // NVivo for Windows: UTF-16 units, CRLF as 2; the report says so for each source with an emoji before a passage.
    ['nvivo-windows', 'nvivo-windows', [['refi.positionReading', 2, 2]]],
    ['nvivo-14-windows', 'nvivo-windows', [['refi.positionReading', 2, 2]]],
    // Code points over decomposed accents and LF: the standard reading, nothing to say.
    ['nvivo-mac', 'nvivo-mac', []],
    // CRLF counted as 1, as ATLAS.ti and MAXQDA hold the text.
    ['atlasti', 'atlasti', [['refi.positionReading', 1, 1]]],
    ['maxqda', 'maxqda', [['refi.positionReading', 1, 1]]],
    ['qualcoder', 'qualcoder', []],
  ];
  for (const [manner, vendor, report] of cases) {
    it(`${manner}: every coding lands on its words`, () => {
      const result = readProject(vendorQdpx(manner));
      expect(result.vendor).toBe(vendor);
      expect(excerpts(result)).toEqual(EXPECTED);
      expect(result.snapshot.sources.map((s) => s.text)).toEqual(SOURCES.map((s) => s.text));
      expect(result.warnings.map((w) => [w.code, w.params.astral, w.params.crlf])).toEqual(report);
    });
  }

  it('names the program and the sources in one line, in both languages when it reads positions as NVivo for Windows counts them', () => {
    const w = readProject(vendorQdpx('nvivo-windows')).warnings[0]!;
    expect(w.fr).toBe(
      'Positions de 3 source(s) lues comme NVivo (Windows) les compte, pas comme le standard : un emoji (ou autre caractère hors du plan multilingue de base) compte pour 2, une fin de ligne Windows pour 2 (Entretien 01 – Zsófia, Entretien 02 – Léa, Note de terrain).',
    );
    expect(w.en).toContain('Positions in 3 source(s) read the way NVivo (Windows) counts them');
  });

  it('finds UTF-16 positions from word boundaries alone when nothing tells the program', () => {
    // The same file with its origin removed and no sign of the program: the evidence alone
    // (word boundaries) still finds the UTF-16 reading, and the report says it was found that way.
    const bytes = vendorQdpx('nvivo-windows');
    const files = unzipSync(bytes);
    const qde = strFromU8(files['project.qde']!).replace('origin="NVivo for Windows 12.6"', '').replace(' xmlns:xsd="http://www.w3.org/2001/XMLSchema"', '');
    files['project.qde'] = strToU8(qde);
    const result = readProject(zipSync(files));
    expect(result.vendor).toBe('unknown');
    expect(excerpts(result)).toEqual(EXPECTED);
    expect(result.warnings.map((w) => [w.code, w.params.count, w.params.astral])).toEqual([['refi.positionReadingFound', 3, 2]]);
  });

  it('a position past the end of its source: a clear message, the other codings kept', () => {
    const sources: FixtureSource[] = SOURCES.map((s, i) => (i === 1 ? { ...s, extra: [{ start: 40, end: 9_999 }] } : s));
    const result = readProject(vendorQdpx('nvivo-windows', sources));
    expect(excerpts(result)).toEqual(EXPECTED);
    const past = result.warnings.find((w) => w.code === 'refi.selectionPastEnd')!;
    expect(past.params).toMatchObject({ name: 'Entretien 02 – Léa', count: 1, start: 40, end: 9_999 });
    // NVivo for Windows counts the text in UTF-16 units with its CRLF line ends: that is the length given.
    expect(past.params.length).toBe(SOURCES[1]!.text.replace(/\n/g, '\r\n').length);
    expect(past.en).toContain('the other passages are imported');
  });
});

describe('detectVendor', () => {
  it('reads the program from the origin, and NVivo for Windows from its serializer when the origin names no platform', () => {
    expect(detectVendor('NVivo for Windows 12.6')).toBe('nvivo-windows');
    expect(detectVendor('NVivo 12 For Mac')).toBe('nvivo-mac');
    expect(detectVendor('NVivo 14', '<Project xmlns:xsd="http://www.w3.org/2001/XMLSchema" origin="NVivo 14">')).toBe('nvivo-windows');
    expect(detectVendor('NVivo 14', '<Project origin="NVivo 14">')).toBe('unknown');
    expect(detectVendor('ATLAS.ti 8.4.0 573 , macOS Version 10.14.3 (Build 18D109)')).toBe('atlasti');
    expect(detectVendor('MAXQDA 2020 (Release 20.2.1)')).toBe('maxqda');
    expect(detectVendor('QualCoder 3.5')).toBe('qualcoder');
    expect(detectVendor('Tresse')).toBe('tresse');
    expect(detectVendor('Tresse (nvivo-windows)')).toBe('tresse');
    expect(detectVendor(undefined)).toBe('unknown');
  });
});

describe('mapSelections: what is known of the program against the evidence', () => {
  const slice = (text: string, r: { start: number; end: number } | null) => (r ? sliceCodePoints(text, r.start, r.end) : null);

  it('when the evidence cannot tell, follows the program, or keeps the standard and says it guessed', () => {
    // [4,5] is "b" in code points and the space before it in UTF-16 units: both on word boundaries.
    const raw = '😀 a b c';
    const unknown = mapSelections(raw, [{ start: 4, end: 5 }]);
    expect(slice(unknown.text, unknown.ranges[0]!)).toBe('b');
    expect(unknown.doubt).toBe('units');
    const nvivo = mapSelections(raw, [{ start: 4, end: 5 }], { astral: 2, crlf: 2 });
    expect(nvivo.reading).toEqual({ astral: 2, crlf: 2 });
    expect(nvivo.doubt).toBeNull();
    expect(nvivo.departs).toBe(true);
  });

  it('overrules the known reading when word boundaries clearly contradict it, unless Tresse wrote the file', () => {
    const raw = '😀 alpha beta gamma delta';
    // Counted in code points although the origin says NVivo for Windows: in UTF-16 units every end would fall inside a word.
    // The emoji is two UTF-16 units and one code point: a code-point position is the JS index minus one.
    const sels = ['beta', 'gamma', 'delta'].map((w) => ({ start: raw.indexOf(w) - 1, end: raw.indexOf(w) - 1 + w.length }));
    const found = mapSelections(raw, sels, { astral: 2, crlf: 2 });
    expect(found.ranges.map((r) => slice(found.text, r))).toEqual(['beta', 'gamma', 'delta']);
    expect(found.reading).toEqual({ astral: 1, crlf: 2 });
    const certain = mapSelections(raw, sels, { astral: 2, crlf: 2, certain: true });
    expect(certain.reading).toEqual({ astral: 2, crlf: 2 });
  });

  it('holds to what is known of the program where the text allows it, even when the rest (line ends) does not apply', () => {
    // MAXQDA counts code points and CRLF as one; this text has no CRLF. In UTF-16 units [0,4] would end on a boundary.
    const r = mapSelections('ab😀cd ef', [{ start: 0, end: 4 }], { astral: 1, crlf: 1 });
    expect(slice(r.text, r.ranges[0]!)).toBe('ab😀c');
    expect(r.departs).toBe(false);
  });

  it('never keeps a reading that puts a selection past the end, whatever the program', () => {
    // 6 UTF-16 units, 4 code points: [2,6] only exists in UTF-16 units.
    const r = mapSelections('ab😀😀', [{ start: 2, end: 6 }], { astral: 1, crlf: 2 });
    expect(r.reading.astral).toBe(2);
    expect(slice(r.text, r.ranges[0]!)).toBe('😀😀');
  });
});
