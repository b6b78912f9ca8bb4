// Import of the bench corpus beside a bare INSERT of the same text, the full-text index counted
// where the user pays for it (before the first search).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { catchUpSearchIndex } from '../db/search.ts';
import type { ProjectContext } from '../service/context.ts';
import { createProject } from '../service/project.ts';
import { importSource } from '../service/sources.ts';
import type { Report } from './figure.ts';

export async function importFigures(report: Report, dir: string, texts: string[]): Promise<ProjectContext> {
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
  let firstMs = 0;
  for (let from = 0; from < files.length; from += BATCH) {
    const batch = files.slice(from, from + BATCH);
    t0 = performance.now();
    for (const f of batch) bare.transaction(() => ins.run(new TextDecoder().decode(f)))();
    bareMs += performance.now() - t0;
    t0 = performance.now();
    for (let i = from; i < from + batch.length; i++) {
      await importSource(ctx, { fileName: `entretien-${i + 1}.txt`, bytes: files[i]!, kind: 'interview' });
      if (i === 0) firstMs = performance.now() - t0;
    }
    importMs += performance.now() - t0;
  }
  bare.close();
  t0 = performance.now();
  catchUpSearchIndex(ctx.db);
  const indexMs = performance.now() - t0;
  const rate = (ms: number) => megabytes / (ms / 1000);
  const bareRate = rate(bareMs);
  const stored = (ctx.db.prepare('SELECT count(*) AS n FROM sources').get() as { n: number }).n;
  report.info('bare INSERT of the same text (baseline)', `${bareRate.toFixed(1)} MB/s (${megabytes.toFixed(1)} MB in ${(bareMs / 1000).toFixed(2)} s)`);
  report.expect(stored === files.length, `${stored} sources stored of ${files.length}`);
  report.add({
    name: 'import including the full-text index, share of bare INSERT',
    value: (rate(importMs + indexMs) / bareRate) * 100,
    unit: '%',
    target: { atLeast: 50 },
    // The first file starts the import worker: tens of milliseconds built, about a second from the
    // TypeScript sources the bench runs.
    note: `import ${rate(importMs).toFixed(1)} MB/s (the first file, starting the import worker, ${(firstMs / 1000).toFixed(2)} s), index left for the first search ${(indexMs / 1000).toFixed(2)} s`,
  });
  return ctx;
}
