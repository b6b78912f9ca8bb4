// Full-text search as the search panel runs it (limit 500), warm, median over the queries.
import { performance } from 'node:perf_hooks';
import { searchSources } from '../db/search.ts';
import type { ProjectContext } from '../service/context.ts';
import { median, type Report } from './figure.ts';

const QUERIES = [
  'securite',
  'secret partage',
  '"secret partagé"',
  'hospitalisation',
  'logement bailleur',
  'stigmat*',
  'équipe mobile',
  'diogene',
  '"santé mentale"',
  'precarite isolement',
  'consent*',
  'juge tribunal',
  'ratomi',
  'lé*',
];
/** The search panel's own limit (renderer/panels/search/SearchPanel.tsx). */
const PANEL_LIMIT = 500;

/**
 * Queries checked against a plain scan of every text, written here without the search's code: the
 * text folded whole (accents, case), a regular expression between word boundaries.
 */
const NAIVE: Array<[string, RegExp]> = [
  ['"secret partagé"', /(?<![\p{L}\p{N}])secret[^\p{L}\p{N}]+partage(?![\p{L}\p{N}])/gu],
  ['"santé mentale"', /(?<![\p{L}\p{N}])sante[^\p{L}\p{N}]+mentale(?![\p{L}\p{N}])/gu],
  ['ratomi', /(?<![\p{L}\p{N}])ratomi(?![\p{L}\p{N}])/gu],
  ['hospitalisation', /(?<![\p{L}\p{N}])hospitalisation(?![\p{L}\p{N}])/gu],
];

function naiveCounts(ctx: ProjectContext, pattern: RegExp): number[] {
  const texts = ctx.db.prepare('SELECT text FROM sources').all() as { text: string }[];
  return texts.map(({ text }) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(pattern)?.length ?? 0);
}

export function searchFigures(report: Report, ctx: ProjectContext): void {
  const first = performance.now();
  const hits = QUERIES.map((q) => searchSources(ctx.db, q, { limit: PANEL_LIMIT }).hits.length);
  const coldMs = (performance.now() - first) / QUERIES.length;
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of QUERIES) {
      const s = performance.now();
      searchSources(ctx.db, q, { limit: PANEL_LIMIT });
      times.push(performance.now() - s);
    }
  }
  for (const [query, pattern] of NAIVE) {
    const result = searchSources(ctx.db, query, { limit: PANEL_LIMIT });
    const perSource = naiveCounts(ctx, pattern);
    const total = perSource.reduce((a, b) => a + b, 0);
    const sources = perSource.filter((n) => n > 0).length;
    report.expect(result.sourceCount === sources, `${query}: ${result.sourceCount} sources found, a plain scan finds ${sources}`);
    report.expect(result.hits.length === Math.min(total, PANEL_LIMIT), `${query}: ${result.hits.length} hits, a plain scan finds ${total}`);
  }
  report.expect(
    hits.every((n) => n > 0),
    `no hit for ${QUERIES.filter((_, i) => hits[i] === 0).join(', ')}`,
  );
  report.add({
    name: `search as the panel runs it (limit ${PANEL_LIMIT}), median`,
    value: median(times),
    unit: 'ms',
    target: { below: 20 },
    note: `first pass ${coldMs.toFixed(1)} ms per query; hits ${Math.min(...hits)}–${Math.max(...hits)}`,
  });
}
