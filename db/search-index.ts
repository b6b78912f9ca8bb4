import { foldWord } from '../text/fold.ts';
import { TEXT_LANGUAGES, wordFormsOf } from '../text/word-forms.ts';
import type { Db } from './open.ts';
import { stmt } from './statements.ts';

// The search's word index (tables in db/migrations/0010-search-words.ts). A text is cut into
// tokens (runs of letters, digits, marks and private-use characters), each folded as the search
// compares them: case, accents, œ/æ written out. Each folded word is stored with the token numbers
// where it occurs; where a token sits in the text (code point, UTF-8 byte) is found again, for the
// few hits a search returns, from a checkpoint every BLOCK tokens. Beside them, the project's
// vocabulary of word forms (search_forms, migration 0011): each folded word under the stem of each
// way it is written, in every language a project can be set to, so that a query word reaches the
// folded words of its stem and a change of language needs no new index. Writing and reading the
// rows is here; what a query means is in db/search.ts.

/**
 * Largest row (words and postings) written in one part, where it can: SQLite keeps a row of up to
 * about 1,000 bytes inside a 4 KB page of a WITHOUT ROWID table, and a longer one spills into an
 * overflow page of its own, mostly empty. Only a word whose postings alone are longer (the most
 * frequent ones) still spills.
 */
const ROW_BYTES = 960;

/** Tokens between two checkpoints: a hit's place costs at most this many tokens scanned. */
const BLOCK = 64;

/** A character of a word, as the search has always cut words: letters, digits, marks, private use. */
const TOKEN_CHAR = /^[\p{L}\p{N}\p{M}\p{Co}]$/u;
/** Per UTF-16 unit below the surrogates and above them: 0 not known yet, 1 in a word, 2 not. */
const unitKind = new Uint8Array(0x10000);
const astralKind = new Map<number, boolean>();

function isWordUnit(c: number): boolean {
  let k = unitKind[c]!;
  if (k === 0) {
    k = c >= 0xd800 && c <= 0xdfff ? 2 : TOKEN_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    unitKind[c] = k;
  }
  return k === 1;
}

function isWordAstral(cp: number): boolean {
  let k = astralKind.get(cp);
  if (k === undefined) {
    k = TOKEN_CHAR.test(String.fromCodePoint(cp));
    astralKind.set(cp, k);
  }
  return k;
}

/** The row a folded word is stored in, beside the other words of its source that begin alike. */
export function headOf(folded: string): string {
  const first = folded.codePointAt(0)!;
  const second = folded.codePointAt(first > 0xffff ? 2 : 1);
  return second === undefined ? String.fromCodePoint(first) : String.fromCodePoint(first, second);
}

/** UTF-16 units of the character at `i` when it belongs to a word (2 for an astral one), else 0. */
function wordUnits(text: string, i: number, n: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
    return isWordAstral(((c - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00) + 0x10000) ? 2 : 0;
  }
  return isWordUnit(c) ? 1 : 0;
}

/** UTF-8 bytes of a character whose first UTF-16 unit is `c`, taking `units` units (a lone surrogate is stored as U+FFFD). */
const utf8Length = (c: number, units: number) => (units === 2 ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3);

/** UTF-16 units of the character at `i`, whatever it is. */
const unitsAt = (text: string, i: number, n: number) => {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
};

/**
 * Calls `visit` with each token of `text` from UTF-16 offset `from` (a token's start, or 0): its
 * UTF-16 start and end, and the code point and UTF-8 offsets of its start counted from `cp` and
 * `bytes`. Stops when `visit` returns false. indexText cuts tokens the same way, inline.
 */
function forEachToken(
  text: string,
  from: number,
  cp: number,
  bytes: number,
  visit: (start: number, end: number, cp: number, bytes: number) => boolean | void,
): void {
  const n = text.length;
  let i = from;
  while (i < n) {
    if (wordUnits(text, i, n) === 0) {
      const u = unitsAt(text, i, n);
      bytes += utf8Length(text.charCodeAt(i), u);
      i += u;
      cp++;
      continue;
    }
    const start = i;
    const startCp = cp;
    const startBytes = bytes;
    for (let u = wordUnits(text, i, n); u !== 0 && i < n; u = i < n ? wordUnits(text, i, n) : 0) {
      bytes += utf8Length(text.charCodeAt(i), u);
      i += u;
      cp++;
    }
    if (visit(start, i, startCp, startBytes) === false) return;
  }
}

