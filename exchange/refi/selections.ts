// Codings as PlainTextSelections. A vendor selection may carry several codings (two codes, or two
// coders, on one passage): codings read from one selection, still on its range and sharing its
// description, are written back as that selection with its GUID. Every other coding (Tresse's own,
// or one whose range or memo was changed since) gets a selection of its own, whose GUID is derived
// from the coding's so that exporting twice gives the same file.
import { derivedGuid } from './guid.ts';
import type { SnapshotCoding } from './snapshot.ts';

export interface SelectionOut {
  guid: string;
  start: number;
  end: number;
  /** The selection's Description: the memo its codings share. */
  memo: string | null;
  codings: SnapshotCoding[];
}

/** Selection GUID of a coding that has none of its own: derived, so exporting twice gives the same file. */
export function selectionGuid(codingGuid: string): string {
  return derivedGuid(`tresse-selection:${codingGuid}`);
}

/** The codings of one source (in the order given) grouped into selections, in order of first coding. */
export function selectionsOf(codings: readonly SnapshotCoding[], taken: Set<string> = new Set()): SelectionOut[] {
  const out: SelectionOut[] = [];
  const shared = new Map<string, SelectionOut>();
  for (const c of codings) {
    const memo = c.memo ? c.memo : null;
    const key = c.selectionGuid === undefined ? undefined : JSON.stringify([c.selectionGuid, c.start, c.end, memo]);
    const group = key === undefined ? undefined : shared.get(key);
    if (group) {
      group.codings.push(c);
      continue;
    }
    // A GUID already written (the same selection split by an edit, or a duplicate in the file) is not reused.
    const own = c.selectionGuid !== undefined && !taken.has(c.selectionGuid);
    const selection: SelectionOut = { guid: own ? c.selectionGuid! : selectionGuid(c.guid), start: c.start, end: c.end, memo, codings: [c] };
    taken.add(selection.guid);
    if (own) shared.set(key!, selection);
    out.push(selection);
  }
  return out;
}
