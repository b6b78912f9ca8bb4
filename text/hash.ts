import { createHash } from 'node:crypto';

/** SHA-256 of the normalised text, hex: how a source is recognised again (duplicates, merges). */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