/** A head, and during one text's indexing its words in order of first occurrence. */
interface Head {
  head: string;
  /** The text being indexed when one of its words last occurred. */
  pass: number;
  words: Word[];
}

/** A folded word, and during one text's indexing the chain of its occurrences (token numbers). */
interface Word {
  word: string;
  head: Head;
  /** Its UTF-8 length, plus one for the space before it in a row. */
  bytes: number;
  /** The text being indexed when it last occurred. */
  pass: number;
  first: number;
  last: number;
  count: number;
}

/**
 * Each token as written → its folded word, in an open-addressing table keyed by the token's hash
 * (FNV-1a over its UTF-16 units), so that a token already seen is recognised in place, without
 * cutting it out of the text: a transcript repeats a small vocabulary, and cutting and folding
 * (normalising) each token again would be most of the indexing time. Bounded, so that a process
 * indexing many projects does not keep every word it ever saw. A slot holds the hash beside the
 * token's number (two Int32 each): a probe that misses reads no other memory.
 */
let slots = new Int32Array(1 << 16);
const seenTokens: string[] = [];
const seenHashes: number[] = [];
const seenWords: Word[] = [];
/** Per token as written, its stem in each of TEXT_LANGUAGES (computed once). */
const seenStems: string[][] = [];
/** Per token as written, the round of forms it was last listed in (listed once per round: a batch of texts). */
const seenRound: number[] = [];
let formsRound = 0;
const wordOfFolded = new Map<string, Word>();
/** Kept with the words, so that grouping a text's words by head looks nothing up. */
const headNamed = new Map<string, Head>();
let pass = 0;
/** Per token of the text being indexed: the next token of the same word (the chains of Word). */
let nextOf = new Int32Array(1 << 14);

function forgetTokens(): void {
  slots = new Int32Array(1 << 16);
  seenTokens.length = seenHashes.length = seenWords.length = seenStems.length = seenRound.length = 0;
  wordOfFolded.clear();
  headNamed.clear();
}

/** Whether `text` holds `token` at `start`. */
function sameAt(text: string, start: number, token: string): boolean {
  for (let k = 0; k < token.length; k++) if (text.charCodeAt(start + k) !== token.charCodeAt(k)) return false;
  return true;
}

/** Adds a token to the table (found missing at `slot`); grows the table past half full. */
function rememberToken(token: string, hash: number, slot: number): Word {
  const folded = foldWord(token);
  let w = wordOfFolded.get(folded);
  if (w === undefined) {
    // A word of marks alone folds to nothing: it takes its place in phrases, and is never found.
    const name = folded === '' ? '' : headOf(folded);
    let head = headNamed.get(name);
    if (head === undefined) headNamed.set(name, (head = { head: name, pass: 0, words: [] }));
    w = { word: folded, head, bytes: Buffer.byteLength(folded) + 1, pass: 0, first: 0, last: 0, count: 0 };
    wordOfFolded.set(folded, w);
  }
  seenTokens.push(token);
  seenHashes.push(hash);
  seenWords.push(w);
  seenStems.push(folded === '' ? [] : TEXT_LANGUAGES.map((l) => wordFormsOf(l).stem(token)));
  seenRound.push(0);
  slots[slot] = hash;
  slots[slot + 1] = seenTokens.length;
  if (seenTokens.length * 4 > slots.length) {
    slots = new Int32Array(slots.length * 2);
    const mask = slots.length - 2;
    for (let k = 0; k < seenHashes.length; k++) {
      let at = (seenHashes[k]! << 1) & mask;
      while (slots[at + 1] !== 0) at = (at + 2) & mask;
      slots[at] = seenHashes[k]!;
      slots[at + 1] = k + 1;
    }
  }
  return w;
}

/** Growing byte buffer of unsigned LEB128 varints. */
class Varints {
  bytes = new Uint8Array(1 << 16);
  length = 0;

  reserve(more: number): void {
    if (this.length + more > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + more));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
  }

  push(value: number): void {
    this.reserve(5);
    // Token numbers and offsets stay far below 2^31 (a text is at most a few hundred megabytes).
    while (value >= 0x80) {
      this.bytes[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.bytes[this.length++] = value;
  }

  copy(): Buffer {
    return Buffer.from(this.bytes.subarray(0, this.length));
  }
}

const varintLength = (v: number) => (v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5);

/** Reads an unsigned varint at `at.pos` and moves it on. */
export function readVarint(buf: Uint8Array, at: { pos: number }): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    const b = buf[at.pos++]!;
    value += (b & 0x7f) * scale;
    if (b < 0x80) return value;
    scale *= 128;
  }
}

