// The built renderer (dist/) in a real browser against the browser-mode server: the page must live
// within the Content-Security-Policy and reach the project with the token from the URL. Part of the
// e2e tier: without Chromium or without a build it fails saying what to do, it is never skipped.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer } from '../../server/browser-server.ts';
import { answerWhoCodes } from '../e2e/steps.ts';
import { listCodes } from '../../service/codebook.ts';
import { addCoding } from '../../service/codings.ts';
import { closeProject, createProject } from '../../service/project.ts';
import { importSource } from '../../service/sources.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/chromium.ts';

const dist = join(import.meta.dirname, '..', '..', 'dist');

describe('browser mode in Chromium', () => {
  let executablePath: string;
  beforeAll(() => {
    executablePath = chromiumPath();
    if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/index.html is missing: run npm run build (npm test builds it when it is stale).');
  });

  it('loads the interface and a coded transcript within the CSP, with the token taken out of the address', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tresse-page-'));
    const projectPath = join(dir, 'Enquête CLSM.tresse');
    closeProject(createProject(projectPath, { name: 'Enquête CLSM', grid: 'six-themes', coder: 'Test' }));
    const server = await startBrowserServer({ port: 0, configDir: join(dir, 'config'), staticDir: dist, projectPath, lang: 'fr' });
    const ctx = server.workspace.project;
    const text = 'Enquêtrice : Comment se passe la concertation ?\nInfirmier : On se réunit chaque mois avec la mairie et le bailleur.\n';
    const { source } = await importSource(ctx, { fileName: 'Entretien infirmier.txt', bytes: new TextEncoder().encode(text), kind: 'interview' });
    const code = listCodes(ctx.db).find((c) => c.codable)!;
    addCoding(ctx, { sourceId: source.id, codeId: code.id, start: 60, end: 100 });
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      const refused: number[] = [];
      page.on('response', (r) => {
        if (r.url().includes('/api/') && r.status() !== 200) refused.push(r.status());
      });
      await page.goto(server.url);
      await page.getByText('Enquête CLSM').first().waitFor({ timeout: 15_000 });
      await answerWhoCodes(page);
      await page.getByText('Entretien infirmier').first().click();
      await page.getByText('avec la mairie', { exact: false }).first().waitFor({ timeout: 15_000 });
      // Until no request is left in flight: a refused API call is only seen once its answer arrives.
      await page.waitForLoadState('networkidle');
      expect(page.url()).not.toContain('token=');
      expect(refused).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
