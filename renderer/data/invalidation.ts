// The one table of what each API method changes, as the queries to fetch again: a coding changes
// the codes' counts, the retrieval, the matrices and the agreement, and nothing else (its source's
// codings are written from the answer, answers.ts, not fetched again). Every method is listed (reads change nothing), so a method added to the API does
// not compile until someone says what it touches. The undo history's `affects` goes through the
// same table (affectsInvalidation).
import type { ApiMethod } from '../../service/contract/index.ts';
import type { Affects } from '../coding/history.ts';
import { apiKey, type ApiKey, type ArgsOf, type ResultOf } from './keys.ts';

/**
 * Queries whose key starts with one of these are fetched again; 'everything' refetches every query
 * (the project's content changed throughout); 'project' empties the cache, because another project
 * (or a restored copy) is open and nothing from before may be shown, even for a moment.
 */
export type Invalidation = readonly ApiKey[] | 'everything' | 'project';

const NOTHING: Invalidation = [];
const MATRICES: ApiKey[] = [['computeMatrix'], ['matrixCellExcerpts'], ['matrixPictures']];
const AGREEMENT: ApiKey[] = [['computeAgreement'], ['listDisagreements']];
/** Done marks choose the sources agreement compares. */
const DONE_MARKS: ApiKey[] = [['listDoneMarks'], ...AGREEMENT];
/** Code suggestions learn from the codings and the codes' definitions, and skip codes a passage has. */
const SUGGESTIONS: ApiKey[] = [['suggestCodes'], ['suggestForSource'], ['evaluateSuggestions']];
/** What reads codings, besides the codings of each source. */
const CODING_READERS: ApiKey[] = [
  ['listCodes'],
  ['listSources'],
  ['retrieve'],
  ['retrievePage'],
  ['similarPassages'],
  ...MATRICES,
  ...AGREEMENT,
  ...SUGGESTIONS,
];
/**
 * A coding added, removed or extended: its source's cached codings already hold the answer
 * (answers.ts writes it as it comes), so only what counts or quotes codings is fetched again.
 */
const CODINGS_WRITTEN: ApiKey[] = CODING_READERS;
/** Codes renamed, moved, merged or deleted: codings move with them, questions lose them. */
const CODEBOOK: ApiKey[] = [['listCodings'], ['listQuestions'], ['listSets'], ...CODING_READERS];
const SOURCES: ApiKey[] = [['getSource'], ['listCodings'], ['listCases'], ['listSets'], ['search'], ['previewSourceEdit'], ...CODING_READERS];
/** Sets filter retrieval and the matrices. */
const SETS: ApiKey[] = [['listSets'], ['retrieve'], ['retrievePage'], ...MATRICES];
/** Agreement between coders' ratings, read from case attributes. */
const RATINGS: ApiKey[] = [['ratingAgreement']];
const CASES: ApiKey[] = [['listCases'], ['listSources'], ['listPseudonyms'], ['retrieve'], ['retrievePage'], ...MATRICES, ...RATINGS];
const ATTRIBUTES: ApiKey[] = [['listAttributes'], ['listCases'], ['retrieve'], ['retrievePage'], ...MATRICES, ...RATINGS];
const PSEUDONYMS: ApiKey[] = [['listPseudonyms'], ['previewPseudonyms']];
const BACKUPS: ApiKey[] = [['listBackups']];

type Table = { [M in ApiMethod]: (args: ArgsOf<M>, result: ResultOf<M>) => Invalidation };

