// Selection positions as another tool counted them, turned into positions over the normalised text.
//
// REFI-QDA counts code points "in the file". When the file has Windows line ends (CRLF), tools
// disagree: some count the file literally (CRLF = 2), others count the text as they hold it in memory
// after reading it (CRLF = 1). Both readings are tried and the one the evidence supports is kept:
//   1. a reading that puts selections past the end of the text is wrong;
//   2. tools such as ATLAS.ti name a selection after its first words: the reading under which more
//      selections start with their name wins;
//   3. people select whole words: the reading under which more selections start and end on a word
//      boundary wins;
//   4. otherwise the literal reading (CRLF = 2), and the caller warns that it was a guess when the two
//      readings disagree on some selection.
// Decomposed accents (NFD) are handled by the same map: positions count them as the file has them.
import { normaliseText } from '../../text/normalise.ts';
import { NormalisationMap, codePointLength } from '../../text/offsets.ts';

export interface RawSelection {
  start: number;
  end: number;
  /** The selection's name in the file, often its first words. */
  name?: string;
}

export interface MappedSelections {
  text: string;
  /** Per selection: its range over `text`, or null when empty or outside the text. */
  ranges: ({ start: number; end: number } | null)[];
  /** True when the file has CRLF, the readings disagree, and no evidence decided between them. */
  guessed: boolean;
}

interface Reading {
  rawLength: number;
  map: { toNormalised(rawPosition: number): number };
}

/**
 * Text already in NFC differs from its normalised form by line ends only: every position keeps its
 * meaning, even one inside a base character + combining mark that NormalisationMap would round to
 * the cluster's start. Only decomposed text needs the cluster map.
 */
class LineEndMap {
  /** Code-point index of the CR of each CRLF pair, ascending. */
  private readonly crs: number[] = [];

  constructor(raw: string) {
    let cp = 0;
    let previousCr = false;
    for (const ch of raw) {
      if (ch === '\n' && previousCr) this.crs.push(cp - 1);
      previousCr = ch === '\r';
      cp++;
    }
  }

  toNormalised(p: number): number {
    let lo = 0;
    let hi = this.crs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.crs[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    return p - lo;
  }
}

function reading(raw: string): Reading {
  const map = raw.normalize('NFC') === raw && !raw.startsWith('\uFEFF') ? new LineEndMap(raw) : new NormalisationMap(raw);
  return { rawLength: codePointLength(raw), map };
}

const WORD = /[\p{L}\p{N}]/u;

function comparable(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function usableName(name: string | undefined): string | null {
  if (!name) return null;
  const n = comparable(name.replace(/(…|\.\.\.)\s*$/, ''));
  return n.length >= 4 ? n : null;
}

export function mapSelections(raw: string, selections: RawSelection[]): MappedSelections {
  const text = normaliseText(raw);
  const chars = Array.from(text);
  const length = chars.length;
  const valid = (r: Reading, s: RawSelection): boolean =>
    Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= r.rawLength;
  const apply = (r: Reading): ({ start: number; end: number } | null)[] =>
    selections.map((s) => {
      if (!valid(r, s)) return null;
      const start = Math.min(r.map.toNormalised(s.start), length);
      const end = Math.min(r.map.toNormalised(s.end), length);
      return start < end ? { start, end } : null;
    });

  const literal = reading(raw);
  if (!raw.includes('\r\n')) return { text, ranges: apply(literal), guessed: false };
  const inMemory = reading(raw.replace(/\r\n/g, '\n'));
  const a = apply(literal);
  const b = apply(inMemory);

  const isBoundary = (p: number): boolean => p === 0 || p === length || !(WORD.test(chars[p - 1]!) && WORD.test(chars[p]!));
  const score = (ranges: typeof a): [number, number, number] => {
    let inside = 0;
    let named = 0;
    let bounded = 0;
    ranges.forEach((r, i) => {
      if (!r) return;
      inside++;
      const name = usableName(selections[i]!.name);
      if (name && comparable(chars.slice(r.start, r.end).join('')).startsWith(name)) named++;
      if (isBoundary(r.start)) bounded++;
      if (isBoundary(r.end)) bounded++;
    });
    return [inside, named, bounded];
  };
  const sa = score(a);
  const sb = score(b);
  for (let k = 0; k < 3; k++) {
    if (sa[k] !== sb[k]) return { text, ranges: sa[k]! > sb[k]! ? a : b, guessed: false };
  }
  const disagree = a.some((r, i) => r?.start !== b[i]?.start || r?.end !== b[i]?.end);
  return { text, ranges: a, guessed: disagree };
}
