// The search as it was before the word index: every text tokenised and folded in full, hits found
// by comparing tokens, snippets cut from the whole text. Kept here as the reference the index must
// agree with, hit for hit (tests/db/search-index.test.ts). Word forms too: the vocabulary is
// gathered here from the texts themselves, each word stemmed as written.
import { parseQuery, queryGroups, type QueryClause } from '../../db/search.ts';
import { catchUpSearchIndex } from '../../db/search-index.ts';
import { foldToken } from '../../text/fold.ts';
import type { Db } from '../../db/open.ts';
import type { SearchHit, SourceKind } from '../../model/types.ts';
import { foldLigatures } from '../../text/ligatures.ts';
import { OffsetIndex } from '../../text/offsets.ts';
import { wordFormsOf, type TextLanguage } from '../../text/word-forms.ts';

const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const fold = (t: string) => foldLigatures(foldToken(t));

/** The project's ways of writing each folded word, by stem and by word, in one language. */
interface Vocabulary {
  wordsOf: Map<string, Set<string>>;
  stemsOf: Map<string, Set<string>>;
}

function vocabularyOf(texts: readonly string[], language: TextLanguage): Vocabulary {
  const forms = wordFormsOf(language);
  const wordsOf = new Map<string, Set<string>>();
  const stemsOf = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string) => {
    const set = map.get(key);
    if (set) set.add(value);
    else map.set(key, new Set([value]));
  };
  for (const text of texts) {
    for (const [written] of text.matchAll(TOKEN)) {
      const folded = fold(written);
      if (folded === '') continue;
      const stem = forms.stem(written);
      add(wordsOf, stem, folded);
      add(stemsOf, folded, stem);
    }
  }
  return { wordsOf, stemsOf };
}

/** Per token of a clause, whether a folded word of the text matches it. */
function matchers(c: QueryClause, vocabulary: Vocabulary): Array<(folded: string) => boolean> {
  return c.tokens.map((token, j) => {
    const stem = c.stems[j] ?? null;
    if (c.prefix && j === c.tokens.length - 1) return (w) => w.startsWith(token);
    if (stem === null) return (w) => w === token;
    const words = new Set([token]);
    for (const s of [stem, ...(vocabulary.stemsOf.get(token) ?? [])]) for (const w of vocabulary.wordsOf.get(s) ?? []) words.add(w);
    return (w) => words.has(w);
  });
}

/** UTF-16 ranges of every occurrence of any clause in the text, in text order. */
export function findHits(text: string, clauses: readonly QueryClause[], vocabulary: Vocabulary): Array<[number, number]> {
  const folded: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (const m of text.matchAll(TOKEN)) {
    folded.push(fold(m[0]));
    from.push(m.index);
    to.push(m.index + m[0].length);
  }
  const ranges: Array<[number, number]> = [];
  const match = clauses.map((c) => matchers(c, vocabulary));
  for (let i = 0; i < folded.length; i++) {
    for (const [k, c] of clauses.entries()) {
      const n = c.tokens.length;
      if (i + n > folded.length) continue;
      let ok = true;
      for (let j = 0; j < n && ok; j++) ok = match[k]![j]!(folded[i + j]!);
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
  if (a > 0) {
    const sp = text.indexOf(' ', a);
    if (sp !== -1 && sp < from) a = sp + 1;
  }
  if (b < text.length) {
    const sp = text.lastIndexOf(' ', b);
    if (sp > to) b = sp;
  }
  if (a > 0 && /[\udc00-\udfff]/.test(text[a] ?? '')) a--;
  if (b < text.length && /[\udc00-\udfff]/.test(text[b] ?? '')) b++;
  const prefix = a > 0 ? '…' : '';
  const suffix = b < text.length ? '…' : '';
  return { snippet: prefix + text.slice(a, b).replace(/\n/g, ' ') + suffix, snippetStart: prefix.length + (from - a), snippetEnd: prefix.length + (to - a) };
}

/** Every hit of a query in every source (no limit), by source id then position, with the sources that match. */
export function scanSearch(db: Db, query: string, context = 60, language: TextLanguage = 'fr'): { hits: SearchHit[]; sources: number[] } {
  const clauses = parseQuery(query, language);
  const { all, none } = queryGroups(clauses);
  const positive = clauses.filter((c) => !c.negated && !c.common);
  const rows = db.prepare('SELECT id, name, kind, text FROM sources ORDER BY id').all() as { id: number; name: string; kind: SourceKind; text: string }[];
  const vocabulary = vocabularyOf(
    rows.map((r) => r.text),
    language,
  );
  const hits: SearchHit[] = [];
  const sources: number[] = [];
  for (const r of rows) {
    const has = (c: QueryClause) => findHits(r.text, [c], vocabulary).length > 0;
    if (all.length === 0 || !all.every((g) => g.some(has)) || none.some(has)) continue;
    sources.push(r.id);
    const index = new OffsetIndex(r.text);
    for (const [from, to] of findHits(r.text, positive, vocabulary)) {
      hits.push({
        sourceId: r.id,
        sourceName: r.name,
        sourceKind: r.kind,
        start: index.toCodePoint(from),
        end: index.toCodePoint(to),
        ...snippet(r.text, from, to, context),
      });
    }
  }
  return { hits, sources };
}

/** The index rows, as a comparable list. */
function indexRows(db: Db): unknown[] {
  return [
    ...db.prepare('SELECT source_id, tokens FROM search_sources ORDER BY source_id').raw().all(),
    ...db.prepare('SELECT source_id, head, part, words, hex(postings) FROM search_words ORDER BY source_id, head, part').raw().all(),
  ];
}

/** The index as it stands, and as rebuilt from scratch from the texts (then undone): they must be the same. */
export function indexAgainstRebuild(db: Db): { now: unknown[]; rebuilt: unknown[]; pending: number } {
  const pending = db.prepare('SELECT count(*) FROM search_pending').pluck().get() as number;
  const now = indexRows(db);
  db.exec('SAVEPOINT rebuild');
  try {
    db.exec('DELETE FROM search_words; DELETE FROM search_sources; INSERT OR IGNORE INTO search_pending (source_id) SELECT id FROM sources');
    catchUpSearchIndex(db); // its transaction nests as a savepoint inside this one
    return { now, rebuilt: indexRows(db), pending };
  } finally {
    db.exec('ROLLBACK TO rebuild; RELEASE rebuild');
  }
}
