// "I read this source and coded what there was to code": one mark per coder and source. Agreement
// compares the sources every compared coder marked, so that a source a coder read and found nothing
// in counts as agreement on absence, and a source a coder never opened does not count against them.
export const sql = /* sql */ `
CREATE TABLE source_done (
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  coder_id INTEGER NOT NULL REFERENCES coders(id) ON DELETE CASCADE,
  marked_at TEXT NOT NULL,
  PRIMARY KEY (source_id, coder_id)
) STRICT;
CREATE INDEX source_done_coder ON source_done(coder_id);
`;