const rowBytes = new Varints();
const placeBytes = new Varints();

/** What a text is stored as in the index: its rows in head order, its token count and checkpoints. */
interface TextIndex {
  rows: Array<[head: string, part: number, words: string, postings: Buffer]>;
  tokens: number;
  /** Per BLOCK tokens, the deltas of the block's first token's code point and (UTF-8 offset − code point). */
  places: Buffer;
  /**
   * Per way a word is written in the text and not yet in another text of the same round (see
   * newFormsRound): its stem in each of TEXT_LANGUAGES, and its folded word.
   */
  forms: Array<{ stems: readonly string[]; word: string }>;
}

/**
 * The index rows of a text. Per row: the folded words separated by spaces, and per word its
 * varint count, the varint byte length of what follows, then the deltas of its token numbers.
 */
function indexText(text: string): TextIndex {
  if (seenTokens.length >= 200_000) forgetTokens();
  const current = ++pass;
  const words: Word[] = [];
  const forms: TextIndex['forms'] = [];
  placeBytes.length = 0;
  let token = 0;
  let lastCp = 0;
  let lastExtra = 0;
  const n = text.length;
  let i = 0;
  let cp = 0;
  let bytes = 0;
  // Tokens cut as forEachToken cuts them, inline: this loop is most of an import's indexing.
  while (i < n) {
    let u = wordUnits(text, i, n);
    if (u === 0) {
      u = unitsAt(text, i, n);
      bytes += utf8Length(text.charCodeAt(i), u);
      i += u;
      cp++;
      continue;
    }
    if (token % BLOCK === 0) {
      placeBytes.push(cp - lastCp);
      placeBytes.push(bytes - cp - lastExtra);
      lastCp = cp;
      lastExtra = bytes - cp;
    }
    const start = i;
    let hash = 0x811c9dc5;
    while (u !== 0) {
      const c = text.charCodeAt(i);
      hash = Math.imul(hash ^ c, 0x01000193);
      if (u === 2) hash = Math.imul(hash ^ text.charCodeAt(i + 1), 0x01000193);
      bytes += utf8Length(c, u);
      i += u;
      cp++;
      u = i < n ? wordUnits(text, i, n) : 0;
    }
    const length = i - start;
    const mask = slots.length - 2;
    let slot = (hash << 1) & mask;
    let w: Word | undefined;
    let seenAt: number;
    for (;;) {
      const k = slots[slot + 1]!;
      if (k === 0) {
        w = rememberToken(text.slice(start, i), hash, slot);
        seenAt = seenTokens.length - 1;
        break;
      }
      if (slots[slot] === hash) {
        const seen = seenTokens[k - 1]!;
        if (seen.length === length && sameAt(text, start, seen)) {
          w = seenWords[k - 1]!;
          seenAt = k - 1;
          break;
        }
      }
      slot = (slot + 2) & mask;
    }
    if (w.word !== '') {
      if (seenRound[seenAt] !== formsRound) {
        seenRound[seenAt] = formsRound;
        forms.push({ stems: seenStems[seenAt]!, word: w.word });
      }
      if (token >= nextOf.length) {
        const grown = new Int32Array(nextOf.length * 2);
        grown.set(nextOf);
        nextOf = grown;
      }
      if (w.pass !== current) {
        w.pass = current;
        w.first = token;
        w.count = 0;
        words.push(w);
      } else nextOf[w.last] = token;
      w.last = token;
      w.count++;
    }
    token++;
  }

  const heads: Head[] = [];
  for (const w of words) {
    const h = w.head;
    if (h.pass !== current) {
      h.pass = current;
      h.words = [];
      heads.push(h);
    }
    h.words.push(w);
  }
  // In UTF-16 code unit order, as the default sort of strings (heads are distinct).
  heads.sort((a, b) => (a.head < b.head ? -1 : 1));
  const rows: TextIndex['rows'] = [];
  for (const { head, words: list } of heads) {
    rowBytes.length = 0;
    let part = 0;
    let from = 0;
    let wordBytes = 0;
    for (let j = 0; j < list.length; j++) {
      const w = list[j]!;
      let length = varintLength(w.first);
      for (let t = w.first, k = 1; k < w.count; k++) {
        const next = nextOf[t]!;
        length += varintLength(next - t);
        t = next;
      }
      // The row so far is full: it is written, and this word begins the next part.
      if (j > from && rowBytes.length + wordBytes + w.bytes + length + 6 > ROW_BYTES) {
        rows.push([head, part++, wordsOf(list, from, j), rowBytes.copy()]);
        rowBytes.length = 0;
        wordBytes = 0;
        from = j;
      }
      wordBytes += w.bytes;
      rowBytes.push(w.count);
      rowBytes.push(length);
      rowBytes.reserve(length);
      rowBytes.push(w.first);
      for (let t = w.first, k = 1; k < w.count; k++) {
        const next = nextOf[t]!;
        rowBytes.push(next - t);
        t = next;
      }
    }
    rows.push([head, part, wordsOf(list, from, list.length), rowBytes.copy()]);
  }
  return { rows, tokens: token, places: placeBytes.copy(), forms };
}

