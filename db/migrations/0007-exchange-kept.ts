// What a REFI-QDA file said that Tresse's own tables do not hold, kept so that writing the project
// back gives the other tool what it wrote (issue 14): the vendor selection a coding was read from
// (one selection may carry several codings, each a row of codings), and facts about elements named
// by GUID: a user read from a file (written back even without codings), a code read without a
// colour (its `color` is only the stand-in shown), a Description present but empty, a note's
// further attachments (a memo has one target; a note may be referenced from several elements), a
// note attached to nothing (a project memo in Tresse, not to be written as the project's note), and
// the Links that attach notes (their GUID, name and direction). Rows are read in rowid order, the
// order of the file.
export const sql = /* sql */ `
ALTER TABLE codings ADD COLUMN selection_guid TEXT;
CREATE INDEX codings_by_selection ON codings(selection_guid) WHERE selection_guid IS NOT NULL;

CREATE TABLE exchange_kept (
  guid TEXT NOT NULL,
  fact TEXT NOT NULL CHECK (fact IN ('user', 'noColor', 'emptyDescription', 'freeNote', 'noteAlsoOn', 'link')),
  -- noteAlsoOn: the GUID of the element the note is also attached to; link: the link as JSON
  -- (exchange/refi/snapshot.ts SnapshotLink, its ends as GUIDs of this project); '' otherwise.
  value TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (guid, fact, value)
) STRICT;
`;
