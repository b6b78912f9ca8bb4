// Turns a codebook comparison and the user's choices into a plan that the storage layer applies to
// *my* codebook. Pure: nothing is touched here, so the plan can be shown before it is applied.
// A merge never deletes one of my codes: codes only in mine ("removed") are left as they are.
import type { Code } from '../model/types.ts';
import { TresseError } from '../i18n/error.ts';
import { nameKey, type CodebookDiff, type CompareCode, type DiffCode } from './compare.ts';
import type { TextField } from './tree.ts';

export type AddedChoice = 'add' | 'ignore';
export type SideChoice = 'mine' | 'theirs';
/** For a proposed rename: the same code (their codings go onto mine, my name and fields stay), or two codes. */
export type ProposalChoice = 'map' | 'distinct';
export type Choice = AddedChoice | SideChoice | ProposalChoice;

export interface Decision {
  /** The id of an entry of the CodebookDiff. */
  id: string;
  choice: Choice;
}

export type NewCode = Omit<CompareCode, 'id' | 'parentId'>;

export type MergeOp =
  | { op: 'add'; code: NewCode; parentGuid: string | null }
  | { op: 'rename'; guid: string; name: string }
  | { op: 'move'; guid: string; parentGuid: string | null }
  | { op: 'update'; guid: string; fields: Partial<Pick<Code, TextField | 'color'>> }
  /** Their code is my code under another guid (matched by path or name, or mapped by the user). */
  | { op: 'map'; fromGuid: string; toGuid: string };

export interface MergePlan {
  /** In the order to apply: adds (parents first), moves, renames, updates, maps. */
  ops: MergeOp[];
  /** Each of their guids -> the guid it becomes in the merged codebook; null for an ignored code. */
  guidMap: Record<string, string | null>;
}

/** What happens to a difference the user has not decided on: nothing of mine changes, their new codes come in. */
export function defaultChoice(diff: CodebookDiff, id: string): Choice {
  if (diff.added.some((d) => d.id === id)) return 'add';
  if (diff.renamed.some((d) => d.id === id && d.proposed)) return 'distinct';
  return 'mine';
}

export function planMerge(diff: CodebookDiff, decisions: readonly Decision[]): MergePlan {
  const choose = readDecisions(diff, decisions);
  const proposals = diff.renamed.filter((r) => r.proposed);

  const guidMap: Record<string, string | null> = {};
  for (const m of diff.matches) guidMap[m.b.guid] = m.a.guid;
  for (const p of proposals) guidMap[p.b.guid] = choose(p.id) === 'map' ? p.a.guid : p.b.guid;
  for (const d of diff.added) guidMap[d.b.guid] = choose(d.id) === 'add' ? d.b.guid : null;

  const theirs = new Map<string, DiffCode>();
  for (const b of [...diff.matches.map((m) => m.b), ...proposals.map((p) => p.b), ...diff.added.map((d) => d.b)]) theirs.set(b.guid, b);
  // Where a code of theirs lands: under its parent's counterpart, or the nearest ancestor that has one.
  const landing = (parentGuid: string | null): string | null => {
    for (let g = parentGuid; g !== null; g = theirs.get(g)?.parentGuid ?? null) {
      const mapped = guidMap[g];
      if (mapped) return mapped;
    }
    return null;
  };

  const tree = new Tree([...diff.matches.map((m) => m.a), ...proposals.map((p) => p.a), ...diff.removed.map((d) => d.a)]);
  const ops: MergeOp[] = [];

  const adds = [
    ...diff.added.filter((d) => choose(d.id) === 'add').map((d) => d.b),
    ...proposals.filter((p) => choose(p.id) === 'distinct').map((p) => p.b),
  ].sort((x, y) => x.path.length - y.path.length);
  for (const b of adds) {
    const parentGuid = landing(b.parentGuid);
    const { id: _id, parentId: _parentId, path: _path, parentGuid: _parentGuid, ...code } = b;
    tree.add(b.guid, b.name, parentGuid);
    ops.push({ op: 'add', code, parentGuid });
  }

  const moves = diff.moved
    .filter((m) => choose(m.id) === 'theirs')
    .map((m) => ({ guid: m.a.guid, name: m.a.name, parentGuid: landing(m.b.parentGuid) }))
    .filter((m) => m.parentGuid !== tree.parent(m.guid));
  for (const m of tree.orderMoves(moves)) ops.push({ op: 'move', guid: m.guid, parentGuid: m.parentGuid });

  for (const r of diff.renamed) {
    if (r.proposed || choose(r.id) !== 'theirs') continue;
    tree.rename(r.a.guid, r.b.name);
    ops.push({ op: 'rename', guid: r.a.guid, name: r.b.name });
  }
  tree.checkNames();

  const updates = new Map<string, Partial<Pick<Code, TextField | 'color'>>>();
  const update = (guid: string) => updates.get(guid) ?? updates.set(guid, {}).get(guid)!;
  for (const r of diff.redefined) if (choose(r.id) === 'theirs') for (const f of r.fields) update(r.a.guid)[f] = r.b[f];
  for (const r of diff.recoloured) if (choose(r.id) === 'theirs') update(r.a.guid).color = r.b.color;
  for (const [guid, fields] of updates) ops.push({ op: 'update', guid, fields });

  for (const [fromGuid, toGuid] of Object.entries(guidMap)) if (toGuid !== null && toGuid !== fromGuid) ops.push({ op: 'map', fromGuid, toGuid });
  return { ops, guidMap };
}

