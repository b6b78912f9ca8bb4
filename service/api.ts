// The one API the user interface talks to. This interface is the source of truth: the Electron
// preload exposes it over IPC, the browser mode over a loopback HTTP endpoint, and both dispatch
// to the same handlers (service/handlers.ts), which call the same service functions as the
// command line. Every method takes at most one plain-object argument and returns plain data, so it
// crosses IPC (structured clone) and HTTP (JSON with byte arrays as base64) alike.
import type { Lang } from '../i18n/lang.ts';
import type {
  AttributeDef,
  AttributeScope,
  AttributeType,
  Case,
  Code,
  Coder,
  Coding,
  Excerpt,
  Memo,
  MemoTarget,
  SegmentKind,
  Source,
  SourceKind,
  SourceSummary,
  Valence,
} from '../model/types.ts';
import type { SearchResult } from '../db/search.ts';
import type { CodeChanges, CodeWithCount, DeletedCodes } from './codebook.ts';
import type { CodingInput, RetrieveFilter } from './codings.ts';
import type { ImportResult } from './sources.ts';
import type { ProjectInfo } from './project.ts';

export interface GridInfo {
  id: string;
  name: { fr: string; en: string };
  description: { fr: string; en: string };
}

export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
}

/** Where a new project would be created, and whether something is in the way. */
export interface ResolvedProjectPath {
  path: string;
  exists: boolean;
  folderExists: boolean;
}

export interface SessionState {
  project: ProjectInfo | null;
  recent: RecentProject[];
  lang: Lang;
  /** 'desktop' inside Electron, 'browser' in the loopback browser mode. */
  shell: 'desktop' | 'browser';
}

export interface TresseApi {
  // Session and projects
  getSession(): Promise<SessionState>;
  setLang(args: { lang: Lang }): Promise<void>;
  listGrids(): Promise<GridInfo[]>;
  createProject(args: { path: string; name?: string; grid: string; coder?: string }): Promise<ProjectInfo>;
  openProject(args: { path: string; coder?: string }): Promise<ProjectInfo>;
  closeProject(): Promise<void>;
  /** The full path createProject would use for a typed path (a bare name goes to a known folder, with .tresse). */
  resolveProjectPath(args: { path: string }): Promise<ResolvedProjectPath>;
  /** Asks the shell for a path (native dialog on the desktop; the browser mode answers null). */
  chooseProjectPath(args: { mode: 'open' | 'create' }): Promise<string | null>;
  switchCoder(args: { name: string }): Promise<Coder>;

  // Sources
  listSources(): Promise<SourceSummary[]>;
  getSource(args: { id: number }): Promise<Source>;
  importSource(args: {
    fileName: string;
    bytes: Uint8Array;
    kind: SourceKind;
    name?: string;
    caseIds?: number[];
    turnPatterns?: string[];
  }): Promise<ImportResult>;
  updateSource(args: { id: number; name?: string; kind?: SourceKind }): Promise<SourceSummary>;
  deleteSource(args: { id: number }): Promise<void>;

  // Cases and attributes
  listCases(): Promise<Case[]>;
  createCase(args: { name: string; description?: string }): Promise<Case>;
  updateCase(args: { id: number; name?: string; description?: string }): Promise<Case>;
  deleteCase(args: { id: number }): Promise<void>;
  listAttributes(args: { scope?: AttributeScope }): Promise<AttributeDef[]>;
  defineAttribute(args: { name: string; type: AttributeType; scope?: AttributeScope; multi?: boolean }): Promise<AttributeDef>;
  setAttributeValues(args: {
    target: { caseId: number } | { sourceId: number };
    name: string;
    values: Array<string | number | boolean>;
  }): Promise<void>;
  linkSource(args: { caseId: number; sourceId: number }): Promise<void>;
  unlinkSource(args: { caseId: number; sourceId: number }): Promise<void>;

  // Codebook
  listCodes(): Promise<CodeWithCount[]>;
  addCode(args: {
    name: string;
    parentId?: number | null;
    abbrev?: string | null;
    color?: string;
    definition?: string;
    codable?: boolean;
    guid?: string;
  }): Promise<Code>;
  updateCode(args: { id: number; changes: CodeChanges }): Promise<{ before: Code; after: Code }>;
  moveCode(args: { id: number; parentId: number | null; position?: number }): Promise<Code>;
  mergeCodes(args: { fromId: number; intoId: number }): Promise<{ moved: number; duplicates: number }>;
  deleteCode(args: { id: number; confirm?: boolean }): Promise<DeletedCodes>;
  exportCodebook(args: { format: 'json' | 'csv' }): Promise<string>;
  importCodebook(args: { format: 'json' | 'csv'; text: string }): Promise<{ added: number; skipped: number }>;

