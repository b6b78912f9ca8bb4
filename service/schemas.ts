// What each API method accepts, checked at the boundary (Electron IPC, browser-mode HTTP) before
// anything reaches the service layer: a compromised or buggy page can only send values of the
// right shape. The compile-time check at the bottom keeps these schemas in step with TresseApi.
import { z } from 'zod';
import { isTresseError, TresseError } from '../i18n/error.ts';
import type { Lang } from '../i18n/lang.ts';
import { ATTRIBUTE_TYPES, SEGMENT_KINDS, SOURCE_KINDS } from '../model/types.ts';
import type { ApiMethod, ApiResult, TresseApi } from './api.ts';
import { dispatch } from './handlers.ts';
import { checkPaths, UNRESTRICTED, type PathPolicy } from './path-policy.ts';
import type { Workspace } from './workspace.ts';

const id = z.number().int().positive();
const position = z.number().int().nonnegative();
/** Names, titles, paths: generous, but not unbounded. */
const shortText = z.string().max(4_096);
/** Memos, definitions, codebooks: long text. */
const longText = z.string().max(50_000_000);
const nonEmpty = shortText.min(1);
const lang = z.enum(['fr', 'en']);
const sourceKind = z.enum(SOURCE_KINDS);
const attributeScope = z.enum(['case', 'source']);
const attributeValue = z.union([z.string().max(100_000), z.number(), z.boolean()]);
const noArgument = z.strictObject({}).optional();

const memoTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('project') }),
  z.strictObject({ kind: z.literal('source'), id }),
  z.strictObject({ kind: z.literal('case'), id }),
  z.strictObject({ kind: z.literal('code'), id }),
  z.strictObject({ kind: z.literal('coding'), id }),
]);

const codeChanges = z.strictObject({
  name: shortText.optional(),
  abbrev: shortText.nullable().optional(),
  color: shortText.optional(),
  definition: longText.optional(),
  inclusion: longText.optional(),
  exclusion: longText.optional(),
  example: longText.optional(),
  codable: z.boolean().optional(),
});

