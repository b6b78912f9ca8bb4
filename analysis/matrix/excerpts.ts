// The excerpts behind a cell, fetched only when asked for (service/matrix-excerpts.ts): the
// counts never read a text.
import type { Excerpt } from '../../model/types.ts';

export interface CellExcerpts {
  rowKey: string;
  columnKey: string;
  total: number;
  excerpts: Excerpt[];
}

const collator = new Intl.Collator('fr');

/** Where an excerpt sits, enough to order it without its text. */
export interface Placed {
  id: number;
  sourceKind: string;
  sourceName: string;
  start: number;
}

/** Reading order: source kind, source name, position, then id. */
export const readingOrder = (a: Placed, b: Placed): number =>
  a.sourceKind.localeCompare(b.sourceKind) || collator.compare(a.sourceName, b.sourceName) || a.start - b.start || a.id - b.id;
