// How much each code is used (its own codings, under the matrix filters), as the codebook tree:
// what the sunburst is sized by.
import type { CodeNode } from './rows.ts';

export interface UsageNode {
  name: string;
  abbrev: string | null;
  /** #rrggbb, as the codebook holds it. */
  color?: string;
  /** Codings of this code itself. */
  count: number;
  children: UsageNode[];
}

/** The codebook tree with each code's own count (`own`, by code id; absent is none). */
export function usageTree(roots: readonly CodeNode[], own: ReadonlyMap<number, number>): UsageNode[] {
  const convert = (n: CodeNode): UsageNode => ({
    name: n.name,
    abbrev: n.abbrev,
    color: n.color,
    count: own.get(n.id) ?? 0,
    children: n.children.map(convert),
  });
  return roots.map(convert);
}
