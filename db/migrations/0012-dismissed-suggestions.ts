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

// What changed since a suggestion model last learnt (service/suggest-model.ts): one row per coding
// added, moved or removed, a row with no coding for a code's definition or a source's text, so that
// a model brought up to date reads those codings only, not all of them. coding_id is -1 for a
// code's words changed, NULL for what asks to look at everything again (a source's text, a code
// made codable or not, or deleted). Bounded: a model more than 100,000 changes behind looks again.
export const changesSql = /* sql */ `
CREATE TABLE suggest_changes (
  seq INTEGER PRIMARY KEY,
  coding_id INTEGER
) STRICT;
CREATE TRIGGER suggest_coding_added AFTER INSERT ON codings BEGIN
  INSERT INTO suggest_changes (coding_id) VALUES (new.id);
END;
CREATE TRIGGER suggest_coding_removed AFTER DELETE ON codings BEGIN
  INSERT INTO suggest_changes (coding_id) VALUES (old.id);
END;
CREATE TRIGGER suggest_coding_moved AFTER UPDATE OF start, end, code_id, source_id ON codings BEGIN
  INSERT INTO suggest_changes (coding_id) VALUES (new.id);
END;
CREATE TRIGGER suggest_code_changed AFTER UPDATE OF name, definition, inclusion, example ON codes BEGIN
  INSERT INTO suggest_changes (coding_id) VALUES (-1);
END;
CREATE TRIGGER suggest_code_codable AFTER UPDATE OF codable ON codes BEGIN
  INSERT INTO suggest_changes (coding_id) VALUES (NULL);
END;
CREATE TRIGGER suggest_code_added AFTER INSERT ON codes BEGIN
  INSERT INTO suggest_changes (coding_id) VALUES (-1);
END;
CREATE TRIGGER suggest_code_removed AFTER DELETE ON codes BEGIN
  INSERT INTO suggest_changes (coding_id) VALUES (NULL);
END;
CREATE TRIGGER suggest_text_changed AFTER UPDATE OF text ON sources BEGIN
  INSERT INTO suggest_changes (coding_id) VALUES (NULL);
END;
CREATE TRIGGER suggest_changes_bounded AFTER INSERT ON suggest_changes WHEN new.seq % 1000 = 0 BEGIN
  DELETE FROM suggest_changes WHERE seq <= new.seq - 100000;
END;
`;