  // Coding and retrieval
  addCoding(args: CodingInput): Promise<Coding>;
  removeCoding(args: { id: number }): Promise<Coding>;
  listCodings(args: { sourceId: number }): Promise<Coding[]>;
  retrieve(args: RetrieveFilter): Promise<Excerpt[]>;
  search(args: { query: string; limit?: number; sourceKinds?: SourceKind[] }): Promise<SearchResult>;

  // Memos
  listMemos(args: { target?: MemoTarget }): Promise<Memo[]>;
  saveMemo(args: { id?: number; target: MemoTarget; title?: string; text: string; richText?: string | null }): Promise<Memo>;
  deleteMemo(args: { id: number }): Promise<Memo>;
}

export type ApiMethod = keyof TresseApi;

/** What crosses IPC or HTTP: a value, or an error the front end can word in the user's language. */
export type ApiResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: string; message: string; params: Record<string, string | number> } };

// Teams: REFI-QDA exchange, comparing and merging codebooks and projects, inter-coder agreement.
// Declared as a second part of TresseApi (interfaces merge) so the block stays in one place.
import type { AgreementUnit } from '../analysis/agreement/units.ts';
import type { Decision } from '../codebooks/merge.ts';
import type { ProjectAgreement } from './agreement.ts';
import type { CodebookComparison } from './compare-codebooks.ts';
import type { ResolutionResult, ReviewItem } from './disagreements.ts';
import type { MergeReport } from './merge-project.ts';
import type { QdcImport, QdpxImport } from './refi.ts';

/** The other side of a comparison or a merge: a file's bytes (.qdc, .qdpx), or a file on this computer (.tresse, .qdc, .qdpx). */
export type TeamOther = { fileName: string; bytes: Uint8Array } | { path: string };

export interface ReviewQuery {
  /** Coder names, at least two. */
  coders: string[];
  /** A code (GUID, abbreviation, path or name) and its sub-codes; default every code. */
  codeRef?: string;
  overlapThreshold?: number;
}

export interface AgreementQuery extends ReviewQuery {
  unit: AgreementUnit;
}

export type ReviewAction = 'accept' | 'keep-both' | 'discuss';

export interface TresseApi {
  exportQdpx(): Promise<Uint8Array>;
  exportQdc(): Promise<string>;
  /** Merges a .qdpx into the open project; what could not be brought over is in `warnings`. */
  importQdpx(args: { fileName: string; bytes: Uint8Array }): Promise<QdpxImport>;
  importQdc(args: { fileName: string; bytes: Uint8Array }): Promise<QdcImport>;
  /** My codebook (A) against the other's (B). */
  compareCodebooks(args: { other: TeamOther }): Promise<CodebookComparison>;
  exportComparison(args: { other: TeamOther; format: 'html' | 'xlsx' }): Promise<Uint8Array>;
  /** Applies the user's decisions on the comparison to my codebook, in one transaction. */
  applyCodebookMerge(args: { other: TeamOther; decisions: Decision[] }): Promise<QdcImport>;
  mergeProject(args: { other: TeamOther; decisions?: Decision[] }): Promise<MergeReport>;
  computeAgreement(args: AgreementQuery): Promise<ProjectAgreement>;
  exportAgreement(args: AgreementQuery & { format: 'csv' | 'xlsx' }): Promise<Uint8Array>;
  listDisagreements(args: ReviewQuery): Promise<ReviewItem[]>;
  resolveDisagreement(args: ReviewQuery & { id: string; action: ReviewAction; coder?: string; note?: string }): Promise<ResolutionResult>;
}

// Confidentiality: the pseudonym table and its application, correcting a coded source, backups.
// Declared as another part of TresseApi (interfaces merge) so the block stays in one place.
import type { BackupInfo } from './backup.ts';
import type { SourceEditEffect } from './edit-source.ts';
import type { PseudonymPreview, PseudonymResult } from './pseudonymise.ts';
import type { PseudonymEntry } from './pseudonyms.ts';

/** One person of the pseudonym table as the interface edits it. */
export interface PseudonymRow {
  realName: string;
  pseudonym: string;
  caseId?: number | null;
}

export interface PseudonymsApplied extends PseudonymResult {
  /** Backups taken before still hold the real names: where they are and how many. */
  backups: { dir: string; count: number };
}

export interface BackupList {
  /** The folder beside the project file. */
  dir: string;
  /** Newest first. */
  backups: BackupInfo[];
  /** How often the open project is backed up while it changes, and how many backups are kept. */
  everyMinutes: number;
  keep: number;
}

