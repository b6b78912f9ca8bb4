// The codebook comparison as the panel shows it: one entry per difference with the choices the merge
// accepts for it, and each side's codebook as an indented list with the differences marked on the
// codes they touch. Pure, so the rules are tested without a browser.
import type { CodebookDiff, DiffCode } from '../../../codebooks/compare.ts';
import { defaultChoice, type Choice, type Decision } from '../../../codebooks/merge.ts';
import type { TextField } from '../../../codebooks/tree.ts';
import type { ChangeKind } from '../../../service/contract/index.ts';

export interface DiffEntry {
  id: string;
  kind: ChangeKind;
  /** My code (absent for an added code). */
  a: DiffCode | null;
  /** Their code (absent for a code only in mine). */
  b: DiffCode | null;
  /** What the merge accepts for this difference; empty for a code only in mine (a merge never deletes). */
  choices: Choice[];
  /** What happens when the user says nothing: nothing of mine changes, their new codes come in. */
  initial: Choice | null;
  /** Proposed renames: similarity of the names, 0 to 1. */
  score?: number;
  /** Redefined codes: the fields that differ. */
  fields?: TextField[];
}

const BOTH: Choice[] = ['mine', 'theirs'];

export function diffEntries(diff: CodebookDiff): DiffEntry[] {
  const out: DiffEntry[] = [];
  const push = (e: Omit<DiffEntry, 'initial'>) => out.push({ ...e, initial: e.choices.length > 0 ? defaultChoice(diff, e.id) : null });
  for (const x of diff.added) push({ id: x.id, kind: 'added', a: null, b: x.b, choices: ['add', 'ignore'] });
  for (const x of diff.renamed) {
    if (x.proposed) push({ id: x.id, kind: 'proposedRename', a: x.a, b: x.b, choices: ['map', 'distinct'], score: x.score });
    else push({ id: x.id, kind: 'renamed', a: x.a, b: x.b, choices: BOTH });
  }
  for (const x of diff.moved) push({ id: x.id, kind: 'moved', a: x.a, b: x.b, choices: BOTH });
  for (const x of diff.redefined) push({ id: x.id, kind: 'redefined', a: x.a, b: x.b, choices: BOTH, fields: x.fields });
  for (const x of diff.recoloured) push({ id: x.id, kind: 'recoloured', a: x.a, b: x.b, choices: BOTH });
  for (const x of diff.removed) push({ id: x.id, kind: 'removed', a: x.a, b: null, choices: [] });
  return out;
}

/** The decisions to send: every difference that has a choice, with the user's or the default one. */
export function decisionsOf(entries: readonly DiffEntry[], chosen: Readonly<Record<string, Choice>>): Decision[] {
  return entries.flatMap((e) => {
    const choice = chosen[e.id] ?? e.initial;
    return choice === null ? [] : [{ id: e.id, choice }];
  });
}

export interface SideRow {
  code: DiffCode;
  depth: number;
  /** The differences touching this code, in the order of the entries. */
  marks: Array<{ kind: ChangeKind; id: string }>;
}

/**
 * One side's codes in tree order (parents first, siblings by `rank`), each with its marks. Every
 * code of a side is in exactly one of matches, proposals, added/removed, so the diff holds both trees.
 */
export function sideRows(diff: CodebookDiff, side: 'a' | 'b', rank: (c: DiffCode) => number = (c) => c.id): SideRow[] {
  const codes = new Map<number, DiffCode>();
  const add = (c: DiffCode | null | undefined) => c && codes.set(c.id, c);
  for (const m of diff.matches) add(m[side]);
  for (const r of diff.renamed) add(r[side]);
  if (side === 'a') for (const x of diff.removed) add(x.a);
  else for (const x of diff.added) add(x.b);

  const marks = new Map<number, SideRow['marks']>();
  for (const e of diffEntries(diff)) {
    const c = e[side];
    if (c) (marks.get(c.id) ?? marks.set(c.id, []).get(c.id)!).push({ kind: e.kind, id: e.id });
  }
  const children = new Map<number | null, DiffCode[]>();
  for (const c of codes.values()) {
    const parent = c.parentId !== null && codes.has(c.parentId) ? c.parentId : null;
    (children.get(parent) ?? children.set(parent, []).get(parent)!).push(c);
  }
  const out: SideRow[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const c of (children.get(parent) ?? []).sort((x, y) => rank(x) - rank(y) || x.id - y.id)) {
      out.push({ code: c, depth, marks: marks.get(c.id) ?? [] });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
