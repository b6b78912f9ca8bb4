import { foldLigatures } from '../text/ligatures.ts';
import type { Db } from './open.ts';
import { stmt } from './statements.ts';

// The search's word index (tables in db/migrations/0010-search-words.ts). A text is cut into
// tokens (runs of letters, digits, marks and private-use characters), each folded as the search
// compares them: case, accents, œ/æ written out. Each folded word is stored with where it occurs:
// token number, code-point offset, UTF-8 offset. Writing and reading the rows is here; what a
// query means is in db/search.ts.

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

/** Case- and accent-folded form (NFD, marks removed, lower case). */
export function foldToken(token: string): string {
  return token.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Folded forms already worked out: a transcript repeats a small vocabulary, and normalising each
 * token again would be most of the indexing time. Bounded, so that a process indexing many
 * projects does not keep every word it ever saw.
 */
const memo = new Map<string, string>();

/** The form a word is indexed and compared under: folded, œ/æ written out. */
export function foldWord(token: string): string {
  let folded = memo.get(token);
  if (folded === undefined) {
    folded = foldToken(token);
    if (folded.includes('œ') || folded.includes('æ')) folded = foldLigatures(folded);
    if (memo.size >= 200_000) memo.clear();
    memo.set(token, folded);
  }
  return folded;
}

/** The row a folded word is stored in, beside the other words of its source that begin alike. */
export function headOf(folded: string): string {
  const first = folded.codePointAt(0)!;
  const second = folded.codePointAt(first > 0xffff ? 2 : 1);
  return second === undefined ? String.fromCodePoint(first) : String.fromCodePoint(first, second);
}

/** Every word of a text: its folded form, then per occurrence token number, code point, UTF-8 offset minus code point. */
export function wordsOf(text: string): { words: Map<string, number[]>; tokens: number } {
  const words = new Map<string, number[]>();
  const n = text.length;
  let i = 0;
  let cp = 0;
  let bytes = 0;
  let token = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // Outside a word: advance over one character.
    if (c < 0x80) {
      if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39))) {
        i++;
        cp++;
        bytes++;
        continue;
      }
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      if (!isWordAstral(((c - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00) + 0x10000)) {
        i += 2;
        cp++;
        bytes += 4;
        continue;
      }
    } else if (!isWordUnit(c)) {
      i++;
      cp++;
      bytes += c < 0x800 ? 2 : 3;
      continue;
    }
    // A word starts here: find its end.
    const start = i;
    const startCp = cp;
    const startBytes = bytes;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d < 0x80) {
        if (!((d >= 0x61 && d <= 0x7a) || (d >= 0x41 && d <= 0x5a) || (d >= 0x30 && d <= 0x39))) break;
        i++;
        cp++;
        bytes++;
      } else if (d >= 0xd800 && d <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        if (!isWordAstral(((d - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00) + 0x10000)) break;
        i += 2;
        cp++;
        bytes += 4;
      } else {
        if (!isWordUnit(d)) break;
        i++;
        cp++;
        bytes += d < 0x800 ? 2 : 3;
      }
    }
    const folded = foldWord(text.slice(start, i));
    // A word of marks alone folds to nothing: it takes its place in phrases, and is never found.
    if (folded !== '') {
      let at = words.get(folded);
      if (at === undefined) words.set(folded, (at = []));
      at.push(token, startCp, startBytes - startCp);
    }
    token++;
  }
  return { words, tokens: token };
}

/** Growing byte buffer of unsigned LEB128 varints. */
class Varints {
  bytes = new Uint8Array(1 << 16);
  length = 0;

