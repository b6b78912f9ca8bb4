import type { Replacement } from './remap.ts';

// What changed between two versions of a source's text, as replacements over the old one, small
// enough that codings next to a corrected word do not move. Common prefix and suffix are cut off
// first (a typo fix is then instant), the middle is compared word by word (words found once in
// each text anchor the comparison, Myers' O(ND) algorithm fills in between), and each changed
// stretch is trimmed to the characters that differ, so that fixing "recieve" only touches "ie".

/** Most edit steps between two anchors before that stretch is taken as replaced as a whole. */
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
  // Back to word boundaries: a word cut by the trimming ("été4" of "été40") would be a token of its
  // own in the middle, and could take the place of the real word as an anchor. push() trims the
  // replacements to the characters that differ again.
  const inWord = (cps: string[], i: number) => i > 0 && i < cps.length && WORD_CHAR.test(cps[i - 1]!) && WORD_CHAR.test(cps[i]!);
  while (prefix > 0 && (inWord(a, prefix) || inWord(b, prefix))) prefix--;
  while (suffix > 0 && (inWord(a, a.length - suffix) || inWord(b, b.length - suffix))) suffix--;
  const out: Replacement[] = [];
  diffMiddle(a, prefix, a.length - suffix, b, prefix, b.length - suffix, out);
  return alignToLines(a, out);
}

/** Furthest a deletion or insertion is slid looking for line boundaries. */
const MAX_SLIDE = 1_000;

/**
 * A deleted or inserted stretch that repeats the text beside it can sit at several places:
 * deleting the line "Enquêtrice : Et ensuite ?" above "Enquêtrice : Et la cellule ?" reads just
 * as well as deleting "ensuite ?\nEnquêtrice : Et ". Prefix trimming picks the rightmost place,
 * which cuts through two lines, so that a coding or a speaker turn on the line that stays would
 * lose its first words. Such a stretch is slid, within the unchanged text around it, to whole
 * lines when it can be (or else to a line's start or end), as a person reading the change would.
 */
function alignToLines(a: string[], reps: Replacement[]): Replacement[] {
  reps.forEach((r, i) => {
    const cps = Array.from(r.text);
    if ((r.start === r.end) === (cps.length === 0)) return;
    const lo = i > 0 ? reps[i - 1]!.end + 1 : 0;
    const hi = i + 1 < reps.length ? reps[i + 1]!.start - 1 : a.length;
    // The stretch is block[0..n) placed at `at`; for a deletion block is a[at..at+n).
    const deletion = cps.length === 0;
    const block = deletion ? a.slice(r.start, r.end) : cps;
    const n = block.length;
    const first = (shift: number) => block[((shift % n) + n) % n]!;
    const isLineStart = (p: number) => p === 0 || a[p - 1] === '\n';
    const isLineEnd = (p: number) => p === a.length || a[p] === '\n';
    // Rank of the stretch slid by `shift`: whole lines, then a line break and whole lines, then
    // a line's start, then a line's end; 0 when none of these.
    const rank = (shift: number) => {
      const at = r.start + shift;
      const end = deletion ? r.end + shift : at;
      const head = first(shift);
      const tail = first(shift + n - 1);
      if (isLineStart(at) && tail === '\n') return 4;
      if (head === '\n' && isLineEnd(end)) return 3;
      if (isLineStart(at)) return 2;
      if (isLineEnd(end)) return 1;
      return 0;
    };
    // Sliding left by one is possible when the character before equals the block's last one.
    let left = 0;
    while (left < MAX_SLIDE && r.start - left - 1 >= lo && a[r.start - left - 1] === first(n - 1 - left)) left++;
    let right = 0;
    const after = deletion ? r.end : r.start;
    while (right < MAX_SLIDE && after + right < hi && a[after + right] === first(right)) right++;
    let best = 0;
    let bestRank = rank(0);
    for (let shift = -left; shift <= right; shift++) {
      const k = rank(shift);
      if (k > bestRank) {
        best = shift;
        bestRank = k;
      }
    }
    if (best === 0) return;
    if (deletion) {
      r.start += best;
      r.end += best;
    } else {
      r.start += best;
      r.end += best;
      r.text = Array.from({ length: n }, (_, j) => first(best + j)).join('');
    }
  });
  return reps;
}

