// Plain-text transcripts: the text as saved, with speaker turns found in it.

import type { ImportNote } from '../../model/types.ts';
import { TresseError } from '../../i18n/error.ts';
import { assertReadableText, decodeText } from './encoding.ts';
import { assembleStructure, normaliseFully, type ParsedText } from './structure.ts';
import type { TurnDetector } from './turns.ts';

/** Decodes and normalises a text file, noting an encoding that had to be guessed. */
export function readPlainText(bytes: Uint8Array, file: string): { text: string; encoding: string; notes: ImportNote[]; utf8?: Uint8Array } {
  const decoded = decodeText(bytes, file);
  assertReadableText(decoded.text, file);
  // A WordPad or TextEdit document renamed .txt: its markup would be imported as text.
  if (/^\uFEFF?\{\\rtf/u.test(decoded.text)) throw new TresseError('import.binary', { file });
  const notes = decoded.guessed && decoded.encoding !== 'utf-8' ? [{ key: 'encoding' as const, encoding: decoded.encoding }] : [];
  const text = normaliseFully(decoded.text);
  const read = { text, encoding: decoded.encoding, notes };
  if (decoded.encoding !== 'utf-8') return read;
  // Valid UTF-8 decodes one way only, so the bytes past a removed BOM (EF BB BF) encode the text.
  if (text === decoded.text) return { ...read, utf8: bytes };
  if (decoded.text.charCodeAt(0) === 0xfeff && text === decoded.text.slice(1)) return { ...read, utf8: bytes.subarray(3) };
  return read;
}

export function parseTxt(bytes: Uint8Array, file: string, detector: TurnDetector): ParsedText {
  const { text, encoding, notes, utf8 } = readPlainText(bytes, file);
  return { text, encoding, structure: assembleStructure(text, [], detector), notes, ...(utf8 && { utf8 }) };
}