  push(value: number): void {
    if (this.length + 10 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    // Token numbers and offsets stay far below 2^31 (a text is at most a few hundred megabytes).
    while (value >= 0x80) {
      this.bytes[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.bytes[this.length++] = value;
  }
}

/** Reads an unsigned varint at `at[0]` and moves it on. */
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

const scratch = new Varints();
const segment = new Varints();

/**
 * Writes the index rows of one source (whose text was just inserted or changed) and takes it off
 * the queue. Called inside the caller's transaction, so the source and its index are written
 * together or not at all.
 */
export function indexSource(db: Db, sourceId: number, text: string): void {
  const { rows, tokens } = indexRows(text);
  const insert = stmt(db, 'INSERT INTO search_words (source_id, head, words, postings) VALUES (?, ?, ?, ?)');
  for (const [head, words, postings] of rows) insert.run(sourceId, head, words, postings);
  stmt(db, 'INSERT OR REPLACE INTO search_sources (source_id, tokens) VALUES (?, ?)').run(sourceId, tokens);
  stmt(db, 'DELETE FROM search_pending WHERE source_id = ?').run(sourceId);
}

/** The index rows of a text, in head order: head, words, postings. */
function indexRows(text: string): { rows: Array<[string, string, Buffer]>; tokens: number } {
  const { words, tokens } = wordsOf(text);
  const rows: Array<[string, string, Buffer]> = [];
  const byHead = new Map<string, string[]>();
  for (const word of words.keys()) {
    const head = headOf(word);
    const list = byHead.get(head);
    if (list) list.push(word);
    else byHead.set(head, [word]);
  }
  for (const head of [...byHead.keys()].sort()) {
    const list = byHead.get(head)!;
    scratch.length = 0;
    for (const word of list) {
      const at = words.get(word)!;
      segment.length = 0;
      let token = 0;
      let cp = 0;
      let extra = 0;
      for (let k = 0; k < at.length; k += 3) {
        segment.push(at[k]! - token);
        segment.push(at[k + 1]! - cp);
        segment.push(at[k + 2]! - extra);
        token = at[k]!;
        cp = at[k + 1]!;
        extra = at[k + 2]!;
      }
      scratch.push(at.length / 3);
      scratch.push(segment.length);
      if (scratch.length + segment.length > scratch.bytes.length) {
        const grown = new Uint8Array(Math.max(scratch.bytes.length * 2, scratch.length + segment.length + 16));
        grown.set(scratch.bytes.subarray(0, scratch.length));
        scratch.bytes = grown;
      }
      scratch.bytes.set(segment.bytes.subarray(0, segment.length), scratch.length);
      scratch.length += segment.length;
    }
    rows.push([head, list.join(' '), Buffer.from(scratch.bytes.subarray(0, scratch.length))]);
  }
  return { rows, tokens };
}

const CATCH_UP_BATCH = 100;

/** Indexes the sources queued since the last search (migrated, or text written by plain SQL), in one transaction; returns how many. */
export function catchUpSearchIndex(db: Db): number {
  if (!stmt(db, 'SELECT 1 FROM search_pending LIMIT 1').get()) return 0;
  return db
    .transaction(() => {
      const ids = stmt(db, 'SELECT source_id FROM search_pending ORDER BY source_id').pluck().all() as number[];
      const textOf = stmt(db, 'SELECT text FROM sources WHERE id = ?').pluck();
      const insert = stmt(db, 'INSERT INTO search_words (source_id, head, words, postings) VALUES (?, ?, ?, ?)');
      // By batches of sources, each batch's rows written in key order (head, then source): the
      // rows of one head land together instead of one page per head and source.
      for (let from = 0; from < ids.length; from += CATCH_UP_BATCH) {
        const batch: Array<[string, number, string, Buffer]> = [];
        for (const id of ids.slice(from, from + CATCH_UP_BATCH)) {
          const text = textOf.get(id) as string | undefined;
          // A text changed by plain SQL after it was indexed: its old rows go first.
          stmt(db, 'DELETE FROM search_words WHERE source_id = ?').run(id);
          if (text === undefined) continue;
          const { rows, tokens } = indexRows(text);
          for (const [head, words, postings] of rows) batch.push([head, id, words, postings]);
          stmt(db, 'INSERT OR REPLACE INTO search_sources (source_id, tokens) VALUES (?, ?)').run(id, tokens);
        }
        batch.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
        for (const [head, id, words, postings] of batch) insert.run(id, head, words, postings);
      }
      stmt(db, 'DELETE FROM search_pending').run();
      return ids.length;
    })
    .immediate();
}
