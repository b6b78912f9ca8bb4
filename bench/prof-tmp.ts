import { performance } from 'node:perf_hooks';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createProject } from '../service/project.ts';
import { addParsedSource } from '../service/sources.ts';
import { listCodes } from '../service/codebook.ts';
import { listCodingsOfCode } from '../service/codings.ts';
const ctx = createProject(join(mkdtempSync(join(tmpdir(), 'x')), 'p.tresse'), { grid: 'six-themes', coder: 'B' });
for (let i = 0; i < 500; i++) addParsedSource(ctx, { text: `texte ${i} `.repeat(5000), format: 'txt', encoding: null, structure: [], notes: [] }, { name: `s${i}`, kind: 'interview', fileName: null });
const codes = listCodes(ctx.db);
const ins = ctx.db.prepare(`INSERT INTO codings (guid, source_id, code_id, coder_id, start, end, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
ctx.db.transaction(() => { for (let i = 0; i < 100000; i++) ins.run(crypto.randomUUID(), 1 + (i % 500), codes[i % codes.length]!.id, ctx.coder.id, 10, 50, new Date().toISOString()); })();
for (let r = 0; r < 3; r++) { const t = performance.now(); const n = listCodingsOfCode(ctx.db, codes[5]!.id).length; console.log('list', n, performance.now() - t); }
ctx.db.pragma('wal_checkpoint(TRUNCATE)');
for (let r = 0; r < 3; r++) { const t = performance.now(); const n = listCodingsOfCode(ctx.db, codes[5]!.id).length; console.log('list after ckpt', n, performance.now() - t); }
const raw = ctx.db.prepare('SELECT id, source_id, start, end FROM codings WHERE code_id = ?');
for (let r = 0; r < 3; r++) { const t = performance.now(); const n = raw.all(codes[5]!.id).length; console.log('raw 4 cols', n, performance.now() - t); }
const raw2 = ctx.db.prepare('SELECT id, source_id, start, end FROM codings WHERE code_id = ?').raw();
for (let r = 0; r < 3; r++) { const t = performance.now(); const n = raw2.all(codes[5]!.id).length; console.log('raw arrays', n, performance.now() - t); }
console.log(ctx.db.pragma('cache_size'), ctx.db.pragma('page_size'));
