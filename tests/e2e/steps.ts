// Steps shared by the end-to-end scenarios, done the way a user does them.
import type { Page } from 'playwright-core';
import { translator, type Translate } from '../../i18n/catalogue.ts';
import { makeInterviewDocx } from './fixtures.ts';

export async function createProject(page: Page, path: string, coder = 'Camille'): Promise<void> {
  await page.locator('#create-path').fill(path);
  await page.getByRole('radio', { name: /six thèmes/ }).check();
  await page.getByLabel('Votre nom de codeur ou codeuse').fill(coder);
  await page.getByRole('button', { name: 'Créer le projet' }).click();
  await page.getByTestId('project-path').waitFor();
}

/** Opens an existing project by its path, as typed in the start screen. */
export async function openInWorkbench(page: Page, path: string): Promise<void> {
  await page.locator('#open-path').fill(path);
  await page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
  await page.getByTestId('project-path').waitFor();
  await answerWhoCodes(page);
}

/**
 * A project this browser's workspace never coded in asks who is coding: the scenarios carry on as
 * whoever coded in it last.
 */
export async function answerWhoCodes(page: Page, t: Translate = translator('fr')): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
  const ask = page.getByRole('dialog', { name: t('coder.ask.title') });
  if (!(await ask.isVisible())) return;
  await ask.getByRole('radio', { name: new RegExp(t('coder.ask.last')) }).check();
  await ask.getByRole('button', { name: t('coder.ask.submit') }).click();
  await ask.waitFor({ state: 'hidden' });
}

/** Imports the synthetic interview as the case P1 and leaves it open. */
export async function importInterview(page: Page, caseName = 'P1'): Promise<void> {
  await page.getByTestId('import-input').setInputFiles({
    name: 'entretien-P1-infirmier.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from(await makeInterviewDocx()),
  });
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Cas (participant)').selectOption({ label: 'Nouveau cas…' });
  await dialog.getByLabel('Nom du nouveau cas').fill(caseName);
  await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
  await dialog.getByText(/Importé comme/).waitFor();
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await page.getByTestId('transcript-text').waitFor();
}

/**
 * Selects `text` in the transcript with the mouse: pressed just inside its first character,
 * released just inside its last, as a reader drags across a passage.
 */
export async function dragSelect(page: Page, text: string): Promise<void> {
  const box = await page.getByTestId('transcript-text').evaluate((root, wanted) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const whole = nodes.map((n) => n.data).join('');
    const at = whole.indexOf(wanted);
    if (at < 0) throw new Error(`"${wanted}" is not in the transcript`);
    const locate = (pos: number): [Text, number] => {
      let seen = 0;
      for (const n of nodes) {
        if (pos < seen + n.data.length) return [n, pos - seen];
        seen += n.data.length;
      }
      const last = nodes[nodes.length - 1]!;
      return [last, last.data.length];
    };
    const rectOf = (pos: number) => {
      const [node, offset] = locate(pos);
      const r = document.createRange();
      r.setStart(node, offset);
      r.setEnd(node, offset + 1);
      const rect = r.getBoundingClientRect();
      return { left: rect.left, right: rect.right, y: rect.top + rect.height / 2 };
    };
    const first = rectOf(at);
    const last = rectOf(at + wanted.length - 1);
    return { x1: first.left + 1, y1: first.y, x2: last.right - 1, y2: last.y };
  }, text);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

/**
 * The text the transcript marks as the passage just opened (a search hit, an excerpt): the ranges
 * of its CSS Custom Highlight "tr-flash", joined; '' when nothing is marked.
 */
export async function flashedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const marked = CSS.highlights.get('tr-flash');
    return marked ? [...marked].map((r) => (r as Range).toString()).join('') : '';
  });
}