export const INVALIDATES: Table = {
  // Session and projects
  getSession: () => NOTHING,
  // The service words its answers (default column labels, messages) in the new language.
  setLang: () => 'everything',
  listGrids: () => NOTHING,
  createProject: () => 'project',
  openProject: () => 'project',
  closeProject: () => 'project',
  resolveProjectPath: () => NOTHING,
  chooseProjectPath: () => NOTHING,
  switchCoder: () => [['getSession'], ['listCodings'], ...AGREEMENT, ...MATRICES],
  getCitationFormat: () => NOTHING,
  // Every excerpt carries its citation; exports read the format when they are made.
  setCitationFormat: () => [['getCitationFormat'], ['retrieve'], ['retrievePage'], ['matrixCellExcerpts']],
  getTextLanguage: () => NOTHING,
  // Searches read the word forms of the project's language.
  setTextLanguage: () => [['getTextLanguage'], ['search']],

  // Sources
  listSources: () => NOTHING,
  getSource: () => NOTHING,
  guessImport: () => NOTHING,
  // With no done marks, agreement compares every source: a new one enters it.
  importSource: () => [['listSources'], ['listCases'], ['search'], ['similarPassages'], ...MATRICES, ...AGREEMENT],
  updateSource: (a) => [apiKey('getSource', { id: a.id }), ['listSources'], ['retrieve'], ['retrievePage'], ['search'], ...MATRICES, ...AGREEMENT],
  deleteSource: () => [...SOURCES, ['listMemos'], ['listDoneMarks']],

  // Sets of sources and of codes
  listSets: () => NOTHING,
  findSet: () => NOTHING,
  createSet: () => SETS,
  updateSet: () => SETS,
  deleteSet: () => SETS,
  addSetMembers: () => SETS,
  removeSetMembers: () => SETS,

  // Cases and attributes
  listCases: () => NOTHING,
  createCase: () => CASES,
  updateCase: () => CASES,
  deleteCase: () => [...CASES, ['listMemos']],
  listAttributes: () => NOTHING,
  defineAttribute: () => ATTRIBUTES,
  setAttributeValues: () => [...ATTRIBUTES, ['listSources']],
  // A renamed attribute carries its matrix syntheses and verdicts: the matrices are in ATTRIBUTES.
  renameAttribute: () => [...ATTRIBUTES, ['listSources']],
  retypeAttribute: (a) => (a.preview ? NOTHING : [...ATTRIBUTES, ['listSources']]),
  deleteAttribute: () => [...ATTRIBUTES, ['listSources']],
  linkSource: () => CASES,
  unlinkSource: () => CASES,

  // Codebook
  listCodes: () => NOTHING,
  addCode: () => [['listCodes'], ...MATRICES],
  updateCode: () => CODEBOOK,
  moveCode: () => CODEBOOK,
  mergeCodes: () => [...CODEBOOK, ['listMemos']],
  deleteCode: () => [...CODEBOOK, ['listMemos']],
  exportCodebook: () => NOTHING,
  importCodebook: () => [['listCodes'], ...MATRICES, ...SUGGESTIONS],

  // Coding and retrieval
  addCoding: () => CODINGS_WRITTEN,
  removeCoding: () => CODINGS_WRITTEN,
  addCodings: () => CODINGS_WRITTEN,
  removeCodings: () => CODINGS_WRITTEN,
  // A new code and its coding: the code is written into listCodes too, fetched again for its place.
  addCodeAndCoding: () => CODINGS_WRITTEN,
  removeCodeAndCoding: () => [...CODEBOOK, ['listMemos']],
  // The union takes the memos of the codings it replaces, and gives them back on undo.
  extendCoding: () => [...CODINGS_WRITTEN, ['listMemos']],
  undoExtendCoding: () => [...CODINGS_WRITTEN, ['listMemos']],
  listCodings: () => NOTHING,
  suggestCodes: () => NOTHING,
  suggestForSource: () => NOTHING,
  evaluateSuggestions: () => NOTHING,
  // A coding like addCoding's (its answer is written into the source's codings, answers.ts).
  acceptSuggestion: () => CODINGS_WRITTEN,
  dismissSuggestion: () => SUGGESTIONS,
  retrieve: () => NOTHING,
  retrievePage: () => NOTHING,
  search: () => NOTHING,
  similarPassages: () => NOTHING,

  // Memos
  listMemos: () => NOTHING,
  // Excerpts carry their coding's memo.
  saveMemo: () => [['listMemos'], ['retrieve'], ['retrievePage']],
  deleteMemo: () => [['listMemos'], ['retrieve'], ['retrievePage']],

  // Teams
  exportQdpx: () => NOTHING,
  exportQdc: () => NOTHING,
  importQdpx: () => 'everything',
  exchangeReport: () => NOTHING,
  importQdc: () => [['listCodes'], ...MATRICES],
  compareCodebooks: () => NOTHING,
  exportComparison: () => NOTHING,
  applyCodebookMerge: () => [...CODEBOOK, ['compareCodebooks']],
  mergeProject: () => 'everything',
  computeAgreement: () => NOTHING,
  exportAgreement: () => NOTHING,
  listDoneMarks: () => NOTHING,
  setSourceDone: () => DONE_MARKS,
  ratingAgreement: () => NOTHING,
  listDisagreements: () => NOTHING,
  resolveDisagreement: () => [['listCodings'], ...CODING_READERS],

  // Confidentiality
  listPseudonyms: () => NOTHING,
  savePseudonyms: () => PSEUDONYMS,
  updatePseudonym: () => PSEUDONYMS,
  deletePseudonym: () => PSEUDONYMS,
  importPseudonyms: () => PSEUDONYMS,
  previewPseudonyms: () => NOTHING,
  // Names are rewritten in every text the project holds.
  applyPseudonyms: () => 'everything',
  forgetRealNames: () => 'everything',
  previewSourceEdit: () => NOTHING,
  applySourceEdit: (a) => [
    apiKey('getSource', { id: a.sourceId }),
    apiKey('listCodings', { sourceId: a.sourceId }),
    ['previewSourceEdit'],
    ['search'],
    ...CODING_READERS,
  ],
  listBackups: () => NOTHING,
  backupNow: () => BACKUPS,
  restoreBackup: () => 'project',
  deleteBackup: () => BACKUPS,
  deleteAllBackups: () => BACKUPS,
  setBackupInterval: () => BACKUPS,

  // Analysis
  computeMatrix: () => NOTHING,
  matrixCellExcerpts: () => NOTHING,
  setCellSynthesis: () => MATRICES,
  setRowVerdict: () => MATRICES,
  listQuestions: () => NOTHING,
  saveQuestion: () => [['listQuestions'], ...MATRICES],
  deleteQuestion: () => [['listQuestions'], ...MATRICES],
  listKindColumns: () => NOTHING,
  setKindColumn: () => [['listKindColumns'], ...MATRICES],
  resetKindColumns: () => [['listKindColumns'], ...MATRICES],
  matrixPictures: () => NOTHING,
  exportMatrix: () => NOTHING,
  analysisGrid: () => NOTHING,
  pictureToPng: () => NOTHING,

  // What the command line asks: names typed by the user, resolved; files it names directly.
  findCase: () => NOTHING,
  findCode: () => NOTHING,
  findCoder: () => NOTHING,
  findMatrixColumns: () => NOTHING,
  findMatrixRow: () => NOTHING,
  findQuestion: () => NOTHING,
  findSource: () => NOTHING,
  locatePassage: () => NOTHING,
  compareCodebookFiles: () => NOTHING,
  exportCodebookFileComparison: () => NOTHING,
  // Another project is open afterwards, or a closed one replaced: nothing shown may stay.
  createDemoProject: () => 'project',
  createProjectFromQdpx: () => 'project',
  restoreClosedProject: () => 'project',
  previewPseudonymMap: () => NOTHING,
  pseudonymizeWithMap: () => 'everything',
  deleteBackupFiles: () => BACKUPS,
  setCaseAttributes: () => [...ATTRIBUTES, ['listSources']],
};

export function invalidationOf<M extends ApiMethod>(method: M, args: ArgsOf<M>, result: ResultOf<M>): Invalidation {
  return (INVALIDATES[method] as (args: ArgsOf<M>, result: ResultOf<M>) => Invalidation)(args, result);
}

/**
 * An undo or redo changes what the command it replays changes. The history calls through
 * writingThrough (answers.ts): the codings of the sources it touched are already written.
 */
export function affectsInvalidation(affects: Affects): Invalidation {
  return affects.kind === 'codings' ? CODINGS_WRITTEN : [...CODEBOOK, ['listMemos']];
}
