// Audio and video recordings beside their transcripts (issue 17). The recording stays a file beside
// the project, so the project file does not grow by its size: a path relative to the project's
// folder, checked by its SHA-256 (size and modification time spare hashing it at each opening).
// A source with media keeps its kind (an interview is still an interview); its text is the
// transcript, empty until one is imported or typed.
export const sql = /* sql */ `
CREATE TABLE source_media (
  source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
  media_kind TEXT NOT NULL CHECK (media_kind IN ('audio', 'video')),
  path TEXT NOT NULL CHECK (path <> ''),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size >= 0),
  mtime_ms INTEGER NOT NULL,
  mime TEXT NOT NULL,
  container TEXT,
  codec TEXT,
  duration_ms INTEGER CHECK (duration_ms IS NULL OR duration_ms >= 0),
  linked_at TEXT NOT NULL
) STRICT;

-- Where the transcript's text meets the recording: a character position and the time said there
-- (REFI-QDA's SyncPoint). Turns' timestamps, [hh:mm:ss] marks and cues each give one.
CREATE TABLE sync_points (
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  time_ms INTEGER NOT NULL CHECK (time_ms >= 0),
  PRIMARY KEY (source_id, position)
) STRICT, WITHOUT ROWID;

-- A time range of the recording coded like a passage (REFI-QDA's AudioSelection / VideoSelection).
CREATE TABLE media_codings (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  coder_id INTEGER NOT NULL REFERENCES coders(id),
  start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
  end_ms INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  CHECK (end_ms > start_ms),
  UNIQUE (source_id, code_id, coder_id, start_ms, end_ms)
) STRICT;
CREATE INDEX media_codings_by_code ON media_codings(code_id, source_id, start_ms);
CREATE INDEX media_codings_by_source ON media_codings(source_id, start_ms);
`;
