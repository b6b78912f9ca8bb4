// What a cell counts: distinct passages, not codings. Two team members coding the same words, or a
// theme coded on a sentence and its sub-code on half of it, are one piece of evidence, not two.
//
// A passage is a maximal stretch of one source's text covered without a gap by the codings a row
// counts (the row's code and its sub-codes): codings that coincide or overlap by at least one
// character merge, codings that only touch ([0,10) and [10,20)) stay two passages. In "agreement"
// mode a passage is a maximal stretch that EVERY chosen coder covered (the intersection of each
// coder's coverage), so a coder who coded nothing there removes it.

export interface CodingRange {
  id: number;
  codeId: number;
  sourceId: number;
  coderId: number;
  start: number;
  end: number;
  valence: '+' | '-' | null;
}

/**
 * A matrix's codings as parallel arrays, entry i of each for coding i: a large project has
 * 100,000 codings, and an object for each costs more than the counting. Fields the request does
 * not need are null.
 */
export interface CodingColumns {
  sourceId: number[];
  codeId: number[];
  start: number[];
  end: number[];
  id: number[] | null;
  coderId: number[] | null;
  valence: Array<'+' | '-' | null> | null;
}

export const rangeAt = (c: CodingColumns, i: number): CodingRange => ({
  id: c.id ? c.id[i]! : 0,
  codeId: c.codeId[i]!,
  sourceId: c.sourceId[i]!,
  coderId: c.coderId ? c.coderId[i]! : 0,
  start: c.start[i]!,
  end: c.end[i]!,
  valence: c.valence ? c.valence[i]! : null,
});

export const toColumns = (list: readonly CodingRange[]): CodingColumns => ({
  sourceId: list.map((k) => k.sourceId),
  codeId: list.map((k) => k.codeId),
  start: list.map((k) => k.start),
  end: list.map((k) => k.end),
  id: list.map((k) => k.id),
  coderId: list.map((k) => k.coderId),
  valence: list.map((k) => k.valence),
});

export interface Passages {
  /** Distinct passages. */
  count: number;
  /** Passages holding a coding marked + (resp. -). */
  positive: number;
  negative: number;
  /** The codings behind the passages (several per passage when coders or codes coincide). */
  ids: number[];
}

type Span = [start: number, end: number];

/** Overlapping spans merged; `spans` sorted by start. */
function merge(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const [s, e] of spans) {
    const last = out[out.length - 1];
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Where two sorted, disjoint span lists both hold text. */
function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i]![0], b[j]![0]);
    const e = Math.min(a[i]![1], b[j]![1]);
    if (s < e) out.push([s, e]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}

export const byStart = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start - b.start || a.end - b.end;

/** The union's passages in one sweep: every coding given belongs to exactly one passage. */
function unionOf(sorted: readonly CodingRange[]): Passages {
  const result: Passages = { count: 0, positive: 0, negative: 0, ids: new Array<number>(sorted.length) };
  let end = -1;
  let plus = false;
  let minus = false;
  const close = () => {
    if (plus) result.positive++;
    if (minus) result.negative++;
  };
  sorted.forEach((k, i) => {
    if (k.start >= end) {
      if (result.count > 0) close();
      result.count++;
      plus = false;
      minus = false;
    }
    end = Math.max(end, k.end);
    plus ||= k.valence === '+';
    minus ||= k.valence === '-';
    result.ids[i] = k.id;
  });
  if (result.count > 0) close();
  return result;
}

/**
 * The passages of one row in one source. `agreement`: the coders who must all have coded a
 * stretch for it to count (null: the union of whoever's codings were passed). `sorted`: the
 * codings by start, when the caller has them so.
 */
export function passagesOf(codings: readonly CodingRange[], agreement: readonly number[] | null, sorted = [...codings].sort(byStart)): Passages {
  if (agreement === null) return unionOf(sorted);
  let spans: Span[];
  {
    spans = [[0, Number.MAX_SAFE_INTEGER]];
    for (const coder of agreement) spans = intersect(spans, merge(sorted.filter((k) => k.coderId === coder).map((k) => [k.start, k.end])));
  }
  const result: Passages = { count: spans.length, positive: 0, negative: 0, ids: [] };
  let k = 0;
  for (const [s, e] of spans) {
    let plus = false;
    let minus = false;
    // Codings are sorted by start and passages are disjoint and ordered: one sweep assigns them.
    while (k < sorted.length && sorted[k]!.end <= s) k++;
    for (let i = k; i < sorted.length && sorted[i]!.start < e; i++) {
      const c = sorted[i]!;
      if (c.end <= s) continue;
      result.ids.push(c.id);
      plus ||= c.valence === '+';
      minus ||= c.valence === '-';
    }
    if (plus) result.positive++;
    if (minus) result.negative++;
  }
  result.ids = [...new Set(result.ids)];
  return result;
}
