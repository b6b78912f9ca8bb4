// The first project format: sources with their structure, cases and attributes, the codebook,
// codings, memos, and the full-text index over source text.
export const sql = /* sql */ `
CREATE TABLE project (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  guid TEXT NOT NULL,
  name TEXT NOT NULL,
  grid TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE coders (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('interview', 'observation', 'notebook', 'document', 'synthesis')),
  name TEXT NOT NULL,
  text TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  length INTEGER NOT NULL CHECK (length >= 0),
  origin_file TEXT,
  origin_format TEXT NOT NULL,
  origin_encoding TEXT,
  imported_at TEXT NOT NULL,
  imported_by INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  -- Speaker turns and sections, a JSON array of model/types.ts StructureSegment in position order
  -- (service/structure.ts): always read and written whole, one value is far cheaper than a row each.
  structure TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(structure))
) STRICT;
CREATE INDEX sources_by_hash ON sources(text_hash);

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE case_sources (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  PRIMARY KEY (case_id, source_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_sources_by_source ON case_sources(source_id);

CREATE TABLE attributes (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('case', 'source')),
  type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean')),
  multi INTEGER NOT NULL DEFAULT 0 CHECK (multi IN (0, 1)),
  UNIQUE (scope, name)
) STRICT;

-- No row for an attribute means its value is unknown; several rows, a multi-valued attribute.
CREATE TABLE attribute_values (
  id INTEGER PRIMARY KEY,
  attribute_id INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
  case_id INTEGER REFERENCES cases(id) ON DELETE CASCADE,
  source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE,
  value ANY NOT NULL,
  CHECK ((case_id IS NULL) <> (source_id IS NULL))
) STRICT;
CREATE INDEX attribute_values_by_case ON attribute_values(case_id) WHERE case_id IS NOT NULL;
CREATE INDEX attribute_values_by_source ON attribute_values(source_id) WHERE source_id IS NOT NULL;
CREATE INDEX attribute_values_by_attribute ON attribute_values(attribute_id);

CREATE TABLE codes (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  parent_id INTEGER REFERENCES codes(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  abbrev TEXT UNIQUE,
  color TEXT NOT NULL CHECK (color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
  definition TEXT NOT NULL DEFAULT '',
  inclusion TEXT NOT NULL DEFAULT '',
  exclusion TEXT NOT NULL DEFAULT '',
  example TEXT NOT NULL DEFAULT '',
  codable INTEGER NOT NULL DEFAULT 1 CHECK (codable IN (0, 1)),
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX codes_by_parent ON codes(parent_id, position);

CREATE TABLE codings (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  coder_id INTEGER NOT NULL REFERENCES coders(id),
  start INTEGER NOT NULL CHECK (start >= 0),
  end INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  valence TEXT CHECK (valence IN ('+', '-')),
  segment_kind TEXT NOT NULL DEFAULT 'verbatim'
    CHECK (segment_kind IN ('verbatim', 'paraphrase', 'non-answer', 'label')),
  CHECK (end > start)
) STRICT;
CREATE INDEX codings_by_code ON codings(code_id, source_id, start);
CREATE INDEX codings_by_source ON codings(source_id, start);
CREATE INDEX codings_by_coder ON codings(coder_id);

-- A memo belongs to the project (no target) or to exactly one source, case, code or coding.
CREATE TABLE memos (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE,
  case_id INTEGER REFERENCES cases(id) ON DELETE CASCADE,
  code_id INTEGER REFERENCES codes(id) ON DELETE CASCADE,
  coding_id INTEGER REFERENCES codings(id) ON DELETE CASCADE,
  title TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  rich_text TEXT,
  author_id INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((source_id IS NOT NULL) + (case_id IS NOT NULL) + (code_id IS NOT NULL) + (coding_id IS NOT NULL) <= 1)
) STRICT;
CREATE INDEX memos_by_source ON memos(source_id) WHERE source_id IS NOT NULL;
CREATE INDEX memos_by_case ON memos(case_id) WHERE case_id IS NOT NULL;
CREATE INDEX memos_by_code ON memos(code_id) WHERE code_id IS NOT NULL;
CREATE INDEX memos_by_coding ON memos(coding_id) WHERE coding_id IS NOT NULL;

-- External-content index: the text lives once, in sources. A new or changed source is queued in
-- fts_pending and indexed in one batch before the next search (db/search.ts), so importing many
-- files is not slowed by tokenising each one inside its own transaction.
CREATE VIRTUAL TABLE sources_fts USING fts5(
  text,
  content = 'sources',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE fts_pending (
  source_id INTEGER PRIMARY KEY
) STRICT;
CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN
  INSERT OR IGNORE INTO fts_pending (source_id) VALUES (new.id);
END;
-- An external-content index must be told the old text of a row it holds, and only of such a row.
CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN
  INSERT INTO sources_fts(sources_fts, rowid, text) SELECT 'delete', old.id, old.text
    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE source_id = old.id);
  DELETE FROM fts_pending WHERE source_id = old.id;
END;
CREATE TRIGGER sources_fts_update AFTER UPDATE OF text ON sources BEGIN
  INSERT INTO sources_fts(sources_fts, rowid, text) SELECT 'delete', old.id, old.text
    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE source_id = old.id);
  INSERT OR IGNORE INTO fts_pending (source_id) VALUES (new.id);
END;
`;
