// Confidentiality: the pseudonym table and its application, erasing the real names, correcting a
// coded source, and backups.
import { z } from 'zod';
import { backupDirOf, backupProject, DEFAULT_KEEP, deleteAllBackups, deleteBackups, listBackups, restoreBackup, type BackupInfo } from '../backup.ts';
import type { ProjectContext } from '../context.ts';
import { applySourceEdit, previewSourceEdit } from '../edit-source.ts';
import { projectPath } from '../path-policy.ts';
import { previewPseudonymMap, pseudonymizeWithMap } from '../pseudonym-map.ts';
import { applyPseudonyms, previewPseudonyms } from '../pseudonymise.ts';
import { deletePseudonym, forgetRealNames, listPseudonyms, parsePseudonymMap, savePseudonyms, updatePseudonym, type PseudonymInput } from '../pseudonyms.ts';
import { scrubOldText } from '../scrub.ts';
import type { Workspace } from '../workspace.ts';
import { method } from './define.ts';
import { id, longText, noArgument, nonEmpty, shortText } from './fields.ts';

/** One person of the pseudonym table as the interface edits it. */
const pseudonymRow = { realName: nonEmpty, pseudonym: nonEmpty, caseId: id.nullable().optional() };
export type PseudonymRow = z.infer<z.ZodObject<typeof pseudonymRow>>;

/** A backup is named by its file name in the project's backup folder: no path, nothing outside it. */
const backupFile = nonEmpty.regex(/^[^/\\]+\.tresse$/).refine((f) => f !== '..' && !f.startsWith('.'));

export interface BackupList {
  /** The folder beside the project file. */
  dir: string;
  /** Newest first. */
  backups: BackupInfo[];
  /** How often the open project is backed up while it changes, and how many backups are kept. */
  everyMinutes: number;
  keep: number;
}

function pseudonymInput(row: PseudonymRow): PseudonymInput {
  // A case travels as its number, which resolveCase reads like the command line's --case.
  return { realName: row.realName, pseudonym: row.pseudonym, case: row.caseId ? String(row.caseId) : null };
}

function backupList(ws: Workspace): BackupList {
  const path = ws.project.path;
  return { dir: backupDirOf(path), backups: listBackups(path), everyMinutes: ws.backupMinutes(), keep: DEFAULT_KEEP };
}

/** Backups taken before still hold the real names: where they are and how many. */
function oldBackups(ctx: ProjectContext) {
  return { dir: backupDirOf(ctx.path), count: listBackups(ctx.path).length };
}

