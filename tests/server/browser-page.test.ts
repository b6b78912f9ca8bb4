// The built renderer (dist/) in a real browser against the browser-mode server: the page must live
// within the Content-Security-Policy and reach the project with the token from the URL. Runs when
// a Chromium and a built renderer are present (CHROMIUM_PATH, or /usr/bin/chromium).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startBrowserServer } from '../../server/browser-server.ts';
import { listCodes } from '../../service/codebook.ts';
import { addCoding } from '../../service/codings.ts';
import { closeProject, createProject } from '../../service/project.ts';
import { importSource } from '../../service/sources.ts';

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
const dist = join(import.meta.dirname, '..', '..', 'dist');
const ready = Boolean(executablePath) && existsSync(join(dist, 'index.html'));

describe.skipIf(!ready)('browser mode in Chromium', () => {
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
    const browser = await chromium.launch({ executablePath: executablePath!, args: ['--no-sandbox'] });
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
      await page.getByText('Entretien infirmier').first().click();
      await page.getByText('avec la mairie', { exact: false }).first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(500);
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
