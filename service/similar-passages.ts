// "Passages like this one": from a coding or a selection, the corpus's passages (turns, else
// paragraphs) not coded yet with its code, ranked by BM25 over the stems they share with it, each
// with the words it shares as written, so the researcher sees why it came up before coding it.
//
// BM25 (Robertson & Zaragoza 2009), as Lucene computes it: for each distinct stem t of the query
// held by passage p,  idf(t) · tf·(k1 + 1) / (tf + k1·(1 − b + b·|p|/avgdl)),
// idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5)), with N the corpus's passages, df those holding t,
// |p| the passage's terms and avgdl their mean. A stem counts once however often the query says it:
// a selection that repeats a word is not about it more than one that says it once. A transcript's
// speakers' names are not among its terms (service/passage-index.ts).
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import { termPlacesOf, type TermPlace } from '../text/terms.ts';
import { getCoding } from './codings.ts';
import { K1, passageIndexOf, termSlot, type PassageIndex } from './passage-index.ts';
import { projectWordForms } from './text-language.ts';

export const DEFAULT_SIMILAR_LIMIT = 20;
/** Characters of a passage shown around its first shared word; a longer passage is cut, with "…". */
const SNIPPET_CHARS = 280;

export type SimilarQuery = ({ codingId: number } | { sourceId: number; start: number; end: number; codeId?: number | undefined }) & {
  limit?: number | undefined;
};

export interface SimilarPassage {
  sourceId: number;
  sourceName: string;
  start: number;
  end: number;
  /** 1-based turn and its speaker, or null for a paragraph. */
  turn: number | null;
  speaker: string | null;
  score: number;
  snippet: string;
  /** The shared words' places in the snippet (UTF-16 offsets), to highlight them. */
  marks: Array<{ start: number; end: number }>;
  /** The words it shares with the query, as written in the passage, each once. */
  words: string[];
}

export interface SimilarPassages {
  query: { sourceId: number; sourceName: string; start: number; end: number; codeId: number | null; codingId: number | null; words: string[] };
  passages: SimilarPassage[];
  /**
   * Why the list is empty: the query holds no word to compare by (only stop words, numbers,
   * single letters, its transcript's speakers), or no passage left to rank shares any of its words.
   */
  nothing: 'onlyStopWords' | 'noSharedWords' | null;
}

interface QueryPassage {
  sourceId: number;
  start: number;
  end: number;
  codeId: number | null;
  codingId: number | null;
}

function queryPassage(db: Db, q: SimilarQuery): QueryPassage {
  if ('codingId' in q) {
    const c = getCoding(db, q.codingId);
    return { sourceId: c.sourceId, start: c.start, end: c.end, codeId: c.codeId, codingId: c.id };
  }
  const src = stmt(db, 'SELECT length FROM sources WHERE id = ?').get(q.sourceId) as { length: number } | undefined;
  if (!src) throw new TresseError('source.notFound', { ref: String(q.sourceId) });
  const { start, end } = q;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > src.length) {
    throw new TresseError('coding.range', { start, end, length: src.length });
  }
  if (q.codeId !== undefined && !stmt(db, 'SELECT 1 FROM codes WHERE id = ?').get(q.codeId)) {
    throw new TresseError('code.notFound', { ref: String(q.codeId) });
  }
  return { sourceId: q.sourceId, start, end, codeId: q.codeId ?? null, codingId: null };
}

/** Code points [start, end) of a source, cut by SQLite (substr counts characters, as positions do). */
function textOf(db: Db, sourceId: number, start: number, end: number): string {
  return stmt(db, 'SELECT substr(text, ? + 1, ?) FROM sources WHERE id = ?')
    .pluck()
    .get(start, end - start, sourceId) as string;
}

const sourceName = (db: Db, id: number) => stmt(db, 'SELECT name FROM sources WHERE id = ?').pluck().get(id) as string;

/** The words behind some places, as written, each once (whatever its case). */
function wordsOf(text: string, places: readonly TermPlace[]): string[] {
  const seen = new Map<string, string>();
  for (const p of places) {
    const word = text.slice(p.index, p.index + p.length);
    const key = word.toLowerCase();
    if (!seen.has(key)) seen.set(key, word);
  }
  return [...seen.values()];
}

/** BM25 scores of every passage of the corpus, in the index's numbering (0 where no query term is held). */
function scorePassages(index: PassageIndex, termIds: readonly number[]): Float64Array {
  const scores = new Float64Array(index.passageCount);
  for (const t of termIds) {
    const df = index.df[t]!;
    const weight = Math.log(1 + (index.passageCount - df + 0.5) / (df + 0.5)) * (K1 + 1);
    for (let k = 0; k < index.order.length; k++) {
      const s = index.order[k]!;
      const slot = termSlot(s, t);
      if (slot < 0) continue;
      const base = index.base[k]!;
      const { postingPassage, postingCount } = s;
      for (let i = s.offsets[slot]!, stop = s.offsets[slot + 1]!; i < stop; i++) {
        const p = base + postingPassage[i]!;
        const tf = postingCount[i]!;
        scores[p]! += (weight * tf) / (tf + index.norm[p]!);
      }
    }
  }
  return scores;
}

/**
 * The `count` best passages (more when tied with the last), best first, ties in source and
 * position order. The bar (the count-th best score) comes from a min-heap of `count` scores, one
 * pass over the corpus; only the passages above it are sorted.
 */
