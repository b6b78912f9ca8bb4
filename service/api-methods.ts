// The list of API method names, kept apart from the handlers so the Electron preload and the
// renderer can import it without pulling in Node code (the preload is sandboxed and may only
// require 'electron').
import type { ApiMethod } from './api.ts';

export const API_METHODS = [
  'getSession', 'setLang', 'listGrids', 'createProject', 'openProject', 'closeProject', 'chooseProjectPath',
  'resolveProjectPath',
  'switchCoder', 'listSources', 'getSource', 'importSource', 'updateSource', 'deleteSource', 'listCases',
  'createCase', 'updateCase', 'deleteCase', 'listAttributes', 'defineAttribute', 'setAttributeValues', 'linkSource',
  'unlinkSource', 'listCodes', 'addCode', 'updateCode', 'moveCode', 'mergeCodes', 'deleteCode', 'exportCodebook',
  'importCodebook', 'addCoding', 'removeCoding', 'listCodings', 'retrieve', 'search', 'listMemos', 'saveMemo',
  'deleteMemo',
  // Teams
  'exportQdpx', 'exportQdc', 'importQdpx', 'importQdc', 'compareCodebooks', 'exportComparison', 'applyCodebookMerge',
  'mergeProject', 'computeAgreement', 'exportAgreement', 'listDisagreements', 'resolveDisagreement',
  // Confidentiality
  'listPseudonyms', 'savePseudonyms', 'updatePseudonym', 'deletePseudonym', 'importPseudonyms', 'previewPseudonyms',
  'applyPseudonyms', 'forgetRealNames', 'previewSourceEdit', 'applySourceEdit', 'listBackups', 'backupNow', 'restoreBackup',
  'deleteBackup', 'deleteAllBackups', 'setBackupInterval',
  // Analysis
  'computeMatrix', 'matrixCellExcerpts', 'setCellSynthesis', 'setRowVerdict', 'listQuestions', 'saveQuestion', 'deleteQuestion',
  'listKindColumns', 'setKindColumn', 'resetKindColumns', 'matrixPictures', 'exportMatrix',
] as const satisfies readonly ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name);
}

// Every method of the interface is listed above: a method added to TresseApi and not here fails to compile.
type Unlisted = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
const allListed: [Unlisted] extends [never] ? true : Unlisted = true;
void allListed;
