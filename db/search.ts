import type { SearchHit, SourceKind } from '../model/types.ts';
import { foldToken } from '../text/fold.ts';
import { foldLigatures } from '../text/ligatures.ts';
import { codePointLength } from '../text/offsets.ts';
import { wordFormsOf, type TextLanguage } from '../text/word-forms.ts';
import type { Db } from './open.ts';
import { catchUpSearchIndex, headOf, readVarint, TokenPlaces } from './search-index.ts';
import { stmt } from './statements.ts';

// Full-text search over the project's own word index (db/search-index.ts): every word folded
// (case, accents, œ/æ written out) so that "secret partage" lands on "secret partagé" and "coeur"
// on "cœur", stored with its places. A word typed outside quotes also finds the other forms of
// its stem in the project's language ("partenaire", "partenaires"), read from the project's
// vocabulary; a quoted one only itself, folded. A query folds its words once, reads for each the rows that
// can hold it (one range of the primary key, a short row or two per source), decides from those rows alone which sources
// match and how well (BM25, as FTS5 ranked them), and which tokens are hits. Only the hits returned
// read their text: their places from the nearest checkpoint, and their snippets, from the stored bytes.

export { catchUpSearchIndex } from './search-index.ts';

/** One clause of a query: a word, a "quoted phrase", or a prefix (word*). */
export interface QueryClause {
  /** As typed. */
  text: string;
  /** Folded as the index folds words (case, accents, œ/æ written out). */
  tokens: string[];
  /**
   * Per token, the stem whose forms it matches (typed outside quotes), or null when it matches
   * its folded word only (quoted) or as a prefix.
   */
  stems: Array<string | null>;
  prefix: boolean;
  negated: boolean;
  /** Joined to the clause before it by OR: either will do. */
  alternative: boolean;
  /** A stop word typed alone outside quotes ("de", "the"): left out of the query. */
  common: boolean;
}

const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
/** The word starting exactly at lastIndex. */
const TOKEN_AT = /[\p{L}\p{N}\p{M}\p{Co}]+/uy;

/** The words of a query's clause: as typed, and folded (a word of marks alone folds to nothing and is left out). */
function tokenize(text: string): { written: string[]; tokens: string[] } {
  const written: string[] = [];
  const tokens: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const folded = foldLigatures(foldToken(m[0]));
    if (folded.length === 0) continue;
    written.push(m[0]);
    tokens.push(folded);
  }
  return { written, tokens };
}

/**
 * Reads a user's query: words (all required), "phrases" (straight, French « » or curly quotes),
 * prefix*, and -excluded words. AND, OR and NOT in capitals are the usual operators (AND changes
 * nothing; NOT excludes like -); in lower case they are words like any other. Words outside quotes
 * match their word forms in `language`, and stop words typed alone are marked common.
 */
export function parseQuery(query: string, language: TextLanguage = 'fr'): QueryClause[] {
  const forms = wordFormsOf(language);
  const clauses: QueryClause[] = [];
  const re = /(-?)["«“]([^"«»“”]*)["»”](\*?)|(-?)([^\s"«»“”]+)/g;
  let not = false;
  let or = false;
  for (const m of query.matchAll(re)) {
    if (m[5] === 'AND' || m[5] === 'OR' || m[5] === 'NOT') {
      if (m[5] === 'NOT') not = true;
      if (m[5] === 'OR') or = true;
      continue;
    }
    const negated = (m[1] ?? m[4]) === '-' || not;
    const raw = m[2] ?? m[5] ?? '';
    const prefix = m[3] === '*' || (m[5] !== undefined && raw.endsWith('*'));
    const { written, tokens } = tokenize(raw);
    if (tokens.length === 0) continue;
    const quoted = m[2] !== undefined;
    const stems = written.map((w, j) => (quoted || (prefix && j === written.length - 1) ? null : forms.stem(w)));
    const common = !quoted && !prefix && tokens.length === 1 && forms.isStopWord(tokens[0]!);
    const previous = clauses[clauses.length - 1];
    clauses.push({
      text: raw,
      tokens,
      stems,
      prefix,
      negated,
      alternative: or && !negated && previous !== undefined && !previous.negated,
      common,
    });
    not = or = false;
  }
  return clauses;
}