function readDecisions(diff: CodebookDiff, decisions: readonly Decision[]): (id: string) => Choice {
  const allowed = new Map<string, readonly Choice[]>();
  for (const d of diff.added) allowed.set(d.id, ['add', 'ignore']);
  for (const d of diff.renamed) allowed.set(d.id, d.proposed ? ['map', 'distinct'] : ['mine', 'theirs']);
  for (const d of [...diff.moved, ...diff.redefined, ...diff.recoloured]) allowed.set(d.id, ['mine', 'theirs']);
  const chosen = new Map<string, Choice>();
  for (const d of decisions) {
    // Decisions come from our own interface: a mismatch means it is out of step with the diff.
    if (!allowed.get(d.id)?.includes(d.choice)) throw new TresseError('value.invalid', { field: d.id, value: d.choice });
    chosen.set(d.id, d.choice);
  }
  return (id) => chosen.get(id) ?? defaultChoice(diff, id);
}

/** My codebook as it would be after the plan, to refuse plans that would break it. */
class Tree {
  private parents = new Map<string, string | null>();
  private names = new Map<string, string>();
  /** Codes the plan adds, moves or renames: only they can create a clash. */
  private touched = new Set<string>();

  constructor(mine: DiffCode[]) {
    for (const a of mine) {
      this.parents.set(a.guid, a.parentGuid);
      this.names.set(a.guid, a.name);
    }
  }

  add(guid: string, name: string, parentGuid: string | null): void {
    this.parents.set(guid, parentGuid);
    this.names.set(guid, name);
    this.touched.add(guid);
  }

  parent(guid: string): string | null {
    return this.parents.get(guid) ?? null;
  }

  rename(guid: string, name: string): void {
    this.names.set(guid, name);
    this.touched.add(guid);
  }

  private isUnder(guid: string, ancestor: string): boolean {
    for (let g: string | null = guid; g !== null; g = this.parent(g)) if (g === ancestor) return true;
    return false;
  }

  /** Moves in an order where none puts a code under its own descendant; refused if the end state has a cycle. */
  orderMoves<M extends { guid: string; name: string; parentGuid: string | null }>(moves: M[]): M[] {
    const ordered: M[] = [];
    const pending = [...moves];
    while (pending.length > 0) {
      const i = pending.findIndex((m) => m.parentGuid === null || !this.isUnder(m.parentGuid, m.guid));
      if (i < 0) throw new TresseError('code.cycle', { name: pending[0]!.name });
      const [m] = pending.splice(i, 1);
      this.parents.set(m!.guid, m!.parentGuid);
      this.touched.add(m!.guid);
      ordered.push(m!);
    }
    return ordered;
  }

  /** Two siblings with the same name would make paths ambiguous (and the database refuses them). */
  checkNames(): void {
    const seen = new Map<string, string>();
    for (const [guid, name] of this.names) {
      const key = `${this.parent(guid) ?? ''}\u0000${nameKey(name)}`;
      const other = seen.get(key);
      if (other !== undefined && (this.touched.has(guid) || this.touched.has(other))) throw new TresseError('code.exists', { name });
      seen.set(key, guid);
    }
  }
}
