// Plain-text files arrive in whatever their author's editor saved: UTF-8 (with or without BOM),
// UTF-16 from Windows tools, or Windows-1252 from old French word processors and Notepad.
// Decoding is strict: a wrong guess would freeze mojibake into a source whose positions then
// anchor every coding, so anything ambiguous is refused with a message the user can act on.

import { TresseError } from '../../i18n/error.ts';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** True when the encoding was guessed rather than declared by a BOM. */
  guessed: boolean;
}

/** Decodes a text file; the BOM, if any, stays at the start (normaliseText removes it). */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strict('utf-8', bytes, file), encoding: 'utf-8', guessed: false };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: strict('utf-16le', bytes, file), encoding: 'utf-16le', guessed: false };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: strict('utf-16be', bytes, file), encoding: 'utf-16be', guessed: false };
  }
  const utf16 = utf16ByNulPattern(bytes);
  if (utf16) return { text: strict(utf16, bytes, file), encoding: utf16, guessed: true };

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', guessed: false };
  } catch {
    // Not UTF-8: either a single-byte legacy file, or UTF-8 damaged by a mix of encodings.
  }
  const { valid, invalid } = utf8Evidence(bytes);
  if (valid > 0 && valid >= invalid) throw new TresseError('import.encoding', { file });
  if (bytes.some(isUndefinedIn1252) && !looksBinary(bytes)) throw new TresseError('import.encoding', { file });
  return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', guessed: true };
}

/** Refuses decoded text that is really a binary file (an image or archive renamed .txt). */
export function assertReadableText(text: string, file: string): void {
  if (text.includes('\u0000')) throw new TresseError('import.binary', { file });
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    if (isControl(text.charCodeAt(i))) controls++;
  }
  if (controls > 2 && controls / text.length > 0.005) throw new TresseError('import.binary', { file });
}

function strict(encoding: string, bytes: Uint8Array, file: string): string {
  try {
    // ignoreBOM keeps the BOM in the result so every text goes through the same normaliseText path.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new TresseError('import.encoding', { file });
  }
}

/**
 * BOM-less UTF-16 (some transcription tools write it): text in Latin script has a NUL in almost
 * every other byte, which never happens in UTF-8 or Windows-1252 text.
 */
function utf16ByNulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.4 && evenNul <= pairs * 0.05) return 'utf-16le';
  if (evenNul >= pairs * 0.4 && oddNul <= pairs * 0.05) return 'utf-16be';
  return null;
}

/** Counts well-formed multi-byte UTF-8 sequences and stray bytes of 0x80 and above. */
function utf8Evidence(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) ok = false;
    }
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** The five byte values Windows-1252 leaves undefined: their presence means another encoding. */
function isUndefinedIn1252(b: number): boolean {
  return b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d;
}

/** Raw-byte version of assertReadableText's test (0x80-0x9F are printable in Windows-1252). */
function looksBinary(bytes: Uint8Array): boolean {
  let controls = 0;
  for (const b of bytes) {
    if (b === 0) return true;
    if (b < 0x80 && isControl(b)) controls++;
  }
  return controls > 2 && controls / bytes.length > 0.005;
}

/** C0 controls other than tab, line feed, form feed and carriage return; DEL; C1 controls. */
function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);
}
