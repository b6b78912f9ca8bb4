// Positions in a project are Unicode code points over the normalised text, 0-based, end exclusive
// (the REFI-QDA convention). JavaScript strings, the DOM and Lexical count UTF-16 units instead.
// Every conversion between the two goes through this module.

/** A surrogate pair: one astral character (emoji, rare CJK), two UTF-16 units. */
const ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Number of code points in a string (a lone surrogate counts as one). */
export function codePointLength(text: string): number {
  // The regular expression scans natively: most French text has no astral character at all.
  let n = text.length;
  ASTRAL.lastIndex = 0;
  while (ASTRAL.exec(text) !== null) n--;
  return n;
}

/**
 * Converts positions in one text both ways. Built once per text: a sorted list of the UTF-16
 * positions of astral characters (emoji, rare CJK), so each conversion is a binary search and a
 * text with no astral character costs nothing.
 */
export class OffsetIndex {
  /** UTF-16 position of the high surrogate of each astral character, ascending. */
  private readonly astral: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(text: string) {
    ASTRAL.lastIndex = 0;
    for (let m = ASTRAL.exec(text); m !== null; m = ASTRAL.exec(text)) this.astral.push(m.index);
    this.utf16Length = text.length;
    this.codePointLength = text.length - this.astral.length;
  }

  /** UTF-16 offset of a code-point position (0..codePointLength). */
  toUtf16(codePoint: number): number {
    if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > this.codePointLength) {
      throw new RangeError(`code point position ${codePoint} outside 0..${this.codePointLength}`);
    }
    // The k-th astral character (0-based) sits at code point astral[k] - k.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astral[mid]! - mid < codePoint) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }

  /**
   * Code-point position of a UTF-16 offset. An offset that falls between the two halves of a
   * surrogate pair is moved to the start of that character (`'floor'`) or past it (`'ceil'`), so a
   * selection never splits an emoji.
   */
  toCodePoint(utf16: number, inside: 'floor' | 'ceil' = 'floor'): number {
    if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > this.utf16Length) {
      throw new RangeError(`UTF-16 offset ${utf16} outside 0..${this.utf16Length}`);
    }
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astral[mid]! < utf16) lo = mid + 1;
      else hi = mid;
    }
    // lo = number of astral characters starting before utf16.
    if (lo > 0 && this.astral[lo - 1]! + 1 === utf16) {
      return inside === 'floor' ? utf16 - lo : utf16 - lo + 1;
    }
    return utf16 - lo;
  }
}

/** The substring between two code-point positions. */
export function sliceCodePoints(text: string, start: number, end: number, index = new OffsetIndex(text)): string {
  return text.slice(index.toUtf16(start), index.toUtf16(end));
}

/**
 * Maps code-point positions in a raw text (as another tool counted them: CRLF line ends, decomposed
 * accents) to positions in its normalised form (LF, NFC). Raw text is cut into clusters (a base
 * character with its combining marks, or a CRLF pair) that normalise independently; a position
 * inside a cluster maps to the cluster's start.
 */
export class NormalisationMap {
  readonly text: string;
  /** rawStart[i] / normStart[i]: code-point start of cluster i in the raw and in the normalised text. */
  private readonly rawStart: number[] = [];
  private readonly normStart: number[] = [];
  private readonly rawLength: number;

  constructor(raw: string) {
    const body = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
    const bomShift = body === raw ? 0 : 1;
    const chars = Array.from(body);
    let out = '';
    let norm = 0;
    let i = 0;
    while (i < chars.length) {
      const start = i;
      let cluster: string;
      if (chars[i] === '\r') {
        i += chars[i + 1] === '\n' ? 2 : 1;
        cluster = '\n';
      } else {
        i++;
        while (i < chars.length && isContinuation(chars[i]!)) i++;
        cluster = chars.slice(start, i).join('').normalize('NFC');
      }
      this.rawStart.push(start + bomShift);
      this.normStart.push(norm);
      out += cluster;
      norm += codePointLength(cluster);
    }
    this.rawStart.push(chars.length + bomShift);
    this.normStart.push(norm);
    this.rawLength = chars.length + bomShift;
    this.text = out;
  }

  /** Normalised position of a raw code-point position; positions past the end are clamped. */
  toNormalised(rawPosition: number): number {
    const p = Math.max(0, Math.min(rawPosition, this.rawLength));
    let lo = 0;
    let hi = this.rawStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.rawStart[mid]! <= p) lo = mid;
      else hi = mid - 1;
    }
    return this.normStart[lo]!;
  }
}

function isContinuation(ch: string): boolean {
  // Combining marks, zero-width joiners and variation selectors attach to the character before;
  // Hangul medial and final jamo compose with the initial one under NFC.
  if (/\p{M}/u.test(ch) || ch === '\u200d') return true;
  const c = ch.codePointAt(0)!;
  return c >= 0x1160 && c <= 0x11ff;
}
