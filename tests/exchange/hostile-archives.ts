// Builders for hostile archives, made at run time from hand-written ZIP bytes so that every field
// (sizes, CRC, flags) can lie, plus what "the project is unchanged" means on disk.
import { existsSync, readFileSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { expect } from 'vitest';
import { TresseError } from '../../i18n/error.ts';
import { catchUpSearchIndex } from '../../db/search.ts';
import type { ProjectContext } from '../../service/context.ts';

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export interface RawEntry {
  name: string;
  /** The bytes as stored in the archive (deflated or not). */
  body: Uint8Array;
  method: 0 | 8 | number;
  crc: number;
  /** Uncompressed size written in both headers. */
  size: number;
  flags?: number;
}

/** An entry whose headers tell the truth. */
export function entry(name: string, data: Uint8Array | string, method: 0 | 8 = 8): RawEntry {
  const bytes = typeof data === 'string' ? utf8(data) : data;
  return { name, body: method === 8 ? deflateRawSync(bytes) : bytes, method, crc: crc32(bytes) >>> 0, size: bytes.length };
}

/**
 * A deflated entry of `copies` repetitions of `unit` between `prefix` and `suffix`, built without
 * ever holding the whole: each piece is deflated once with a full flush (no back-references
 * across pieces) and the compressed unit is repeated. 400 MB of text fit in about 400 kB.
 */
export function bombEntry(name: string, prefix: string, unit: string, copies: number, suffix: string): RawEntry {
  const full = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const [p, u, s] = [utf8(prefix), utf8(unit), utf8(suffix)];
  const unitDeflated = deflateRawSync(u, full);
  const parts = [deflateRawSync(p, full), ...Array.from({ length: copies }, () => unitDeflated), deflateRawSync(s)];
  let crc = crc32(p);
  for (let i = 0; i < copies; i++) crc = crc32(u, crc);
  crc = crc32(s, crc);
  return { name, body: concat(parts), method: 8, crc: crc >>> 0, size: p.length + u.length * copies + s.length };
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A ZIP file written field by field: local headers, data, central directory, end record. */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = utf8(e.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, (e.flags ?? 0) | 0x0800, true);
    local.setUint16(8, e.method, true);
    local.setUint32(14, e.crc, true);
    local.setUint32(18, e.body.length, true);
    local.setUint32(22, e.size, true);
    local.setUint16(26, name.length, true);
    parts.push(new Uint8Array(local.buffer), name, e.body);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(8, (e.flags ?? 0) | 0x0800, true);
    dir.setUint16(10, e.method, true);
    dir.setUint32(16, e.crc, true);
    dir.setUint32(20, e.body.length, true);
    dir.setUint32(24, e.size, true);
    dir.setUint16(28, name.length, true);
    dir.setUint32(42, offset, true);
    central.push(new Uint8Array(dir.buffer), name);
    offset += 30 + name.length + e.body.length;
  }
  const cd = concat(central);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, cd.length, true);
  end.setUint32(16, offset, true);
  return concat([...parts, cd, new Uint8Array(end.buffer)]);
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The parts of a minimal Word document around a body (already XML). */
export function docxEntries(body: string): RawEntry[] {
  return [
    entry(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    entry(
      '_rels/.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    entry('word/document.xml', docxDocument(body)),
  ];
}

export function docxDocument(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
}

export const DOCX_OPEN = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>`;
export const DOCX_CLOSE = '</w:t></w:r></w:p></w:body></w:document>';

const ODF = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';

export function odtEntries(text: string): RawEntry[] {
  return [entry('mimetype', 'application/vnd.oasis.opendocument.text', 0), entry('content.xml', odtContent(text))];
}

export function odtContent(text: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODF}><office:body><office:text>${text}</office:text></office:body></office:document-content>`;
}

export const ODT_OPEN = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODF}><office:body><office:text><text:p>`;
export const ODT_CLOSE = '</text:p></office:text></office:body></office:document-content>';

/** The project file and its write-ahead log, byte for byte. */
export function projectFiles(ctx: ProjectContext): string[] {
  // Earlier imports are indexed for search in the background (service/search-soon.ts): that is
  // done first, so the bytes compared are those of the project's content. A source a refused import
  // had queued would be indexed here too, and change the files.
  catchUpSearchIndex(ctx.db);
  return ['', '-wal'].map((suffix) => (existsSync(ctx.path + suffix) ? Buffer.from(readFileSync(ctx.path + suffix)).toString('base64') : '(none)'));
}

/** Runs an operation expected to be refused; returns the TresseError. */
export async function refusal(run: () => unknown): Promise<TresseError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof TresseError) return e;
    throw e;
  }
  throw new Error('the file was accepted');
}

/** A refusal through the service: a catalogue message in French, and not one byte of the project changed. */
export async function expectRefused(ctx: ProjectContext, run: () => unknown): Promise<{ error: TresseError; ms: number }> {
  const before = projectFiles(ctx);
  const start = performance.now();
  const error = await refusal(run);
  const ms = performance.now() - start;
  expect(projectFiles(ctx)).toEqual(before);
  return { error, ms };
}
