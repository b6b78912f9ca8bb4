import { listGrids } from '../codebooks/grids.ts';
import { searchSources } from '../db/search.ts';
import { isTresseError, TresseError as SystemError } from '../i18n/error.ts';
import { systemErrorOf } from '../i18n/node-errors.ts';
import type { ApiMethod, ApiResult, TresseApi } from './api.ts';
import { defineAttribute, listAttributes, setAttributeValues } from './attributes.ts';
import { createCase, deleteCase, linkSource, listCases, unlinkSource, updateCase } from './cases.ts';
import { addCode, deleteCode, listCodes, mergeCodes, moveCode, updateCode } from './codebook.ts';
import { exportCodebook, importCodebook } from './codebook-exchange.ts';
import { addCoding, listCodingsOfSource, removeCoding, retrieveExcerpts } from './codings.ts';
import { deleteMemo, listMemos, saveMemo } from './memos.ts';
import { projectInfo, switchCoder } from './project.ts';
import { deleteSource, getSource, importSource, listSources, updateSource } from './sources.ts';
import type { Workspace } from './workspace.ts';

export interface ShellHooks {
  shell: 'desktop' | 'browser';
  chooseProjectPath?: (mode: 'open' | 'create') => Promise<string | null>;
}

/** The API over one workspace: each method is a thin call into the service layer. */
export function createHandlers(ws: Workspace, hooks: ShellHooks): TresseApi {
  const p = () => ws.project;
  return {
    getSession: async () => ({
      project: ws.ctx ? projectInfo(ws.ctx) : null,
      recent: ws.recent(),
      lang: ws.lang,
      shell: hooks.shell,
    }),
    setLang: async ({ lang }) => {
      ws.lang = lang;
    },
    listGrids: async () => listGrids(),
    createProject: async ({ path, name, grid, coder }) =>
      ws.create(path, { grid, ...(name ? { name } : {}), ...(coder ? { coder } : {}) }),
    openProject: async ({ path, coder }) => ws.open(path, coder),
    closeProject: async () => ws.close(),
    resolveProjectPath: async ({ path }) => ws.resolveNewPath(path),
    chooseProjectPath: async ({ mode }) => (hooks.chooseProjectPath ? hooks.chooseProjectPath(mode) : null),
    switchCoder: async ({ name }) => switchCoder(p(), name),

    listSources: async () => listSources(p().db),
    getSource: async ({ id }) => getSource(p().db, id),
    importSource: async (args) => importSource(p(), args),
    updateSource: async ({ id, ...changes }) => updateSource(p(), id, changes),
    deleteSource: async ({ id }) => deleteSource(p(), id),

    listCases: async () => listCases(p().db),
    createCase: async (args) => createCase(p(), args),
    updateCase: async ({ id, ...changes }) => updateCase(p(), id, changes),
    deleteCase: async ({ id }) => deleteCase(p(), id),
    listAttributes: async ({ scope }) => listAttributes(p().db, scope),
    defineAttribute: async (args) => defineAttribute(p(), args),
    setAttributeValues: async ({ target, name, values }) => setAttributeValues(p(), target, name, values),
    linkSource: async ({ caseId, sourceId }) => linkSource(p(), caseId, sourceId),
    unlinkSource: async ({ caseId, sourceId }) => unlinkSource(p(), caseId, sourceId),

    listCodes: async () => listCodes(p().db),
    addCode: async (args) => addCode(p(), args),
    updateCode: async ({ id, changes }) => updateCode(p(), id, changes),
    moveCode: async ({ id, parentId, position }) => moveCode(p(), id, parentId, position),
    mergeCodes: async ({ fromId, intoId }) => mergeCodes(p(), fromId, intoId),
    deleteCode: async ({ id, confirm }) => deleteCode(p(), id, confirm),
    exportCodebook: async ({ format }) => exportCodebook(p().db, format),
    importCodebook: async ({ format, text }) => importCodebook(p(), format, text),

    addCoding: async (args) => addCoding(p(), args),
    removeCoding: async ({ id }) => removeCoding(p(), id),
    listCodings: async ({ sourceId }) => listCodingsOfSource(p().db, sourceId),
    retrieve: async (filter) => retrieveExcerpts(p().db, filter),
    search: async ({ query, limit, sourceKinds }) =>
      searchSources(p().db, query, { ...(limit ? { limit } : {}), ...(sourceKinds ? { sourceKinds } : {}) }),

    listMemos: async ({ target }) => listMemos(p().db, target),
    saveMemo: async (args) => saveMemo(p(), args),
    deleteMemo: async ({ id }) => deleteMemo(p(), id),
    // Teams
    ...teamHandlers(ws),
    // Confidentiality
    ...confidentialityHandlers(ws),
    // Analysis
    ...analysisHandlers(ws),
  };
}

