// Text enters a project once, through here. Everything stored (and every position) is relative to
// the result, so this must stay stable: changing it would shift the codings of existing projects.

/**
 * Characters that NFC leaves alone, alone or next to each other: Latin scripts up to U+02FF and
 * general punctuation (’ … « » and the narrow no-break space), checked pair by pair in
 * tests/text/normalise.test.ts. Most French transcripts use nothing else, and then the costly
 * normalisation is skipped.
 */
// eslint-disable-next-line no-control-regex -- the range starts at U+0000 because all of ASCII is NFC-stable
const OUTSIDE_NFC_STABLE = /[^\u0000-\u02FF\u2002-\u206F]/;

/**
 * Text as normaliseText returns it. The type lets a source's text be normalised once, where it is
 * read, and not again at every step after (each pass scans the whole text).
 */
export type NormalisedText = string & { readonly normalised: unique symbol };

/** BOM removed, CRLF and lone CR turned into LF, Unicode NFC. */
export function normaliseText(raw: string): NormalisedText {
  let text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return (OUTSIDE_NFC_STABLE.test(text) ? text.normalize('NFC') : text) as NormalisedText;
}

/** True when `text` is already in NFC (checked cheaply for text in the NFC-stable ranges). */
export function isNfc(text: string): boolean {
  return !OUTSIDE_NFC_STABLE.test(text) || text.normalize('NFC') === text;
}

export const NFC_STABLE_RANGES: ReadonlyArray<[number, number]> = [
  [0x0000, 0x02ff],
  [0x2002, 0x206f],
];