/**
 * How the clauses combine: every group must match (a group matches when one of its clauses does),
 * no excluded clause may. Common words are left out (a group of them alone with them).
 */
export function queryGroups(clauses: readonly QueryClause[]): { all: QueryClause[][]; none: QueryClause[] } {
  const all: QueryClause[][] = [];
  for (const c of clauses) {
    if (c.negated) continue;
    if (c.alternative && all.length > 0) all[all.length - 1]!.push(c);
    else all.push([c]);
  }
  return {
    all: all.map((g) => g.filter((c) => !c.common)).filter((g) => g.length > 0),
    none: clauses.filter((c) => c.negated && !c.common),
  };
}

export interface SearchOptions {
  /** Most hits returned over all sources. */
  limit?: number;
  sourceKinds?: SourceKind[];
  sourceIds?: number[];
  /** Characters of context on each side of a hit in its snippet. */
  context?: number;
  /** The project's text language, whose word forms and stop words the query uses (French unless said). */
  language?: TextLanguage;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Number of sources that match, whether or not all their hits were returned. */
  sourceCount: number;
  truncated: boolean;
  /** Words of the query left out as too common (stop words typed alone, outside quotes), as typed. */
  commonWords?: string[];
  /** The query held only such words: nothing was searched, rather than every passage returned. */
  onlyCommonWords?: boolean;
}

/** Where one word's occurrences sit in a row: `count` occurrences from byte `at` of `postings`. */
interface Postings {
  postings: Uint8Array;
  at: number;
  count: number;
}

/** One query word (a prefix, or the forms of a stem) in every source that holds it. */
interface Term {
  /** Per source, the postings of each word that matches (one word, or every word with the prefix or the stem). */
  bySource: Map<number, Postings[]>;
}

/** The token numbers where a term occurs in a source, ascending. */
function decode(list: readonly Postings[]): number[] {
  const out: number[] = [];
  const at = { pos: 0 };
  for (const p of list) {
    at.pos = p.at;
    let token = 0;
    for (let k = 0; k < p.count; k++) out.push((token += readVarint(p.postings, at)));
  }
  // Several words (a prefix's, a stem's): their tokens are distinct, so a plain sort orders them.
  if (list.length > 1) out.sort((a, b) => a - b);
  return out;
}

/** Finds `word` among a row's words; pushes its postings. */
function collect(words: string, postings: Uint8Array, word: string, into: Postings[]): void {
  const at = { pos: 0 };
  // Found in the row's text first, then its postings reached by skipping those before.
  let found = -1;
  for (let i = words.indexOf(word); i !== -1; i = words.indexOf(word, i + 1)) {
    if ((i === 0 || words.charCodeAt(i - 1) === 32) && (i + word.length === words.length || words.charCodeAt(i + word.length) === 32)) {
      found = i;
      break;
    }
  }
  if (found === -1) return;
  let before = 0;
  for (let i = words.indexOf(' '); i !== -1 && i < found; i = words.indexOf(' ', i + 1)) before++;
  for (let k = 0; k < before; k++) {
    readVarint(postings, at);
    const length = readVarint(postings, at);
    at.pos += length;
  }
  const count = readVarint(postings, at);
  readVarint(postings, at);
  into.push({ postings, at: at.pos, count });
}

/** Pushes the postings of every word of a row that `matches`. */
function collectEach(words: string, postings: Uint8Array, matches: (word: string) => boolean, into: Postings[]): void {
  const at = { pos: 0 };
  for (const w of words.split(' ')) {
    const count = readVarint(postings, at);
    const length = readVarint(postings, at);
    if (matches(w)) into.push({ postings, at: at.pos, count });
    at.pos += length;
  }
}

