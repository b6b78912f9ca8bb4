// How time and memory grow with the project: the same work on 50, 200 and 500 interviews, printed
// as a table, then judged "linear or better": per source, each time at 500 is at most 1.5× the one
// at 50, and the import's peak memory at 500 at most 1.5× the one at 50 (files are imported one at
// a time, so it should not grow with their number). The import is the command line's, in its own
// process (time and peak memory as the user meets them); search, matrix and .qdpx export are the
// service's, on that project once codings are added.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { catchUpSearchIndex, searchSources } from '../db/search.ts';
import { listCodes } from '../service/codebook.ts';
import { buildMatrix } from '../service/matrix.ts';
import { closeProject, openProject } from '../service/project.ts';
import { exportQdpx } from '../service/refi.ts';
import { generateInterviews, mulberry32 } from './corpus.ts';
import { median, type Report } from './figure.ts';
import { canMeasureMemory, cliImport, writeInterviews } from './memory.ts';

const SIZES = [50, 200, 500];
const WORDS = Number(process.env.BENCH_SCALE_WORDS ?? 10_000);
const CODINGS_PER_SOURCE = 200;
const QUERIES = ['secret partage', '"santé mentale"', 'stigmat*', 'logement bailleur', 'consent*'];
const LIMIT = 500;
const TARGET = 1.5;

interface Row {
  sources: number;
  /** tresse import, and the search index it leaves for the first search. */
  importMs: number;
  peakMb: number;
  searchMs: number;
  matrixMs: number;
  exportMs: number;
  hits: number;
  matrixCodings: number;
}

/** Adds codings spread over every source, the way bench/matrix.ts builds its project. */
function addCodings(path: string, perSource: number): void {
  const ctx = openProject(path, 'Bench');
  try {
    const rnd = mulberry32(7);
    const codes = listCodes(ctx.db).map((c) => c.id);
    const sources = ctx.db.prepare('SELECT id, length FROM sources').all() as { id: number; length: number }[];
    const insert = ctx.db.prepare('INSERT INTO codings (guid, source_id, code_id, coder_id, start, end, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    ctx.db.transaction(() => {
      let n = 0;
      for (const s of sources) {
        for (let i = 0; i < perSource; i++) {
          const len = 20 + Math.floor(rnd() * 400);
          const start = Math.floor(rnd() * (s.length - len));
          insert.run(crypto.randomUUID(), s.id, codes[n++ % codes.length]!, ctx.coder.id, start, start + len, '2026-04-10T09:00:00.000Z');
        }
      }
    })();
  } finally {
    closeProject(ctx);
  }
}

async function measure(dir: string, texts: string[], size: number): Promise<Row> {
  const folder = join(dir, `scale-${size}`);
  const files = writeInterviews(folder, texts.slice(0, size));
  const path = join(folder, 'etude.tresse');
  const imported = await cliImport(path, files);
  if (imported.imported !== size) throw new Error(`${imported.imported} sources imported of ${size}`);
  addCodings(path, CODINGS_PER_SOURCE);

  const ctx = openProject(path, 'Bench');
  try {
    // The index an import leaves for the first search, counted with the import.
    const indexStart = performance.now();
    catchUpSearchIndex(ctx.db);
    const indexMs = performance.now() - indexStart;
    const hits = QUERIES.map((q) => searchSources(ctx.db, q, { limit: LIMIT }).hits.length);
    const searchTimes: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const q of QUERIES) {
        const t = performance.now();
        searchSources(ctx.db, q, { limit: LIMIT });
        searchTimes.push(performance.now() - t);
      }
    }
    buildMatrix(ctx.db, { type: 'triangulation', rows: 'codes' });
    const matrixTimes: number[] = [];
    let matrixCodings = 0;
    for (let round = 0; round < 5; round++) {
      const t = performance.now();
      const m = buildMatrix(ctx.db, { type: 'triangulation', rows: 'codes', excerptIds: false });
      matrixTimes.push(performance.now() - t);
      matrixCodings = m.rows.flatMap((r) => r.cells).reduce((n, c) => n + (c.codings ?? c.count), 0);
    }
    const t = performance.now();
    exportQdpx(ctx.db);
    const exportMs = performance.now() - t;
    return {
      sources: size,
      importMs: imported.ms + indexMs,
      peakMb: imported.peakMb,
      searchMs: median(searchTimes),
      matrixMs: median(matrixTimes),
      exportMs,
      hits: Math.min(...hits),
      matrixCodings,
    };
  } finally {
    closeProject(ctx);
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function scalingFigures(report: Report, dir: string): Promise<void> {
  if (!canMeasureMemory) return report.info('scaling table', 'skipped: peak memory is read in /proc, Linux only');
  const texts = generateInterviews(Math.max(...SIZES), WORDS);
  const rows: Row[] = [];
  for (const size of SIZES) rows.push(await measure(dir, texts, size));

  const cell = (x: string) => x.padStart(14);
  console.log(`     ${'sources'.padStart(8)}${['import', 'search', 'matrix', '.qdpx export', 'peak memory'].map(cell).join('')}`);
  for (const r of rows) {
    const values = [
      `${(r.importMs / 1000).toFixed(2)} s`,
      `${r.searchMs.toFixed(1)} ms`,
      `${r.matrixMs.toFixed(1)} ms`,
      `${(r.exportMs / 1000).toFixed(2)} s`,
      `${r.peakMb.toFixed(0)} MB`,
    ];
    console.log(`     ${String(r.sources).padStart(8)}${values.map(cell).join('')}`);
  }

  const [small, large] = [rows[0]!, rows[rows.length - 1]!];
  const perSource = (r: Row, key: 'importMs' | 'searchMs' | 'matrixMs' | 'exportMs') => r[key] / r.sources;
  const judged: [string, 'importMs' | 'searchMs' | 'matrixMs' | 'exportMs'][] = [
    ['import time', 'importMs'],
    [`search median (limit ${LIMIT})`, 'searchMs'],
    ['matrix time', 'matrixMs'],
    ['.qdpx export time', 'exportMs'],
  ];
  for (const [name, key] of judged) {
    // Right answers at every size: every query finds something, the matrix counts every coding.
    for (const r of rows) {
      report.expect(r.hits > 0, `a query found nothing in ${r.sources} sources`);
      report.expect(
        r.matrixCodings >= r.sources * CODINGS_PER_SOURCE,
        `matrix counts ${r.matrixCodings} codings of ${r.sources * CODINGS_PER_SOURCE} at ${r.sources}`,
      );
    }
    report.add({
      name: `${name} per source, ${large.sources} vs ${small.sources}`,
      value: perSource(large, key) / perSource(small, key),
      unit: '×',
      target: { below: TARGET },
    });
  }
  report.add({
    name: `peak memory of the import, ${large.sources} vs ${small.sources}`,
    value: large.peakMb / small.peakMb,
    unit: '×',
    target: { below: TARGET },
    note: `${small.peakMb.toFixed(0)} MB and ${large.peakMb.toFixed(0)} MB`,
  });
}
