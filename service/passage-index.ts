// The passages of every source (turns, else paragraphs) and the stems they hold, built once per
// open project and kept: stemming a 500-interview corpus takes seconds, a similarity query must
// take well under a second. Each source's part is rebuilt only when its text or structure changes.
//
// What changed is known without reading the sources' rows: reading a source's structure walks its
// text's pages (it lies after the text), a tenth of a second for the bench corpus. A temporary
// trigger of this connection notes the sources written since (import, correction, turn edits,
// deletion), and an undone transaction takes its notes with it. A write by another connection
// (data_version) is rare: then every source's hash and structure are compared.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { passagesOf, type Passage } from '../text/passages.ts';
import { isTerm, termsOf, WORD } from '../text/terms.ts';
import { wordFormsOf, type TextLanguage, type WordForms } from '../text/word-forms.ts';
import { OffsetIndex } from '../text/offsets.ts';
import { parseStructure } from './structure.ts';
import { textLanguageOf } from './text-language.ts';

/**
 * One source's passages and their terms, as sorted arrays rather than maps: the bench corpus's
 * 500 sources hold about 1.5 million (source, term) pairs, which maps would make a few hundred MB.
 */
export interface SourcePassages {
  sourceId: number;
  textHash: string;
  structure: string;
  passages: Passage[];
  /**
   * The stems of its speakers' names. A turn starts with its speaker's label ("P1 :"), so every
   * turn of a speaker would share that word, and a coded whole turn would find the speaker's other
   * turns rather than what they say: a transcript's own speakers are left out of its terms.
   */
  speakerStems: ReadonlySet<string>;
  /** Terms per passage (its length for BM25). */
  lengths: Uint32Array;
  /** The term ids this source holds, ascending; the postings of terms[i] are postings[offsets[i]..offsets[i+1]). */
  terms: Int32Array;
  offsets: Uint32Array;
  /** Passage index within the source, and how often the term occurs in it. */
  postingPassage: Uint32Array;
  postingCount: Uint32Array;
}

export interface PassageIndex {
  language: TextLanguage;
  /** Stem → term id; ids are never reused, so a source's arrays stay valid while others change. */
  termIds: Map<string, number>;
  /** Word as written → its term id, or -1 for a word termsOf leaves out. */
  wordIds: Map<string, number>;
  sources: Map<number, SourcePassages>;
  /** Passages holding each term id, over all sources (document frequency). */
  df: Uint32Array;
  passageCount: number;
  totalLength: number;
  /**
   * The sources in one order, where each one's passages start in that order's numbering, and per
   * passage so numbered: its source's place in `order`, and BM25's length norm
   * k1·(1 − b + b·|p|/avgdl), which only changes with the corpus.
   */
  order: SourcePassages[];
  base: Uint32Array;
  passageSource: Uint32Array;
  norm: Float64Array;
  dataVersion: number;
}

/** BM25's usual constants (Robertson & Zaragoza 2009; Lucene's defaults). */
export const K1 = 1.2;
export const B = 0.75;

const indexes = new WeakMap<Db, PassageIndex>();

const STALE_TABLE = 'temp.passage_index_stale';

