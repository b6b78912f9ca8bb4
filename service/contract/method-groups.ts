// The method a call names, with only its own feature file loaded: a command-line call such as
// `tresse sources` then parses one group's schemas and service, not the whole contract (zod's
// schemas for some two hundred methods and the service behind them), which was most of its start.
// index.ts stays the contract's one definition: a method missing from the list below is still
// found there, only with every group loaded (tests/contract/method-groups.test.ts keeps the list
// complete).
import type { Method } from './define.ts';

const GROUPS = {
  project: () => import('./project.ts').then((m) => m.projectMethods),
  sources: () => import('./sources.ts').then((m) => m.sourceMethods),
  cases: () => import('./cases.ts').then((m) => m.caseMethods),
  sets: () => import('./sets.ts').then((m) => m.setMethods),
  codebook: () => import('./codebook.ts').then((m) => m.codebookMethods),
  coding: () => import('./coding.ts').then((m) => m.codingMethods),
  memos: () => import('./memos.ts').then((m) => m.memoMethods),
  retrieval: () => import('./retrieval.ts').then((m) => m.retrievalMethods),
  analysis: () => import('./analysis.ts').then((m) => m.analysisMethods),
  team: () => import('./team.ts').then((m) => m.teamMethods),
  privacy: () => import('./privacy.ts').then((m) => m.privacyMethods),
  similar: () => import('./similar.ts').then((m) => m.similarMethods),
  suggest: () => import('./suggest.ts').then((m) => m.suggestMethods),
} satisfies Record<string, () => Promise<Record<string, Method>>>;

type Group = keyof typeof GROUPS;

/** The methods each feature file declares. */
const METHODS: Record<Group, readonly string[]> = {
  project: [
    'getSession',
    'setLang',
    'listGrids',
    'createProject',
    'openProject',
    'closeProject',
    'resolveProjectPath',
    'chooseProjectPath',
    'createDemoProject',
    'findCoder',
    'switchCoder',
    'getCitationFormat',
    'setCitationFormat',
    'getTextLanguage',
    'setTextLanguage',
  ],
  sources: ['listSources', 'getSource', 'findSource', 'importSource', 'guessImport', 'updateSource', 'deleteSource'],
  cases: [
    'listCases',
    'findCase',
    'createCase',
    'updateCase',
    'deleteCase',
    'listAttributes',
    'defineAttribute',
    'renameAttribute',
    'retypeAttribute',
    'deleteAttribute',
    'setAttributeValues',
    'setCaseAttributes',
    'linkSource',
    'unlinkSource',
  ],
  sets: ['listSets', 'findSet', 'createSet', 'updateSet', 'deleteSet', 'addSetMembers', 'removeSetMembers'],
  codebook: ['listCodes', 'findCode', 'addCode', 'updateCode', 'moveCode', 'mergeCodes', 'deleteCode', 'exportCodebook', 'importCodebook'],
  coding: [
    'addCoding',
    'removeCoding',
    'extendCoding',
    'undoExtendCoding',
    'listCodings',
    'addCodings',
    'removeCodings',
    'addCodeAndCoding',
    'removeCodeAndCoding',
  ],
  memos: ['listMemos', 'saveMemo', 'deleteMemo'],
  retrieval: ['retrieve', 'retrievePage', 'locatePassage', 'search'],
  analysis: [
    'computeMatrix',
    'analysisGrid',
    'findMatrixRow',
    'findMatrixColumns',
    'findQuestion',
    'matrixCellExcerpts',
    'setCellSynthesis',
    'setRowVerdict',
    'listQuestions',
    'saveQuestion',
    'deleteQuestion',
    'listKindColumns',
    'setKindColumn',
    'resetKindColumns',
    'matrixPictures',
    'pictureToPng',
    'exportMatrix',
  ],
  team: [
    'exportQdpx',
    'exportQdc',
    'importQdpx',
    'exchangeReport',
    'importQdc',
    'createProjectFromQdpx',
    'compareCodebookFiles',
    'exportCodebookFileComparison',
    'compareCodebooks',
    'exportComparison',
    'applyCodebookMerge',
    'mergeProject',
    'computeAgreement',
    'exportAgreement',
    'listDoneMarks',
    'setSourceDone',
    'ratingAgreement',
    'listDisagreements',
    'resolveDisagreement',
  ],
  privacy: [
    'listPseudonyms',
    'savePseudonyms',
    'updatePseudonym',
    'deletePseudonym',
    'importPseudonyms',
    'previewPseudonymMap',
    'pseudonymizeWithMap',
    'previewPseudonyms',
    'applyPseudonyms',
    'forgetRealNames',
    'previewSourceEdit',
    'applySourceEdit',
    'listBackups',
    'backupNow',
    'restoreBackup',
    'deleteBackup',
    'deleteBackupFiles',
    'restoreClosedProject',
    'deleteAllBackups',
    'setBackupInterval',
  ],
  similar: ['similarPassages'],
  suggest: ['suggestCodes', 'suggestForSource', 'acceptSuggestion', 'dismissSuggestion', 'evaluateSuggestions'],
};

const groupOfMethod = new Map<string, Group>(Object.entries(METHODS).flatMap(([group, names]) => names.map((name) => [name, group as Group] as const)));

/** The group listed for a method, if it is listed. */
export function listedGroup(name: string): Group | undefined {
  return groupOfMethod.get(name);
}

const loaded = new Map<Group | 'all', Record<string, Method>>();
/** Loads in progress, chained: a call never starts before one made earlier that waits for its group. */
let loading: Promise<unknown> = Promise.resolve();
let waiting = 0;

const load = (group: Group | 'all'): Promise<Record<string, Method>> =>
  group === 'all' ? import('./index.ts').then((m) => m.contract as Record<string, Method>) : GROUPS[group]();

const pick = (methods: Record<string, Method>, name: string) => (Object.hasOwn(methods, name) ? methods[name] : undefined);

/**
 * The method of that name (undefined when the contract has none): at once when its feature file
 * is loaded and no earlier call is still waiting for one, else once it is loaded.
 */
export function methodNamed(name: string): Method | undefined | Promise<Method | undefined> {
  const group = groupOfMethod.get(name) ?? 'all';
  const methods = loaded.get(group);
  if (methods && waiting === 0) return pick(methods, name);
  waiting++;
  const found = loading
    .then(async () => {
      const ready = loaded.get(group) ?? (await load(group));
      loaded.set(group, ready);
      return pick(ready, name);
    })
    .finally(() => waiting--);
  loading = found.catch(() => undefined);
  return found;
}

/**
 * Loads every feature file now. For a caller whose module registry may be reset after (tests of
 * the renderer reload its modules): a group loaded later would be a second copy of the service.
 */
export async function loadEveryGroup(): Promise<void> {
  for (const group of Object.keys(GROUPS) as Group[]) if (!loaded.has(group)) loaded.set(group, await load(group));
}
