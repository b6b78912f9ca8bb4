// Selection positions as another program counted them, turned into positions over the normalised text.
//
// REFI-QDA counts code points "in the file". Programs differ on two points (see vendor.ts):
//   - a character outside the Basic Multilingual Plane (emoji) counts 1 (code points) or 2 (UTF-16
//     units, NVivo for Windows);
//   - a Windows line end (CRLF) counts 2 (the file read literally) or 1 (the text as the program holds
//     it in memory).
// Every reading the text allows is tried; the evidence settles it, in this order:
//   1. a reading that puts selections past the end of the text is wrong;
//   2. tools such as ATLAS.ti name a selection after its first words: the reading under which more
//      selections start with their name wins;
//   3. the exporting program's known reading, unless word boundaries clearly contradict it;
//   4. people select whole words: the reading under which more selections start and end on a word
//      boundary wins;
//   5. otherwise the standard reading, and the caller warns that it was a guess when the remaining
//      readings disagree on some selection.
// Decomposed accents (NFD) are handled by the same map: positions count them as the file has them.
import { isNfc, normaliseText } from '../../text/normalise.ts';
import { NormalisationMap, OffsetIndex, codePointLength } from '../../text/offsets.ts';
import { STANDARD_READING, type KnownReading, type PositionReading } from './vendor.ts';

export interface RawSelection {
  start: number;
  end: number;
  /** The selection's name in the file, often its first words. */
  name?: string;
}

type Range = { start: number; end: number } | null;

export interface MappedSelections {
  text: string;
  /** Per selection: its range over `text`, or null when empty or outside the text. */
  ranges: Range[];
  /** The reading kept. */
  reading: PositionReading;
  /** True when the kept reading places some selection differently from the standard one. */
  departs: boolean;
  /** Set when readings that disagree were left tied by the evidence: on what they differ. */
  doubt: 'line-ends' | 'units' | null;
  /** Length of the text as the kept reading counts it: a selection ending past it is outside. */
  countedLength: number;
}

interface PositionMap {
  toNormalised(rawPosition: number): number;
}

/**
 * Text already in NFC differs from its normalised form by line ends only: every position keeps its
 * meaning, even one inside a base character + combining mark that NormalisationMap would round to
 * the cluster's start. Only decomposed text needs the cluster map.
 */
class LineEndMap implements PositionMap {
  /** Code-point index of the CR of each CRLF pair, ascending. */
  private readonly crs: number[] = [];

