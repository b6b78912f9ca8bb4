// The codebook as a tree, built from the flat list the API returns (ordered by parent, position).
import type { CodeWithCount } from '../../service/contract/index.ts';

export interface CodeNode {
  code: CodeWithCount;
  children: CodeNode[];
  /** Codings of this code and all its sub-codes. */
  totalCount: number;
  depth: number;
}

export function buildCodeTree(codes: readonly CodeWithCount[]): CodeNode[] {
  const byParent = new Map<number | null, CodeWithCount[]>();
  for (const c of codes) {
    const list = byParent.get(c.parentId) ?? [];
    list.push(c);
    byParent.set(c.parentId, list);
  }
  const build = (parentId: number | null, depth: number): CodeNode[] =>
    (byParent.get(parentId) ?? [])
      .sort((a, b) => a.position - b.position || a.id - b.id)
      .map((code) => {
        const children = build(code.id, depth + 1);
        const totalCount = code.codingCount + children.reduce((n, ch) => n + ch.totalCount, 0);
        return { code, children, totalCount, depth };
      });
  return build(null, 0);
}

/** Depth-first order, as the tree shows it: for selects and keyboard navigation. */
export function flattenTree(nodes: readonly CodeNode[], isOpen: (id: number) => boolean = () => true): CodeNode[] {
  const out: CodeNode[] = [];
  const walk = (list: readonly CodeNode[]) => {
    for (const n of list) {
      out.push(n);
      if (n.children.length > 0 && isOpen(n.code.id)) walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/** Short label for a code: "SM2 · Contact avec les personnes concernées". */
export function codeLabel(code: Pick<CodeWithCount, 'abbrev' | 'name'>): string {
  return code.abbrev ? `${code.abbrev} · ${code.name}` : code.name;
}

/** Whether `ancestorId` is `id` or one of its ancestors. */
export function isWithin(codes: readonly CodeWithCount[], id: number, ancestorId: number): boolean {
  const byId = new Map(codes.map((c) => [c.id, c]));
  for (let cur = byId.get(id), guard = 0; cur && guard < 1000; cur = cur.parentId === null ? undefined : byId.get(cur.parentId), guard++) {
    if (cur.id === ancestorId) return true;
  }
  return false;
}
