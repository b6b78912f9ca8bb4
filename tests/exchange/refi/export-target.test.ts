// Exports written for a program that reads positions otherwise than the standard (vendor.ts): the
// file still validates against the official schema, and read back the way that program reads it,
// every coding lands on its words.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { mapSelections } from '../../../exchange/refi/positions.ts';
import { readProject } from '../../../exchange/refi/read-project.ts';
import { VENDOR_READING } from '../../../exchange/refi/vendor.ts';
import { writeProject } from '../../../exchange/refi/write-project.ts';
import { sliceCodePoints } from '../../../text/offsets.ts';
import { sampleSnapshot, schemaErrors } from './fixtures.ts';

const s = sampleSnapshot();
const expected = s.codings.map((c) => sliceCodePoints(s.sources.find((x) => x.guid === c.sourceGuid)!.text, c.start, c.end));

/** Each selection of the file, read from the raw text file as `reading` counts, as excerpts. */
function readAs(bytes: Uint8Array, reading: (typeof VENDOR_READING)[keyof typeof VENDOR_READING]): string[] {
  const files = unzipSync(bytes);
  const qde = strFromU8(files['project.qde']!);
  const out: string[] = [];
  for (const src of s.sources) {
    const raw = strFromU8(files[`sources/${src.guid}.txt`]!);
    const block = qde.slice(qde.indexOf(`<TextSource guid="${src.guid}"`));
    const sels = [...block.slice(0, block.indexOf('</TextSource>')).matchAll(/startPosition="(\d+)" endPosition="(\d+)"/g)].map((m) => ({
      start: Number(m[1]),
      end: Number(m[2]),
    }));
    // Only the program’s reading (certain): word boundaries may not correct it here.
    const mapped = mapSelections(raw, sels, { ...reading, certain: true });
    out.push(...mapped.ranges.map((r) => sliceCodePoints(mapped.text, r!.start, r!.end)));
  }
  return out;
}

function withOrigin(bytes: Uint8Array, origin: string): Uint8Array {
  const files = unzipSync(bytes);
  files['project.qde'] = strToU8(strFromU8(files['project.qde']!).replace(/origin="[^"]*"/, `origin="${origin}"`));
  return zipSync(files);
}

describe('export for a target program', () => {
  it('for NVivo for Windows: positions in UTF-16 units, schema-valid, on their words as NVivo and Tresse read them', async () => {
    const bytes = writeProject(s, { target: 'nvivo-windows' });
    const qde = strFromU8(unzipSync(bytes)['project.qde']!);
    expect(await schemaErrors(qde, 'Project.xsd')).toEqual([]);
    expect(qde).toContain('origin="Tresse (nvivo-windows)"');
    // 🙂 and 👩‍⚕️ (two astral characters) come before this passage: two units more than code points.
    const c = s.codings[2]!;
    expect(qde).toContain(`startPosition="${c.start + 2}" endPosition="${c.end + 3}"`); // 🤝 inside it counts one more
    expect(readAs(bytes, VENDOR_READING['nvivo-windows'])).toEqual(expected);
    // Read back by Tresse (its origin says for which program it was written), or under NVivo's own origin.
    for (const file of [bytes, withOrigin(bytes, 'NVivo for Windows 12.6')]) {
      const back = readProject(file).snapshot;
      expect(back.codings.map((k) => sliceCodePoints(back.sources.find((x) => x.guid === k.sourceGuid)!.text, k.start, k.end))).toEqual(expected);
    }
  });

  it('for MAXQDA: Windows line ends in the text files, positions counting them as one', async () => {
    const bytes = writeProject(s, { target: 'maxqda' });
    const files = unzipSync(bytes);
    expect(await schemaErrors(strFromU8(files['project.qde']!), 'Project.xsd')).toEqual([]);
    expect(strFromU8(files[`sources/${s.sources[0]!.guid}.txt`]!)).toBe(s.sources[0]!.text.replace(/\n/g, '\r\n'));
    expect(readAs(bytes, VENDOR_READING.maxqda)).toEqual(expected);
    const back = readProject(withOrigin(bytes, 'MAXQDA 2020 (Release 20.2.1)'));
    expect(back.snapshot.sources.map((x) => x.text)).toEqual(s.sources.map((x) => x.text));
    expect(back.snapshot.codings.map((k) => [k.start, k.end])).toEqual(s.codings.map((k) => [k.start, k.end]));
  });

  it('by default the standard file; a snapshot read from NVivo for Windows is not written under its origin', () => {
    const standard = writeProject(s);
    expect(readAs(standard, { astral: 1, crlf: 2 })).toEqual(expected);
    for (const target of ['standard', 'atlasti', 'nvivo-mac', 'qualcoder'] as const) {
      expect(strFromU8(unzipSync(writeProject(s, { target, mtime: new Date(0) }))[`sources/${s.sources[0]!.guid}.txt`]!)).toBe(s.sources[0]!.text);
    }
    const fromNvivo = writeProject({ ...s, origin: 'NVivo for Windows 12.6' });
    expect(strFromU8(unzipSync(fromNvivo)['project.qde']!)).toContain('origin="Tresse"');
    const back = readProject(fromNvivo).snapshot;
    expect(back.codings.map((k) => [k.start, k.end])).toEqual(s.codings.map((k) => [k.start, k.end]));
  });
});
