// The search's own word index, in place of FTS5. FTS5 told which sources match, but not where:
// every search then read and re-tokenised each matching text in JavaScript to place its hits, and
// that was most of a search's time. Here the index holds, per source, each folded word (case,
// accents and œ/æ folded exactly as the search compares them) with where it occurs: its token
// number (for phrases) and its offset in code points and in UTF-8 bytes (for the hit and its
// snippet, cut from the stored bytes without decoding the whole text).
//
// search_words: one row per source and "head" (the first two characters of the folded words it
// holds), keyed by head first: a query word reads the rows of its head, one short row per source,
// side by side in the file (keyed by source first, the same rows took one page read per source).
// search_words_by_source finds a source's rows when its text changes or it is deleted.
// search_sources: the sources indexed and their length in tokens (for ranking), the list a query
// walks. search_pending: sources whose text is not indexed yet (migrated projects, a text written
// by plain SQL); the next search indexes them. An import indexes its source in its own transaction.
export const sql = /* sql */ `
DROP TRIGGER sources_fts_insert;
DROP TRIGGER sources_fts_delete;
DROP TRIGGER sources_fts_update;
DROP TABLE sources_fts;
DROP TABLE fts_pending;

CREATE TABLE search_sources (
  source_id INTEGER PRIMARY KEY,
  tokens INTEGER NOT NULL
) STRICT;
CREATE TABLE search_words (
  source_id INTEGER NOT NULL,
  head TEXT NOT NULL,
  -- The folded words, separated by spaces, in the order of their postings.
  words TEXT NOT NULL,
  -- Per word: varint count, varint byte length of what follows, then per occurrence the deltas of
  -- token number, code-point offset, and UTF-8 offset minus code-point offset.
  postings BLOB NOT NULL,
  PRIMARY KEY (head, source_id)
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
