// Compares my codebook (A) with someone else's (B) so a team can see how their grids drifted apart
// before merging. Two codes are "the same code" when they share a guid, else the same path of names
// from the root, else the same name when that name is unique on both sides. Of what is left, names
// that look alike are only *proposed* as renames: the user decides.
import Fuse from 'fuse.js';
import type { Code } from '../model/types.ts';
import { TEXT_FIELDS, type TextField } from './tree.ts';

export type CompareCode = Pick<
  Code,
  'id' | 'guid' | 'parentId' | 'name' | 'abbrev' | 'color' | 'definition' | 'inclusion' | 'exclusion' | 'example' | 'codable'
>;

/** A code with where it sits in its own codebook. */
export type DiffCode = CompareCode & { path: string[]; parentGuid: string | null };

export type MatchBy = 'guid' | 'path' | 'name';

export interface Match {
  a: DiffCode;
  b: DiffCode;
  by: MatchBy;
}

/** Every entry has an `id`, stable for a given pair of codebooks, that merge decisions refer to. */
export interface CodebookDiff {
  /** Every pair judged to be the same code, changed or not. */
  matches: Match[];
  added: Array<{ id: string; b: DiffCode }>;
  removed: Array<{ id: string; a: DiffCode }>;
  /**
   * Same code under another name, or (proposed) a code of B that may be a renamed code of A.
   * `score` is a similarity in [0, 1], 1 for identical names once accents and case are set aside.
   * The two codes of a proposal appear in neither `added` nor `removed`.
   */
  renamed: Array<{ id: string; a: DiffCode; b: DiffCode } & ({ proposed: false; by: MatchBy } | { proposed: true; score: number })>;
  /** The parents are not the same code (the paths show where from and where to). */
  moved: Array<{ id: string; a: DiffCode; b: DiffCode }>;
  redefined: Array<{ id: string; a: DiffCode; b: DiffCode; fields: TextField[] }>;
  recoloured: Array<{ id: string; a: DiffCode; b: DiffCode }>;
}

/** Names compared without accents, case, doubled spaces or typographic apostrophes. */
export function nameKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").toLocaleLowerCase('fr').replace(/\s+/g, ' ').trim();
}

// Fuse's `threshold` bounds how fuzzy each word may be (0.4 lets "mobilisé" meet "mobilisés" and
// "co-construction" meet "coconstruction"). Its token-search scores do not respect that bound, so a
// pair is proposed only if its best score, searching both ways, is at most MAX_RENAME_SCORE. On our
// French samples true renames ("Secret partagé" / "Secret professionnel partagé", "Isolement" /
// "Isolement social", "Auto-stigmatisation" / "Autostigmatisation") score below 0.1, while unrelated
// names that share a suffix ("Logement" / "Hébergement" 0.25, "Pistes" / "Partenaires" 0.46) score above 0.2.
const FUSE_THRESHOLD = 0.4;
export const MAX_RENAME_SCORE = 0.2;

export function compareCodebooks(mine: readonly CompareCode[], theirs: readonly CompareCode[]): CodebookDiff {
  const A = locate(mine);
  const B = locate(theirs);
  const aOf = new Map<DiffCode, DiffCode>(); // b -> a
  const bOf = new Map<DiffCode, DiffCode>(); // a -> b
  const by = new Map<DiffCode, MatchBy>(); // keyed by b
  const pair = (a: DiffCode, b: DiffCode, how: MatchBy) => {
    aOf.set(b, a);
    bOf.set(a, b);
    by.set(b, how);
  };

  const aByGuid = new Map(A.list.map((a) => [a.guid.toLowerCase(), a]));
  for (const b of B.list) {
    const a = aByGuid.get(b.guid.toLowerCase());
    if (a) pair(a, b, 'guid');
  }

  // Path and name matches feed each other (a parent matched by name lets its children match by path).
  for (let progress = true; progress;) {
    progress = false;
    for (const b of B.list) {
      if (aOf.has(b)) continue;
      const bParent = b.parentId === null ? null : B.byId.get(b.parentId)!;
      if (bParent && !aOf.has(bParent)) continue;
      const aParentId = bParent ? aOf.get(bParent)!.id : null;
      const key = nameKey(b.name);
      const candidates = (A.children.get(aParentId) ?? []).filter((a) => nameKey(a.name) === key);
      const rivals = (B.children.get(b.parentId) ?? []).filter((x) => nameKey(x.name) === key);
      if (candidates.length === 1 && rivals.length === 1 && !bOf.has(candidates[0]!)) {
        pair(candidates[0]!, b, 'path');
        progress = true;
      }
    }
    for (const b of B.list) {
      if (aOf.has(b)) continue;
      const key = nameKey(b.name);
      const same = A.byName.get(key);
      if (same?.length === 1 && B.byName.get(key)!.length === 1 && !bOf.has(same[0]!)) {
        pair(same[0]!, b, 'name');
        progress = true;
      }
    }
  }

  const proposals = proposeRenames(
    A.list.filter((a) => !bOf.has(a)),
    B.list.filter((b) => !aOf.has(b)),
  );
  const proposedA = new Set(proposals.map((p) => p.a));
  const proposedB = new Set(proposals.map((p) => p.b));

  const diff: CodebookDiff = { matches: [], added: [], removed: [], renamed: [], moved: [], redefined: [], recoloured: [] };
  const id = (kind: string, a: DiffCode | null, b: DiffCode | null) => `${kind}:${a?.guid ?? ''}:${b?.guid ?? ''}`;
  for (const b of B.list) {
    const a = aOf.get(b);
    if (!a) {
      if (!proposedB.has(b)) diff.added.push({ id: id('added', null, b), b });
      continue;
    }
    const how = by.get(b)!;
    diff.matches.push({ a, b, by: how });
    if (a.name !== b.name) diff.renamed.push({ id: id('renamed', a, b), a, b, proposed: false, by: how });
    const bParent = b.parentId === null ? null : B.byId.get(b.parentId)!;
    const sameParent = bParent === null ? a.parentId === null : aOf.get(bParent)?.id === a.parentId;
    if (!sameParent) diff.moved.push({ id: id('moved', a, b), a, b });
    const fields = TEXT_FIELDS.filter((f) => a[f] !== b[f]);
    if (fields.length > 0) diff.redefined.push({ id: id('redefined', a, b), a, b, fields });
    if (a.color.toLowerCase() !== b.color.toLowerCase()) diff.recoloured.push({ id: id('recoloured', a, b), a, b });
  }
  for (const p of proposals) diff.renamed.push({ id: id('renamed', p.a, p.b), a: p.a, b: p.b, proposed: true, score: p.score });
  for (const a of A.list) if (!bOf.has(a) && !proposedA.has(a)) diff.removed.push({ id: id('removed', a, null), a });
  return diff;
}

