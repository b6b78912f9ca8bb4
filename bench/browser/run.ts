// The transcript's figures in a real browser: the built TranscriptView in headless Chromium,
// timed inside the page (measure.ts) and collected through page.evaluate. Nothing leaves the
// machine: the page comes from a loopback server and the profile is a fresh temporary folder.
// (Functions given to page.evaluate run in the page: they can use nothing from this module.)
import react from '@vitejs/plugin-react';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { median, type Report } from '../figure.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/helpers/chromium.ts';
import { documentInput, interviewInput } from './inputs.ts';
import type { BenchWindow, DisplayRun, ViewInput } from './protocol.ts';

const DISPLAY_RUNS = 5;
const HIGHLIGHT_RUNS = 15;
const HERE = dirname(fileURLToPath(import.meta.url));

const ms = (x: number) => `${x.toFixed(0)} ms`;

/** The page as the app ships it: production React, minified, in its own folder. */
async function buildPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: HERE,
    base: './',
    mode: 'production',
    logLevel: 'error',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 10_000,
      rolldownOptions: { input: join(HERE, 'page.html') },
    },
  });
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

function serve(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = resolve(root, '.' + decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!path.startsWith(root + sep) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

async function displayRuns(page: Page, name: string, runs: number): Promise<DisplayRun[]> {
  const out: DisplayRun[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await page.evaluate((n) => (window as BenchWindow).tresseBench!.display(n), name);
    // A view that did not grow or did not scroll would time nothing worth reporting.
    if (run.scrollHeight < 2000 || run.scrollTop < run.scrollHeight / 2) {
      throw new Error(`${name}: the transcript did not scroll (height ${run.scrollHeight}, top ${run.scrollTop})`);
    }
    out.push(run);
  }
  return out;
}

function displayFigure(report: Report, name: string, runs: DisplayRun[], cold: DisplayRun | null): void {
  const first = median(runs.map((r) => r.firstFrameMs));
  const extra = cold ? `, cold first run ${ms(cold.scrolledMs)}` : '';
  report.add({ name, value: median(runs.map((r) => r.scrolledMs)), unit: 'ms', target: { below: 1000 }, note: `first frame ${ms(first)}${extra}` });
}

async function measure(report: Report, context: BrowserContext, url: string): Promise<void> {
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}/page.html`);
  await page.waitForFunction(() => (window as BenchWindow).tresseBench !== undefined, null, { timeout: 30_000 });
  const load = (name: string, input: ViewInput) => page.evaluate(([n, i]) => (window as BenchWindow).tresseBench!.load(n, i), [name, input] as const);
  const interview = await interviewInput(25_000, 1_000);
  const bigDocument = await documentInput(300_000, 200);
  await load('interview', interview);
  await load('document', bigDocument);

  const [cold] = await displayRuns(page, 'interview', 1);
  const interviewRuns = await displayRuns(page, 'interview', DISPLAY_RUNS);
  const highlights = await page.evaluate(([n, count, id, code]) => (window as BenchWindow).tresseBench!.highlight(n, count, id, code), [
    'interview',
    HIGHLIGHT_RUNS,
    interview.codings.length + 1,
    interview.codes[7]!.id,
  ] as const);
  const documentRuns = await displayRuns(page, 'document', DISPLAY_RUNS);
  if (errors.length > 0) throw new Error(`benchmark page: ${errors.join('; ')}`);

  const words = interview.source.text.split(/\s+/).length;
  const version = context.browser()?.version() ?? '?';
  report.info('browser', `Chromium ${version}, headless, 1280×900, median of ${DISPLAY_RUNS} runs`);
  displayFigure(report, `transcript shown + scrolled (${(words / 1000).toFixed(0)}k words, ${interview.codings.length} codings)`, interviewRuns, cold!);
  report.add({
    name: `confirmed coding to its highlight painted (median of ${HIGHLIGHT_RUNS})`,
    value: median(highlights),
    unit: 'ms',
    target: { below: 100 },
    note: `slowest ${ms(Math.max(...highlights))}`,
  });
  displayFigure(
    report,
    `document shown + scrolled (${(bigDocument.source.length / 1000).toFixed(0)}k chars, ${bigDocument.codings.length} codings)`,
    documentRuns,
    null,
  );
}

/** The figures of the view alone; without a Chromium, chromiumPath says how to get one. */
export async function browserFigures(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tresse-browser-bench-'));
  try {
    const out = join(dir, 'page');
    await buildPage(out);
    let context: BrowserContext;
    try {
      context = await chromium.launchPersistentContext(join(dir, 'profile'), {
        executablePath: chromiumPath(),
        args: CHROMIUM_ARGS,
        headless: true,
        viewport: { width: 1280, height: 900 },
      });
    } catch (e) {
      report.info('browser figures', `skipped: Chromium did not start: ${(e as Error).message.split('\n')[0]}`);
      return;
    }
    const { server, url } = await serve(out);
    try {
      await measure(report, context, url);
    } finally {
      await context.close();
      server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
