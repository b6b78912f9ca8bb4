// Runs the real workbench for end-to-end tests: the renderer built by vite, served by the
// browser-mode server on a free loopback port with a throwaway configuration folder, driven by
// Debian's Chromium through playwright-core.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { build } from 'vite';
import { startBrowserServer, type BrowserServer } from '../../server/browser-server.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/chromium.ts';

const ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

export interface Workbench {
  page: Page;
  server: BrowserServer;
  /** A temporary folder for project files, removed at the end. */
  dir: string;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Builds the renderer into a temporary folder (a few seconds), so a stale dist/ is never tested. */
async function buildRenderer(outDir: string): Promise<void> {
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    root: join(ROOT, 'renderer'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

/**
 * `injectScripts`: lets the test add scripts to the page (axe-core), which the page's own
 * Content-Security-Policy (script-src 'self') would refuse.
 */
export async function startWorkbench(options: { injectScripts?: boolean } = {}): Promise<Workbench> {
  // Before the renderer build: a missing browser is reported in a second, with how to install it.
  const executablePath = chromiumPath();
  const dir = mkdtempSync(join(tmpdir(), 'tresse-e2e-'));
  const staticDir = join(dir, 'dist');
  await buildRenderer(staticDir);
  // The page may only name files under the workspace folder: the tests' folder is the documents one.
  mkdirSync(join(dir, 'config'));
  writeFileSync(join(dir, 'config', 'folders.json'), JSON.stringify({ documents: dir }));
  const server = await startBrowserServer({ port: 0, configDir: join(dir, 'config'), staticDir, lang: 'fr' });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const context = await browser.newContext({
      viewport: { width: 1400, height: 860 },
      locale: 'fr-FR',
      bypassCSP: options.injectScripts ?? false,
    });
    const page = await context.newPage();
    // Fail on a missing element well before the test's own timeout, with a message naming it.
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(server.url);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const opened = browser;
    return {
      page,
      server,
      dir,
      screenshot: async (name) => {
        await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
      },
      close: async () => {
        await opened.close();
        await server.close();
        rmSync(dir, { recursive: true, force: true });
        if (problems.length > 0) throw new Error(`Errors in the page:\n${problems.join('\n')}`);
      },
    };
  } catch (e) {
    await browser?.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** Picks the option of a <select> whose text contains `text` (options may be indented). */
/**
 * Chooses a code in a code field as a user does: opens the keyboard picker, types the code's name
 * (or its abbreviation) and clicks the code. `text` is "CL1 · Secret professionnel" or "CL1".
 */
export async function chooseCode(field: Locator, text: string): Promise<void> {
  const page = field.page();
  const [abbrev, name] = text.includes(' · ') ? text.split(' · ') : [text, undefined];
  await field.click();
  await page.getByTestId('code-picker-input').fill(name ?? abbrev!);
  await page
    .getByRole('option')
    .filter({ has: page.locator('.cp-abbrev', { hasText: new RegExp(`^${abbrev}$`) }) })
    .first()
    .click();
  await page.getByTestId('code-picker-input').waitFor({ state: 'detached' });
}

export async function chooseOption(select: Locator, text: string): Promise<void> {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  if (value === null) throw new Error(`no option "${text}"`);
  await select.selectOption(value);
}
