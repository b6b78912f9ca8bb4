// Every main screen of the demo project, walked in English then in French, each at 1366x768 and
// 1920x1080: no label left in the other language, no serious or critical axe-core violation, no
// page wider than the window and no header word broken across lines. The screenshots
// (test-results/screenshots/screen-*.png) are there to be looked at.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator, type Translate } from '../../i18n/catalogue.ts';
import type { Lang } from '../../i18n/lang.ts';
import { createDemoProject } from '../../service/demo.ts';
import { closeProject, openProject } from '../../service/project.ts';
import { startWorkbench, type Workbench } from './harness.ts';
import { axeViolations, layoutProblems, Leftovers, shownTexts } from './screen-audit.ts';
import { answerWhoCodes, dragSelect } from './steps.ts';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

let wb: Workbench;
let projectPath: string;
let userData: { values: Set<string>; names: string[]; whole: string };

/** Every text the project stores: what the user (here the demo) wrote is never a leftover. */
function storedTexts(path: string): typeof userData {
  const ctx = openProject(path);
  try {
    const values = new Set<string>();
    const tables = ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'").pluck().all() as string[];
    for (const table of tables) {
      for (const row of ctx.db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]) {
        for (const v of row) if (typeof v === 'string' && v.trim()) values.add(v.replace(/\s+/g, ' ').trim());
      }
    }
    const names = [...values].filter((v) => v.length <= 120 && v.length >= 2).sort((a, b) => b.length - a.length);
    return { values, names, whole: [...values].join('\n') };
  } finally {
    closeProject(ctx);
  }
}

beforeAll(async () => {
  wb = await startWorkbench({ injectScripts: true });
  projectPath = join(wb.dir, 'demo-ecrans.tresse');
  await createDemoProject(projectPath);
  userData = storedTexts(projectPath);
}, 180_000);
afterAll(async () => {
  await wb?.close();
});

class Walk {
  readonly problems: string[] = [];
  private readonly seen = new Set<string>();
  readonly t: Translate;
  private readonly leftovers: Leftovers;
  constructor(
    readonly page: Page,
    readonly lang: Lang,
  ) {
    this.t = translator(lang);
    this.leftovers = new Leftovers(lang, userData);
  }

  /** Checks the screen as it stands, at both sizes, and keeps a screenshot of each. */
  async screen(name: string): Promise<void> {
    const { page } = this;
    await page.waitForTimeout(0);
    for (const text of await shownTexts(page)) {
      const why = this.leftovers.check(text.text);
      const key = `${text.where} "${text.text.trim().slice(0, 80)}" (${why})`;
      // A leftover on a panel that stays in view is told once, on the first screen that shows it.
      if (why && !this.seen.has(key)) {
        this.seen.add(key);
        this.problems.push(`[${this.lang}] ${name}: ${key}`);
      }
    }
    for (const v of await axeViolations(page)) this.problems.push(`[${this.lang}] ${name}: axe ${v}`);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      for (const p of await layoutProblems(page)) this.problems.push(`[${this.lang}] ${name} at ${size.width}x${size.height}: ${p}`);
      await wb.screenshot(`screen-${this.lang}-${size.width}-${name}`);
    }
  }

  async view(key: Parameters<Translate>[0]): Promise<void> {
    await this.page
      .getByRole('navigation', { name: this.t('view.nav') })
      .getByRole('button', { name: this.t(key), exact: true })
      .click();
  }

  async tab(id: string, name: string): Promise<void> {
    await this.page.locator(`#${id}`).click();
    await this.page.locator(`[aria-labelledby="${id}"]`).waitFor();
    await this.screen(name);
  }

  async dialog(open: () => Promise<void>, name: string): Promise<void> {
    await open();
    const dialog = this.page.locator('dialog[open]').last();
    await dialog.waitFor();
    await this.screen(name);
    await this.page.keyboard.press('Escape');
    await expect.poll(() => this.page.locator('dialog[open]').count()).toBe(0);
  }
}

