// PNG from an SVG picture, drawn by Chromium (headless, offline: the page is the SVG alone).
// Optional: when no Chromium is found the caller gets a TresseError and can offer the SVG instead.
import { existsSync } from 'node:fs';
import { TresseError } from '../../i18n/error.ts';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(env: Record<string, string | undefined> = process.env): string | undefined {
  const given = env.TRESSE_CHROMIUM;
  if (given) return given;
  return CANDIDATES.find((p) => existsSync(p));
}

/** Rasterises `svg` at `scale` device pixels per SVG pixel (2: sharp enough for print). */
export async function svgToPng(svg: string, options: { scale?: number; executablePath?: string } = {}): Promise<Uint8Array> {
  const executablePath = options.executablePath ?? chromiumPath();
  if (!executablePath) throw new TresseError('export.png', { detail: 'chromium' });
  const { chromium } = await import('playwright-core');
  let browser;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  } catch (e) {
    throw new TresseError('export.png', { detail: (e as Error).message.split('\n')[0] ?? '' });
  }
  try {
    const page = await browser.newPage({ deviceScaleFactor: options.scale ?? 2, javaScriptEnabled: false });
    // Nothing may be fetched: the picture is self-contained.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    const shot = await page.locator('svg').first().screenshot({ type: 'png', omitBackground: false });
    return new Uint8Array(shot);
  } finally {
    await browser.close();
  }
}
