// What the researcher adds on top of the coding when analysing: research questions (named lists
// of codes), which column of the triangulation matrix each source kind feeds, the syntheses
// written in the matrix cells and the triangulation verdict of each row.
// A matrix row is a code or a research question; the per-participant grid adds the case.
export const sql = /* sql */ `
CREATE TABLE research_questions (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE research_question_codes (
  question_id INTEGER NOT NULL REFERENCES research_questions(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (question_id, code_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX research_question_codes_by_code ON research_question_codes(code_id);

-- No row at all means the default mapping (analysis/matrix/kind-columns.ts); once edited, every kind has a row.
CREATE TABLE kind_columns (
  kind TEXT PRIMARY KEY CHECK (kind IN ('interview', 'observation', 'notebook', 'document', 'synthesis')),
  label TEXT NOT NULL CHECK (length(trim(label)) > 0),
  position INTEGER NOT NULL
) STRICT;

-- matrix: 'triangulation' (rows x kind or attribute columns) or 'participant' (one case's grid, case_id set).
-- column_key names the column with its dimension ('kind:Entretiens', 'case:secteur=santé').
CREATE TABLE matrix_syntheses (
  id INTEGER PRIMARY KEY,
  matrix TEXT NOT NULL CHECK (matrix IN ('triangulation', 'participant')),
  code_id INTEGER REFERENCES codes(id) ON DELETE CASCADE,
  question_id INTEGER REFERENCES research_questions(id) ON DELETE CASCADE,
  case_id INTEGER REFERENCES cases(id) ON DELETE CASCADE,
  column_key TEXT NOT NULL,
  text TEXT NOT NULL,
  author_id INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  updated_at TEXT NOT NULL,
  CHECK ((code_id IS NULL) <> (question_id IS NULL)),
  CHECK ((matrix = 'participant') = (case_id IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX matrix_syntheses_key
  ON matrix_syntheses(matrix, ifnull(code_id, 0), ifnull(question_id, 0), ifnull(case_id, 0), column_key);

-- dimension: what the columns are ('kind' or 'case:ATTRIBUTE' / 'source:ATTRIBUTE'), since a verdict
-- across evidence kinds says nothing about a verdict across sectors. Silence is computed, never stored.
CREATE TABLE row_verdicts (
  id INTEGER PRIMARY KEY,
  matrix TEXT NOT NULL CHECK (matrix IN ('triangulation', 'participant')),
  dimension TEXT NOT NULL,
  code_id INTEGER REFERENCES codes(id) ON DELETE CASCADE,
  question_id INTEGER REFERENCES research_questions(id) ON DELETE CASCADE,
  case_id INTEGER REFERENCES cases(id) ON DELETE CASCADE,
  verdict TEXT NOT NULL CHECK (verdict IN ('convergence', 'complementarity', 'dissonance')),
  note TEXT NOT NULL DEFAULT '',
  author_id INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  updated_at TEXT NOT NULL,
  CHECK ((code_id IS NULL) <> (question_id IS NULL)),
  CHECK ((matrix = 'participant') = (case_id IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX row_verdicts_key
  ON row_verdicts(matrix, dimension, ifnull(code_id, 0), ifnull(question_id, 0), ifnull(case_id, 0));
`;