function watchSources(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${STALE_TABLE} (source_id INTEGER PRIMARY KEY);
    CREATE TEMP TRIGGER IF NOT EXISTS passage_index_insert AFTER INSERT ON main.sources BEGIN
      INSERT OR IGNORE INTO passage_index_stale (source_id) VALUES (new.id); END;
    CREATE TEMP TRIGGER IF NOT EXISTS passage_index_update AFTER UPDATE OF text, structure ON main.sources BEGIN
      INSERT OR IGNORE INTO passage_index_stale (source_id) VALUES (new.id); END;
    CREATE TEMP TRIGGER IF NOT EXISTS passage_index_delete AFTER DELETE ON main.sources BEGIN
      INSERT OR IGNORE INTO passage_index_stale (source_id) VALUES (old.id); END;`);
}

const dataVersion = (db: Db) => db.pragma('data_version', { simple: true }) as number;

/** The project's passage index, brought up to date with its sources. */
export function passageIndexOf(db: Db): PassageIndex {
  const language = textLanguageOf(db);
  let index = indexes.get(db);
  if (!index || index.language !== language) {
    watchSources(db);
    stmt(db, `DELETE FROM ${STALE_TABLE}`).run();
    index = {
      language,
      termIds: new Map(),
      wordIds: new Map(),
      sources: new Map(),
      df: new Uint32Array(0),
      passageCount: 0,
      totalLength: 0,
      order: [],
      base: new Uint32Array(0),
      passageSource: new Uint32Array(0),
      norm: new Float64Array(0),
      dataVersion: dataVersion(db),
    };
    const ids = stmt(db, 'SELECT id FROM sources ORDER BY id').pluck().all() as number[];
    for (const id of ids) refreshSource(db, index, id);
    countTerms(index);
    indexes.set(db, index);
    return index;
  }
  const stale = new Set(stmt(db, `SELECT source_id FROM ${STALE_TABLE}`).pluck().all() as number[]);
  const version = dataVersion(db);
  if (version !== index.dataVersion) {
    const rows = stmt(db, 'SELECT id, text_hash AS textHash, structure FROM sources').all() as { id: number; textHash: string; structure: string }[];
    const present = new Set(rows.map((r) => r.id));
    for (const id of index.sources.keys()) if (!present.has(id)) stale.add(id);
    for (const r of rows) {
      const known = index.sources.get(r.id);
      if (!known || known.textHash !== r.textHash || known.structure !== r.structure) stale.add(r.id);
    }
    index.dataVersion = version;
  }
  if (stale.size > 0) {
    for (const id of stale) refreshSource(db, index, id);
    stmt(db, `DELETE FROM ${STALE_TABLE}`).run();
    countTerms(index);
  }
  return index;
}

function refreshSource(db: Db, index: PassageIndex, sourceId: number): void {
  const row = stmt(db, 'SELECT text, text_hash AS textHash, structure FROM sources WHERE id = ?').get(sourceId) as
    { text: string; textHash: string; structure: string } | undefined;
  if (!row) {
    index.sources.delete(sourceId);
    return;
  }
  index.sources.set(sourceId, sourcePassages(index, sourceId, row.text, row.textHash, row.structure));
}

function sourcePassages(index: PassageIndex, sourceId: number, text: string, textHash: string, structure: string): SourcePassages {
  const forms = wordFormsOf(index.language);
  const segments = parseStructure(structure);
  const passages = passagesOf(text, segments);
  const speakerStems = new Set(segments.flatMap((s) => (s.kind === 'turn' ? termsOf(s.speaker, forms) : [])));
  const speakerIds = new Set([...speakerStems].map((stem) => idOfTerm(index, stem)));
  const offsets = new OffsetIndex(text);
  const lengths = new Uint32Array(passages.length);
  // term id → [passage, count, passage, count...]
  const byTerm = new Map<number, number[]>();
  const counts = new Map<number, number>();
  const word = new RegExp(WORD.source, WORD.flags);
  passages.forEach((p, i) => {
    counts.clear();
    let length = 0;
    const body = text.slice(offsets.toUtf16(p.start), offsets.toUtf16(p.end));
    word.lastIndex = 0;
    for (let m = word.exec(body); m !== null; m = word.exec(body)) {
      const id = termIdOf(index, forms, m[0]);
      if (id < 0 || speakerIds.has(id)) continue;
      length++;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    lengths[i] = length;
    for (const [id, n] of counts) {
      const list = byTerm.get(id);
      if (list) list.push(i, n);
      else byTerm.set(id, [i, n]);
    }
  });
  const terms = Int32Array.from(byTerm.keys()).sort();
  const termOffsets = new Uint32Array(terms.length + 1);
  let total = 0;
  terms.forEach((t, i) => {
    termOffsets[i] = total;
    total += byTerm.get(t)!.length / 2;
  });
  termOffsets[terms.length] = total;
  const postingPassage = new Uint32Array(total);
  const postingCount = new Uint32Array(total);
  terms.forEach((t, i) => {
    const list = byTerm.get(t)!;
    for (let k = 0; k < list.length; k += 2) {
      postingPassage[termOffsets[i]! + k / 2] = list[k]!;
      postingCount[termOffsets[i]! + k / 2] = list[k + 1]!;
    }
  });
  return { sourceId, textHash, structure, passages, speakerStems, lengths, terms, offsets: termOffsets, postingPassage, postingCount };
}

/**
 * A word's term id, or -1 when it is not a term; decided once per distinct word as written (a
 * corpus says the same few thousand words millions of times) by termsOf's own rule, so the index
 * holds exactly the terms termsOf gives.
 */
function termIdOf(index: PassageIndex, forms: WordForms, word: string): number {
  let id = index.wordIds.get(word);
  if (id === undefined) {
    id = isTerm(word, forms) ? idOfTerm(index, forms.stem(word)) : -1;
    // Bounded like the stems' cache (text/word-forms.ts): a word seen again is simply asked again.
    if (index.wordIds.size > 500_000) index.wordIds.clear();
    index.wordIds.set(word, id);
  }
  return id;
}

function idOfTerm(index: PassageIndex, term: string): number {
  let id = index.termIds.get(term);
  if (id === undefined) index.termIds.set(term, (id = index.termIds.size));
  return id;
}

/** Document frequencies, the corpus's size and the passages' numbering, from the sources' parts. */
function countTerms(index: PassageIndex): void {
  const df = new Uint32Array(index.termIds.size);
  const order = [...index.sources.values()].sort((a, b) => a.sourceId - b.sourceId);
  const base = new Uint32Array(order.length);
  let passageCount = 0;
  let totalLength = 0;
  order.forEach((s, k) => {
    base[k] = passageCount;
    passageCount += s.passages.length;
    for (const l of s.lengths) totalLength += l;
    for (let i = 0; i < s.terms.length; i++) df[s.terms[i]!]! += s.offsets[i + 1]! - s.offsets[i]!;
  });
  const avgdl = passageCount > 0 ? totalLength / passageCount : 1;
  const passageSource = new Uint32Array(passageCount);
  const norm = new Float64Array(passageCount);
  order.forEach((s, k) => {
    for (let p = 0; p < s.passages.length; p++) {
      passageSource[base[k]! + p] = k;
      norm[base[k]! + p] = K1 * (1 - B + (B * s.lengths[p]!) / avgdl);
    }
  });
  Object.assign(index, { df, passageCount, totalLength, order, base, passageSource, norm });
}

/** Where a term's postings lie in a source's arrays, or -1 when the source does not hold it. */
export function termSlot(source: SourcePassages, termId: number): number {
  let lo = 0;
  let hi = source.terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = source.terms[mid]!;
    if (t === termId) return mid;
    if (t < termId) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