export const privacyMethods = {
  listPseudonyms: method({ args: noArgument, run: (_, { ws }) => listPseudonyms(ws.project.db) }),
  /** Adds people to the table (or confirms those already there), all or none. */
  savePseudonyms: method({
    args: z.strictObject({ entries: z.array(z.strictObject(pseudonymRow)).min(1).max(100_000) }),
    run: ({ entries }, { ws }) => savePseudonyms(ws.project, entries.map(pseudonymInput)),
  }),
  /** Changes a person not yet applied (their real name, pseudonym or case). */
  updatePseudonym: method({
    args: z.strictObject({ id, ...pseudonymRow }),
    run: ({ id, ...row }, { ws }) => updatePseudonym(ws.project, id, pseudonymInput(row)),
  }),
  deletePseudonym: method({ args: z.strictObject({ id }), run: ({ id }, { ws }) => deletePseudonym(ws.project, id) }),
  /** Reads a table file (CSV or JSON, as the command line accepts) and adds it, all or none. */
  importPseudonyms: method({
    args: z.strictObject({ fileName: nonEmpty, text: longText }),
    run: ({ fileName, text }, { ws }) => savePseudonyms(ws.project, parsePseudonymMap(text, fileName)),
  }),
  /** Every match a table file would make (CSV or JSON), in context; saves nothing, not even the table. */
  previewPseudonymMap: method({
    args: z.strictObject({ fileName: nonEmpty, text: longText }),
    run: ({ fileName, text }, { ws }) => previewPseudonymMap(ws.project.db, parsePseudonymMap(text, fileName)),
  }),
  /**
   * Adds a table file and applies every match but the skipped ones (ids from previewPseudonymMap),
   * in one transaction; with `forgetRealNames`, then erases the real names from the file.
   */
  pseudonymizeWithMap: method({
    args: z.strictObject({
      fileName: nonEmpty,
      text: longText,
      skip: z.array(shortText).max(10_000_000).optional(),
      forgetRealNames: z.boolean().optional(),
    }),
    run: ({ fileName, text, skip, forgetRealNames }, { ws }) =>
      pseudonymizeWithMap(ws.project, parsePseudonymMap(text, fileName), { ...(skip ? { skip } : {}), ...(forgetRealNames ? { forgetRealNames } : {}) }),
  }),
  /** Every match of the table in the project, in context; changes nothing. */
  previewPseudonyms: method({ args: noArgument, run: (_, { ws }) => previewPseudonyms(ws.project.db) }),
  /** Rewrites the accepted matches (ids from the preview) in one transaction. */
  applyPseudonyms: method({
    args: z.strictObject({ accept: z.array(shortText).max(10_000_000) }),
    run: ({ accept }, { ws }) => ({ ...applyPseudonyms(ws.project, { accept }), backups: oldBackups(ws.project) }),
  }),
  /** Removes the real names from the table and rebuilds the file without the old text. */
  forgetRealNames: method({
    args: noArgument,
    run: (_, { ws }) => {
      const forgotten = forgetRealNames(ws.project);
      // No copy of the old text may linger in the file's free pages or index.
      scrubOldText(ws.project);
      return { forgotten };
    },
  }),
  previewSourceEdit: method({
    args: z.strictObject({ sourceId: id, text: longText }),
    run: ({ sourceId, text }, { ws }) => previewSourceEdit(ws.project, sourceId, text),
  }),
  /** Saves a source's corrected text; codings follow their words. */
  applySourceEdit: method({
    args: z.strictObject({ sourceId: id, text: longText, confirmRemoval: z.boolean().optional() }),
    run: ({ sourceId, text, confirmRemoval }, { ws }) => applySourceEdit(ws.project, sourceId, text, { confirmRemoval: !!confirmRemoval }),
  }),
  listBackups: method({ args: noArgument, run: (_, { ws }) => backupList(ws) }),
  /** A backup now; `keep` prunes the oldest beyond that many. */
  backupNow: method({
    args: z.strictObject({ keep: z.number().int().positive().max(10_000).optional() }).optional(),
    run: (args, { ws }) => backupProject(ws.project, args?.keep ? { keep: args.keep } : {}),
  }),
  /** Closes the project, puts the backup (a file name from listBackups) in its place and reopens it. */
  restoreBackup: method({ args: z.strictObject({ file: backupFile }), run: ({ file }, { ws }) => ws.restore(file) }),
  /** Deletes one backup from the disk; the project is not touched. */
  deleteBackup: method({
    args: z.strictObject({ file: backupFile }),
    run: ({ file }, { ws }) => {
      deleteBackups(ws.project.path, [file]);
      return backupList(ws);
    },
  }),
  /** Deletes several backups, all or none (a name that is not one of them deletes nothing). */
  deleteBackupFiles: method({
    // Any name is matched against the project's own backups, so none but those can be deleted.
    args: z.strictObject({ files: z.array(nonEmpty).min(1).max(10_000) }),
    run: ({ files }, { ws }) => ({ deleted: deleteBackups(ws.project.path, files), ...backupList(ws) }),
  }),
  /**
   * Restores a backup of a project no program has open (the command line's `tresse restore`): the
   * replaced file is kept as PROJECT.before-restore. Refused while the project is open anywhere.
   */
  restoreClosedProject: method({
    args: z.strictObject({ path: nonEmpty, file: backupFile }),
    path: projectPath,
    run: ({ path, file }) => restoreBackup(path, file),
  }),
  /** Deletes every backup taken so far (after pseudonymising, they all hold the real names). */
  deleteAllBackups: method({
    args: noArgument,
    run: (_, { ws }) => {
      deleteAllBackups(ws.project.path);
      return backupList(ws);
    },
  }),
  /** How often the open project is backed up while it changes; kept in the project. */
  setBackupInterval: method({
    args: z.strictObject({
      minutes: z
        .number()
        .int()
        .min(1)
        .max(24 * 60),
    }),
    run: ({ minutes }, { ws }) => ws.setBackupMinutes(minutes),
  }),
};