/** Every source's postings of `words` (folded), or of the words `words[0]` begins when `prefix`. */
function readTerm(db: Db, words: readonly string[], prefix: boolean): Term {
  const bySource = new Map<number, Postings[]>();
  const byHead = new Map<string, string[]>();
  for (const w of words) {
    const head = headOf(w);
    const list = byHead.get(head);
    if (list) list.push(w);
    else byHead.set(head, [w]);
  }
  for (const [head, list] of byHead) {
    const word = list[0]!;
    // A one-character prefix spans every head that begins with it.
    const wide = prefix && codePointLength(word) === 1;
    const rows = (
      wide
        ? stmt(db, SQL_TERM_RANGE)
            .raw()
            .all(head, head + '\u{10FFFF}')
        : stmt(db, SQL_TERM).raw().all(head)
    ) as [number, string, Uint8Array][];
    const set = new Set(list);
    const matches = prefix ? (w: string) => w.startsWith(word) : (w: string) => set.has(w);
    for (const [sourceId, rowWords, postings] of rows) {
      let found = bySource.get(sourceId);
      const before = found?.length ?? 0;
      if (!found) found = [];
      if (!prefix && list.length === 1) collect(rowWords, postings, word, found);
      else collectEach(rowWords, postings, matches, found);
      if (found.length > before) bySource.set(sourceId, found);
    }
  }
  return { bySource };
}

/**
 * The folded words a word typed outside quotes finds: itself, and every word of the project
 * written with its stem, or with the stem of a way the project writes it ("securite" typed
 * without accents reaches the stem of "sécurité", and so "sécurités").
 */
function formsOf(db: Db, language: TextLanguage, stem: string, word: string): string[] {
  const found = stmt(db, SQL_FORMS).pluck().all({ language, stem, word }) as string[];
  return found.includes(word) ? found : [word, ...found];
}

export const SQL_FORMS = `SELECT DISTINCT word FROM search_forms WHERE language = @language AND stem IN
  (SELECT stem FROM search_forms WHERE language = @language AND word = @word UNION SELECT @stem)`;

/**
 * The rows that can hold a word: one per source, for the word's head, together in one range of
 * the primary key (tests/db/search-index.test.ts asserts the plan).
 */
export const SQL_TERM = `SELECT source_id, words, postings FROM search_words WHERE head = ?`;
export const SQL_TERM_RANGE = `SELECT source_id, words, postings FROM search_words WHERE head >= ? AND head <= ?`;

/** A clause in one source: the token numbers where it starts. */
function startsOf(clause: QueryClause, terms: readonly Term[], sourceId: number, places: (t: Term) => number[]): number[] | null {
  if (clause.tokens.length === 1) {
    const list = terms[0]!.bySource.get(sourceId);
    return list ? places(terms[0]!) : null;
  }
  for (const t of terms) if (!t.bySource.has(sourceId)) return null;
  const first = places(terms[0]!);
  const rest = terms.slice(1).map((t) => new Set(places(t)));
  const starts = first.filter((s) => rest.every((set, j) => set.has(s + j + 1)));
  return starts.length > 0 ? starts : null;
}

