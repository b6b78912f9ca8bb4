// The .qdpx export of the whole bench project and its import as a new project, through the path the
// user takes: the contract's methods as the UI and the command line call them, the file written to
// disk and read back, the import preview (exchange report) the UI shows before importing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { callMethod } from '../service/contract/call.ts';
import type { CallContext } from '../service/contract/define.ts';
import type { ProjectContext } from '../service/context.ts';
import { closeProject, openProject } from '../service/project.ts';
import { Workspace } from '../service/workspace.ts';
import type { Report } from './figure.ts';

const count = (ctx: ProjectContext, table: 'sources' | 'codings') => (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/**
 * The codings an import keeps: one per coder, code and passage, so a coding inside another of the
 * same coder and code (the bench's random codings nest) is folded into it, and of equal ones the
 * first stays. The import must keep exactly these, where they were.
 */
const KEPT = `FROM codings k JOIN sources s ON s.id = k.source_id JOIN codes c ON c.id = k.code_id
  WHERE NOT EXISTS (SELECT 1 FROM codings o WHERE o.source_id = k.source_id AND o.code_id = k.code_id AND o.coder_id = k.coder_id
    AND o.id <> k.id AND o.start <= k.start AND o.end >= k.end AND (o.start < k.start OR o.end > k.end OR o.id < k.id))`;

async function call<T>(ctx: CallContext, method: string, arg: unknown): Promise<T> {
  const result = await callMethod(method, arg, ctx);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

interface Merged {
  codings: { added: number; duplicates: number; skipped: number };
}

export async function exchangeFigures(report: Report, ctx: ProjectContext, dir: string): Promise<void> {
  const ws = new Workspace({ configDir: dir, lang: 'en', autoBackup: false, keepRecent: false });
  ws.ctx = ctx;
  const calls: CallContext = { ws, hooks: { shell: 'cli' } };
  const file = join(dir, 'bench.qdpx');
  const target = join(dir, 'imported.tresse');

  let t0 = performance.now();
  const qdpx = await call<Uint8Array>(calls, 'exportQdpx', undefined);
  writeFileSync(file, qdpx);
  const exportMs = performance.now() - t0;

  t0 = performance.now();
  const bytes = new Uint8Array(readFileSync(file));
  const preview = await call<{ counts?: unknown }>(calls, 'exchangeReport', { other: { fileName: 'bench.qdpx', bytes } });
  const previewMs = performance.now() - t0;
  const merged = await call<Merged>(calls, 'createProjectFromQdpx', { path: target, fileName: 'bench.qdpx', bytes });
  const importMs = performance.now() - t0;
  ws.ctx = null;

  const written = count(ctx, 'codings');
  const kept = (ctx.db.prepare(`SELECT count(*) AS n ${KEPT}`).get() as { n: number }).n;
  const sample = ctx.db.prepare(`SELECT k.guid, s.name AS source, c.name AS code, k.start, k.end ${KEPT} ORDER BY k.guid LIMIT 500`).all() as {
    guid: string;
    source: string;
    code: string;
    start: number;
    end: number;
  }[];
  const imported = openProject(target);
  try {
    report.expect(preview !== null, 'no exchange report');
    report.expect(count(imported, 'sources') === count(ctx, 'sources'), 'the imported project lacks sources');
    const codes = (db: ProjectContext['db']) =>
      (db.prepare('SELECT group_concat(name, char(10)) AS n FROM (SELECT name FROM codes ORDER BY name)').get() as { n: string }).n;
    report.expect(codes(imported.db) === codes(ctx.db), 'the imported project’s codes differ');
    const c = merged.codings;
    report.expect(
      c.added + c.duplicates + c.skipped === written && c.skipped === 0,
      `the file’s codings were not all read (${JSON.stringify(c)} of ${written})`,
    );
    report.expect(count(imported, 'codings') === kept, `${count(imported, 'codings')} codings imported, ${kept} expected (one per coder, code and passage)`);
    const find = imported.db.prepare(
      'SELECT s.name AS source, c.name AS code, k.start, k.end FROM codings k JOIN sources s ON s.id = k.source_id JOIN codes c ON c.id = k.code_id WHERE k.guid = ?',
    );
    const moved = sample.filter(({ guid, ...where }) => JSON.stringify(find.get(guid)) !== JSON.stringify(where));
    report.expect(moved.length === 0, `${moved.length} of ${sample.length} sampled codings missing or moved`);
  } finally {
    closeProject(imported);
  }
  report.add({
    name: `.qdpx export then import (${count(ctx, 'sources')} sources, ${written.toLocaleString('en')} codings)`,
    value: (exportMs + importMs) / 1000,
    unit: 's',
    target: { below: 10 },
    note: `export ${(exportMs / 1000).toFixed(2)} s, ${(qdpx.length / 1e6).toFixed(1)} MB; import ${(importMs / 1000).toFixed(2)} s (preview ${(previewMs / 1000).toFixed(2)} s); ${kept.toLocaleString('en')} codings kept, nested ones folded`,
  });
}
