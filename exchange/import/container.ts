// DOCX and ODT are zip archives of XML parts. Every way they can be broken (not a zip, cut short,
// a part missing, malformed XML) becomes one user-facing error naming the file and the format.

import { unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { TresseError } from '../../i18n/error.ts';

export interface ContainerContext {
  file: string;
  /** Format name as users know it: "Word (.docx)", "OpenDocument (.odt)". */
  format: string;
  /** Refuse archives that would inflate beyond this (zip bombs). */
  maxInflatedBytes: number;
}

export function corrupt(ctx: ContainerContext, detail: string): TresseError {
  return new TresseError('import.corrupt', { file: ctx.file, format: ctx.format, detail });
}

export interface ZipContents {
  names: string[];
  files: Record<string, Uint8Array>;
}

/** Lists an archive and inflates the parts `wanted` accepts. */
export function readZip(bytes: Uint8Array, wanted: (name: string) => boolean, ctx: ContainerContext): ZipContents {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
  if (!isZip) throw corrupt(ctx, 'ce n’est pas une archive zip');
  const names: string[] = [];
  let inflated = 0;
  let tooBig = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        if (!wanted(f.name)) return false;
        inflated += f.originalSize;
        if (inflated > ctx.maxInflatedBytes) tooBig = true;
        return !tooBig;
      },
    });
  } catch {
    // The library's own wording (English, technical) would not help the user.
    throw corrupt(ctx, 'archive zip tronquée ou illisible');
  }
  if (tooBig) throw corrupt(ctx, 'archive anormalement volumineuse une fois décompressée');
  return { names, files };
}

export interface XmlHandler {
  open(tag: SaxesTagNS): void;
  close(tag: SaxesTagNS): void;
  text(text: string): void;
}

/** Streams one XML part through a handler, with namespaces resolved. */
export function parseXml(bytes: Uint8Array, part: string, handler: XmlHandler, ctx: ContainerContext): void {
  let xml: string;
  try {
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    xml = new TextDecoder(utf16 ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw corrupt(ctx, `la partie ${part} n’est pas un XML lisible`);
  }
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => handler.open(tag));
  parser.on('closetag', (tag) => handler.close(tag));
  parser.on('text', (t) => handler.text(t));
  parser.on('cdata', (t) => handler.text(t));
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof TresseError) throw e;
    throw corrupt(ctx, `la partie ${part} est un XML mal formé`);
  }
}

/** Attribute value by namespace URI (any of `uris`) and local name. */
export function attr(tag: SaxesTagNS, uris: readonly string[], local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) {
    if (a.local === local && uris.includes(a.uri)) return a.value;
  }
  return undefined;
}
