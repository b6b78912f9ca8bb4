import { foldLigatures } from './ligatures.ts';

/** Case- and accent-folded form (NFD, marks removed, lower case). */
export function foldToken(token: string): string {
  return token.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The form a word is indexed and compared under: folded, œ/æ written out. */
export function foldWord(token: string): string {
  const folded = foldToken(token);
  return folded.includes('œ') || folded.includes('æ') ? foldLigatures(folded) : folded;
}
