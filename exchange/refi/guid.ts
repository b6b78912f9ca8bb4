// GUIDs as tools write them ({BRACED}, UPPER or lower) compared in one form: lowercase, no braces.
import { hash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function normaliseGuid(raw: string): string {
  let g = raw.trim().toLowerCase();
  if (g.startsWith('{') && g.endsWith('}')) g = g.slice(1, -1).trim();
  return g;
}

export function isGuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * A stable GUID computed from a seed (name-based, RFC 4122 version 5 layout), for elements the
 * exchange needs but a snapshot does not hold (a coding's selection, a memo link) and for elements
 * another tool left without one. Same seed, same GUID: exports are reproducible.
 */
export function derivedGuid(seed: string): string {
  // The one-shot hash: a large project derives one per coding, on export and on import.
  const h = hash('sha1', seed, 'buffer');
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A GUID the schema accepts: itself when valid, otherwise one derived from it (consistently). */
export function guidForExport(guid: string): string {
  const g = normaliseGuid(guid);
  return isGuid(g) ? g : derivedGuid(`tresse-id:${guid}`);
}

/**
 * GUID of the Link Tresse writes from a memo to its case (a case has no NoteRef): the memo's first
 * case link, or a further one, told apart by its case. A reader knows such links need no keeping.
 */
export function memoLinkGuid(noteGuid: string, caseGuid: string, first: boolean): string {
  return derivedGuid(first ? `tresse-memo-link:${noteGuid}` : `tresse-memo-link:${noteGuid}:${caseGuid}`);
}