export const apiSchemas = {
  getSession: noArgument,
  setLang: z.strictObject({ lang }),
  listGrids: noArgument,
  createProject: z.strictObject({ path: nonEmpty, name: shortText.optional(), grid: nonEmpty, coder: shortText.optional() }),
  openProject: z.strictObject({ path: nonEmpty, coder: shortText.optional() }),
  closeProject: noArgument,
  resolveProjectPath: z.strictObject({ path: nonEmpty }),
  chooseProjectPath: z.strictObject({ mode: z.enum(['open', 'create']) }),
  switchCoder: z.strictObject({ name: nonEmpty }),

  listSources: noArgument,
  getSource: z.strictObject({ id }),
  importSource: z.strictObject({
    fileName: nonEmpty,
    bytes: z.instanceof(Uint8Array),
    kind: sourceKind,
    name: shortText.optional(),
    caseIds: z.array(id).max(10_000).optional(),
    turnPatterns: z.array(shortText).max(100).optional(),
  }),
  updateSource: z.strictObject({ id, name: shortText.optional(), kind: sourceKind.optional() }),
  deleteSource: z.strictObject({ id }),

  listCases: noArgument,
  createCase: z.strictObject({ name: shortText, description: longText.optional() }),
  updateCase: z.strictObject({ id, name: shortText.optional(), description: longText.optional() }),
  deleteCase: z.strictObject({ id }),
  listAttributes: z.strictObject({ scope: attributeScope.optional() }).default({}),
  defineAttribute: z.strictObject({
    name: nonEmpty,
    type: z.enum(ATTRIBUTE_TYPES),
    scope: attributeScope.optional(),
    multi: z.boolean().optional(),
  }),
  setAttributeValues: z.strictObject({
    target: z.union([z.strictObject({ caseId: id }), z.strictObject({ sourceId: id })]),
    name: nonEmpty,
    values: z.array(attributeValue).max(10_000),
  }),
  linkSource: z.strictObject({ caseId: id, sourceId: id }),
  unlinkSource: z.strictObject({ caseId: id, sourceId: id }),

  listCodes: noArgument,
  addCode: z.strictObject({
    name: shortText,
    parentId: id.nullable().optional(),
    abbrev: shortText.nullable().optional(),
    color: shortText.optional(),
    definition: longText.optional(),
    codable: z.boolean().optional(),
    guid: shortText.optional(),
  }),
  updateCode: z.strictObject({ id, changes: codeChanges }),
  moveCode: z.strictObject({ id, parentId: id.nullable(), position: position.optional() }),
  mergeCodes: z.strictObject({ fromId: id, intoId: id }),
  deleteCode: z.strictObject({ id, confirm: z.boolean().optional() }),
  exportCodebook: z.strictObject({ format: z.enum(['json', 'csv']) }),
  importCodebook: z.strictObject({ format: z.enum(['json', 'csv']), text: longText }),

  addCoding: z
    .strictObject({
      sourceId: id,
      codeId: id,
      start: position,
      end: position,
      valence: z.enum(['+', '-']).nullable().optional(),
      segmentKind: z.enum(SEGMENT_KINDS).optional(),
      memo: longText.nullable().optional(),
      guid: shortText.optional(),
    })
    .refine((c) => c.end > c.start, { path: ['end'], message: 'end must be after start' }),
  removeCoding: z.strictObject({ id }),
  listCodings: z.strictObject({ sourceId: id }),
  retrieve: z.strictObject({
    codeId: id,
    includeSubcodes: z.boolean().optional(),
    sourceKinds: z.array(sourceKind).optional(),
    coderIds: z.array(id).max(1_000).optional(),
    caseAttribute: z.strictObject({ name: nonEmpty, values: z.array(attributeValue).max(10_000) }).optional(),
  }),
  search: z.strictObject({
    query: z.string().max(10_000),
    limit: z.number().int().positive().max(100_000).optional(),
    sourceKinds: z.array(sourceKind).optional(),
  }),

  listMemos: z.strictObject({ target: memoTarget.optional() }).default({}),
  saveMemo: z.strictObject({
    id: id.optional(),
    target: memoTarget,
    title: shortText.optional(),
    text: longText,
    richText: longText.nullable().optional(),
  }),
  deleteMemo: z.strictObject({ id }),

  // Teams
  exportQdpx: noArgument,
  exportQdc: noArgument,
  importQdpx: z.strictObject({ fileName: nonEmpty, bytes: z.instanceof(Uint8Array) }),
  importQdc: z.strictObject({ fileName: nonEmpty, bytes: z.instanceof(Uint8Array) }),
  compareCodebooks: z.strictObject({ other: teamOther() }),
  exportComparison: z.strictObject({ other: teamOther(), format: z.enum(['html', 'xlsx']) }),
  applyCodebookMerge: z.strictObject({ other: teamOther(), decisions: teamDecisions() }),
  mergeProject: z.strictObject({ other: teamOther(), decisions: teamDecisions().optional() }),
  computeAgreement: z.strictObject({ ...reviewQuery(), unit: agreementUnit() }),
  exportAgreement: z.strictObject({ ...reviewQuery(), unit: agreementUnit(), format: z.enum(['csv', 'xlsx']) }),
  listDisagreements: z.strictObject(reviewQuery()),
  resolveDisagreement: z.strictObject({
    ...reviewQuery(),
    id: nonEmpty,
    action: z.enum(['accept', 'keep-both', 'discuss']),
    coder: nonEmpty.optional(),
    note: longText.optional(),
  }),

  // Confidentiality
  listPseudonyms: noArgument,
  savePseudonyms: z.strictObject({ entries: z.array(z.strictObject(pseudonymRow())).min(1).max(100_000) }),
  updatePseudonym: z.strictObject({ id, ...pseudonymRow() }),
  deletePseudonym: z.strictObject({ id }),
  importPseudonyms: z.strictObject({ fileName: nonEmpty, text: longText }),
  previewPseudonyms: noArgument,
  applyPseudonyms: z.strictObject({ accept: z.array(shortText).max(10_000_000) }),
  forgetRealNames: noArgument,
  previewSourceEdit: z.strictObject({ sourceId: id, text: longText }),
  applySourceEdit: z.strictObject({ sourceId: id, text: longText, confirmRemoval: z.boolean().optional() }),
  listBackups: noArgument,
  backupNow: noArgument,
  restoreBackup: z.strictObject({ file: backupFileName() }),
  deleteBackup: z.strictObject({ file: backupFileName() }),
  deleteAllBackups: noArgument,
  setBackupInterval: z.strictObject({ minutes: z.number().int().min(1).max(24 * 60) }),

  // Analysis
  ...analysisSchemas(),
} satisfies Record<ApiMethod, z.ZodType>;

/**
 * The argument of `method` checked against its schema, or a TresseError('value.invalid') naming
 * the first offending field, so the user sees which value was refused.
 */
export function validateArgument(method: ApiMethod, arg: unknown): unknown {
  const result = apiSchemas[method].safeParse(arg);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? `${method}.${issue.path.join('.')}` : method;
  throw new TresseError('value.invalid', { field, value: describeValue(valueAt(arg, issue?.path ?? [])) });
}

/**
 * The one check of a call from the page, for both shells: its argument against the schema, then
 * any path in it against the shell's policy (service/path-policy.ts). Returns the argument to
 * dispatch, its path made absolute; throws the TresseError the user is shown.
 */
export function checkCall(method: ApiMethod, arg: unknown, ws: Workspace, paths: PathPolicy): unknown {
  return checkPaths(method, validateArgument(method, arg), ws, paths);
}

/**
 * What both shells do with a call from the page: check it, then dispatch it. Without a policy,
 * paths are not restricted: that is the command line's case and the service tests'; the desktop
 * and the browser mode always give theirs.
 */
