// Named groups of sources and of codes, as researchers make them to group interviews by site or
// wave, or codes by question (NVivo sets, MAXQDA document and code sets, ATLAS.ti groups; REFI-QDA
// Sets). A set holds one kind of member, so its members are rows of one table each; names are unique
// per kind, so a sources set and a codes set may share one. Deleting a source or code leaves its sets.
export const sql = /* sql */ `
CREATE TABLE sets (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('sources', 'codes')),
  name TEXT NOT NULL COLLATE NOCASE CHECK (name <> ''),
  description TEXT NOT NULL DEFAULT '',
  UNIQUE (kind, name)
) STRICT;

CREATE TABLE set_sources (
  set_id INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  PRIMARY KEY (set_id, source_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX set_sources_by_source ON set_sources(source_id);

CREATE TABLE set_codes (
  set_id INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  PRIMARY KEY (set_id, code_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX set_codes_by_code ON set_codes(code_id);
`;