export { API_METHODS, isApiMethod } from './api-methods.ts';

/**
 * Runs one API call and wraps the outcome for the wire. User errors keep their message key and
 * params; anything else is a bug, logged and reported without internals.
 */
export async function dispatch(api: TresseApi, method: ApiMethod, arg: unknown, ws: Workspace): Promise<ApiResult<unknown>> {
  try {
    const fn = api[method] as (a: unknown) => Promise<unknown>;
    const value = await fn(arg ?? {});
    return { ok: true, value: value ?? null };
  } catch (e) {
    // A refusal of the file system or of SQLite names the file the call was about.
    const user = isTresseError(e) ? e : systemErrorOf(e, pathOfCall(arg, ws));
    if (user) return { ok: false, error: { code: user.code, message: user.format(ws.lang), params: user.params } };
    console.error(`[tresse] ${method} failed:`, e);
    const message = new SystemError('api.internal', { detail: (e as Error)?.message ?? String(e) }).format(ws.lang);
    return { ok: false, error: { code: 'internal', message, params: {} } };
  }
}

/** The file a call is about: the path it names, else the open project. */
function pathOfCall(arg: unknown, ws: Workspace): string | undefined {
  const a = (arg ?? {}) as { path?: unknown; other?: { path?: unknown } };
  if (typeof a.path === 'string') return a.path;
  if (typeof a.other?.path === 'string') return a.other.path;
  return ws.ctx?.path;
}

// Teams: the handlers of the team methods (exchange, codebook comparison and merge, agreement).
import { readFileSync as readTeamFile } from 'node:fs';
import { basename as teamBaseName, extname as teamExt, resolve as resolveTeamPath } from 'node:path';
import { readCodebookWithWarnings, readProject } from '../exchange/refi/index.ts';
import { TresseError as TeamError } from '../i18n/error.ts';
import type { TeamOther } from './api.ts';
import { projectAgreement } from './agreement.ts';
import { agreementCsv, agreementXlsx } from './agreement-report.ts';
import { applyCodebookMerge as applyTeamMerge, sideOfCodes } from './codebook-merge.ts';
import { compareProjectCodebooks, loadCodebookSide, type CodebookComparison } from './compare-codebooks.ts';
import { comparisonHtml, comparisonXlsx } from './compare-report.ts';
import { listDisagreements, resolveDisagreement, type Resolution } from './disagreements.ts';
import { mergeSnapshot } from './merge-project.ts';
import type { TeamWarning } from './merge-warnings.ts';
import { readProjectCopy } from './project-copy.ts';
import { exportQdc, exportQdpx, importQdc, importQdpx } from './refi.ts';
import { snapshotProject, type RichCode, type RichSnapshot } from './refi-snapshot.ts';

type TeamMethods = Pick<
  TresseApi,
  | 'exportQdpx' | 'exportQdc' | 'importQdpx' | 'importQdc' | 'compareCodebooks' | 'exportComparison' | 'applyCodebookMerge'
  | 'mergeProject' | 'computeAgreement' | 'exportAgreement' | 'listDisagreements' | 'resolveDisagreement'
>;

/** The other side as a file name and its bytes, or a .tresse project read from a copy. */
type LoadedOther = { label: string; ext: string; bytes: Uint8Array } | { label: string; ext: '.tresse'; snapshot: RichSnapshot };

