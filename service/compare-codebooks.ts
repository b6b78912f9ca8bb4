// Comparing two codebooks, each from a project (open database or .tresse file) or a REFI-QDA .qdc.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { CodebookDiff } from '../codebooks/compare.ts';
import type { Db } from '../db/open.ts';
import { readCodebookWithWarnings, readProject } from '../exchange/refi/index.ts';
import { TresseError } from '../i18n/error.ts';
import { diffSides, projectSide, sideOfCodes, type CodebookSide as SideCodes } from './codebook-merge.ts';
import type { TeamWarning } from './merge-warnings.ts';
import { readProjectCopy } from './project-copy.ts';

/** One side: an open project, or the content of a .qdc file. */
export type CodebookSide = Db | { qdc: string | Uint8Array; fileName?: string };

export interface LoadedCodebook extends SideCodes {
  label: string;
  warnings: TeamWarning[];
}

function isDb(side: CodebookSide): side is Db {
  return typeof (side as Db).prepare === 'function';
}

export function loadCodebookSide(side: CodebookSide, label?: string): LoadedCodebook {
  if (isDb(side)) {
    const name = (side.prepare('SELECT name FROM project WHERE id = 1').get() as { name: string }).name;
    return { label: label ?? name, ...projectSide(side), warnings: [] };
  }
  const { codes, warnings } = readCodebookWithWarnings(side.qdc, side.fileName);
  return { label: label ?? side.fileName ?? 'codebook.qdc', ...sideOfCodes(codes), warnings };
}

/** A codebook from a file path: .tresse (a copy is read, the file is never touched), .qdc, or the codebook of a .qdpx. */
export function loadCodebookFile(path: string): LoadedCodebook {
  const ext = extname(path).toLowerCase();
  const label = basename(path);
  if (ext === '.qdc') return loadCodebookSide({ qdc: new Uint8Array(readFileSync(path)), fileName: label }, label);
  if (ext === '.qdpx') {
    const { snapshot, warnings } = readProject(new Uint8Array(readFileSync(path)), { fileName: label });
    return { label, ...sideOfCodes(snapshot.codes), warnings };
  }
  if (ext !== '.tresse') throw new TresseError('team.fileKind', { file: label, expected: '.tresse, .qdc, .qdpx' });
  return readProjectCopy(path, (db) => loadCodebookSide(db, label));
}

export interface CodebookComparison {
  a: { label: string };
  b: { label: string };
  diff: CodebookDiff;
  warnings: TeamWarning[];
}

/** How B's codebook differs from A's (A is "mine": added = only in B, removed = only in A). */
export function compareProjectCodebooks(a: CodebookSide | LoadedCodebook, b: CodebookSide | LoadedCodebook): CodebookComparison {
  const A = 'codes' in a ? a : loadCodebookSide(a);
  const B = 'codes' in b ? b : loadCodebookSide(b);
  return { a: { label: A.label }, b: { label: B.label }, diff: diffSides(A, B), warnings: [...A.warnings, ...B.warnings] };
}
