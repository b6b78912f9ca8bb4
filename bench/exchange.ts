// The .qdpx export of the whole bench project and its import as a new project.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ProjectContext } from '../service/context.ts';
import { closeProject } from '../service/project.ts';
import { exportQdpx, importQdpxAsNewProject } from '../service/refi.ts';
import type { Report } from './figure.ts';

const count = (ctx: ProjectContext, table: 'sources' | 'codings') => (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

export function exchangeFigures(report: Report, ctx: ProjectContext, dir: string): void {
  let t0 = performance.now();
  const qdpx = exportQdpx(ctx.db);
  const exportMs = performance.now() - t0;
  t0 = performance.now();
  const imported = importQdpxAsNewProject(join(dir, 'imported.tresse'), qdpx);
  const importMs = performance.now() - t0;
  report.expect(count(imported.ctx, 'sources') === count(ctx, 'sources'), 'the imported project lacks sources');
  report.expect(count(imported.ctx, 'codings') === count(ctx, 'codings'), 'the imported project lacks codings');
  closeProject(imported.ctx);
  report.add({
    name: `.qdpx export then import (${count(ctx, 'sources')} sources, ${count(ctx, 'codings').toLocaleString('en')} codings)`,
    value: (exportMs + importMs) / 1000,
    unit: 's',
    target: { below: 10 },
    note: `export ${(exportMs / 1000).toFixed(2)} s, ${(qdpx.length / 1e6).toFixed(1)} MB; import ${(importMs / 1000).toFixed(2)} s`,
  });
}