export async function callApi(api: TresseApi, ws: Workspace, method: ApiMethod, arg: unknown, paths: PathPolicy = UNRESTRICTED): Promise<ApiResult<unknown>> {
  let checked: unknown;
  try {
    checked = checkCall(method, arg, ws, paths);
  } catch (e) {
    if (isTresseError(e)) return errorResult(e, ws.lang);
    throw e;
  }
  return dispatch(api, method, checked, ws);
}

export function errorResult(e: TresseError, lang: Lang): ApiResult<never> {
  return { ok: false, error: { code: e.code, message: e.format(lang), params: e.params } };
}

function valueAt(arg: unknown, path: readonly PropertyKey[]): unknown {
  let v = arg;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function describeValue(v: unknown): string {
  if (v === undefined) return '(absent)';
  if (v instanceof Uint8Array) return `(${v.length} octets)`;
  const text = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

// Each schema's output must be accepted by the method it guards; methods without an argument
// accept nothing or an empty object.
type ArgumentOf<M extends ApiMethod> = Parameters<TresseApi[M]> extends [] ? {} | undefined : Parameters<TresseApi[M]>[0];
type Mismatched = {
  [M in ApiMethod]: z.output<(typeof apiSchemas)[M]> extends ArgumentOf<M> ? never : M;
}[ApiMethod];
const schemasMatchApi: [Mismatched] extends [never] ? true : Mismatched = true;
void schemasMatchApi;

// Teams: pieces of the team methods' schemas (functions, so apiSchemas above can use them).
function teamOther() {
  return z.union([z.strictObject({ fileName: nonEmpty, bytes: z.instanceof(Uint8Array) }), z.strictObject({ path: nonEmpty })]);
}
function teamDecisions() {
  return z.array(z.strictObject({ id: shortText, choice: z.enum(['add', 'ignore', 'mine', 'theirs', 'map', 'distinct']) })).max(100_000);
}
function reviewQuery() {
  return {
    coders: z.array(nonEmpty).min(2).max(30),
    codeRef: nonEmpty.optional(),
    overlapThreshold: z.number().gt(0).max(1).optional(),
  };
}
function agreementUnit() {
  return z.enum(['character', 'segment', 'document']);
}

// Confidentiality: pieces of the confidentiality methods' schemas.
function pseudonymRow() {
  return { realName: nonEmpty, pseudonym: nonEmpty, caseId: id.nullable().optional() };
}
/** A backup is named by its file name in the project's backup folder: no path, nothing outside it. */
function backupFileName() {
  return nonEmpty.regex(/^[^/\\]+\.tresse$/).refine((f) => f !== '..' && !f.startsWith('.'));
}

// Analysis: the schemas of the matrix methods (a function, so apiSchemas above can spread it).
import { MATRIX_TYPES, VERDICTS } from '../analysis/matrix/types.ts';

function analysisSchemas() {
  const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
  const columnSpec = z.discriminatedUnion('by', [
    z.strictObject({ by: z.literal('kind') }),
    z.strictObject({ by: z.literal('attribute'), scope: attributeScope, name: nonEmpty }),
    z.strictObject({ by: z.literal('source') }),
    z.strictObject({ by: z.literal('total') }),
  ]);
  const filter = z.strictObject({
    coderIds: z.array(id).max(1_000).optional(),
    sourceKinds: z.array(sourceKind).optional(),
    caseAttributes: z.array(z.strictObject({ name: nonEmpty, values: z.array(attributeValue).max(10_000) })).max(100).optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    dateAttribute: nonEmpty.optional(),
  });
  const request = z.strictObject({
    type: z.enum(MATRIX_TYPES),
    rows: z.enum(['codes', 'themes', 'questions']).optional(),
    columns: columnSpec.optional(),
    filter: filter.optional(),
    caseId: id.optional(),
    rowKeys: z.array(shortText).max(100_000).optional(),
    excerptIds: z.boolean().optional(),
    valences: z.boolean().optional(),
  });
  const grid = z.strictObject({ caseId: id.optional(), columns: columnSpec.optional() });
  const page = z.number().int().nonnegative().max(10_000_000);
  return {
    computeMatrix: request,
    matrixCellExcerpts: z.strictObject({ request, rowKey: nonEmpty, columnKey: nonEmpty, offset: page.optional(), limit: page.optional() }),
    setCellSynthesis: z.strictObject({ grid, rowKey: nonEmpty, columnKey: nonEmpty, text: longText }),
    setRowVerdict: z.strictObject({ grid, rowKey: nonEmpty, verdict: z.enum(VERDICTS).nullable(), note: longText.optional() }),
    listQuestions: noArgument,
    saveQuestion: z.strictObject({ id: id.optional(), name: nonEmpty, codeIds: z.array(id).min(1).max(10_000) }),
    deleteQuestion: z.strictObject({ id }),
    listKindColumns: noArgument,
    setKindColumn: z.strictObject({ kind: sourceKind, label: nonEmpty }),
    resetKindColumns: noArgument,
    matrixPictures: request,
    exportMatrix: z.strictObject({ request, format: z.enum(['xlsx', 'docx', 'csv', 'html']), all: z.boolean().optional() }),
  };
}
