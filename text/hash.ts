import { createHash } from 'node:crypto';

/** SHA-256 of the normalised text, hex: how a source is recognised again (duplicates, merges). */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** hashText of the text these UTF-8 bytes encode, without decoding them. */
export function hashUtf8(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