interface Located {
  /** Parents before children, siblings in input order. */
  list: DiffCode[];
  byId: Map<number, DiffCode>;
  children: Map<number | null, DiffCode[]>;
  byName: Map<string, DiffCode[]>;
}

function locate(codes: readonly CompareCode[]): Located {
  const raw = new Map(codes.map((c) => [c.id, c]));
  const kids = new Map<number | null, CompareCode[]>();
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => (map.get(key) ?? map.set(key, []).get(key)!).push(value);
  for (const c of codes) push(kids, c.parentId, c);
  const out: Located = { list: [], byId: new Map(), children: new Map(), byName: new Map() };
  const visit = (parent: DiffCode | null) => {
    for (const c of kids.get(parent?.id ?? null) ?? []) {
      const d: DiffCode = { ...c, path: [...(parent?.path ?? []), c.name], parentGuid: parent?.guid ?? null };
      out.list.push(d);
      out.byId.set(d.id, d);
      push(out.children, c.parentId, d);
      push(out.byName, nameKey(c.name), d);
      visit(d);
    }
  };
  visit(null);
  // Codes whose parent is missing or in a cycle never reach the root: that is corrupt data.
  if (out.list.length !== raw.size) throw new Error('Codebook to compare has dangling parents or a cycle');
  return out;
}

function proposeRenames(as: DiffCode[], bs: DiffCode[]): Array<{ a: DiffCode; b: DiffCode; score: number }> {
  if (as.length === 0 || bs.length === 0) return [];
  const options = { includeScore: true, ignoreLocation: true, useTokenSearch: true, threshold: FUSE_THRESHOLD };
  const aIndex = new Fuse(
    as.map((a) => nameKey(a.name)),
    options,
  );
  const bIndex = new Fuse(
    bs.map((b) => nameKey(b.name)),
    options,
  );
  // Searching both ways: a short name inside a long one scores well only when the short one is the query.
  const best = new Map<string, { a: DiffCode; b: DiffCode; score: number }>();
  const consider = (a: DiffCode, b: DiffCode, score: number) => {
    const k = `${a.id}:${b.id}`;
    if (score <= MAX_RENAME_SCORE && score < (best.get(k)?.score ?? Infinity)) best.set(k, { a, b, score });
  };
  bs.forEach((b) => {
    for (const r of aIndex.search(nameKey(b.name))) consider(as[r.refIndex]!, b, r.score ?? 1);
  });
  as.forEach((a) => {
    for (const r of bIndex.search(nameKey(a.name))) consider(a, bs[r.refIndex]!, r.score ?? 1);
  });
  // Closest pairs first, each code used once.
  const taken = new Set<DiffCode>();
  const out: Array<{ a: DiffCode; b: DiffCode; score: number }> = [];
  for (const p of [...best.values()].sort((x, y) => x.score - y.score || x.a.id - y.a.id || x.b.id - y.b.id)) {
    if (taken.has(p.a) || taken.has(p.b)) continue;
    taken.add(p.a).add(p.b);
    out.push({ ...p, score: Math.round((1 - p.score) * 100) / 100 });
  }
  return out;
}
