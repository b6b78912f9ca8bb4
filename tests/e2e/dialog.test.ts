// The modal dialog in the real browser, as a keyboard and screen-reader user meets it: announced as
// a modal dialog named by its title, Tab going round inside it, Escape closing it (even when the
// focus has fallen to the page), the focus back on the button that opened it, a confirmation inside
// keeping its own Escape, and a press on the backdrop closing it.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoProject } from '../../service/demo.ts';
import { startWorkbench, type Workbench } from './harness.ts';
import { openInWorkbench } from './steps.ts';

let wb: Workbench;

beforeAll(async () => {
  wb = await startWorkbench();
  const path = join(wb.dir, 'demo-dialog.tresse');
  await createDemoProject(path);
  await openInWorkbench(wb.page, path);
}, 180_000);
afterAll(async () => {
  await wb?.close();
});

/** What has the keyboard: the control's label or text, and whether it is inside the open dialog. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    const name = a?.getAttribute('aria-label') || (a as HTMLInputElement | null)?.labels?.[0]?.textContent || a?.textContent || a?.tagName || '';
    return { name: name.trim(), inDialog: !!a?.closest('dialog[open]'), body: a === document.body };
  });

const hasFocus = (l: Locator) => l.evaluate((el) => el === document.activeElement);

/** How Chromium's accessibility tree announces the dialog called `title` (what a screen reader reads). */
async function announced(page: Page, title: string) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: Array<{ role?: { value: string }; name?: { value: string }; properties?: Array<{ name: string; value: { value: unknown } }> }>;
  };
  await cdp.detach();
  const node = nodes.find((n) => n.role?.value === 'dialog' && n.name?.value === title);
  return { role: node?.role?.value, modal: node?.properties?.find((p) => p.name === 'modal')?.value.value };
}

describe('the modal dialog', { timeout: 90_000 }, () => {
  it('is announced as a modal dialog, keeps Tab inside, closes on Escape and gives the focus back', async () => {
    const { page } = wb;
    const opener = page.getByRole('button', { name: 'Nouveau code' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Nouveau code' });
    await dialog.waitFor();
    expect(await announced(page, 'Nouveau code')).toEqual({ role: 'dialog', modal: true });
    // The name field has autoFocus: the dialog keeps it there.
    expect(await hasFocus(dialog.getByLabel('Nom', { exact: true }))).toBe(true);

    // Forward: every stop is inside, and the tour comes back to the name field.
    const tour: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const at = await focused(page);
      expect(at.inDialog, `Tab ${i + 1} left the dialog for ${at.name}`).toBe(true);
      tour.push(at.name);
      if (await hasFocus(dialog.getByLabel('Nom', { exact: true }))) break;
    }
    expect(tour.length).toBeGreaterThan(2);
    expect(tour.length).toBeLessThan(40);
    // Backward from the first stop: to the last one, still inside.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({ inDialog: true, name: tour.at(-2) });

    // The focus falls to the page (a control disabled under it): Tab comes back in, Escape still closes.
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    expect((await focused(page)).body).toBe(true);
    await page.keyboard.press('Tab');
    expect((await focused(page)).inDialog).toBe(true);
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await hasFocus(opener)).toBe(true);
  });

  it('leaves Escape to a confirmation inside it, then closes on the next one', async () => {
    const { page } = wb;
    const opener = page.getByRole('button', { name: 'Confidentialité' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Confidentialité et sauvegardes' });
    await dialog.getByRole('tab', { name: 'Sauvegardes' }).click();
    await dialog.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
    await dialog
      .getByRole('status')
      .getByText(/Sauvegarde faite :/)
      .waitFor();
    await dialog.getByRole('button', { name: 'Supprimer toutes les sauvegardes' }).click();
    const confirm = dialog.getByRole('alertdialog');
    await confirm.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await dialog.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await hasFocus(opener)).toBe(true);
  });

  it('closes on a press on the backdrop, not on one inside', async () => {
    const { page } = wb;
    await page.getByRole('button', { name: 'Nouveau code' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau code' });
    await dialog.getByRole('heading', { name: 'Nouveau code' }).click();
    expect(await dialog.count()).toBe(1);
    const box = (await dialog.boundingBox())!;
    await page.mouse.click(Math.max(2, box.x - 20), box.y + box.height / 2);
    await expect.poll(() => dialog.count()).toBe(0);
  });
});
