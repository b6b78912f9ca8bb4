// The rows a matrix can have: every code in codebook order (a code's row holds its sub-codes'
// evidence too), only the themes (top-level codes), or the research questions.
import type { ResearchQuestion } from './questions.ts';
import type { RowItem, RowMode } from './types.ts';

export interface CodeRow {
  id: number;
  parentId: number | null;
  name: string;
  abbrev: string | null;
  color: string;
}

export interface CodeNode extends CodeRow {
  children: CodeNode[];
}

/** The codebook as a tree, from its codes in codebook order (parents first, then position). */
export function codeTree(codes: readonly CodeRow[]): CodeNode[] {
  const byId = new Map(codes.map((r) => [r.id, { ...r, children: [] as CodeNode[] }]));
  const roots: CodeNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

function descendants(node: CodeNode, out: number[] = []): number[] {
  out.push(node.id);
  for (const c of node.children) descendants(c, out);
  return out;
}

function codeRow(node: CodeNode, depth: number, own: boolean): RowItem {
  return {
    key: `code:${node.id}`,
    label: node.name,
    abbrev: node.abbrev,
    depth,
    codeId: node.id,
    questionId: null,
    codeIds: own ? [node.id] : descendants(node),
    color: node.color,
  };
}

/**
 * With `own`, a code's row holds only its own codings (co-occurrence, where a theme holding its
 * sub-codes would repeat every pair). `questions` are read for question rows only.
 */
export function rowItems(roots: readonly CodeNode[], mode: RowMode, questions: readonly ResearchQuestion[], own = false): RowItem[] {
  if (mode === 'themes') return roots.map((n) => codeRow(n, 0, own));
  if (mode === 'codes') {
    const out: RowItem[] = [];
    const walk = (nodes: readonly CodeNode[], depth: number) => {
      for (const n of nodes) {
        out.push(codeRow(n, depth, own));
        walk(n.children, depth + 1);
      }
    };
    walk(roots, 0);
    return out;
  }
  const byId = new Map<number, CodeNode>();
  const index = (nodes: readonly CodeNode[]) => nodes.forEach((n) => (byId.set(n.id, n), index(n.children)));
  index(roots);
  return questions.map((q) => ({
    key: `question:${q.id}`,
    label: q.name,
    abbrev: null,
    depth: 0,
    codeId: null,
    questionId: q.id,
    codeIds: [...new Set(q.codeIds.flatMap((id) => (byId.has(id) ? descendants(byId.get(id)!) : [])))],
  }));
}
