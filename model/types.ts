// The project's vocabulary, shared by storage, the service layer, exchange formats and the UI.
// Positions (start, end) are always Unicode code points over the source's normalised text,
// 0-based, end exclusive.

import type { ImportNote } from '../i18n/import-notes.ts';
import type { NormalisedText } from '../text/normalise.ts';

export const SOURCE_KINDS = ['interview', 'observation', 'notebook', 'document', 'synthesis'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SEGMENT_KINDS = ['verbatim', 'paraphrase', 'non-answer', 'label'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

export type Valence = '+' | '-';

export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'boolean'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];
export type AttributeScope = 'case' | 'source';

export interface Coder {
  id: number;
  guid: string;
  name: string;
}

/** A stretch of a source's text that the importer recognised. */
export type StructureSegment =
  | { kind: 'turn'; start: number; end: number; speaker: string; timestampMs?: number | null }
  | { kind: 'section'; start: number; end: number; heading: string; level: number };

export interface SourceOrigin {
  fileName: string | null;
  format: string;
  encoding: string | null;
  importedAt: string;
  importedBy: string | null;
}

export interface SourceSummary {
  id: number;
  guid: string;
  kind: SourceKind;
  name: string;
  length: number;
  textHash: string;
  origin: SourceOrigin;
  caseIds: number[];
  codingCount: number;
}

export interface Source extends SourceSummary {
  text: string;
  structure: StructureSegment[];
}

export interface AttributeDef {
  id: number;
  name: string;
  type: AttributeType;
  scope: AttributeScope;
  multi: boolean;
}

/** Attribute values by attribute name. Absent = unknown. Multi-valued attributes hold several. */
export type AttributeValues = Record<string, Array<string | number | boolean>>;

export interface Case {
  id: number;
  guid: string;
  name: string;
  description: string;
  attributes: AttributeValues;
  sourceIds: number[];
}

export const SET_KINDS = ['sources', 'codes'] as const;
export type SetKind = (typeof SET_KINDS)[number];

/** A named group of sources or of codes (REFI-QDA Set; NVivo set, MAXQDA document or code set, ATLAS.ti group). */
export interface NamedSet {
  id: number;
  guid: string;
  kind: SetKind;
  name: string;
  description: string;
  /** Source ids or code ids, by kind, ascending. */
  memberIds: number[];
}

export interface Code {
  id: number;
  guid: string;
  parentId: number | null;
  name: string;
  /** Short label such as "SM" or "SM2"; unique when set. */
  abbrev: string | null;
  color: string;
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
  codable: boolean;
  position: number;
}

export interface Coding {
  id: number;
  guid: string;
  sourceId: number;
  codeId: number;
  coderId: number;
  start: number;
  end: number;
  createdAt: string;
  valence: Valence | null;
  segmentKind: SegmentKind;
  memo: string | null;
}

/** A coding with what a reader needs to judge it: its text and where it comes from. */
/**
 * Where an excerpt starts, as a reader of the transcript finds it: its paragraph (1-based, blank
 * lines not counted), the speaker turn around it (1-based) with its speaker and timestamp, and
 * whether it begins or ends inside a sentence of the source (quoted with […] there).
 */
export interface ExcerptPlace {
  paragraph: number;
  turn: number | null;
  speaker: string | null;
  timestampMs: number | null;
  cutBefore: boolean;
  cutAfter: boolean;
}

export interface Excerpt extends Coding {
  text: string;
  place: ExcerptPlace;
  /** Where it comes from, in the project's citation format: "E8, coordinatrice, § 12, 00:08:55". */
  citation: string;
  sourceName: string;
  sourceKind: SourceKind;
  codeName: string;
  coderName: string;
  caseIds: number[];
  caseNames: string[];
}

export type MemoTarget =
  { kind: 'project' } | { kind: 'source'; id: number } | { kind: 'case'; id: number } | { kind: 'code'; id: number } | { kind: 'coding'; id: number };

export interface Memo {
  id: number;
  guid: string;
  target: MemoTarget;
  title: string;
  /** Plain text, searchable and exportable. */
  text: string;
  /** Lexical editor state (JSON) when written in the rich editor. */
  richText: string | null;
  authorId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface SearchHit {
  sourceId: number;
  sourceName: string;
  sourceKind: SourceKind;
  start: number;
  end: number;
  /** Text around the hit; the hit itself is at snippetStart..snippetEnd (UTF-16 within snippet). */
  snippet: string;
  snippetStart: number;
  snippetEnd: number;
}

export type { ImportNote } from '../i18n/import-notes.ts';

/** What an importer hands to the project: normalised text plus the structure found in it. */
export interface ParsedSource {
  text: NormalisedText;
  format: string;
  encoding: string | null;
  structure: StructureSegment[];
  notes: ImportNote[];
  /**
   * The text's UTF-8 bytes, when the importer has them as read (a UTF-8 file that normalising left
   * as it was): hashing them spares encoding the text again.
   */
  utf8?: Uint8Array;
}
