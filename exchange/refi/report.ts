// The exchange report: what a .qdpx holds and how it will come in, read by the importer itself
// (readProject) so the report and the import never disagree, and whatever the reader learns to
// read or to warn about shows up here without a change.
import type { ReadProjectResult } from './read-project.ts';
import { WARNING_CATEGORY, type WarningCategory } from './warning-categories.ts';
import type { ImportWarning } from './warnings.ts';

export interface ExchangeReport {
  /** The file's name, as the user chose it. */
  file: string;
  /** The project's name in the file. */
  name: string;
  /** The program that wrote the file, as the file says (REFI-QDA `origin`). */
  origin: string | null;
  /** What will be imported: each list of the project as read, by its name in the snapshot (sources, codes, codings...). */
  counts: { item: string; count: number }[];
  /** Kept, but changed in form or read in one of several ways. */
  adapted: ImportWarning[];
  /** In the file, but Tresse cannot keep it. */
  notKept: ImportWarning[];
  /** Wrong in the file: the rest is imported without it. */
  badInput: ImportWarning[];
}

export function exchangeReport(read: ReadProjectResult, file: string): ExchangeReport {
  const { snapshot, warnings, adaptations, notKept } = read;
  const counts = Object.entries(snapshot)
    .filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]))
    .map(([item, list]) => ({ item, count: list.length }));
  const by: Record<WarningCategory, ImportWarning[]> = { adapted: [], notKept: [], badInput: [] };
  for (const w of [...adaptations, ...warnings, ...notKept]) by[WARNING_CATEGORY[w.code]].push(w);
  return { file, name: snapshot.name, origin: snapshot.origin ?? null, counts, ...by };
}
