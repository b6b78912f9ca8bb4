// The one contract between Tresse's front ends (the desktop app over Electron IPC, the browser mode
// over loopback HTTP, the command line in-process) and the service layer. Each method is declared
// once, in the feature file that holds it: its argument schema, its path slot if it names a file,
// and its handler. The method list and every type below are derived from those declarations.
// The renderer imports only types from here (`import type`), so no Node code reaches the page.
//
// Adding a method: declare it in its feature file with `method({ args, run })`. Nothing else:
// IPC, HTTP, `tresse call` and the renderer's `api` object all reach it by name.
import type { z } from 'zod';
import { analysisMethods } from './analysis.ts';
import { caseMethods } from './cases.ts';
import { codebookMethods } from './codebook.ts';
import { codingMethods } from './coding.ts';
import { memoMethods } from './memos.ts';
import { privacyMethods } from './privacy.ts';
import { projectMethods } from './project.ts';
import { retrievalMethods } from './retrieval.ts';
import { setMethods } from './sets.ts';
import { similarMethods } from './similar.ts';
import { sourceMethods } from './sources.ts';
import { suggestMethods } from './suggest.ts';
import { teamMethods } from './team.ts';

export const contract = {
  ...projectMethods,
  ...sourceMethods,
  ...caseMethods,
  ...setMethods,
  ...codebookMethods,
  ...codingMethods,
  ...suggestMethods,
  ...memoMethods,
  ...retrievalMethods,
  ...similarMethods,
  ...analysisMethods,
  ...teamMethods,
  ...privacyMethods,
};

type Contract = typeof contract;
export type ApiMethod = keyof Contract;
/** What a caller sends: the schema's input (defaults and optional fields may be left out). */
export type ArgsOf<M extends ApiMethod> = z.input<Contract[M]['args']>;
export type ResultOf<M extends ApiMethod> = Awaited<ReturnType<Contract[M]['run']>>;

/** The contract as functions: what the renderer's `api` object and the CLI's caller offer. */
export type TresseApi = {
  [M in ApiMethod]: undefined extends ArgsOf<M> ? (args?: ArgsOf<M>) => Promise<ResultOf<M>> : (args: ArgsOf<M>) => Promise<ResultOf<M>>;
};

export const API_METHODS = Object.keys(contract) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(contract, name);
}

export type { ApiResult, CallContext, ShellHooks } from './define.ts';
export type { MatrixExportFormat } from './analysis.ts';
export type { BackupList, PseudonymRow } from './privacy.ts';
export type { SessionState } from './project.ts';
export type { ReviewAction } from './team.ts';
export type { ExportTarget } from '../../exchange/refi/vendor.ts';
export type { TeamOther } from '../team-other.ts';
export type { RecentProject, ResolvedProjectPath } from '../workspace.ts';
export type { GridInfo } from '../../codebooks/grids.ts';
export type AgreementQuery = ArgsOf<'computeAgreement'>;
export type PseudonymsApplied = ResultOf<'applyPseudonyms'>;

// The service's vocabulary the page needs, so the renderer imports from the contract alone.
export type { ProjectAgreement } from '../agreement.ts';
export type { GridRef } from '../analysis.ts';
export type { BackupInfo } from '../backup.ts';
export type { CodeChanges, DeletedCodes, CodeWithCount } from '../codebook.ts';
export type { CodebookMergeResult } from '../codebook-merge.ts';
export type { CodingInput, RetrieveFilter } from '../codings.ts';
export type { Extension, ReplacedCoding } from '../coding-extend.ts';
export type { CodebookComparison } from '../compare-codebooks.ts';
export type { ChangeKind } from '../compare-report.ts';
export type { ReviewItem } from '../disagreements.ts';
export type { SourceEditEffect } from '../edit-source.ts';
export type { ExchangeReport } from '../exchange-report.ts';
export type { MergeReport } from '../merge-project.ts';
export type { TeamWarning } from '../merge-warnings.ts';
export type { ProjectInfo } from '../project.ts';
export type { MatchTarget, PseudonymMatch, PseudonymPreview } from '../pseudonymise.ts';
export type { PseudonymEntry } from '../pseudonyms.ts';
export type { QdcImport } from '../refi.ts';
export type { SimilarPassage, SimilarPassages } from '../similar-passages.ts';
export type { CodingShift, StructureShift } from '../text-change.ts';
export type { PassageSuggestions, SuggestedCode, SuggestNote } from '../suggest.ts';
export type { Evaluation as SuggestionEvaluation } from '../suggest-evaluation.ts';
