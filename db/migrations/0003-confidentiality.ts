// Pseudonymisation: one pseudonym per real person for the whole project, optionally tied to the
// case that person is. Real names stay in this table only (never in an export); the user may
// forget them once applied (real_name and real_key become NULL). Each application is logged.
export const sql = /* sql */ `
CREATE TABLE pseudonyms (
  id INTEGER PRIMARY KEY,
  real_name TEXT,
  -- Case- and accent-folded real name: the same person cannot get two pseudonyms.
  real_key TEXT UNIQUE,
  pseudonym TEXT NOT NULL,
  case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  applied_at TEXT,
  CHECK ((real_name IS NULL) = (real_key IS NULL))
) STRICT;
CREATE UNIQUE INDEX pseudonyms_by_pseudonym ON pseudonyms(pseudonym COLLATE NOCASE);

CREATE TABLE pseudonymisation_runs (
  id INTEGER PRIMARY KEY,
  applied_at TEXT NOT NULL,
  coder_id INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  replacements INTEGER NOT NULL,
  sources INTEGER NOT NULL,
  real_names_forgotten INTEGER NOT NULL CHECK (real_names_forgotten IN (0, 1))
) STRICT;
`;
