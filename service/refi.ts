// REFI-QDA through the project: export the database as .qdpx / .qdc, import them into a new or an
// existing project. A file is read in full before anything is written, then written in one
// transaction; what could not be imported comes back as warnings for the user, never dropped silently.
import type { Decision } from '../codebooks/merge.ts';
import type { Db } from '../db/open.ts';
import { readCodebookWithWarnings, writeCodebook, writeProject, writeProjectAsync, type WriteProjectOptions } from '../exchange/refi/index.ts';
import { applyCodebookMerge, type CodebookMergeResult } from './codebook-merge.ts';
import type { ProjectContext } from './context.ts';
import { mergeSnapshot, type MergeReport } from './merge-project.ts';
import type { TeamWarning } from './merge-warnings.ts';
import { createProjectBeside } from './project-beside.ts';
import { readQdpxForImport } from './qdpx-reading.ts';
import { snapshotProject, type RichSnapshot } from './refi-snapshot.ts';

export function exportQdpx(db: Db, options: WriteProjectOptions = {}): Uint8Array {
  return writeProject(forExchange(snapshotProject(db)), options);
}

/** The same file, compressed on Node's thread pool while the project file is written (what the contract calls). */
export function exportQdpxAsync(db: Db, options: WriteProjectOptions = {}): Promise<Uint8Array> {
  return writeProjectAsync(forExchange(snapshotProject(db)), options);
}

/**
 * The users a .qdpx names: those who coded or marked sources done, and those a file declared
 * (exchange-kept.ts). A coder who did nothing else, such as the account a file was imported under,
 * is not written, nor named as the creator of a source.
 */
export function forExchange(s: RichSnapshot): RichSnapshot {
  const acted = new Set([...s.codings.map((c) => c.coderGuid), ...(s.done ?? []).filter((d) => d.sourceGuids.length > 0).map((d) => d.userGuid)]);
  const users = s.users.filter((u) => u.kept || acted.has(u.guid));
  const written = new Set(users.map((u) => u.guid));
  const sources = s.sources.map(({ creatingUserGuid, ...rest }) => (creatingUserGuid && written.has(creatingUserGuid) ? { ...rest, creatingUserGuid } : rest));
  return { ...s, users, sources };
}

export function exportQdc(db: Db): string {
  return writeCodebook(snapshotProject(db).codes);
}

export interface QdpxImport extends MergeReport {
  /** The project's name in the file. */
  name: string;
}

/** Reads a .qdpx and merges it into the open project (see merge-project.ts). */
export function importQdpx(ctx: ProjectContext, bytes: Uint8Array, options: { fileName?: string; decisions?: readonly Decision[] } = {}): QdpxImport {
  const { snapshot, warnings, notKept } = readQdpxForImport(bytes, options.fileName);
  const report = mergeSnapshot(ctx, snapshot, options.decisions ?? []);
  return { name: snapshot.name, ...report, warnings: [...warnings, ...report.warnings, ...notKept] };
}

/**
 * A new project (empty grid) made from a .qdpx, all or nothing (see project-beside.ts): the file
 * is read first, and a failure or a killed program leaves no file under the destination's name.
 */
export function importQdpxAsNewProject(
  path: string,
  bytes: Uint8Array,
  options: { fileName?: string; coder?: string } = {},
): { ctx: ProjectContext; result: QdpxImport } {
  const { snapshot, warnings, notKept } = readQdpxForImport(bytes, options.fileName);
  return createProjectBeside(path, { grid: 'empty', name: snapshot.name, ...(options.coder ? { coder: options.coder } : {}) }, (ctx) => {
    const report = mergeSnapshot(ctx, snapshot);
    return { name: snapshot.name, ...report, warnings: [...warnings, ...report.warnings, ...notKept] };
  });
}

export interface QdcImport extends Omit<CodebookMergeResult, 'diff' | 'plan'> {
  warnings: TeamWarning[];
}

/**
 * Merges a .qdc codebook into the project's: a code already there (same GUID, same path, or a
 * unique name) stays as it is; new codes are added under their parent's counterpart. With
 * `decisions` (ids from compareProjectCodebooks), renames, moves and redefinitions can be taken too.
 */
export function importQdc(ctx: ProjectContext, xml: string | Uint8Array, decisions: readonly Decision[] = [], fileName?: string): QdcImport {
  const { codes, warnings } = readCodebookWithWarnings(xml, fileName);
  const { diff: _diff, plan: _plan, ...counts } = applyCodebookMerge(ctx, codes, decisions);
  return { ...counts, warnings };
}