function loadOther(ws: Workspace, other: TeamOther, allowed: readonly string[]): LoadedOther {
  const name = 'path' in other ? teamBaseName(other.path) : teamBaseName(other.fileName);
  const ext = teamExt(name).toLowerCase();
  // A project cannot be on the other side of its own merge: the copy would be itself.
  if (!allowed.includes(ext) || ('bytes' in other && ext === '.tresse')) {
    throw new TeamError('team.fileKind', { file: name, expected: allowed.join(', ') });
  }
  if ('bytes' in other) return { label: name, ext, bytes: other.bytes };
  const path = resolveTeamPath(other.path);
  if (path === resolveTeamPath(ws.project.path)) throw new TeamError('team.sameProject', { file: name });
  if (ext === '.tresse') return { label: name, ext: '.tresse', snapshot: readProjectCopy(path, snapshotProject) };
  try {
    return { label: name, ext, bytes: new Uint8Array(readTeamFile(path)) };
  } catch {
    throw new TeamError('project.notFound', { path });
  }
}

/** Their codes, read the same way for the comparison shown and for the merge applied, so decision ids match. */
function otherCodes(ws: Workspace, other: TeamOther): { label: string; codes: RichCode[]; warnings: TeamWarning[] } {
  const o = loadOther(ws, other, ['.tresse', '.qdc', '.qdpx']);
  if ('snapshot' in o) return { label: o.label, codes: o.snapshot.codes, warnings: [] };
  if (o.ext === '.qdc') return { label: o.label, ...readCodebookWithWarnings(o.bytes, o.label) };
  const { snapshot, warnings } = readProject(o.bytes, { fileName: o.label });
  return { label: o.label, codes: snapshot.codes, warnings };
}

function compareWithOther(ws: Workspace, other: TeamOther): CodebookComparison {
  const theirs = otherCodes(ws, other);
  return compareProjectCodebooks(loadCodebookSide(ws.project.db), { label: theirs.label, ...sideOfCodes(theirs.codes), warnings: theirs.warnings });
}

function teamHandlers(ws: Workspace): TeamMethods {
  const p = () => ws.project;
  return {
    exportQdpx: async () => exportQdpx(p().db),
    exportQdc: async () => exportQdc(p().db),
    importQdpx: async ({ fileName, bytes }) => importQdpx(p(), bytes, { fileName }),
    importQdc: async ({ fileName, bytes }) => importQdc(p(), bytes, [], fileName),
    compareCodebooks: async ({ other }) => compareWithOther(ws, other),
    exportComparison: async ({ other, format }) => {
      const cmp = compareWithOther(ws, other);
      return format === 'html' ? new TextEncoder().encode(comparisonHtml(cmp, ws.lang)) : comparisonXlsx(cmp, ws.lang);
    },
    applyCodebookMerge: async ({ other, decisions }) => {
      const { codes, warnings } = otherCodes(ws, other);
      const { diff: _diff, plan: _plan, ...counts } = applyTeamMerge(p(), codes, decisions);
      return { ...counts, warnings };
    },
    mergeProject: async ({ other, decisions = [] }) => {
      const o = loadOther(ws, other, ['.tresse', '.qdpx']);
      return 'snapshot' in o ? mergeSnapshot(p(), o.snapshot, decisions) : importQdpx(p(), o.bytes, { fileName: o.label, decisions });
    },
    computeAgreement: async (query) => projectAgreement(p().db, query),
    exportAgreement: async ({ format, ...query }) => {
      const report = projectAgreement(p().db, query);
      return format === 'csv' ? new TextEncoder().encode(agreementCsv(report, ws.lang)) : agreementXlsx(report, ws.lang);
    },
    listDisagreements: async (query) => listDisagreements(p().db, query),
    resolveDisagreement: async ({ id, action, coder, note, ...query }) => {
      const item = listDisagreements(p().db, query).find((d) => d.id === id);
      if (!item) throw new TeamError('team.disagreementNotFound', { id });
      const resolution: Resolution =
        action === 'accept'
          ? { action, item, coder: coder ?? '' }
          : action === 'discuss'
            ? { action, item, note: note ?? '' }
            : { action, item, ...(note ? { note } : {}) };
      return resolveDisagreement(p(), resolution);
    },
  };
}

// Confidentiality: the handlers of the pseudonym table, source correction and backups.
import { TresseError as PrivacyError } from '../i18n/error.ts';
import type { PseudonymRow } from './api.ts';
import { backupDirOf, backupProject, DEFAULT_KEEP, deleteAllBackups, deleteBackups, listBackups, restoreBackup } from './backup.ts';
import { applySourceEdit, previewSourceEdit } from './edit-source.ts';
import { applyPseudonyms, previewPseudonyms } from './pseudonymise.ts';
import {
  deletePseudonym,
  forgetRealNames,
  getPseudonym,
  listPseudonyms as listPseudonymEntries,
  parsePseudonymMap,
  savePseudonyms,
  type PseudonymInput,
} from './pseudonyms.ts';
import { scrubOldText } from './scrub.ts';
import type { ProjectContext } from './context.ts';