function wordsOf(list: readonly Word[], from: number, to: number): string {
  let joined = list[from]!.word;
  for (let j = from + 1; j < to; j++) joined += ' ' + list[j]!.word;
  return joined;
}

/**
 * Where the tokens of one text start, found from its checkpoints and its stored UTF-8 bytes: only
 * the blocks that hold a hit are decoded and scanned, each once.
 */
export class TokenPlaces {
  private readonly cps: number[] = [];
  private readonly offsets: number[] = [];
  private readonly blocks = new Map<number, { cp: number[]; byte: number[] }>();

  constructor(
    private readonly bytes: Buffer,
    places: Uint8Array,
  ) {
    const at = { pos: 0 };
    let cp = 0;
    let extra = 0;
    while (at.pos < places.length) {
      cp += readVarint(places, at);
      extra += readVarint(places, at);
      this.cps.push(cp);
      this.offsets.push(cp + extra);
    }
  }

  /** The code point and UTF-8 offset where token `token` starts. */
  of(token: number): { cp: number; byte: number } {
    const k = Math.floor(token / BLOCK);
    let block = this.blocks.get(k);
    if (!block) {
      const from = this.offsets[k]!;
      const to = k + 1 < this.offsets.length ? this.offsets[k + 1]! : this.bytes.length;
      const found: { cp: number[]; byte: number[] } = { cp: [], byte: [] };
      forEachToken(this.bytes.toString('utf8', from, to), 0, this.cps[k]!, from, (_start, _end, cp, byte) => {
        found.cp.push(cp);
        found.byte.push(byte);
        return found.cp.length < BLOCK;
      });
      this.blocks.set(k, (block = found));
    }
    const i = token - k * BLOCK;
    return { cp: block.cp[i]!, byte: block.byte[i]! };
  }
}

/** Starts a batch of texts whose ways of writing words are listed once each (a batch's vocabulary is small). */
function newFormsRound(): void {
  formsRound++;
}

/** Per open project, the forms known to be in its vocabulary: a batch writes only the new ones. */
const formsWritten = new WeakMap<Db, Set<string>>();

/**
 * Adds the ways words are written in a batch of texts to the project's vocabulary (search_forms),
 * each (language, stem, word) once and in key order; returns what it wrote, to be remembered once
 * its transaction has committed.
 */
function writeForms(db: Db, lists: ReadonlyArray<TextIndex['forms']>): string[] {
  const known = formsWritten.get(db);
  const fresh = new Set<string>();
  for (const list of lists) {
    for (const { stems, word } of list) {
      for (let l = 0; l < stems.length; l++) {
        const key = `${TEXT_LANGUAGES[l]}\u0000${stems[l]}\u0000${word}`;
        if (!known?.has(key)) fresh.add(key);
      }
    }
  }
  const insert = stmt(db, 'INSERT OR IGNORE INTO search_forms (language, stem, word) VALUES (?, ?, ?)');
  const keys = [...fresh].sort();
  for (const key of keys) {
    const [language, stem, word] = key.split('\u0000');
    insert.run(language, stem, word);
  }
  return keys;
}

function rememberForms(db: Db, keys: readonly string[]): void {
  let known = formsWritten.get(db);
  if (!known) formsWritten.set(db, (known = new Set()));
  for (const key of keys) known.add(key);
}

