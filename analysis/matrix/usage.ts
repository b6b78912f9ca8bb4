// How much each code is used (its own codings, under the matrix filters), as the codebook tree:
// what the sunburst is sized by.
import type { Db } from '../../db/open.ts';
import { groupCodings } from './aggregate.ts';
import { codeTree } from './rows.ts';
import { eligibleSources, loadSourceFacts } from './sources.ts';
import type { MatrixFilter } from './types.ts';

export interface UsageNode {
  name: string;
  abbrev: string | null;
  /** Codings of this code itself. */
  count: number;
  children: UsageNode[];
}

export function codebookUsage(db: Db, filter: MatrixFilter = {}): UsageNode[] {
  const eligible = eligibleSources(db, loadSourceFacts(db), filter);
  const own = new Map<number, number>();
  for (const g of groupCodings(db, filter)) {
    if (!eligible || eligible.has(g.sourceId)) own.set(g.codeId, (own.get(g.codeId) ?? 0) + g.count);
  }
  type Node = ReturnType<typeof codeTree>[number];
  const convert = (n: Node): UsageNode => ({ name: n.name, abbrev: n.abbrev, count: own.get(n.id) ?? 0, children: n.children.map(convert) });
  return codeTree(db).map(convert);
}
