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
  if (utf16) {
    const text = lenient(utf16, bytes);
    if (text !== null && mostlyAlphabetic(text)) return { text, encoding: utf16, guessed: true };
  }

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', guessed: false };
  } catch {
    // Not UTF-8: either a single-byte legacy file, or UTF-8 damaged by a mix of encodings.
  }
  const { valid, invalid } = utf8Evidence(bytes);
  if (valid > 0 && valid >= invalid) throw new TresseError('import.encoding', { file });
  if (bytes.some(isUndefinedIn1252) && !looksBinary(bytes)) throw new TresseError('import.encoding', { file });
  const text = decodeWindows1252(bytes);
  if (MAC_ROMAN_SIGN.test(text)) throw new TresseError('import.encoding', { file });
  return { text, encoding: 'windows-1252', guessed: true };
}

/** Refuses decoded text that is really a binary file (an image or archive renamed .txt). */
export function assertReadableText(text: string, file: string): void {
  if (text.includes('\u0000')) throw new TresseError('import.binary', { file });
  let controls = 0;
  CONTROLS.lastIndex = 0;
  while (CONTROLS.exec(text) !== null) controls++;
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

function lenient(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A guessed UTF-16 text must read as text in an alphabet, not as a binary file's random symbols. */
function mostlyAlphabetic(text: string): boolean {
  let plausible = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x2100) plausible++;
  return plausible >= text.length * 0.9;
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

// Windows-1252 differs from Latin-1 only in 0x80-0x9F (€, ’, œ, «…). Decoded here rather than with
// TextDecoder('windows-1252'), which some Node versions treat as Latin-1 and would turn œ and ’ into
// control characters.
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    const codes = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b));
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}

/**
 * Mac-Roman (old Mac word processors, TextEdit) is the other single-byte encoding French files
 * come in, and when it avoids the five undefined bytes (è ç ê ù are among them) it decodes as
 * Windows-1252 without error: "Réunion à l’hôpital" reads "RŽunion ˆ lÕh™pital". Genuine
 * Windows-1252 French has, inside a word, only lowercase letters and a little punctuation
 * (aujourd’hui, euh…je); accented capitals start words (État, Ça) or sit among capitals (DÉJÀ).
 * So any other character after a letter and before a lowercase letter gives Mac-Roman away, as
 * does ˆ (Mac-Roman à) anywhere: that spacing circumflex never appears in typed text. š and ž
 * count as signs too (Mac-Roman ö and û: "sžr"); a rare 1252 file quoting Žižek is refused, and
 * saving it as UTF-8 costs less than mojibake frozen under the codings.
 */
const MAC_ROMAN_SIGN = /[A-Za-z][^\p{ASCII}ß-öø-ÿœ’…–—«»\u00A0][a-z]|\u02C6/u;

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

/**
 * C0 controls other than tab, line feed, form feed and carriage return; DEL and C1 controls: \p{Cc}
 * minus those four, written as one class (a look-ahead at every character cost a third of a text's parse).
 */
// eslint-disable-next-line no-control-regex -- the control characters are what it counts
const CONTROLS = /[\0-\x08\x0b\x0e-\x1f\x7f-\x9f]/g;

function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);
}
