// Rows of recordings, sync points and time-range codings (migration 13): the one place that reads
// and writes them, for the media service, the exchange and the analyses.
import { stmt } from '../db/statements.ts';
import type { Db } from '../db/open.ts';
import type { MediaCoding, MediaKind, SourceMedia, SyncPoint } from '../model/media.ts';

interface MediaRow {
  source_id: number;
  media_kind: MediaKind;
  path: string;
  sha256: string;
  size: number;
  mtime_ms: number;
  mime: string;
  container: string | null;
  codec: string | null;
  duration_ms: number | null;
  linked_at: string;
}

const MEDIA_COLUMNS = 'source_id, media_kind, path, sha256, size, mtime_ms, mime, container, codec, duration_ms, linked_at';

function mediaOfRow(row: MediaRow): SourceMedia {
  return {
    sourceId: row.source_id,
    mediaKind: row.media_kind,
    path: row.path,
    sha256: row.sha256,
    size: row.size,
    mtimeMs: row.mtime_ms,
    mime: row.mime,
    container: row.container,
    codec: row.codec,
    durationMs: row.duration_ms,
    linkedAt: row.linked_at,
  };
}

export function readSourceMedia(db: Db, sourceId: number): SourceMedia | null {
  const row = stmt(db, `SELECT ${MEDIA_COLUMNS} FROM source_media WHERE source_id = ?`).get(sourceId) as MediaRow | undefined;
  return row ? mediaOfRow(row) : null;
}

export function listSourceMedia(db: Db): SourceMedia[] {
  return (stmt(db, `SELECT ${MEDIA_COLUMNS} FROM source_media ORDER BY source_id`).all() as MediaRow[]).map(mediaOfRow);
}

/** Links (or relinks) a source's recording: one recording per source. */
export function writeSourceMedia(db: Db, media: SourceMedia): void {
  stmt(
    db,
    `INSERT INTO source_media (${MEDIA_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (source_id) DO UPDATE SET media_kind = excluded.media_kind, path = excluded.path,
       sha256 = excluded.sha256, size = excluded.size, mtime_ms = excluded.mtime_ms, mime = excluded.mime,
       container = excluded.container, codec = excluded.codec, duration_ms = excluded.duration_ms,
       linked_at = excluded.linked_at`,
  ).run(
    media.sourceId,
    media.mediaKind,
    media.path,
    media.sha256,
    media.size,
    media.mtimeMs,
    media.mime,
    media.container,
    media.codec,
    media.durationMs,
    media.linkedAt,
  );
}

export function readSyncPoints(db: Db, sourceId: number): SyncPoint[] {
  return stmt(db, 'SELECT position, time_ms AS timeMs FROM sync_points WHERE source_id = ? ORDER BY position').all(sourceId) as SyncPoint[];
}

/** Replaces a source's sync points whole (a transcript imported, typed or corrected). */
export function writeSyncPoints(db: Db, sourceId: number, points: readonly SyncPoint[]): void {
  stmt(db, 'DELETE FROM sync_points WHERE source_id = ?').run(sourceId);
  const insert = stmt(db, 'INSERT OR REPLACE INTO sync_points (source_id, position, time_ms) VALUES (?, ?, ?)');
  for (const point of points) insert.run(sourceId, point.position, point.timeMs);
}

interface MediaCodingRow {
  id: number;
  guid: string;
  source_id: number;
  code_id: number;
  coder_id: number;
  start_ms: number;
  end_ms: number;
  created_at: string;
}

const CODING_COLUMNS = 'id, guid, source_id, code_id, coder_id, start_ms, end_ms, created_at';

function codingOfRow(row: MediaCodingRow): MediaCoding {
  return {
    id: row.id,
    guid: row.guid,
    sourceId: row.source_id,
    codeId: row.code_id,
    coderId: row.coder_id,
    startMs: row.start_ms,
    endMs: row.end_ms,
    createdAt: row.created_at,
  };
}

export function insertMediaCoding(db: Db, coding: Omit<MediaCoding, 'id'>): MediaCoding {
  const { lastInsertRowid } = stmt(
    db,
    `INSERT INTO media_codings (guid, source_id, code_id, coder_id, start_ms, end_ms, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(coding.guid, coding.sourceId, coding.codeId, coding.coderId, coding.startMs, coding.endMs, coding.createdAt);
  return { ...coding, id: Number(lastInsertRowid) };
}

export function deleteMediaCoding(db: Db, id: number): boolean {
  return stmt(db, 'DELETE FROM media_codings WHERE id = ?').run(id).changes > 0;
}

export function readMediaCoding(db: Db, id: number): MediaCoding | null {
  const row = stmt(db, `SELECT ${CODING_COLUMNS} FROM media_codings WHERE id = ?`).get(id) as MediaCodingRow | undefined;
  return row ? codingOfRow(row) : null;
}

export function listMediaCodingsOfSource(db: Db, sourceId: number): MediaCoding[] {
  return (stmt(db, `SELECT ${CODING_COLUMNS} FROM media_codings WHERE source_id = ? ORDER BY start_ms, id`).all(sourceId) as MediaCodingRow[]).map(codingOfRow);
}

export function listMediaCodingsOfCode(db: Db, codeId: number): MediaCoding[] {
  return (stmt(db, `SELECT ${CODING_COLUMNS} FROM media_codings WHERE code_id = ? ORDER BY source_id, start_ms, id`).all(codeId) as MediaCodingRow[]).map(
    codingOfRow,
  );
}

export function listAllMediaCodings(db: Db): MediaCoding[] {
  return (stmt(db, `SELECT ${CODING_COLUMNS} FROM media_codings ORDER BY source_id, start_ms, id`).all() as MediaCodingRow[]).map(codingOfRow);
}
