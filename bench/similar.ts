// "Passages like this one" over the bench corpus (500 interviews, about 75,000 turns, the 100,000
// codings of bench/codings.ts), as the panel asks: the first query builds the passage index, the
// next ones are what the researcher waits for at each coding. The answers are checked against BM25
// computed here plainly, from termsOf over every passage (its transcript's speakers left out),
// without the index.
//
// Target: under 300 ms warm. The panel opens on a click; beyond a few tenths of a second the
// researcher waits for it, and each coding they make invalidates the list, which is then asked again.
import { performance } from 'node:perf_hooks';
import { listCodes } from '../service/codebook.ts';
import type { ProjectContext } from '../service/context.ts';
import { B, K1 } from '../service/passage-index.ts';
import { parseStructure } from '../service/structure.ts';
import { similarPassages, type SimilarQuery } from '../service/similar-passages.ts';
import { projectWordForms } from '../service/text-language.ts';
import { OffsetIndex } from '../text/offsets.ts';
import { passagesOf } from '../text/passages.ts';
import { termsOf } from '../text/terms.ts';
import { median, type Report } from './figure.ts';

interface PlainPassage {
  sourceId: number;
  start: number;
  end: number;
  counts: Map<string, number>;
  length: number;
}

function plainPassages(ctx: ProjectContext): PlainPassage[] {
  const forms = projectWordForms(ctx.db);
  const rows = ctx.db.prepare('SELECT id, text, structure FROM sources ORDER BY id').all() as { id: number; text: string; structure: string }[];
  return rows.flatMap(({ id, text, structure }) => {
    const offsets = new OffsetIndex(text);
    const segments = parseStructure(structure);
    const speakers = new Set(segments.flatMap((s) => (s.kind === 'turn' ? termsOf(s.speaker, forms) : [])));
    return passagesOf(text, segments).map((p) => {
      const terms = termsOf(text.slice(offsets.toUtf16(p.start), offsets.toUtf16(p.end)), forms).filter((t) => !speakers.has(t));
      const counts = new Map<string, number>();
      for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
      return { sourceId: id, start: p.start, end: p.end, counts, length: terms.length };
    });
  });
}

/** The `limit` best passages by the formula in service/similar-passages.ts, exclusions applied plainly. */
function plainRanking(ctx: ProjectContext, all: PlainPassage[], q: { sourceId: number; start: number; end: number; codeId: number }, limit: number) {
  const forms = projectWordForms(ctx.db);
  const text = ctx.db.prepare('SELECT substr(text, ? + 1, ?) AS t FROM sources WHERE id = ?').get(q.start, q.end - q.start, q.sourceId) as { t: string };
  const structure = parseStructure(ctx.db.prepare('SELECT structure FROM sources WHERE id = ?').pluck().get(q.sourceId) as string);
  const speakers = new Set(structure.flatMap((s) => (s.kind === 'turn' ? termsOf(s.speaker, forms) : [])));
  const stems = new Set(termsOf(text.t, forms).filter((t) => !speakers.has(t)));
  const avgdl = all.reduce((n, p) => n + p.length, 0) / all.length;
  const df = new Map<string, number>();
  for (const p of all) for (const t of p.counts.keys()) if (stems.has(t)) df.set(t, (df.get(t) ?? 0) + 1);
  const coded = ctx.db.prepare('SELECT source_id AS sourceId, start, end FROM codings WHERE code_id = ?').all(q.codeId) as {
    sourceId: number;
    start: number;
    end: number;
  }[];
  const codedIn = new Map<number, typeof coded>();
  for (const c of coded) codedIn.set(c.sourceId, [...(codedIn.get(c.sourceId) ?? []), c]);
  const overlaps = (p: PlainPassage, r: { sourceId: number; start: number; end: number }) => p.sourceId === r.sourceId && r.start < p.end && r.end > p.start;
  return all
    .filter((p) => !overlaps(p, q) && !(codedIn.get(p.sourceId) ?? []).some((c) => overlaps(p, c)))
    .map((p) => {
      let score = 0;
      for (const t of stems) {
        const tf = p.counts.get(t) ?? 0;
        if (tf === 0) continue;
        const idf = Math.log(1 + (all.length - df.get(t)! + 0.5) / (df.get(t)! + 0.5));
        score += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * p.length) / avgdl));
      }
      return { sourceId: p.sourceId, start: p.start, score };
    })
    .filter((p) => p.score > 0)
    .sort((a, b) => b.score - a.score || a.sourceId - b.sourceId || a.start - b.start)
    .slice(0, limit);
}

export function similarFigures(report: Report, ctx: ProjectContext): void {
  const code = listCodes(ctx.db).find((c) => c.codable)!;
  const sources = ctx.db.prepare('SELECT id, length FROM sources ORDER BY id').all() as { id: number; length: number }[];
  // Selections of about a turn's length (600 characters) spread over the corpus, with a code.
  const queries: Array<SimilarQuery & { sourceId: number; start: number; end: number; codeId: number }> = [];
  for (let i = 0; i < 12; i++) {
    const s = sources[(i * 41) % sources.length]!;
    const start = Math.floor((s.length - 600) * ((i * 0.37) % 1));
    queries.push({ sourceId: s.id, start, end: start + 600, codeId: code.id });
  }
  const t0 = performance.now();
  const first = similarPassages(ctx.db, queries[0]!);
  const coldMs = performance.now() - t0;
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of queries) {
      const t = performance.now();
      similarPassages(ctx.db, q);
      times.push(performance.now() - t);
    }
  }
  const all = plainPassages(ctx);
  for (const q of [queries[0]!, queries[5]!]) {
    const got = similarPassages(ctx.db, q).passages;
    const want = plainRanking(ctx, all, q, 20);
    report.expect(got.length === want.length, `similar passages: ${got.length} passages, the plain computation gives ${want.length}`);
    const same = want.every((w, i) => got[i]?.sourceId === w.sourceId && got[i]?.start === w.start && Math.abs(got[i]!.score - w.score) < 1e-9);
    report.expect(same, `similar passages: the ranking differs from the plain computation for source ${q.sourceId} [${q.start}–${q.end}]`);
  }
  report.expect(first.passages.length === 20, `similar passages: ${first.passages.length} passages instead of 20`);
  report.add({
    name: `passages like this one (limit 20), ${sources.length} interviews, warm median`,
    value: median(times),
    unit: 'ms',
    target: { below: 300 },
    note: `${all.length.toLocaleString('en')} passages; range ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms; the first query, building the passage index, ${(coldMs / 1000).toFixed(1)} s`,
  });
}
