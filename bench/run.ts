// npm run bench: every figure an issue sets a target for, beside its target with ok or FAIL, the
// results checked, and a summary line. Times are printed, never asserted in the tests.
// `npm run bench -- startup` prints the command line's start-up only; `-- scaling` adds the
// command line's import memory and the scaling table; `-- import` prints the import and the
// search alone (BENCH_SOURCES=200 for a quicker look); `-- similar` the import, the codings and
// "passages like this one"; `-- suggest` the codings and code suggestions; `-- matrix` the analysis
// figures alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProjectContext } from '../service/context.ts';
import { closeProject } from '../service/project.ts';
import { benchAgreement } from './agreement.ts';
import { codingFigures } from './codings.ts';
import { generateInterviews } from './corpus.ts';
import { exchangeFigures } from './exchange.ts';
import { Report } from './figure.ts';
import { importFigures } from './import.ts';
import { memoryFigures } from './memory.ts';
import { scalingFigures } from './scaling.ts';
import { searchFigures } from './search.ts';
import { similarFigures } from './similar.ts';
import { startupFigures } from './startup.ts';
import { suggestFigures } from './suggest.ts';

const SOURCES = Number(process.env.BENCH_SOURCES ?? 500);
const WORDS = Number(process.env.BENCH_WORDS ?? 10_000);

const report = new Report();
/** The analysis figures: the triangulation matrix beside its GROUP BY, its XLSX, the full grid's XLSX. */
async function analysisFigures(): Promise<void> {
  report.section('Analysis: 500 sources of every kind, 60 codes, 100,000 codings by two coders');
  const { benchMatrix } = await import('./matrix.ts');
  const mx = await benchMatrix();
  for (const w of mx.cellsWrong) report.expect(false, w);
  report.add({
    name: 'triangulation matrix',
    value: mx.matrixMs,
    unit: 'ms',
    target: { below: 100 },
    note: `with every cell’s excerpt ids ${mx.matrixWithIdsMs.toFixed(1)} ms`,
  });
  report.add({
    name: '  the same, times one hand-written GROUP BY',
    value: mx.matrixMs / mx.groupByMs,
    unit: '×',
    target: { below: 3 },
    note: `GROUP BY code, kind column ${mx.groupByMs.toFixed(1)} ms`,
  });
  report.add({ name: 'XLSX export of that matrix (20 excerpts per cell)', value: mx.xlsxMs / 1000, unit: 's', target: { below: 3 } });
  for (const w of mx.gridWrong) report.expect(false, w);
  report.add({
    name: 'XLSX export of the full analysis grid, median',
    value: mx.gridXlsxMs / 1000,
    unit: 's',
    target: { below: 2 },
    note: `${mx.gridSheets} sheets: triangulation, each case’s grid, frequencies, co-occurrences, 20 excerpts per cell`,
  });
}
if (process.argv[2] === 'matrix') {
  await analysisFigures();
  process.exit(report.summary() ? 0 : 1);
}
/** Only the bench corpus and the figures measured on it that a part of the bench names. */
async function corpusPart(what: string, figures: (ctx: ProjectContext) => void): Promise<never> {
  const dir = mkdtempSync(join(tmpdir(), 'tresse-bench-'));
  try {
    report.section(`Bench corpus: ${SOURCES} interviews of ~${WORDS} words, Node ${process.version}: ${what}`);
    const ctx = await importFigures(report, dir, generateInterviews(SOURCES, WORDS));
    figures(ctx);
    closeProject(ctx);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(report.summary() ? 0 : 1);
}
if (process.argv[2] === 'suggest') {
  await corpusPart('codings and code suggestions only', (ctx) => {
    codingFigures(report, ctx);
    suggestFigures(report, ctx);
  });
}
if (process.argv[2] === 'import') await corpusPart('import and search only', (ctx) => searchFigures(report, ctx));
if (process.argv[2] === 'similar') {
  await corpusPart('passages like this one', (ctx) => {
    codingFigures(report, ctx);
    similarFigures(report, ctx);
  });
}
report.section('Command line start-up (node bin/tresse.mjs, built in dist-node/), against node -e 0');
await startupFigures(report);
if (process.argv[2] === 'startup') process.exit(report.summary() ? 0 : 1);

const dir = mkdtempSync(join(tmpdir(), 'tresse-bench-'));
try {
  report.section('Command line import: peak memory, and how time and memory grow with the project (50, 200, 500 sources)');
  await memoryFigures(report, dir);
  await scalingFigures(report, dir);
  if (process.argv[2] === 'scaling') {
    rmSync(dir, { recursive: true, force: true });
    process.exit(report.summary() ? 0 : 1);
  }

  report.section(`Bench corpus: ${SOURCES} interviews of ~${WORDS} words, Node ${process.version}`);
  const ctx = await importFigures(report, dir, generateInterviews(SOURCES, WORDS));
  searchFigures(report, ctx);
  codingFigures(report, ctx);
  similarFigures(report, ctx);
  suggestFigures(report, ctx);
  await exchangeFigures(report, ctx, dir);
  closeProject(ctx);

  report.add({ name: 'character-level agreement, 2 coders, 500 sources, 60 codes', value: benchAgreement(), unit: 'ms', target: { below: 1000 } });

  report.section('The app in browser mode, as a researcher meets it (headless Chromium, production build)');
  const { appFigures } = await import('./browser/app.ts');
  await appFigures(report);
  report.section('Transcript view alone, on a page of its own (where the time above goes)');
  const { browserFigures } = await import('./browser/run.ts');
  await browserFigures(report);

  await analysisFigures();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = report.summary() ? 0 : 1;
