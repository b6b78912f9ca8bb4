// A whole project as plain data: what the database layer hands to the REFI-QDA writer and what the
// reader hands back. No ids, only GUIDs (lowercase, no braces), so a snapshot survives a trip
// through another tool. Positions are code points over `text` (normalised: LF, NFC, no BOM).
import { derivedGuid } from './guid.ts';
import type { AttributeType, AttributeValues, SourceKind } from '../../model/types.ts';

export interface SnapshotUser {
  guid: string;
  name: string;
  /** Read from an exchange file: written back even when it coded nothing (see exchangeUsers). */
  kept?: boolean;
}

export interface SnapshotCode {
  guid: string;
  /** null for a top-level code. Siblings keep their order in the array. */
  parentGuid: string | null;
  name: string;
  /** #rrggbb, lowercase. */
  color: string;
  /** Read without a colour: `color` is the stand-in shown (DEFAULT_CODE_COLOR), not written back. */
  noColor?: boolean;
  /** REFI `Description`. */
  definition: string;
  /** The file held a Description element with no text: written back as such (absent otherwise). */
  emptyDescription?: boolean;
  /** REFI `isCodable`; a code may be both a parent and codable. */
  codable: boolean;
  /** Not carried by REFI-QDA (no field for it): lost in an exchange. */
  abbrev?: string | null;
}

export interface SnapshotSource {
  guid: string;
  name: string;
  /** Carried in REFI as the source variable named SOURCE_KIND_VARIABLE (REFI has no such field). */
  kind: SourceKind;
  text: string;
  /** Source-scoped attribute values by attribute name. */
  attributes: AttributeValues;
  creatingUserGuid?: string;
  createdAt?: string;
}

export interface SnapshotCoding {
  guid: string;
  sourceGuid: string;
  codeGuid: string;
  start: number;
  end: number;
  coderGuid: string;
  createdAt?: string;
  /** Carried as the `Description` of the coding's PlainTextSelection. */
  memo?: string | null;
  /**
   * The PlainTextSelection the coding was read from: codings sharing one (same range) are written
   * back as that one selection. Absent for Tresse's own codings (one derived selection each).
   */
  selectionGuid?: string;
}

export interface SnapshotCase {
  guid: string;
  name: string;
  description?: string;
  /** See SnapshotCode.emptyDescription. */
  emptyDescription?: boolean;
  attributes: AttributeValues;
  sourceGuids: string[];
}

export interface SnapshotVariable {
  guid: string;
  name: string;
  type: AttributeType;
  /** REFI variables have no scope: on import it is 'source' when only sources carry values. */
  scope: 'case' | 'source';
}

export type SnapshotMemoTarget = { kind: 'source' | 'case' | 'code' | 'coding'; guid: string } | { kind: 'project'; guid?: undefined };

export interface SnapshotMemo {
  guid: string;
  name: string;
  text: string;
  /** Absent: a free-standing memo (REFI Note referenced by nothing). */
  target?: SnapshotMemoTarget;
  /** Further elements the note is attached to (a REFI note may be referenced from several). */
  alsoOn?: SnapshotMemoTarget[];
}

/**
 * A REFI Link read from a file that attaches a note (to a case, source, code, selection...): kept as
 * given (its GUID, name, direction) and written back while both its ends are.
 */
export interface SnapshotLink {
  guid: string;
  name?: string;
  direction?: string;
  originGuid: string;
  targetGuid: string;
}

export interface ProjectSnapshot {
  name: string;
  origin?: string;
  creatingUserGuid?: string;
  users: SnapshotUser[];
  codes: SnapshotCode[];
  sources: SnapshotSource[];
  codings: SnapshotCoding[];
  cases: SnapshotCase[];
  variables: SnapshotVariable[];
  memos: SnapshotMemo[];
  /** Links read from a file (see SnapshotLink); the writer adds its own for case memos. */
  links?: SnapshotLink[];
  /** "Coding done" marks: per user, the sources they read through and coded (see DONE_SET). */
  done?: SnapshotDone[];
  /** Named groups of sources or of codes (REFI `Set`), other than the "coding done" sets. */
  sets?: SnapshotSet[];
}

export interface SnapshotSet {
  guid: string;
  name: string;
  description: string;
  kind: 'sources' | 'codes';
  /** GUIDs of sources or of codes, by kind. */
  memberGuids: string[];
}

export interface SnapshotDone {
  userGuid: string;
  sourceGuids: string[];
}

/**
 * REFI-QDA has no "coding done" mark. Each user's marks are written as a Set of sources whose GUID
 * is derived from the user's (so a reader can tell it from the sets a user makes), named for the
 * user so other tools show it as an ordinary document set. Other sets are still reported skipped.
 */
export const DONE_SET = {
  guidOf: (userGuid: string) => derivedGuid(`tresse-done:${userGuid}`),
  name: (userName: string) => `Tresse — codage terminé : ${userName}`,
  description: 'Sources lues en entier et codées (marque « codage terminé » de Tresse ; l’accord inter-codeurs les compare).',
} as const;

/**
 * REFI-QDA has no notion of source kind (interview, observation...). We write it as a text variable
 * on each source: other tools show it as an ordinary document variable, and our reader takes it out
 * of the variables again. Sources from other tools have no such value and become 'document'.
 */
export const SOURCE_KIND_VARIABLE = { guid: '5a6e3c1d-7f2b-4c8e-9d4a-0b1e2f3a4c5d', name: 'Tresse source kind' } as const;
export const DEFAULT_SOURCE_KIND: SourceKind = 'document';
export const DEFAULT_CODE_COLOR = '#9e9e9e';