export interface TresseApi {
  listPseudonyms(): Promise<PseudonymEntry[]>;
  /** Adds people to the table (or confirms those already there), all or none. */
  savePseudonyms(args: { entries: PseudonymRow[] }): Promise<PseudonymEntry[]>;
  /** Changes a person not yet applied (their real name, pseudonym or case). */
  updatePseudonym(args: { id: number } & PseudonymRow): Promise<PseudonymEntry>;
  deletePseudonym(args: { id: number }): Promise<void>;
  /** Reads a table file (CSV or JSON, as the command line accepts) and adds it, all or none. */
  importPseudonyms(args: { fileName: string; text: string }): Promise<PseudonymEntry[]>;
  /** Every match of the table in the project, in context; changes nothing. */
  previewPseudonyms(): Promise<PseudonymPreview>;
  /** Rewrites the accepted matches (ids from the preview) in one transaction. */
  applyPseudonyms(args: { accept: string[] }): Promise<PseudonymsApplied>;
  /** Removes the real names from the table and rebuilds the file without the old text. */
  forgetRealNames(): Promise<{ forgotten: number }>;
  previewSourceEdit(args: { sourceId: number; text: string }): Promise<SourceEditEffect>;
  /** Saves a source's corrected text; codings follow their words. */
  applySourceEdit(args: { sourceId: number; text: string; confirmRemoval?: boolean }): Promise<SourceEditEffect>;
  listBackups(): Promise<BackupList>;
  backupNow(): Promise<BackupInfo>;
  /** Closes the project, puts the backup (a file name from listBackups) in its place and reopens it. */
  restoreBackup(args: { file: string }): Promise<{ project: ProjectInfo; previous: string | null }>;
  /** Deletes one backup (a file name from listBackups) from the disk; the project is not touched. */
  deleteBackup(args: { file: string }): Promise<BackupList>;
  /** Deletes every backup taken so far (after pseudonymising, they all hold the real names). */
  deleteAllBackups(): Promise<BackupList>;
  /** How often the open project is backed up while it changes; kept in the project. */
  setBackupInterval(args: { minutes: number }): Promise<void>;
}

// Analysis: the triangulation matrix and the other matrices, a cell's excerpts, syntheses and
// verdicts, research questions, the kind -> column mapping, pictures and supervisor exports.
// Declared as another part of TresseApi (interfaces merge) so the block stays in one place.
import type { CellExcerpts } from '../analysis/matrix/excerpts.ts';
import type { KindColumn } from '../analysis/matrix/kind-columns.ts';
import type { ResearchQuestion } from '../analysis/matrix/questions.ts';
import type { GridRef } from './analysis.ts';
import type { Matrix, MatrixRequest, RowVerdict, Verdict } from '../analysis/matrix/types.ts';
import type { Picture } from '../analysis/pictures/index.ts';

export type MatrixExportFormat = 'xlsx' | 'docx' | 'csv' | 'html';

export interface TresseApi {
  computeMatrix(args: MatrixRequest): Promise<Matrix>;
  /** The excerpts of one cell, in reading order; `limit` pages through a long cell. */
  matrixCellExcerpts(args: { request: MatrixRequest; rowKey: string; columnKey: string; offset?: number; limit?: number }): Promise<CellExcerpts>;
  /** Empty text removes the synthesis. */
  setCellSynthesis(args: { grid: GridRef; rowKey: string; columnKey: string; text: string }): Promise<{ rowKey: string; columnKey: string; text: string }>;
  /** `verdict: null` clears it; silence is computed, never set. */
  setRowVerdict(args: { grid: GridRef; rowKey: string; verdict: Verdict | null; note?: string }): Promise<{ rowKey: string; verdict: RowVerdict | null; silent: string[] }>;
  listQuestions(): Promise<ResearchQuestion[]>;
  /** Creates a question, or renames it and replaces its codes (with `id`). */
  saveQuestion(args: { id?: number; name: string; codeIds: number[] }): Promise<ResearchQuestion>;
  deleteQuestion(args: { id: number }): Promise<ResearchQuestion>;
  listKindColumns(): Promise<KindColumn[]>;
  setKindColumn(args: { kind: SourceKind; label: string }): Promise<KindColumn[]>;
  resetKindColumns(): Promise<KindColumn[]>;
  /** The pictures of a matrix as SVG text (the frequencies also get the codebook sized by use). */
  matrixPictures(args: MatrixRequest): Promise<Picture[]>;
  /** The matrix (or, with `all`, the whole analysis grid) as a file for the supervisor. */
  exportMatrix(args: { request: MatrixRequest; format: MatrixExportFormat; all?: boolean }): Promise<Uint8Array>;
}
