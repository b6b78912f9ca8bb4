// The other side of a comparison or a merge: a teammate's file sent as bytes (.qdc, .qdpx), or a
// file on this computer (.tresse read from a copy, .qdc, .qdpx).
import { readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { readCodebookWithWarnings, readProject } from '../exchange/refi/index.ts';
import { TresseError } from '../i18n/error.ts';
import { sideOfCodes } from './codebook-merge.ts';
import { compareProjectCodebooks, loadCodebookSide, type CodebookComparison } from './compare-codebooks.ts';
import type { ProjectContext } from './context.ts';
import type { TeamWarning } from './merge-warnings.ts';
import { readProjectCopy } from './project-copy.ts';
import { snapshotProject, type RichCode, type RichSnapshot } from './refi-snapshot.ts';

export type TeamOther = { fileName: string; bytes: Uint8Array } | { path: string };

/** The other side as a file name and its bytes, or a .tresse project read from a copy. */
export type LoadedOther = { label: string; ext: string; bytes: Uint8Array } | { label: string; ext: '.tresse'; snapshot: RichSnapshot };

export function loadOther(ctx: ProjectContext, other: TeamOther, allowed: readonly string[]): LoadedOther {
  const name = 'path' in other ? basename(other.path) : basename(other.fileName);
  const ext = extname(name).toLowerCase();
  // A project cannot be on the other side of its own merge: the copy would be itself.
  if (!allowed.includes(ext) || ('bytes' in other && ext === '.tresse')) {
    throw new TresseError('team.fileKind', { file: name, expected: allowed.join(', ') });
  }
  if ('bytes' in other) return { label: name, ext, bytes: other.bytes };
  const path = resolve(other.path);
  if (path === resolve(ctx.path)) throw new TresseError('team.sameProject', { file: name });
  if (ext === '.tresse') return { label: name, ext: '.tresse', snapshot: readProjectCopy(path, snapshotProject) };
  try {
    return { label: name, ext, bytes: new Uint8Array(readFileSync(path)) };
  } catch {
    throw new TresseError('project.notFound', { path });
  }
}

/** Their codes, read the same way for the comparison shown and for the merge applied, so decision ids match. */
export function otherCodes(ctx: ProjectContext, other: TeamOther): { label: string; codes: RichCode[]; warnings: TeamWarning[] } {
  const o = loadOther(ctx, other, ['.tresse', '.qdc', '.qdpx']);
  if ('snapshot' in o) return { label: o.label, codes: o.snapshot.codes, warnings: [] };
  if (o.ext === '.qdc') return { label: o.label, ...readCodebookWithWarnings(o.bytes, o.label) };
  const { snapshot, warnings } = readProject(o.bytes, { fileName: o.label });
  return { label: o.label, codes: snapshot.codes, warnings };
}

export function compareWithOther(ctx: ProjectContext, other: TeamOther): CodebookComparison {
  const theirs = otherCodes(ctx, other);
  return compareProjectCodebooks(loadCodebookSide(ctx.db), { label: theirs.label, ...sideOfCodes(theirs.codes), warnings: theirs.warnings });
}
