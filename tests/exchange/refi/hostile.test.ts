// Archives built to hurt: each must be refused with a TresseError before anything is returned.
import { describe, expect, it } from 'vitest';
import { readProject } from '../../../exchange/refi/read-project.ts';
import { writeProject } from '../../../exchange/refi/write-project.ts';
import { QDPX_LIMITS } from '../../../exchange/archive/limits.ts';
import { TresseError } from '../../../i18n/error.ts';
import { sampleSnapshot, zip } from './fixtures.ts';

const MINIMAL = '<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"/>';

function refusal(bytes: Uint8Array): string {
  try {
    readProject(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(TresseError);
    return (e as TresseError).code;
  }
  throw new Error('the archive was accepted');
}

/** Overwrites the uncompressed size recorded for every entry in the central directory. */
function declareSize(bytes: Uint8Array, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('hostile REFI-QDA archives', () => {
  it('refuses a DOCTYPE with an external entity (XXE)', () => {
    const qde = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>`;
    expect(refusal(zip({ 'project.qde': qde }))).toBe('xml.doctype');
  });

  it('refuses entity expansion (billion laughs), even in UTF-16', () => {
    const qde = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><Project name="&lol2;"/>`;
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...qde].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(refusal(zip({ 'project.qde': utf16 }))).toBe('xml.doctype');
  });

  it('refuses entries that climb out of the archive', () => {
    for (const name of ['../evil.txt', 'sources/../../evil.txt', '/etc/cron.d/evil', 'C:/Windows/evil.txt', 'sources\\..\\..\\evil.txt']) {
      expect(refusal(zip({ 'project.qde': MINIMAL, [name]: 'x' })), name).toBe('archive.unsafePath');
    }
  });

  it('refuses a zip bomb: an entry that expands far beyond its compressed size', () => {
    const bomb = new Uint8Array(4 * 1024 * 1024); // 4 MiB of zeros deflate to a few KiB
    expect(refusal(zip({ 'project.qde': MINIMAL, 'sources/bomb.txt': bomb }))).toBe('archive.ratio');
  });

  it('refuses an archive whose declared sizes exceed the limit, before inflating anything', () => {
    const lying = declareSize(zip({ 'project.qde': MINIMAL, 'sources/a.txt': 'a', 'sources/b.txt': 'b' }), 0xfffffff0);
    expect(refusal(lying)).toBe('archive.tooLarge');
  });

  it('refuses an archive with too many entries', () => {
    const files: Record<string, string> = { 'project.qde': MINIMAL };
    for (let i = 0; i < QDPX_LIMITS.maxEntries; i++) files[`sources/${i}.txt`] = '';
    expect(refusal(zip(files))).toBe('archive.tooManyEntries');
  });

  it('refuses malformed XML', () => {
    expect(refusal(zip({ 'project.qde': '<Project name="x"><Users></Project>' }))).toBe('xml.malformed');
    expect(refusal(zip({ 'project.qde': '' }))).toBe('xml.malformed');
    expect(refusal(zip({ 'project.qde': '<a:Project xmlns:b="x"/>' }))).toBe('xml.malformed');
  });

  it('refuses nesting deeper than REFI-QDA ever needs (a stack-exhaustion attempt)', () => {
    const deep = '<Project name="x">' + '<Description>'.repeat(300) + '</Description>'.repeat(300) + '</Project>';
    expect(refusal(zip({ 'project.qde': deep }))).toBe('xml.tooDeep');
  });

  it('refuses an archive with no .qde at its root, or several', () => {
    expect(refusal(zip({ 'sources/a.txt': 'a' }))).toBe('refi.noProjectFile');
    expect(refusal(zip({ 'dossier/project.qde': MINIMAL }))).toBe('refi.noProjectFile');
    expect(refusal(zip({ 'project.qde': MINIMAL, 'copie.qde': MINIMAL }))).toBe('refi.severalProjectFiles');
  });

  it('refuses something that is not a zip, or a zip cut short', () => {
    expect(refusal(new TextEncoder().encode('<Project name="x"/>'))).toBe('archive.notZip');
    const whole = writeProject(sampleSnapshot());
    expect(refusal(whole.subarray(0, Math.floor(whole.length / 2)))).toBe('archive.truncated');
  });

  it('refuses a .qde whose root is not a Project', () => {
    expect(refusal(zip({ 'project.qde': '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>' }))).toBe('refi.wrongRoot');
  });
});
