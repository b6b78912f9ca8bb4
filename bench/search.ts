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
