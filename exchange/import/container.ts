// DOCX and ODT are zip archives of XML parts. They are opened through the archive guard with
// limits fit for a document, and their parts read through the guarded XML parser, so every way
// they can be broken or hostile (not a zip, cut short, a zip bomb, a part missing, malformed or
// endlessly nested XML) becomes one catalogue message naming the file.

import type { SaxesTagNS } from 'saxes';
import { TresseError } from '../../i18n/error.ts';
import { GuardedArchive } from '../archive/guard.ts';
import { OFFICE_LIMITS } from '../archive/limits.ts';
import { streamXml, XML_LIMITS, xmlTooLarge, type XmlEvents } from '../xml-guard.ts';

export interface ContainerContext {
  file: string;
  /** Format name as users know it: "Word (.docx)", "OpenDocument (.odt)". */
  format: string;
}

/**
 * Opens the archive; `maxInflatedBytes` can only lower the office limit. Nothing is inflated
 * until a part is read.
 */
export function openContainer(bytes: Uint8Array, ctx: ContainerContext, maxInflatedBytes: number): GuardedArchive {
  const limits = { ...OFFICE_LIMITS, maxTotalBytes: Math.min(OFFICE_LIMITS.maxTotalBytes, maxInflatedBytes) };
  return new GuardedArchive(bytes, ctx, limits);
}

export function missingPart(ctx: ContainerContext, part: string): TresseError {
  return new TresseError('import.missingPart', { file: ctx.file, format: ctx.format, part });
}

/** Inflates an XML part, refusing from its declared size one too large to parse. */
export function readPart(zip: GuardedArchive, part: string, ctx: ContainerContext): Uint8Array | undefined {
  if ((zip.sizeOf(part) ?? 0) > XML_LIMITS.maxChars) throw xmlTooLarge(`${ctx.file} (${part})`, XML_LIMITS);
  return zip.read(part);
}

export type XmlHandler = XmlEvents;

/** Streams one XML part through a handler, with namespaces resolved. */
export function parseXml(bytes: Uint8Array, part: string, handler: XmlHandler, ctx: ContainerContext): void {
  const where = `${ctx.file} (${part})`;
  let xml: string;
  try {
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    xml = new TextDecoder(utf16 ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new TresseError('xml.encoding', { file: where });
  }
  streamXml(xml, where, handler);
}

/** Attribute value by namespace URI (any of `uris`) and local name. */
export function attr(tag: SaxesTagNS, uris: readonly string[], local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) {
    if (a.local === local && uris.includes(a.uri)) return a.value;
  }
  return undefined;
}

/**
 * Most characters of text an office document may yield: ten times the longest transcript. Only
 * an ODT's space counts (text:s c="1000") can make text grow faster than its XML.
 */
export const MAX_TEXT_CHARS = 64_000_000;

export function textTooLong(ctx: ContainerContext): TresseError {
  return new TresseError('import.textTooLong', { file: ctx.file, limit: MAX_TEXT_CHARS / 1_000_000 });
}