  constructor(raw: string) {
    if (!raw.includes('\r')) return;
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

interface Candidate {
  reading: PositionReading;
  /** Number of positions in the text as this reading counts them. */
  rawLength: number;
  /** Normalised position of a raw one; `end` says which way a position inside a character rounds. */
  at(p: number, end: boolean): number;
}

function candidate(raw: string, reading: PositionReading): Candidate {
  const counted = reading.crlf === 1 ? raw.replace(/\r\n/g, '\n') : raw;
  const map: PositionMap = isNfc(counted) && !counted.startsWith('\uFEFF') ? new LineEndMap(counted) : new NormalisationMap(counted);
  if (reading.astral === 1) return { reading, rawLength: codePointLength(counted), at: (p) => map.toNormalised(p) };
  // A UTF-16 position inside a surrogate pair is moved out of it, never splitting the character.
  const units = new OffsetIndex(counted);
  return { reading, rawLength: counted.length, at: (p, end) => map.toNormalised(units.toCodePoint(p, end ? 'ceil' : 'floor')) };
}

const WORD = /[\p{L}\p{N}]/u;
const ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

function comparable(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function usableName(name: string | undefined): string | null {
  if (!name) return null;
  const n = comparable(name.replace(/(…|\.\.\.)\s*$/, ''));
  return n.length >= 4 ? n : null;
}

function sameRanges(a: Range[], b: Range[]): boolean {
  return a.every((r, i) => r?.start === b[i]?.start && r?.end === b[i]?.end);
}

function matches(r: PositionReading, known: KnownReading): boolean {
  return (known.astral === undefined || known.astral === r.astral) && (known.crlf === undefined || known.crlf === r.crlf);
}

/**
 * Maps selections counted over `raw` onto its normalised text. `known` is the exporting program's
 * reading as far as it is known (vendor.ts); the evidence may overrule it.
 */
export function mapSelections(raw: string, selections: RawSelection[], known: KnownReading = {}): MappedSelections {
  const text = normaliseText(raw);
  // Positions count code points; without characters outside the BMP they are the string's own
  // indices, and an array of one string per character (a whole transcript's) is not needed.
  const points = ASTRAL.test(text) ? Array.from(text) : null;
  const chars: ArrayLike<string> = points ?? text;
  const length = chars.length;
  const between = (start: number, end: number): string => (points ? points.slice(start, end).join('') : text.slice(start, end));
  const readings: PositionReading[] = [STANDARD_READING];
  const hasCrlf = raw.includes('\r\n');
  const hasAstral = ASTRAL.test(raw);
  if (hasCrlf) readings.push({ astral: 1, crlf: 1 });
  if (hasAstral) for (const r of [...readings]) readings.push({ ...r, astral: 2 });
  // What is known of the program only matters where the text lets readings differ.
  const relevant: KnownReading = { ...(hasAstral ? { astral: known.astral } : {}), ...(hasCrlf ? { crlf: known.crlf } : {}), certain: known.certain };

  const isBoundary = (p: number): boolean => p === 0 || p === length || !(WORD.test(chars[p - 1]!) && WORD.test(chars[p]!));
  const tried = readings.map((reading) => {
    const c = candidate(raw, reading);
    const ranges = selections.map((s): Range => {
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= c.rawLength)) return null;
      const start = Math.min(c.at(s.start, false), length);
      const end = Math.min(c.at(s.end, true), length);
      return start < end ? { start, end } : null;
    });
    let inside = 0;
    let named = 0;
    let bounded = 0;
    ranges.forEach((r, i) => {
      if (!r) return;
      inside++;
      const name = usableName(selections[i]!.name);
      if (name && comparable(between(r.start, r.end)).startsWith(name)) named++;
      if (isBoundary(r.start)) bounded++;
      if (isBoundary(r.end)) bounded++;
    });
    return { reading, ranges, inside, named, bounded, rawLength: c.rawLength };
  });
  type Tried = (typeof tried)[number];
  const best = (pool: Tried[], key: 'inside' | 'named' | 'bounded'): Tried[] => {
    const top = Math.max(...pool.map((t) => t[key]));
    return pool.filter((t) => t[key] === top);
  };

  let pool = best(best(tried, 'inside'), 'named');
  const preferred = relevant.astral !== undefined || relevant.crlf !== undefined ? pool.filter((t) => matches(t.reading, relevant)) : [];
  if (preferred.length > 0) {
    // Word boundaries overrule the program's known reading only when they clearly contradict it (the
    // other reading puts at least twice as many ends on boundaries, and more than a few): selections
    // made in the middle of words must not outweigh what is known of the program.
    const others = pool.filter((t) => !preferred.includes(t));
    const bestOf = (ts: Tried[]) => Math.max(-Infinity, ...ts.map((t) => t.bounded));
    const [mine, theirs] = [bestOf(preferred), bestOf(others)];
    const contradicted = !relevant.certain && theirs >= 2 * mine && theirs - mine >= Math.max(2, Math.ceil(0.1 * 2 * pool[0]!.inside));
    if (!contradicted) pool = preferred;
  }
  pool = best(pool, 'bounded');
  const chosen = pool[0]!;
  const standard = tried[0]!;
  const rivals = pool.filter((t) => !sameRanges(t.ranges, chosen.ranges));
  const doubt = rivals.length === 0 ? null : rivals.every((t) => t.reading.astral === chosen.reading.astral) ? 'line-ends' : 'units';
  return { text, ranges: chosen.ranges, reading: chosen.reading, departs: !sameRanges(chosen.ranges, standard.ranges), doubt, countedLength: chosen.rawLength };
}
