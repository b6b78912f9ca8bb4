import type { SearchHit, SourceKind } from '../model/types.ts';
import { foldLigatures, ligatureSpellings } from '../text/ligatures.ts';
import { OffsetIndex } from '../text/offsets.ts';
import type { Db } from './open.ts';
import { stmt } from './statements.ts';

// Full-text search. FTS5 (unicode61, remove_diacritics 2) finds and ranks the sources; the hits'
// positions are then found in the source text with the same folding (case, accents), so that
// "secret partage" lands on "secret partagé" and every hit has its code-point range. unicode61
// does not split the ligatures œ/æ, so a query asks for each spelling ("coeur" OR "cœur") and
// hits are compared with the ligatures written out.

/** One clause of a query: a word, a "quoted phrase", or a prefix (word*). */
export interface QueryClause {
  tokens: string[];
  /** `tokens` and its other spellings with œ/æ or oe/ae, looked up together. */
  spellings: string[][];
  prefix: boolean;
  negated: boolean;
  /** Joined to the clause before it by OR: either will do. */
  alternative: boolean;
}

const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

/** Case- and accent-folded form, as FTS5's unicode61 tokenizer with remove_diacritics 2 sees it. */
export function foldToken(token: string): string {
  return token.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function tokenize(text: string): string[] {
  return Array.from(text.matchAll(TOKEN), (m) => foldToken(m[0])).filter((t) => t.length > 0);
}

/**
 * Reads a user's query: words (all required), "phrases" (straight, French « » or curly quotes),
 * prefix*, and -excluded words. AND, OR and NOT in capitals are the usual operators (AND changes
 * nothing; NOT excludes like -); in lower case they are words like any other.
 */
export function parseQuery(query: string): QueryClause[] {
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
    const tokens = tokenize(raw);
    if (tokens.length === 0) continue;
    const spellings = ligatureSpellings(tokens.join(' '), { prefix }).map((s) => s.split(' '));
    const previous = clauses[clauses.length - 1];
    clauses.push({ tokens, spellings, prefix, negated, alternative: or && !negated && previous !== undefined && !previous.negated });
    not = or = false;
  }
  return clauses;
}

/** The FTS5 MATCH expression for parsed clauses; every token is quoted, so no user text is syntax. */
export function toFtsQuery(clauses: readonly QueryClause[]): string {
  const positive = clauses.filter((c) => !c.negated);
  const term = (tokens: readonly string[], prefix: boolean) => `"${tokens.join(' ')}"${prefix ? '*' : ''}`;
  const render = (c: QueryClause) => (c.spellings.length > 1 ? `(${c.spellings.map((s) => term(s, c.prefix)).join(' OR ')})` : term(c.tokens, c.prefix));
  const groups: QueryClause[][] = [];
  for (const c of positive) {
    if (c.alternative && groups.length > 0) groups[groups.length - 1]!.push(c);
    else groups.push([c]);
  }
  let q = groups.map((g) => (g.length === 1 ? render(g[0]!) : `(${g.map(render).join(' OR ')})`)).join(' AND ');
  for (const c of clauses.filter((c) => c.negated)) q += ` NOT ${render(c)}`;
  return q;
}

export interface SearchOptions {
  /** Most hits returned over all sources. */
  limit?: number;
  sourceKinds?: SourceKind[];
  sourceIds?: number[];
  /** Characters of context on each side of a hit in its snippet. */
  context?: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Number of sources that match, whether or not all their hits were returned. */
  sourceCount: number;
  truncated: boolean;
}

/** Indexes the sources queued since the last search, in one transaction; returns how many. */
export function catchUpSearchIndex(db: Db): number {
  if (!stmt(db, 'SELECT 1 FROM fts_pending LIMIT 1').get()) return 0;
  return db
    .transaction(() => {
      const n = stmt(db, `INSERT INTO sources_fts (rowid, text) SELECT s.id, s.text FROM fts_pending p JOIN sources s ON s.id = p.source_id`).run().changes;
      stmt(db, 'DELETE FROM fts_pending').run();
      return n;
    })
    .immediate();
}

