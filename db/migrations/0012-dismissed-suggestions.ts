// Code suggestions the researcher dismissed: the code is not suggested again for that passage
// (service/suggest.ts). Kept per passage and code, whoever dismissed it: a suggestion is about the
// text, and a team sharing a project does not want the same wrong code offered to each of them.
export const sql = /* sql */ `
CREATE TABLE dismissed_suggestions (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  start INTEGER NOT NULL CHECK (start >= 0),
  end INTEGER NOT NULL,
  coder_id INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  dismissed_at TEXT NOT NULL,
  CHECK (end > start),
  UNIQUE (source_id, start, end, code_id)
) STRICT;
`;