/** Appends the replacements turning a[a0..a1) into b[b0..b1) (code-point arrays). */
function diffMiddle(a: string[], a0: number, a1: number, b: string[], b0: number, b1: number, out: Replacement[]): void {
  if (a0 === a1 || b0 === b1) {
    push(a, a0, a1, b, b0, b1, out);
    return;
  }
  const ta = tokenize(a, a0, a1);
  const tb = tokenize(b, b0, b1);
  // Only spaces and punctuation in common between two changes: one change (a rewritten sentence
  // reads as one replacement, not as a dozen fragments between its commas).
  const runs = alignTokens(ta, tb, MAX_EDITS).filter(
    ([ax, by, len]) => (ax === 0 && by === 0) || ax + len === ta.ids.length || ta.isWord.subarray(ax, ax + len).includes(1),
  );
  let ai = 0;
  let bi = 0;
  for (const [ax, by, len] of [...runs, [ta.ids.length, tb.ids.length, 0] as Run]) {
    if (ax > ai || by > bi) push(a, ta.bounds[ai]!, ta.bounds[ax]!, b, tb.bounds[bi]!, tb.bounds[by]!, out);
    ai = ax + len;
    bi = by + len;
  }
}

interface Tokens {
  /** Token ids (equal text, equal id) and code-point bounds: token i is [bounds[i], bounds[i+1]). */
  ids: Int32Array;
  bounds: number[];
  /** 1 for a word (letters, digits), 0 for spaces and punctuation. */
  isWord: Uint8Array;
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

/** Words, runs of spaces, single punctuation marks. */
function tokenize(cps: string[], from: number, to: number): Tokens {
  const bounds: number[] = [from];
  const ids: number[] = [];
  const isWord: number[] = [];
  let i = from;
  while (i < to) {
    const start = i;
    const c = cps[i]!;
    const cls = WORD_CHAR.test(c) ? 1 : SPACE_CHAR.test(c) ? 2 : 3;
    isWord.push(cls === 1 ? 1 : 0);
    i++;
    if (cls !== 3) {
      const re = cls === 1 ? WORD_CHAR : SPACE_CHAR;
      while (i < to && re.test(cps[i]!)) i++;
    }
    ids.push(idOf(cps.slice(start, i).join('')));
    bounds.push(i);
  }
  return { ids: Int32Array.from(ids), bounds, isWord: Uint8Array.from(isWord) };
}

type Run = [number, number, number];

/**
 * Runs of equal tokens [aIndex, bIndex, length], in order. Words found exactly once in each text
 * are matched first (the longest chain of them in the same order, as in "patience diff"): a word
 * that was not touched stays matched even when spaces and commas around it could be paired up
 * otherwise. Between these anchors, Myers' algorithm; a stretch that differs past `maxEdits`
 * steps is taken as replaced as a whole.
 */
function alignTokens(ta: Tokens, tb: Tokens, maxEdits: number): Run[] {
  const a = ta.ids;
  const b = tb.ids;
  const anchors = uniqueAnchors(ta, tb);
  const runs: Run[] = [];
  let ai = 0;
  let bi = 0;
  const between = (a1: number, b1: number) => {
    const sub = myers(a.subarray(ai, a1), b.subarray(bi, b1), maxEdits) ?? [];
    for (const [x, y, len] of sub) runs.push([x + ai, y + bi, len]);
  };
  for (const [x, y] of anchors) {
    between(x, y);
    runs.push([x, y, 1]);
    ai = x + 1;
    bi = y + 1;
  }
  between(a.length, b.length);
  // Adjacent runs make one.
  const merged: Run[] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && last[0] + last[2] === r[0] && last[1] + last[2] === r[1]) last[2] += r[2];
    else if (r[2] > 0) merged.push([...r]);
  }
  return merged;
}

/** Pairs of positions of words unique in both sequences, longest increasing chain. */
function uniqueAnchors(ta: Tokens, tb: Tokens): Array<[number, number]> {
  const a = ta.ids;
  const b = tb.ids;
  const countA = new Map<number, number>();
  for (const t of a) countA.set(t, (countA.get(t) ?? 0) + 1);
  const countB = new Map<number, number>();
  const posB = new Map<number, number>();
  b.forEach((t, i) => {
    countB.set(t, (countB.get(t) ?? 0) + 1);
    posB.set(t, i);
  });
  const pairs: Array<[number, number]> = [];
  a.forEach((t, i) => {
    if (ta.isWord[i] === 1 && countA.get(t) === 1 && countB.get(t) === 1) pairs.push([i, posB.get(t)!]);
  });
  // Longest increasing subsequence of b positions (pairs are in a order), patience sorting.
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([, y], i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pairs[tails[mid]!]![1] < y) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const chain: Array<[number, number]> = [];
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i !== -1; i = prev[i]!) chain.push(pairs[i]!);
  return chain.reverse();
}

/**
 * Myers' greedy shortest edit script. Keeps, for each number of edits d, the furthest-reaching
 * x on each diagonal k = x - y, then walks the saved frontiers back to collect the equal runs.
 */
export function myers(a: ArrayLike<number>, b: ArrayLike<number>, maxEdits: number): Run[] | null {
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

function backtrack(trace: Int32Array[], dEnd: number, n: number, m: number): Run[] {
  const runs: Run[] = [];
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