/**
 * Writes the index rows of one source (whose text was just changed) and takes it off the queue.
 * Called inside the caller's transaction, so the text and its index are written together or not
 * at all (and its forms are not remembered as written: that transaction may still roll back).
 */
export function indexSource(db: Db, sourceId: number, text: string): void {
  newFormsRound();
  const { rows, tokens, places, forms } = indexText(text);
  const insert = stmt(db, 'INSERT INTO search_words (source_id, head, part, words, postings) VALUES (?, ?, ?, ?, ?)');
  for (const [head, part, words, postings] of rows) insert.run(sourceId, head, part, words, postings);
  writeForms(db, [forms]);
  stmt(db, 'INSERT OR REPLACE INTO search_sources (source_id, tokens, places) VALUES (?, ?, ?)').run(sourceId, tokens, places);
  stmt(db, 'DELETE FROM search_pending WHERE source_id = ?').run(sourceId);
}

/**
 * Indexes every source again from its current text, the vocabulary too: a text rewritten or a
 * source deleted leaves its ways of writing words in search_forms (harmless to a search, which
 * finds them nowhere), and a file handed over must hold none of the words it no longer has.
 */
export function rebuildSearchIndex(db: Db): void {
  db.transaction(() => {
    db.exec('DELETE FROM search_words; DELETE FROM search_sources; DELETE FROM search_forms');
    db.exec('INSERT OR IGNORE INTO search_pending (source_id) SELECT id FROM sources');
  })();
  formsWritten.delete(db);
  catchUpSearchIndex(db);
}

/** Sources per sorted batch: larger batches write fewer places in the file, and hold more rows in memory. */
const CATCH_UP_BATCH = 200;

/**
 * Indexes the sources queued since the last search (imported, migrated, or text written by plain
 * SQL), in one transaction; returns how many. An import leaves its source here rather than
 * indexing it in its own transaction: one source's rows go to as many places in the file as it
 * has heads, while a batch's rows, written in key order, fill pages one after the other.
 * `limit` bounds the sources indexed (all when negative), for indexing in the background.
 */
export function catchUpSearchIndex(db: Db, limit = -1): number {
  if (!stmt(db, 'SELECT 1 FROM search_pending LIMIT 1').get()) return 0;
  // Inside another transaction, what is written here may still be rolled back.
  const nested = db.inTransaction;
  const written: string[] = [];
  const count = db
    .transaction(() => {
      const ids = stmt(db, 'SELECT source_id FROM search_pending ORDER BY source_id LIMIT ?').pluck().all(limit) as number[];
      // Its own statement text: stmt() shares statements by text, and pluck() would change getSourceText's.
      const textOf = stmt(db, 'SELECT text AS indexed FROM sources WHERE id = ?').pluck();
      const insert = stmt(db, 'INSERT INTO search_words (source_id, head, part, words, postings) VALUES (?, ?, ?, ?, ?)');
      const indexed = stmt(db, 'INSERT OR REPLACE INTO search_sources (source_id, tokens, places) VALUES (?, ?, ?)');
      // A text changed by plain SQL after it was indexed: its old rows go first.
      const stale = stmt(db, 'DELETE FROM search_words WHERE source_id = ?');
      const anyRows = stmt(db, 'SELECT 1 FROM search_words WHERE source_id = ? LIMIT 1').pluck();
      for (let from = 0; from < ids.length; from += CATCH_UP_BATCH) {
        const batch: Array<[string, number, number, string, Buffer]> = [];
        const forms: Array<TextIndex['forms']> = [];
        newFormsRound();
        for (const id of ids.slice(from, from + CATCH_UP_BATCH)) {
          const text = textOf.get(id) as string | undefined;
          if (anyRows.get(id)) stale.run(id);
          if (text === undefined) continue;
          const index = indexText(text);
          for (const [head, part, words, postings] of index.rows) batch.push([head, id, part, words, postings]);
          forms.push(index.forms);
          indexed.run(id, index.tokens, index.places);
        }
        batch.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
        for (const [head, id, part, words, postings] of batch) insert.run(id, head, part, words, postings);
        for (const key of writeForms(db, forms)) written.push(key);
      }
      const done = stmt(db, 'DELETE FROM search_pending WHERE source_id = ?');
      for (const id of ids) done.run(id);
      return ids.length;
    })
    .immediate();
  if (!nested) rememberForms(db, written);
  return count;
}
