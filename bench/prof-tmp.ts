import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createProject } from '../service/project.ts';
import { importSource } from '../service/sources.ts';
import { generateInterviews } from './corpus.ts';
const dir = mkdtempSync(join(tmpdir(), 'x'));
const files = generateInterviews(200, 10000).map((t) => new TextEncoder().encode(t));
for (let round = 0; round < 3; round++) {
  const bare = new Database(join(dir, `bare${round}.db`));
  bare.pragma('journal_mode = WAL'); bare.pragma('synchronous = NORMAL');
  bare.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT');
  const ins = bare.prepare('INSERT INTO t (text) VALUES (?)');
  let t = performance.now();
  for (const f of files) bare.transaction(() => ins.run(new TextDecoder().decode(f)))();
  const b = performance.now() - t;
  const ctx = createProject(join(dir, `p${round}.tresse`), { grid: 'six-themes', coder: 'B' });
  t = performance.now();
  for (let i = 0; i < files.length; i++) await importSource(ctx, { fileName: `e${i}.txt`, bytes: files[i]!, kind: 'interview' });
  const im = performance.now() - t;
  console.log(`bare ${b.toFixed(0)} import ${im.toFixed(0)} ratio ${(b / im * 100).toFixed(0)}%`);
}