type PrivacyMethods = Pick<
  TresseApi,
  | 'listPseudonyms' | 'savePseudonyms' | 'updatePseudonym' | 'deletePseudonym' | 'importPseudonyms' | 'previewPseudonyms'
  | 'applyPseudonyms' | 'forgetRealNames' | 'previewSourceEdit' | 'applySourceEdit' | 'listBackups' | 'backupNow' | 'restoreBackup'
  | 'deleteBackup' | 'deleteAllBackups' | 'setBackupInterval'
>;

function pseudonymInput(row: PseudonymRow): PseudonymInput {
  // A case travels as its number, which resolveCase reads like the command line's --case.
  return { realName: row.realName, pseudonym: row.pseudonym, case: row.caseId ? String(row.caseId) : null };
}

/** A person not yet applied is replaced as a whole (the table has no partial update), all or none. */
function updatePseudonymRow(ctx: ProjectContext, id: number, row: PseudonymRow) {
  return ctx.db.transaction(() => {
    const old = getPseudonym(ctx.db, id);
    if (old.appliedAt !== null || old.realName === null) throw new PrivacyError('pseudonym.applied', { pseudonym: old.pseudonym });
    deletePseudonym(ctx, id);
    return savePseudonyms(ctx, [pseudonymInput(row)])[0]!;
  })();
}

/**
 * Restoring replaces the project file, which needs the project closed (restoreBackup takes its
 * lock). The backup must be one of this project's; the project is reopened afterwards whether the
 * restore worked or not, as the same coder.
 */
function restoreInWorkspace(ws: Workspace, file: string) {
  const { path, coder } = ws.project;
  if (!listBackups(path).some((b) => b.file === file)) throw new PrivacyError('backup.notFound', { file });
  ws.close();
  let outcome: { previous: string | null } | null = null;
  let failure: unknown = null;
  try {
    outcome = restoreBackup(path, file);
  } catch (e) {
    failure = e;
  }
  const project = ws.open(path, coder.name);
  if (failure !== null || !outcome) throw failure;
  return { project, previous: outcome.previous };
}

function confidentialityHandlers(ws: Workspace): PrivacyMethods {
  const p = () => ws.project;
  const backupList = () => ({ dir: backupDirOf(p().path), backups: listBackups(p().path), everyMinutes: ws.backupMinutes(), keep: DEFAULT_KEEP });
  return {
    listPseudonyms: async () => listPseudonymEntries(p().db),
    savePseudonyms: async ({ entries }) => savePseudonyms(p(), entries.map(pseudonymInput)),
    updatePseudonym: async ({ id, ...row }) => updatePseudonymRow(p(), id, row),
    deletePseudonym: async ({ id }) => deletePseudonym(p(), id),
    importPseudonyms: async ({ fileName, text }) => savePseudonyms(p(), parsePseudonymMap(text, fileName)),
    previewPseudonyms: async () => previewPseudonyms(p().db),
    applyPseudonyms: async ({ accept }) => {
      const result = applyPseudonyms(p(), { accept });
      return { ...result, backups: { dir: backupDirOf(p().path), count: listBackups(p().path).length } };
    },
    forgetRealNames: async () => {
      const forgotten = forgetRealNames(p());
      // As the command line does: no copy of the old text may linger in the file's free pages or index.
      scrubOldText(p());
      return { forgotten };
    },
    previewSourceEdit: async ({ sourceId, text }) => previewSourceEdit(p(), sourceId, text),
    applySourceEdit: async ({ sourceId, text, confirmRemoval }) => applySourceEdit(p(), sourceId, text, { confirmRemoval: !!confirmRemoval }),
    listBackups: async () => backupList(),
    backupNow: async () => backupProject(p()),
    restoreBackup: async ({ file }) => restoreInWorkspace(ws, file),
    deleteBackup: async ({ file }) => {
      deleteBackups(p().path, [file]);
      return backupList();
    },
    deleteAllBackups: async () => {
      deleteAllBackups(p().path);
      return backupList();
    },
    setBackupInterval: async ({ minutes }) => ws.setBackupMinutes(minutes),
  };
}

