// Every excerpt the service hands out says where it sits in its source (paragraph, turn, speaker,
// timestamp) and carries its citation in the project's format, so every export, the interface and
// the command line cite it the same way, as a thesis does. Each source's text and structure are
// read once per call, however many of its excerpts are placed.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import type { UnplacedExcerpt } from '../db/excerpts.ts';
import type { Excerpt } from '../model/types.ts';
import { citationValues, formatCitation } from '../analysis/quotes/citation.ts';
import { placeOf, sourceLayout, type SourceLayout } from '../analysis/quotes/place.ts';
import { citationFormat } from './citation-format.ts';
import { parseStructure } from './structure.ts';

export function withPlaces(db: Db, excerpts: readonly UnplacedExcerpt[]): Excerpt[] {
  const layouts = new Map<number, SourceLayout>();
  const layoutOf = (sourceId: number): SourceLayout => {
    let layout = layouts.get(sourceId);
    if (!layout) {
      const row = stmt(db, 'SELECT text, structure FROM sources WHERE id = ?').get(sourceId) as { text: string; structure: string };
      layout = sourceLayout(row.text, parseStructure(row.structure));
      layouts.set(sourceId, layout);
    }
    return layout;
  };
  const format = citationFormat(db);
  return excerpts.map((x) => {
    const place = placeOf(layoutOf(x.sourceId), x.start, x.end);
    return { ...x, place, citation: formatCitation(format, citationValues(x.sourceName, x.caseNames, place)) };
  });
}
