// Every excerpt the service hands out says where it sits in its source (paragraph, turn, speaker,
// timestamp) and carries its citation in the project's format, so every export, the interface and
// the command line cite it the same way, as a thesis does. Each source's text and structure are
// read once per call, however many of its excerpts are placed, and kept for the next call (the
// Extraits tab asks again at every change of code or filter) while its text and structure stay
// the same.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import type { UnplacedExcerpt } from '../db/excerpts.ts';
import type { Excerpt } from '../model/types.ts';
import { citationValues, formatCitation } from '../analysis/quotes/citation.ts';
import { placeOf, sourceLayout, type SourceLayout } from '../analysis/quotes/place.ts';
import { citationFormat } from './citation-format.ts';
import { parseStructure } from './structure.ts';

interface CachedLayout {
  textHash: string;
  structure: string;
  layout: SourceLayout;
}

/**
 * UTF-16 units of text kept per open project: the bench corpus (500 interviews of 10,000 words)
 * fits, and a larger project keeps its most recently placed sources.
 */
const MAX_CACHED_UNITS = 48_000_000;

interface LayoutCache {
  units: number;
  bySource: Map<number, CachedLayout>;
  /** The project's write count when the layouts were last checked (see `unchanged`). */
  stamp: string;
}

const layouts = new WeakMap<Db, LayoutCache>();

/**
 * Nothing written since the stamp, by this connection (total_changes, triggers included) or any
 * other (data_version): the cached layouts hold without reading a row. Reading a source's hash
 * is not cheap: it lies after the text, so SQLite walks the text's pages to reach it.
 */
function writeStamp(db: Db): string {
  const changes = (stmt(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
  return `${changes}:${db.pragma('data_version', { simple: true }) as number}`;
}

function cacheOf(db: Db): { cache: LayoutCache; unchanged: boolean } {
  const stamp = writeStamp(db);
  let cache = layouts.get(db);
  if (!cache) layouts.set(db, (cache = { units: 0, bySource: new Map(), stamp }));
  const unchanged = cache.stamp === stamp;
  cache.stamp = stamp;
  return { cache, unchanged };
}

/** A source's layout; unless nothing was written since, the text hash and structure are compared, so any edit is seen. */
function layoutOf(db: Db, cache: LayoutCache, unchanged: boolean, sourceId: number): SourceLayout {
  const hit = cache.bySource.get(sourceId);
  if (hit && unchanged) return hit.layout;
  cache.bySource.delete(sourceId);
  if (hit) {
    const key = stmt(db, 'SELECT text_hash AS textHash, structure FROM sources WHERE id = ?').get(sourceId) as { textHash: string; structure: string };
    if (hit.textHash === key.textHash && hit.structure === key.structure) {
      cache.bySource.set(sourceId, hit); // most recently used last
      return hit.layout;
    }
    cache.units -= hit.layout.text.length;
  }
  // A source not placed yet is read once, text and key together.
  const { text, ...key } = stmt(db, 'SELECT text, text_hash AS textHash, structure FROM sources WHERE id = ?').get(sourceId) as {
    text: string;
    textHash: string;
    structure: string;
  };
  const layout = sourceLayout(text, parseStructure(key.structure));
  cache.bySource.set(sourceId, { ...key, layout });
  cache.units += text.length;
  for (const [id, old] of cache.bySource) {
    if (cache.units <= MAX_CACHED_UNITS || id === sourceId) break;
    cache.bySource.delete(id);
    cache.units -= old.layout.text.length;
  }
  return layout;
}

/** Places excerpts; one read without its text (EXCERPT_SELECT_WITHOUT_TEXT) gets it cut from its source. */
export function withPlaces(db: Db, excerpts: readonly (Omit<UnplacedExcerpt, 'text'> & { text?: string })[]): Excerpt[] {
  const place = placer(db);
  return excerpts.map((x) => ({ ...x, ...place(x) }));
}

/** What an excerpt's place adds to it. */
export type Placed = Pick<Excerpt, 'text' | 'place' | 'citation'>;

/**
 * Places excerpts one by one, for a caller that builds its excerpts itself (excerptsInAnyOrder:
 * spreading tens of thousands of rows into new objects goes through V8's slow path).
 */
export function placer(db: Db): (x: Pick<UnplacedExcerpt, 'sourceId' | 'start' | 'end' | 'sourceName' | 'caseNames'> & { text?: string }) => Placed {
  const seen = new Map<number, SourceLayout>();
  const { cache, unchanged } = cacheOf(db);
  const format = citationFormat(db);
  return (x) => {
    let layout = seen.get(x.sourceId);
    if (!layout) seen.set(x.sourceId, (layout = layoutOf(db, cache, unchanged, x.sourceId)));
    const place = placeOf(layout, x.start, x.end);
    const text = x.text ?? layout.text.slice(layout.index.toUtf16(clampTo(layout, x.start)), layout.index.toUtf16(clampTo(layout, x.end)));
    return { text, place, citation: formatCitation(format, citationValues(x.sourceName, x.caseNames, place)) };
  };
}

/** substr() would give what lies within the text: a range past its end (never stored) is cut short. */
function clampTo(layout: SourceLayout, position: number): number {
  return Math.min(Math.max(0, position), layout.index.codePointLength);
}