export function searchSources(db: Db, query: string, options: SearchOptions = {}): SearchResult {
  catchUpSearchIndex(db);
  const language = options.language ?? 'fr';
  const parsed = parseQuery(query, language);
  const { all, none } = queryGroups(parsed);
  const clauses = parsed.filter((c) => !c.common);
  const common = parsed.filter((c) => c.common).map((c) => c.text);
  const told = common.length > 0 ? { commonWords: common, onlyCommonWords: all.length === 0 } : {};
  if (all.length === 0) return { hits: [], sourceCount: 0, truncated: false, ...told };
  const limit = options.limit ?? 200;
  const context = options.context ?? 60;

  // Each distinct word read once, whatever the number of clauses that use it.
  const termCache = new Map<string, Term>();
  const termsOf = (c: QueryClause) =>
    c.tokens.map((word, j) => {
      const prefix = c.prefix && j === c.tokens.length - 1;
      const stem = c.stems[j] ?? null;
      const key = stem !== null ? `~${stem} ${word}` : `${prefix ? '*' : '='}${word}`;
      let t = termCache.get(key);
      if (!t) termCache.set(key, (t = readTerm(db, stem !== null ? formsOf(db, language, stem, word) : [word], prefix)));
      return t;
    });
  const clauseTerms = new Map<QueryClause, Term[]>(clauses.map((c) => [c, termsOf(c)]));
  // A phrase's places in a source, worked out once (matching, ranking and hits all ask).
  const startsCache = new Map<QueryClause, Map<number, number[] | null>>();
  const startsIn = (c: QueryClause, sourceId: number) => {
    let bySource = startsCache.get(c);
    if (!bySource) startsCache.set(c, (bySource = new Map()));
    let starts = bySource.get(sourceId);
    if (starts === undefined) bySource.set(sourceId, (starts = startsOf(c, clauseTerms.get(c)!, sourceId, placesIn(sourceId))));
    return starts;
  };
  const placesCache = new Map<Term, Map<number, number[]>>();
  const placesIn = (sourceId: number) => (t: Term) => {
    let bySource = placesCache.get(t);
    if (!bySource) placesCache.set(t, (bySource = new Map()));
    let p = bySource.get(sourceId);
    if (!p) bySource.set(sourceId, (p = decode(t.bySource.get(sourceId) ?? [])));
    return p;
  };

  // Candidates: the sources holding every word of the first group's first clause... or of any of
  // its alternatives; then each checked against the whole query.
  const candidates = new Set<number>();
  for (const c of all[0]!) for (const s of clauseTerms.get(c)![0]!.bySource.keys()) candidates.add(s);
  const sources = new Map(
    (stmt(db, 'SELECT id, name, kind FROM sources').raw().all() as [number, string, SourceKind][]).map(([id, name, kind]) => [id, { name, kind }]),
  );
  // How often a clause occurs in a source: a word's count is in its postings' header, undecoded.
  const countOf = (c: QueryClause, s: number) => {
    if (c.tokens.length === 1) {
      const list = clauseTerms.get(c)![0]!.bySource.get(s);
      return list ? list.reduce((n, p) => n + p.count, 0) : 0;
    }
    return startsIn(c, s)?.length ?? 0;
  };
  const positive = clauses.filter((c) => !c.negated);
  const counts = new Map<number, number[]>();
  for (const s of candidates) {
    const f = positive.map((c) => countOf(c, s));
    const byClause = new Map(positive.map((c, i) => [c, f[i]!]));
    if (!all.every((group) => group.some((c) => byClause.get(c)! > 0))) continue;
    if (none.some((c) => countOf(c, s) > 0)) continue;
    counts.set(s, f);
  }

  // BM25 as FTS5 computes it (k1 = 1.2, b = 0.75), over all sources; the best first, then by id.
  const stats = stmt(db, 'SELECT count(*) AS n, total(tokens) AS tokens FROM search_sources').get() as { n: number; tokens: number };
  const lengths = new Map((stmt(db, 'SELECT source_id, tokens FROM search_sources').raw().all() as [number, number][]).map(([id, n]) => [id, n]));
  const average = stats.n > 0 ? stats.tokens / stats.n : 1;
  const idf = positive.map((c) => {
    const terms = clauseTerms.get(c)!;
    let holding = 0;
    if (c.tokens.length === 1) holding = terms[0]!.bySource.size;
    else for (const s of terms[0]!.bySource.keys()) if (countOf(c, s) > 0) holding++;
    const v = Math.log((stats.n - holding + 0.5) / (holding + 0.5));
    return v > 0 ? v : 1e-6;
  });
  const scoreOf = (s: number) => {
    const f = counts.get(s)!;
    const d = lengths.get(s) ?? 0;
    let score = 0;
    for (let i = 0; i < f.length; i++) score += (idf[i]! * f[i]! * 2.2) / (f[i]! + 1.2 * (0.25 + (0.75 * d) / average));
    return score;
  };
  const wanted = [...counts.keys()].filter((id) => {
    const s = sources.get(id);
    return s && (!options.sourceKinds?.length || options.sourceKinds.includes(s.kind)) && (!options.sourceIds?.length || options.sourceIds.includes(id));
  });
  const score = new Map(wanted.map((id) => [id, scoreOf(id)]));
  wanted.sort((a, b) => score.get(b)! - score.get(a)! || a - b);

  const hits: SearchHit[] = [];
  let truncated = false;
  const bytesOf = stmt(db, 'SELECT CAST(text AS BLOB) FROM sources WHERE id = ?').pluck();
  const checkpointsOf = stmt(db, 'SELECT places FROM search_sources WHERE source_id = ?').pluck();
  for (const id of wanted) {
    if (hits.length >= limit) {
      truncated = true;
      break;
    }
    const source = sources.get(id)!;
    // At each token, the first clause (in the query's order) that starts there makes the hit: the
    // token it ends on.
    const at = new Map<number, number>();
    for (const c of positive) {
      const starts = startsIn(c, id);
      if (!starts) continue;
      const n = c.tokens.length - 1;
      for (const s of starts) if (!at.has(s)) at.set(s, s + n);
    }
    const bytes = bytesOf.get(id) as Buffer;
    const places = new TokenPlaces(bytes, checkpointsOf.get(id) as Uint8Array);
    for (const token of [...at.keys()].sort((a, b) => a - b)) {
      if (hits.length >= limit) {
        truncated = true;
        break;
      }
      const first = places.of(token);
      const last = places.of(at.get(token)!);
      const cut = snippetAt(bytes, first.byte, last.byte, context);
      hits.push({
        sourceId: id,
        sourceName: source.name,
        sourceKind: source.kind,
        start: first.cp,
        end: last.cp + cut.lastLength,
        snippet: cut.snippet,
        snippetStart: cut.snippetStart,
        snippetEnd: cut.snippetEnd,
      });
    }
  }
  return { hits, sourceCount: wanted.length, truncated, ...told };
}