function best(scores: Float64Array, count: number): number[] {
  const heap = new Float64Array(count);
  let size = 0;
  for (let p = 0; p < scores.length; p++) {
    const x = scores[p]!;
    if (x <= 0 || (size === count && x <= heap[0]!)) continue;
    if (size < count) {
      // Sift up.
      let i = size++;
      while (i > 0 && heap[(i - 1) >> 1]! > x) {
        heap[i] = heap[(i - 1) >> 1]!;
        i = (i - 1) >> 1;
      }
      heap[i] = x;
    } else {
      // Replace the smallest, sift down.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const c = l + 1 < size && heap[l + 1]! < heap[l]! ? l + 1 : l;
        if (heap[c]! >= x) break;
        heap[i] = heap[c]!;
        i = c;
      }
      heap[i] = x;
    }
  }
  if (size === 0) return [];
  const bar = heap[0]!;
  const chosen: number[] = [];
  for (let p = 0; p < scores.length; p++) if (scores[p]! >= bar && scores[p]! > 0) chosen.push(p);
  return chosen.sort((a, b) => scores[b]! - scores[a]! || a - b);
}

/** Ranks the passages like a coding or a selection; see the file's head for the score. */
export function similarPassages(db: Db, q: SimilarQuery): SimilarPassages {
  const query = queryPassage(db, q);
  const limit = q.limit ?? DEFAULT_SIMILAR_LIMIT;
  const forms = projectWordForms(db);
  const queryText = textOf(db, query.sourceId, query.start, query.end);
  const index = passageIndexOf(db);
  const ownSpeakers = index.sources.get(query.sourceId)?.speakerStems;
  const queryPlaces = termPlacesOf(queryText, forms).filter((t) => !ownSpeakers?.has(t.stem));
  const head = { ...query, sourceName: sourceName(db, query.sourceId), words: wordsOf(queryText, queryPlaces) };
  if (queryPlaces.length === 0) return { query: head, passages: [], nothing: 'onlyStopWords' };

  const stems = new Set(queryPlaces.map((p) => p.stem));
  const termIds = [...stems].flatMap((s) => {
    const id = index.termIds.get(s);
    return id === undefined ? [] : [id];
  });
  const scores = scorePassages(index, termIds);

  // Coded passages are left out as the ranking is walked: a few index probes, not every coding read.
  const coded =
    query.codeId !== null
      ? stmt(db, 'SELECT 1 FROM codings WHERE code_id = ? AND source_id = ? AND start < ? AND end > ? LIMIT 1')
      : stmt(db, 'SELECT 1 FROM codings WHERE source_id = ? AND start < ? AND end > ? LIMIT 1');
  const isCoded = (sourceId: number, start: number, end: number) =>
    (query.codeId !== null ? coded.get(query.codeId, sourceId, end, start) : coded.get(sourceId, end, start)) !== undefined;

  const passages: SimilarPassage[] = [];
  // Passages left out are many in a well-coded corpus: the candidates widen until the list is full.
  let seen = 0;
  for (let wanted = limit * 2 + 32; passages.length < limit; wanted *= 4) {
    const ranked = best(scores, wanted);
    for (const g of ranked.slice(seen)) {
      if (passages.length >= limit) break;
      const source = index.order[index.passageSource[g]!]!;
      const p = source.passages[g - index.base[index.passageSource[g]!]!]!;
      if (source.sourceId === query.sourceId && p.start < query.end && p.end > query.start) continue;
      if (isCoded(source.sourceId, p.start, p.end)) continue;
      const text = textOf(db, source.sourceId, p.start, p.end);
      const shared = termPlacesOf(text, forms).filter((t) => stems.has(t.stem) && !source.speakerStems.has(t.stem));
      passages.push({
        sourceId: source.sourceId,
        sourceName: sourceName(db, source.sourceId),
        start: p.start,
        end: p.end,
        turn: p.turn,
        speaker: p.speaker,
        score: scores[g]!,
        ...snippetOf(text, shared),
        words: wordsOf(text, shared),
      });
    }
    seen = ranked.length;
    if (ranked.length < wanted) break;
  }
  return { query: head, passages, nothing: passages.length === 0 ? 'noSharedWords' : null };
}

/** A window of the passage from a little before its first shared word, cut between words. */
function snippetOf(text: string, shared: readonly TermPlace[]): { snippet: string; marks: Array<{ start: number; end: number }> } {
  let from = 0;
  let to = text.length;
  if (text.length > SNIPPET_CHARS) {
    const first = shared[0]?.index ?? 0;
    from = Math.max(0, Math.min(first - 40, text.length - SNIPPET_CHARS));
    if (from > 0) from = text.indexOf(' ', from) + 1 || from;
    to = Math.min(text.length, from + SNIPPET_CHARS);
    if (to < text.length) to = text.lastIndexOf(' ', to) > from ? text.lastIndexOf(' ', to) : to;
  }
  const lead = from > 0 ? '…' : '';
  const marks = shared
    .filter((t) => t.index >= from && t.index + t.length <= to)
    .map((t) => ({ start: t.index - from + lead.length, end: t.index - from + lead.length + t.length }));
  return { snippet: lead + text.slice(from, to) + (to < text.length ? '…' : ''), marks };
}