// Analysis: the handlers of the matrices, their annotations, pictures and exports.
import { getQuestion } from '../analysis/matrix/questions.ts';
import { TresseError as AnalysisError } from '../i18n/error.ts';
import {
  addQuestion,
  analysisGrid,
  cellExcerpts,
  codebookUsage,
  computeMatrix,
  exportMatrices,
  kindColumns,
  listQuestions,
  picturesFor,
  removeQuestion,
  resetKindColumns,
  setCellSynthesis,
  setKindColumn,
  setQuestionCodes,
  setRowVerdict,
} from './analysis.ts';

type AnalysisMethods = Pick<
  TresseApi,
  | 'computeMatrix' | 'matrixCellExcerpts' | 'setCellSynthesis' | 'setRowVerdict' | 'listQuestions' | 'saveQuestion' | 'deleteQuestion'
  | 'listKindColumns' | 'setKindColumn' | 'resetKindColumns' | 'matrixPictures' | 'exportMatrix'
>;

/** A question renamed and given its codes in one transaction; the service has no rename, the name is a plain column. */
function updateQuestion(ctx: ProjectContext, id: number, name: string, codeIds: number[]) {
  return ctx.db.transaction(() => {
    const wanted = name.trim();
    if (!wanted) throw new AnalysisError('value.invalid', { field: 'name', value: name });
    const clash = ctx.db.prepare('SELECT id FROM research_questions WHERE name = ? COLLATE NOCASE AND id <> ?').get(wanted, id);
    if (clash) throw new AnalysisError('question.exists', { name: wanted });
    getQuestion(ctx.db, id);
    ctx.db.prepare('UPDATE research_questions SET name = ? WHERE id = ?').run(wanted, id);
    return setQuestionCodes(ctx, id, codeIds);
  })();
}

function analysisHandlers(ws: Workspace): AnalysisMethods {
  const p = () => ws.project;
  return {
    computeMatrix: async (req) => computeMatrix(p().db, req, ws.lang),
    matrixCellExcerpts: async ({ request, rowKey, columnKey, offset, limit }) =>
      cellExcerpts(p().db, request, rowKey, columnKey, { ...(offset !== undefined ? { offset } : {}), ...(limit !== undefined ? { limit } : {}) }),
    setCellSynthesis: async ({ grid, rowKey, columnKey, text }) => setCellSynthesis(p(), grid, rowKey, columnKey, text, ws.lang),
    setRowVerdict: async ({ grid, rowKey, verdict, note }) => {
      const { dimension: _dimension, ...done } = setRowVerdict(p(), grid, rowKey, verdict, note ?? '', ws.lang);
      return done;
    },
    listQuestions: async () => listQuestions(p().db),
    saveQuestion: async ({ id, name, codeIds }) => (id === undefined ? addQuestion(p(), { name, codeIds }) : updateQuestion(p(), id, name, codeIds)),
    deleteQuestion: async ({ id }) => removeQuestion(p(), id),
    listKindColumns: async () => kindColumns(p().db),
    setKindColumn: async ({ kind, label }) => setKindColumn(p(), kind, label),
    resetKindColumns: async () => resetKindColumns(p()),
    matrixPictures: async (req) => {
      const m = computeMatrix(p().db, { ...req, excerptIds: false }, ws.lang);
      return picturesFor(m, ws.lang, m.type === 'frequencies' ? codebookUsage(p().db, m.filter) : undefined);
    },
    exportMatrix: async ({ request, format, all }) => {
      const db = p().db;
      const grid = request.type === 'triangulation' || request.type === 'participant';
      const matrices = all
        ? analysisGrid(db, { rows: request.rows ?? 'codes', ...(request.filter ? { filter: request.filter } : {}) }, ws.lang)
        : [computeMatrix(db, { ...request, excerptIds: true, ...(grid ? { valences: true } : {}) }, ws.lang)];
      const out = await exportMatrices(db, matrices, format, { lang: ws.lang });
      return typeof out === 'string' ? new TextEncoder().encode(out) : out;
    },
  };
}