async function walk(page: Page, lang: Lang): Promise<string[]> {
  const w = new Walk(page, lang);
  const { t } = w;
  await page.setViewportSize(SIZES[0]!);
  await page.goto(wb.server.url);
  await page.locator(`.lang-switch button[lang="${lang}"]`).click();
  await page.locator('#open-path').waitFor();
  await w.screen('01-start');

  await page.locator('#open-path').fill(projectPath);
  await page.getByRole('button', { name: t('start.openButton'), exact: true }).click();
  await page.getByTestId('project-path').waitFor();
  await answerWhoCodes(page, t);
  const first = page.getByRole('option').first();
  await first.click();
  await page.getByTestId('transcript-text').waitFor();
  await w.screen('02-sources');
  await page.getByRole('button', { name: t('edit.open'), exact: true }).click();
  await page.getByRole('button', { name: t('edit.cancel'), exact: true }).waitFor();
  await w.screen('02b-source-edit');
  await page.getByRole('button', { name: t('edit.cancel'), exact: true }).click();
  await w.dialog(() => page.getByRole('button', { name: t('sets.open.sources'), exact: true }).click(), '02c-source-sets');
  // The picker over a passage selected with the mouse.
  const passage = await page.getByTestId('transcript-text').evaluate((el) => {
    const line = (el as HTMLElement).innerText.split('\n').find((l) => l.length > 80)!;
    return line.slice(20, 60);
  });
  await dragSelect(page, passage);
  await page.getByTestId('code-picker-input').waitFor();
  await w.screen('03-picker');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByTestId('code-picker-input').count()).toBe(0);

  await w.dialog(async () => {
    await page.getByTestId('import-input').setInputFiles({
      name: 'carnet-terrain.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('12 mars\nRéunion du comité de pilotage, six présents.\n'),
    });
  }, '04-import');

  const codebook = page.getByRole('complementary', { name: t('codebook.title') });
  await w.dialog(() => codebook.getByRole('button', { name: t('codebook.add'), exact: true }).click(), '05-code-new');
  await w.dialog(() => codebook.getByRole('button', { name: t('sets.open.codes'), exact: true }).click(), '06-code-sets');
  await codebook.getByRole('treeitem').first().click();
  await w.dialog(() => codebook.getByRole('button', { name: t('codebook.edit'), exact: true }).click(), '07-code-edit');
  await w.dialog(() => codebook.getByRole('button', { name: t('codebook.merge'), exact: true }).click(), '08-code-merge');
  await w.dialog(() => codebook.getByRole('button', { name: t('codebook.delete'), exact: true }).click(), '09-code-delete');

  await w.view('view.cases');
  await page.locator('.pane-centre table').first().waitFor();
  await w.screen('10-cases');

  await codebook.getByRole('button', { name: t('codebook.excerpts'), exact: true }).click();
  await page.locator('#retrieval-title').waitFor();
  await w.screen('11-excerpts');

  await w.view('view.search');
  const search = page.locator('.pane-centre input[type="search"]').first();
  await search.fill('secret');
  await search.press('Enter');
  await page.getByRole('listbox', { name: t('search.listLabel') }).waitFor();
  await w.screen('12-search');
  await page.getByRole('button', { name: t('search.codeAll'), exact: true }).click();
  await page.getByRole('button', { name: t('common.back'), exact: true }).waitFor();
  await w.screen('12b-search-code-all');
  await page.getByRole('button', { name: t('common.back'), exact: true }).click();

  await w.view('view.analysis');
  await w.tab('analysis-tab-triangulation', '13-analysis-triangulation');
  await page.locator('#analysis-panel-triangulation tbody td button').first().waitFor();
  await w.dialog(() => page.locator('#analysis-panel-triangulation tbody td button').first().click(), '14-analysis-cell');
  const triangulation = page.locator('#analysis-panel-triangulation');
  await w.dialog(() => triangulation.locator('.verdict-button').first().click(), '14b-analysis-verdict');
  await w.dialog(() => triangulation.getByRole('button', { name: t('analysis.questions.open'), exact: true }).click(), '14c-analysis-questions');
  await w.dialog(() => triangulation.getByRole('button', { name: t('analysis.kinds.open'), exact: true }).click(), '14d-analysis-kinds');
  await w.tab('analysis-tab-participant', '15-analysis-participant');
  await w.tab('analysis-tab-code-source', '16-analysis-code-source');
  await w.tab('analysis-tab-code-attribute', '17-analysis-code-attribute');
  await w.tab('analysis-tab-cooccurrence', '18-analysis-cooccurrence');
  await page
    .locator('#analysis-panel-cooccurrence')
    .getByRole('button', { name: t('analysis.show.pictures'), exact: true })
    .click();
  await page.locator('#analysis-panel-cooccurrence img, #analysis-panel-cooccurrence svg').first().waitFor();
  await w.screen('19-analysis-pictures');
  await w.tab('analysis-tab-frequencies', '20-analysis-frequencies');

  await w.view('view.team');
  for (const [i, tab] of ['exchange', 'compare', 'merge', 'agreement', 'ratings'].entries()) await w.tab(`team-tab-${tab}`, `${21 + i}-team-${tab}`);

  await w.dialog(() => page.getByRole('button', { name: t('privacy.open'), exact: true }).click(), '26-privacy');
  await page.getByRole('button', { name: t('privacy.open'), exact: true }).click();
  await w.tab('privacy-tab-backups', '27-privacy-backups');
  await page.keyboard.press('Escape');

  await w.view('view.method');
  await page.locator('.pane-centre h2').first().waitFor();
  await w.screen('28-method');

  await page.getByRole('button', { name: t('app.close'), exact: true }).click();
  await page.locator('#open-path').waitFor();
  return w.problems;
}

// A whole walk drives some forty screens through axe and two window sizes.
describe('every main screen', { timeout: 300_000 }, () => {
  it('in English: no French label left, no serious accessibility violation, a layout that fits', async () => {
    expect(await walk(wb.page, 'en')).toEqual([]);
  });

  it('in French: no English label left, no serious accessibility violation, a layout that fits', async () => {
    expect(await walk(wb.page, 'fr')).toEqual([]);
  });
});
