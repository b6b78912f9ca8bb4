// npm run bench: prints the figures the issues set targets for. Times are printed, never asserted.
// `npm run bench -- startup` (or npx tsx bench/run.ts startup) prints the command line's start-up only.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchAgreement } from './agreement.ts';
import { catchUpSearchIndex, searchSources } from '../db/search.ts';
import { addCode, listCodes } from '../service/codebook.ts';
import { exportQdpx, importQdpxAsNewProject } from '../service/refi.ts';
import { addCoding, listCodingsOfCode } from '../service/codings.ts';
import { closeProject, createProject } from '../service/project.ts';
import { importSource } from '../service/sources.ts';
import { generateInterviews, mulberry32 } from './corpus.ts';
import { startupFigures } from './startup.ts';

const SOURCES = Number(process.env.BENCH_SOURCES ?? 500);
const WORDS = Number(process.env.BENCH_WORDS ?? 10_000);
const CODINGS = 100_000;
const CODES = 60;

const rows: Array<[string, string, string]> = [];
function report(name: string, value: string, target: string) {
  rows.push([name, value, target]);
  console.log(`${name.padEnd(58)} ${value.padStart(14)}   ${target}`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

console.log('Command line start-up (node bin/tresse.mjs, built in dist-node/): wall clock and CPU, against node -e 0');
for (const [name, value, target] of await startupFigures()) report(name, value, target);
console.log('');
if (process.argv[2] === 'startup') process.exit(0);

const dir = mkdtempSync(join(tmpdir(), 'tresse-bench-'));
try {
  console.log(`Tresse benchmark — ${SOURCES} interviews of ~${WORDS} words, Node ${process.version}\n`);
  const texts = generateInterviews(SOURCES, WORDS);
  const files = texts.map((t) => new TextEncoder().encode(t));
  const megabytes = files.reduce((n, f) => n + f.length, 0) / 1e6;

  // Baseline: the same text into a bare table, one transaction per file, same WAL settings. The two
  // runs alternate in batches, so that both meet the same machine (page cache, heap, clock speed).
  const bare = new Database(join(dir, 'bare.db'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = NORMAL');
  bare.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT');
  const ins = bare.prepare('INSERT INTO t (text) VALUES (?)');
  const ctx = createProject(join(dir, 'bench.tresse'), { grid: 'six-themes', coder: 'Bench' });
  const BATCH = 25;
  let bareMs = 0;
  let importMs = 0;
  let t0: number;
  for (let from = 0; from < files.length; from += BATCH) {
    const batch = files.slice(from, from + BATCH);
    t0 = performance.now();
    for (const f of batch) bare.transaction(() => ins.run(new TextDecoder().decode(f)))();
    bareMs += performance.now() - t0;
    t0 = performance.now();
    for (let i = from; i < from + batch.length; i++) {
      await importSource(ctx, { fileName: `entretien-${i + 1}.txt`, bytes: files[i]!, kind: 'interview' });
    }
    importMs += performance.now() - t0;
  }
  bare.close();
  t0 = performance.now();
  catchUpSearchIndex(ctx.db);
  const indexMs = performance.now() - t0;
  const rate = (ms: number) => megabytes / (ms / 1000);
  const bareRate = rate(bareMs);
  report('bare INSERT of the same text', `${bareRate.toFixed(1)} MB/s`, `${megabytes.toFixed(1)} MB in ${(bareMs / 1000).toFixed(2)} s`);
  report(
    'import (decode, normalise, turns, hash, store)',
    `${rate(importMs).toFixed(1)} MB/s`,
    `${((rate(importMs) / bareRate) * 100).toFixed(0)} % of bare INSERT (target ≥ 50 %)`,
  );
  report('full-text indexing of the imported batch (FTS5)', `${rate(indexMs).toFixed(1)} MB/s`, `${(indexMs / 1000).toFixed(2)} s, before the first search`);
  report(
    'import and indexing together',
    `${rate(importMs + indexMs).toFixed(1)} MB/s`,
    `${((rate(importMs + indexMs) / bareRate) * 100).toFixed(0)} % of bare INSERT`,
  );

  const queries = [
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
  for (const q of queries) searchSources(ctx.db, q, { limit: 50 }); // warm the page cache
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of queries) {
      const s = performance.now();
      searchSources(ctx.db, q, { limit: 50 });
      times.push(performance.now() - s);
    }
  }
  report('full-text query, median (50 hits with positions)', `${median(times).toFixed(2)} ms`, 'target < 20 ms');

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
    const t = performance.now();
    addCoding(ctx, { sourceId: s.id, codeId: timed.id, start: 10, end: 60 });
    addTimes.push(performance.now() - t);
  }
  report(`add one coding (${CODINGS.toLocaleString('en')} codings in project), median`, `${median(addTimes).toFixed(3)} ms`, 'target < 1 ms');
  const listTimes: number[] = [];
  let listed = 0;
  for (const code of codes) {
    const t = performance.now();
    listed = listCodingsOfCode(ctx.db, code.id).length;
    listTimes.push(performance.now() - t);
  }
  report(`list the codings of one code (~${listed} codings), median`, `${median(listTimes).toFixed(2)} ms`, 'target < 10 ms');

  t0 = performance.now();
  const qdpx = exportQdpx(ctx.db);
  const exportMs = performance.now() - t0;
  t0 = performance.now();
  const imported = importQdpxAsNewProject(join(dir, 'imported.tresse'), qdpx);
  const importQdpxMs = performance.now() - t0;
  closeProject(imported.ctx);
  report(
    `.qdpx export then import (${SOURCES} sources, ${CODINGS.toLocaleString('en')} codings)`,
    `${((exportMs + importQdpxMs) / 1000).toFixed(2)} s`,
    `target < 10 s (export ${(exportMs / 1000).toFixed(2)} s, ${(qdpx.length / 1e6).toFixed(1)} MB; import ${(importQdpxMs / 1000).toFixed(2)} s)`,
  );
  closeProject(ctx);

  const agreement = benchAgreement();
  report('character-level agreement, 2 coders, 500 sources, 60 codes', `${agreement.toFixed(0)} ms`, 'target < 1000 ms');

  console.log('\nTranscript view in a browser (headless Chromium, production build)');
  const { browserFigures } = await import('./browser/run.ts');
  for (const [name, value, target] of await browserFigures()) report(name, value, target);

  const { benchMatrix } = await import('./matrix.ts');
  const mx = await benchMatrix();
  report(
    'triangulation matrix, 500 sources, 60 codes, 100,000 codings',
    `${mx.matrixMs.toFixed(1)} ms`,
    `target < 100 ms; ${(mx.matrixMs / mx.groupByMs).toFixed(1)}× one GROUP BY (target ≤ 3×)`,
  );
  report('  the same with every cell’s excerpt ids', `${mx.matrixWithIdsMs.toFixed(1)} ms`, `${(mx.matrixWithIdsMs / mx.groupByMs).toFixed(1)}× one GROUP BY`);
  report('  one hand-written GROUP BY code, kind column', `${mx.groupByMs.toFixed(1)} ms`, 'baseline');
  report('XLSX export of that matrix (20 excerpts per cell)', `${(mx.xlsxMs / 1000).toFixed(2)} s`, 'target < 3 s');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
