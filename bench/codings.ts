// A grown project: 100,000 codings over the bench corpus, then adding one and listing a code's.
import { performance } from 'node:perf_hooks';
import { addCode, listCodes } from '../service/codebook.ts';
import { addCoding, listCodingsOfCode, retrieveExcerptPage, retrieveExcerpts } from '../service/codings.ts';
import type { ProjectContext } from '../service/context.ts';
import { mulberry32 } from './corpus.ts';
import { median, type Report } from './figure.ts';

export const CODINGS = 100_000;
const CODES = 60;

export function codingFigures(report: Report, ctx: ProjectContext): void {
  // A grown codebook: the six-theme grid's 31 codes plus a team's own, 60 in all.
  const grid = listCodes(ctx.db);
  for (let i = grid.length; i < CODES; i++) addCode(ctx, { name: `Code d’équipe ${i + 1}`, parentId: grid[i % 6]!.id });
  const codes = listCodes(ctx.db).filter((c) => c.codable);
  const sourceIds = ctx.db.prepare('SELECT id, length FROM sources').all() as { id: number; length: number }[];
  const rnd = mulberry32(7);
  const insert = ctx.db.prepare(
    `INSERT INTO codings (guid, source_id, code_id, coder_id, start, end, created_at, segment_kind)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'verbatim')`,
  );
  ctx.db.transaction(() => {
    for (let i = 0; i < CODINGS; i++) {
      const s = sourceIds[Math.floor(rnd() * sourceIds.length)]!;
      const len = 20 + Math.floor(rnd() * 600);
      const start = Math.floor(rnd() * (s.length - len));
      insert.run(crypto.randomUUID(), s.id, codes[i % codes.length]!.id, ctx.coder.id, start, start + len, new Date().toISOString());
    }
  })();
  const addTimes: number[] = [];
  // A code of its own: a random coding of the same code over [10, 60) would have the add refused
  // (one coding per coder, code and passage); the lookup that checks it is the same index either way.
  const timed = addCode(ctx, { name: 'Code chronométré' });
  for (let i = 0; i < 200; i++) {
    const s = sourceIds[i % sourceIds.length]!;
    const start = 10 + 100 * Math.floor(i / sourceIds.length); // a smaller corpus gets more per source
    const t = performance.now();
    addCoding(ctx, { sourceId: s.id, codeId: timed.id, start, end: start + 50 });
    addTimes.push(performance.now() - t);
  }
  report.expect(listCodingsOfCode(ctx.db, timed.id).length === 200, 'the 200 timed codings are not all stored');
  report.add({
    name: `add one coding (${CODINGS.toLocaleString('en')} codings in project), median`,
    value: median(addTimes),
    unit: 'ms',
    target: { below: 1 },
  });

  const count = ctx.db.prepare('SELECT count(*) AS n FROM codings WHERE code_id = ?');
  const listTimes: number[] = [];
  let listed = 0;
  for (const code of codes) {
    const t = performance.now();
    listed = listCodingsOfCode(ctx.db, code.id).length;
    listTimes.push(performance.now() - t);
    report.expect(listed === (count.get(code.id) as { n: number }).n, `${code.name}: ${listed} codings listed`);
  }
  report.add({ name: `list the codings of one code (~${listed} codings), median`, value: median(listTimes), unit: 'ms', target: { below: 10 } });

  // A code without sub-codes, as most are: the tab lists it alone.
  excerptFigures(report, ctx, codes.find((c) => !codes.some((d) => d.parentId === c.id))!.id);
}

/** The Extraits tab's page (renderer/panels/retrieval/RetrievalPanel.tsx). */
const PANEL_PAGE = 50;

/**
 * The Extraits tab: one code's excerpts with their text, place and citation, through the service
 * call the contract's `retrievePage` makes, with the panel's own arguments (RetrievalPanel.tsx: the
 * code and its sub-codes, no other filter, the first page). Cold is the first call after the
 * codings were written; the whole list (command line, exports) is given beside it.
 */
function excerptFigures(report: Report, ctx: ProjectContext, codeId: number): void {
  const args = { codeId, includeSubcodes: true };
  const page = { offset: 0, limit: PANEL_PAGE };
  let t = performance.now();
  const first = retrieveExcerptPage(ctx.db, args, page);
  const coldMs = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    t = performance.now();
    retrieveExcerptPage(ctx.db, args, page);
    times.push(performance.now() - t);
  }
  t = performance.now();
  const all = retrieveExcerpts(ctx.db, args);
  const allMs = performance.now() - t;
  const expected = (ctx.db.prepare('SELECT count(*) AS n FROM codings WHERE code_id = ?').get(codeId) as { n: number }).n;
  report.expect(first.total === expected && all.length === expected, `${first.total} excerpts counted, ${all.length} listed, of ${expected} codings`);
  report.expect(
    first.excerpts.length === Math.min(PANEL_PAGE, expected) && first.excerpts.every((x, i) => x.id === all[i]!.id),
    'the page is not the start of the whole list',
  );
  const source = ctx.db.prepare('SELECT text FROM sources WHERE id = ?');
  const points = new Map<number, string[]>();
  const pointsOf = (id: number) => points.get(id) ?? points.set(id, [...(source.get(id) as { text: string }).text]).get(id)!;
  const wrongText = all.filter((x) => x.text !== pointsOf(x.sourceId).slice(x.start, x.end).join('')).length;
  report.expect(wrongText === 0, `${wrongText} excerpts whose text is not their range of the source`);
  report.add({
    name: `one code’s excerpts with their text (Extraits tab, ${PANEL_PAGE} of ${first.total}), median`,
    value: median(times),
    unit: 'ms',
    target: { below: 10 },
    note: `all ${all.length} rows ${allMs.toFixed(1)} ms`,
  });
  report.add({ name: '  the same, first call after the codings were written', value: coldMs, unit: 'ms', target: { below: 10 } });
}
