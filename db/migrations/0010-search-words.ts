// The search's own word index, in place of FTS5. FTS5 told which sources match, but not where:
// every search then read and re-tokenised each matching text in JavaScript to place its hits, and
// that was most of a search's time. Here the index holds, per source, each folded word (case,
// accents and œ/æ folded exactly as the search compares them) with the token numbers where it
// occurs (for phrases and counts), and per source a checkpoint every 64 tokens: the code point and
// UTF-8 offset where that token starts. A hit's place and its snippet are found from the nearest
// checkpoint, scanning a few hundred bytes of the stored text, never the whole text.
//
// search_words: one row (or a few parts) per source and "head" (the first two characters of the
// folded words it holds), keyed by head first: a query word reads the rows of its head, a short
// row or two per source, side by side in the file (keyed by source first, the same rows took one
// page read per source). search_words_by_source finds a source's rows when its text changes or
// it is deleted. search_sources: the sources indexed, their length in tokens (for ranking) and
// their checkpoints. search_pending: sources whose text is not indexed yet (imports, migrated
// projects, a text written by plain SQL: a batch of sources is indexed faster than each one
// alone); the next search indexes them. A text corrected in Tresse is indexed in its own
// transaction.
export const sql = /* sql */ `
DROP TRIGGER sources_fts_insert;
DROP TRIGGER sources_fts_delete;
DROP TRIGGER sources_fts_update;
DROP TABLE sources_fts;
DROP TABLE fts_pending;

CREATE TABLE search_sources (
  source_id INTEGER PRIMARY KEY,
  tokens INTEGER NOT NULL,
  -- Per 64 tokens, the deltas of the code point of the block's first token and of its UTF-8
  -- offset minus its code point, as varints.
  places BLOB NOT NULL
) STRICT;
CREATE TABLE search_words (
  source_id INTEGER NOT NULL,
  head TEXT NOT NULL,
  -- A head's words in a source fill parts of about 1,000 bytes at most, numbered from 0: a longer
  -- row would spill into an overflow page of its own, mostly empty.
  part INTEGER NOT NULL,
  -- The folded words, separated by spaces, in the order of their postings.
  words TEXT NOT NULL,
  -- Per word: varint count, varint byte length of what follows, then the deltas of its token
  -- numbers.
  postings BLOB NOT NULL,
  PRIMARY KEY (head, source_id, part)
) STRICT, WITHOUT ROWID;
CREATE INDEX search_words_by_source ON search_words(source_id);
CREATE TABLE search_pending (
  source_id INTEGER PRIMARY KEY
) STRICT;

CREATE TRIGGER search_source_insert AFTER INSERT ON sources BEGIN
  INSERT OR IGNORE INTO search_pending (source_id) VALUES (new.id);
END;
CREATE TRIGGER search_source_update AFTER UPDATE OF text ON sources BEGIN
  DELETE FROM search_words WHERE source_id = old.id;
  DELETE FROM search_sources WHERE source_id = old.id;
  INSERT OR IGNORE INTO search_pending (source_id) VALUES (new.id);
END;
CREATE TRIGGER search_source_delete AFTER DELETE ON sources BEGIN
  DELETE FROM search_words WHERE source_id = old.id;
  DELETE FROM search_sources WHERE source_id = old.id;
  DELETE FROM search_pending WHERE source_id = old.id;
END;

INSERT INTO search_pending (source_id) SELECT id FROM sources;
`;
