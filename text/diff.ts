import type { Replacement } from './remap.ts';

// What changed between two versions of a source's text, as replacements over the old one, small
// enough that codings next to a corrected word do not move. Common prefix and suffix are cut off
// first (a typo fix is then instant), the middle is compared word by word (Myers' O(ND) algorithm
// over tokens), and each changed stretch is trimmed to the characters that differ, so that fixing
// "recieve" only touches "ie". When the texts differ too much for a word-level comparison in
// bounded time, lines are compared first and words only inside changed lines.

/** Most edit steps a word-level comparison may take before falling back to lines. */
const MAX_EDITS = 2_000;

export function diffTexts(oldText: string, newText: string): Replacement[] {
  if (oldText === newText) return [];
  const a = Array.from(oldText);
  const b = Array.from(newText);
  let prefix = 0;
  const maxPrefix = Math.min(a.length, b.length);
  while (prefix < maxPrefix && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  const maxSuffix = maxPrefix - prefix;
  while (suffix < maxSuffix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const out: Replacement[] = [];
  diffMiddle(a, prefix, a.length - suffix, b, prefix, b.length - suffix, out);
  return out;
}

/** Appends the replacements turning a[a0..a1) into b[b0..b1) (code-point arrays). */
function diffMiddle(a: string[], a0: number, a1: number, b: string[], b0: number, b1: number, out: Replacement[]): void {
  if (a0 === a1 || b0 === b1) {
    push(a, a0, a1, b, b0, b1, out);
    return;
  }
  const ta = tokenize(a, a0, a1, 'word');
  const tb = tokenize(b, b0, b1, 'word');
  const words = alignTokens(ta, tb, MAX_EDITS);
  if (words) {
    emitGaps(ta, tb, words, (x0, x1, y0, y1) => push(a, x0, x1, b, y0, y1, out));
    return;
  }
  const la = tokenize(a, a0, a1, 'line');
  const lb = tokenize(b, b0, b1, 'line');
  const lines = alignTokens(la, lb, MAX_EDITS);
  if (!lines) {
    push(a, a0, a1, b, b0, b1, out);
    return;
  }
  emitGaps(la, lb, lines, (x0, x1, y0, y1) => {
    if (x0 === x1 || y0 === y1) return push(a, x0, x1, b, y0, y1, out);
    const wa = tokenize(a, x0, x1, 'word');
    const wb = tokenize(b, y0, y1, 'word');
    const inner = alignTokens(wa, wb, MAX_EDITS);
    if (!inner) return push(a, x0, x1, b, y0, y1, out);
    emitGaps(wa, wb, inner, (p0, p1, q0, q1) => push(a, p0, p1, b, q0, q1, out));
  });
}

interface Tokens {
  /** Token ids (equal text, equal id) and code-point bounds: token i is [bounds[i], bounds[i+1]). */
  ids: Int32Array;
  bounds: number[];
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const SPACE_CHAR = /\s/u;
const vocabulary = new Map<string, number>();

function idOf(token: string): number {
  let id = vocabulary.get(token);
  if (id === undefined) {
    // The vocabulary only grows while a process runs; restart it rather than let it grow forever.
    if (vocabulary.size > 1_000_000) vocabulary.clear();
    id = vocabulary.size;
    vocabulary.set(token, id);
  }
  return id;
}

/** Words, runs of spaces, single punctuation marks; or whole lines (newline included). */
function tokenize(cps: string[], from: number, to: number, unit: 'word' | 'line'): Tokens {
  const bounds: number[] = [from];
  const ids: number[] = [];
  let i = from;
  while (i < to) {
    const start = i;
    if (unit === 'line') {
      while (i < to && cps[i] !== '\n') i++;
      if (i < to) i++;
    } else {
      const c = cps[i]!;
      const cls = WORD_CHAR.test(c) ? 1 : SPACE_CHAR.test(c) ? 2 : 3;
      i++;
      if (cls !== 3) {
        const re = cls === 1 ? WORD_CHAR : SPACE_CHAR;
        while (i < to && re.test(cps[i]!)) i++;
      }
    }
    ids.push(idOf(cps.slice(start, i).join('')));
    bounds.push(i);
  }
  return { ids: Int32Array.from(ids), bounds };
}

/** Runs of equal tokens [aIndex, bIndex, length] in order, or null past `maxEdits` edit steps. */
export function alignTokens(ta: Tokens, tb: Tokens, maxEdits: number): Array<[number, number, number]> | null {
  return myers(ta.ids, tb.ids, maxEdits);
}

/**
 * Myers' greedy shortest edit script. Keeps, for each number of edits d, the furthest-reaching
 * x on each diagonal k = x - y, then walks the saved frontiers back to collect the equal runs.
 */
export function myers(a: ArrayLike<number>, b: ArrayLike<number>, maxEdits: number): Array<[number, number, number]> | null {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  const limit = Math.min(max, maxEdits);
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], dEnd: number, n: number, m: number): Array<[number, number, number]> {
  const runs: Array<[number, number, number]> = [];
  let x = n;
  let y = m;
  for (let d = dEnd; d > 0; d--) {
    const prev = trace[d]!;
    const at = (k: number) => prev[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const startX = down ? prevX : prevX + 1;
    if (x > startX) runs.push([startX, startX - k, x - startX]);
    x = prevX;
    y = prevX - prevK;
  }
  if (x > 0) runs.push([0, 0, x]);
  return runs.reverse();
}

/** Calls `gap` for each stretch between equal runs, in code points of a and b. */
function emitGaps(
  ta: Tokens,
  tb: Tokens,
  runs: Array<[number, number, number]>,
  gap: (a0: number, a1: number, b0: number, b1: number) => void,
): void {
  let ai = 0;
  let bi = 0;
  for (const [ax, by, len] of [...runs, [ta.ids.length, tb.ids.length, 0] as [number, number, number]]) {
    if (ax > ai || by > bi) gap(ta.bounds[ai]!, ta.bounds[ax]!, tb.bounds[bi]!, tb.bounds[by]!);
    ai = ax + len;
    bi = by + len;
  }
}

/** Adds one replacement, trimmed to the characters that differ. */
function push(a: string[], a0: number, a1: number, b: string[], b0: number, b1: number, out: Replacement[]): void {
  while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) {
    a0++;
    b0++;
  }
  while (a1 > a0 && b1 > b0 && a[a1 - 1] === b[b1 - 1]) {
    a1--;
    b1--;
  }
  if (a0 === a1 && b0 === b1) return;
  const last = out[out.length - 1];
  const text = b.slice(b0, b1).join('');
  // Adjacent stretches (a deletion then an insertion at the same place) make one replacement.
  if (last && last.end === a0) {
    last.end = a1;
    last.text += text;
    return;
  }
  out.push({ start: a0, end: a1, text });
}
