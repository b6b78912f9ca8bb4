// Recordings beside transcripts (issue 17): what the contract, the exchange and the renderer share.

export const MEDIA_KINDS = ['audio', 'video'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** The recording a source plays, as the project holds it. */
export interface SourceMedia {
  sourceId: number;
  mediaKind: MediaKind;
  /** Relative to the project file's folder, with '/' separators. */
  path: string;
  sha256: string;
  size: number;
  mtimeMs: number;
  mime: string;
  container: string | null;
  codec: string | null;
  durationMs: number | null;
  linkedAt: string;
}

/**
 * Whether the recording can be played: `missing` (no file at its path: moved or deleted) and
 * `changed` (a file there, but not the one linked: another hash) both leave the transcript usable.
 */
export type MediaState = 'ok' | 'missing' | 'changed';

/** A character position of the transcript and the time of the recording said there. */
export interface SyncPoint {
  position: number;
  timeMs: number;
}

/** A time range of a recording coded like a passage. */
export interface MediaCoding {
  id: number;
  guid: string;
  sourceId: number;
  codeId: number;
  coderId: number;
  startMs: number;
  endMs: number;
  createdAt: string;
}