/**
 * The snippet of a hit from `first` to the end of the word at `last` (UTF-8 offsets in the stored
 * text), decoding only a window around it: the same snippet as cut from the whole text, since the
 * window holds more than `context` characters on each side unless it reaches the text's edge.
 */
function snippetAt(bytes: Buffer, first: number, last: number, context: number) {
  let margin = 4 * (context + 2) + 64;
  for (;;) {
    let a = Math.max(0, first - margin);
    while (a > 0 && (bytes[a]! & 0xc0) === 0x80) a--;
    let b = Math.min(bytes.length, last + margin);
    while (b < bytes.length && (bytes[b]! & 0xc0) === 0x80) b++;
    const window = bytes.toString('utf8', a, b);
    const from = bytes.toString('utf8', a, first).length;
    const lastFrom = from + bytes.toString('utf8', first, last).length;
    TOKEN_AT.lastIndex = lastFrom;
    const word = TOKEN_AT.exec(window)?.[0] ?? '';
    const to = lastFrom + word.length;
    const atStart = a === 0;
    const atEnd = b === bytes.length;
    if ((atStart || from >= context + 2) && (atEnd || window.length - to >= context + 2)) {
      return { ...snippet(window, from, to, context, atStart, atEnd), lastLength: codePointLength(word) };
    }
    margin *= 4;
  }
}

/** A hit's snippet cut from `text`, a window of the source's text that may begin and end inside it. */
function snippet(text: string, from: number, to: number, context: number, atStart: boolean, atEnd: boolean) {
  let a = atStart ? Math.max(0, from - context) : from - context;
  let b = atEnd ? Math.min(text.length, to + context) : to + context;
  const cutStart = !atStart || a > 0;
  const cutEnd = !atEnd || b < text.length;
  // Cut on spaces so the snippet does not start or end mid-word.
  if (cutStart) {
    const sp = text.indexOf(' ', a);
    if (sp !== -1 && sp < from) a = sp + 1;
  }
  if (cutEnd) {
    const sp = text.lastIndexOf(' ', b);
    if (sp > to) b = sp;
  }
  // Do not split a surrogate pair at either edge.
  if (cutStart && /[\udc00-\udfff]/.test(text[a] ?? '')) a--;
  if (cutEnd && /[\udc00-\udfff]/.test(text[b] ?? '')) b++;
  const prefix = !atStart || a > 0 ? '…' : '';
  const suffix = !atEnd || b < text.length ? '…' : '';
  const body = text.slice(a, b).replace(/\n/g, ' ');
  return {
    snippet: prefix + body + suffix,
    snippetStart: prefix.length + (from - a),
    snippetEnd: prefix.length + (to - a),
  };
}