export function searchSources(db: Db, query: string, options: SearchOptions = {}): SearchResult {
  catchUpSearchIndex(db);
  const clauses = parseQuery(query);
  const positive = clauses.filter((c) => !c.negated);
  if (positive.length === 0) return { hits: [], sourceCount: 0, truncated: false };
  const limit = options.limit ?? 200;
  const context = options.context ?? 60;
  const rows = stmt(
    db,
    `SELECT s.id, s.name, s.kind FROM sources_fts JOIN sources s ON s.id = sources_fts.rowid
     WHERE sources_fts MATCH ? ORDER BY bm25(sources_fts), s.id`,
  ).all(toFtsQuery(clauses)) as { id: number; name: string; kind: SourceKind }[];
  const wanted = rows.filter(
    (r) => (!options.sourceKinds?.length || options.sourceKinds.includes(r.kind)) && (!options.sourceIds?.length || options.sourceIds.includes(r.id)),
  );
  const hits: SearchHit[] = [];
  let truncated = false;
  const textOf = stmt(db, 'SELECT text FROM sources WHERE id = ?');
  const memo: FoldMemo = new Map();
  for (const row of wanted) {
    if (hits.length >= limit) {
      truncated = true;
      break;
    }
    const text = (textOf.get(row.id) as { text: string }).text;
    const ranges = findHits(text, positive, memo);
    const index = new OffsetIndex(text);
    for (const [from, to] of ranges) {
      if (hits.length >= limit) {
        truncated = true;
        break;
      }
      hits.push({
        sourceId: row.id,
        sourceName: row.name,
        sourceKind: row.kind,
        start: index.toCodePoint(from),
        end: index.toCodePoint(to),
        ...snippet(text, from, to, context),
      });
    }
  }
  return { hits, sourceCount: wanted.length, truncated };
}

/**
 * Folded forms already worked out, shared by the sources of one search: a transcript repeats a small
 * vocabulary, and normalising each token again was most of a search's time.
 */
export type FoldMemo = Map<string, string>;

function foldForMatch(token: string, memo: FoldMemo): string {
  let folded = memo.get(token);
  if (folded === undefined) {
    folded = foldToken(token);
    // Cheaper than a regex replace on every token of a long transcript; foldToken lower-cased Œ/Æ.
    if (folded.includes('œ') || folded.includes('æ')) folded = foldLigatures(folded);
    memo.set(token, folded);
  }
  return folded;
}

/** UTF-16 ranges of every occurrence of any clause in the text, in text order. */
export function findHits(text: string, clauses: readonly QueryClause[], memo: FoldMemo = new Map()): Array<[number, number]> {
  const folded: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    folded.push(foldForMatch(m[0], memo));
    from.push(m.index);
    to.push(m.index + m[0].length);
  }
  const wanted = clauses.map((c) => ({ prefix: c.prefix, tokens: c.tokens.map(foldLigatures) }));
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < folded.length; i++) {
    for (const c of wanted) {
      const n = c.tokens.length;
      if (i + n > folded.length) continue;
      let ok = true;
      for (let j = 0; j < n && ok; j++) {
        const t = folded[i + j]!;
        const q = c.tokens[j]!;
        ok = c.prefix && j === n - 1 ? t.startsWith(q) : t === q;
      }
      if (ok) {
        ranges.push([from[i]!, to[i + n - 1]!]);
        break;
      }
    }
  }
  return ranges;
}

function snippet(text: string, from: number, to: number, context: number) {
  let a = Math.max(0, from - context);
  let b = Math.min(text.length, to + context);
  // Cut on spaces so the snippet does not start or end mid-word.
  if (a > 0) {
    const sp = text.indexOf(' ', a);
    if (sp !== -1 && sp < from) a = sp + 1;
  }
  if (b < text.length) {
    const sp = text.lastIndexOf(' ', b);
    if (sp > to) b = sp;
  }
  // Do not split a surrogate pair at either edge.
  if (a > 0 && /[\udc00-\udfff]/.test(text[a] ?? '')) a--;
  if (b < text.length && /[\udc00-\udfff]/.test(text[b] ?? '')) b++;
  const prefix = a > 0 ? '…' : '';
  const suffix = b < text.length ? '…' : '';
  const body = text.slice(a, b).replace(/\n/g, ' ');
  return {
    snippet: prefix + body + suffix,
    snippetStart: prefix.length + (from - a),
    snippetEnd: prefix.length + (to - a),
  };
}
