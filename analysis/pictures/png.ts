// PNG from an SVG picture, drawn by resvg with the fonts Tresse ships (never the machine's own),
// so the same picture gives the same bytes on every computer.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { TresseError } from '../../i18n/error.ts';

/** The font files pictures are drawn with, as package specifiers: packaging must ship them. */
export const PICTURE_FONTS = [
  'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  // The heatmap writes its notes in italic.
  'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
] as const;

/** The family those files hold; svg.ts FONT names it first. */
export const PICTURE_FONT_FAMILY = 'DejaVu Sans';

/**
 * Where a shipped font lies on disk. resvg reads fonts natively, and native code cannot see inside
 * an Electron asar archive: there the files must be unpacked (asarUnpack) beside it.
 */
export function pictureFontPath(specifier: string): string {
  const path = createRequire(import.meta.url).resolve(specifier);
  return path.replace(/\.asar([\\/])/, '.asar.unpacked$1');
}

function renderOptions(scale: number): ResvgRenderOptions {
  const fontFiles = PICTURE_FONTS.map(pictureFontPath);
  // A missing font would not fail the render: the labels would silently vanish.
  const missing = fontFiles.find((f) => !existsSync(f));
  if (missing) throw new TresseError('export.pngFont', { file: missing });
  return {
    // resvg-js 2.6.2 takes fonts as files only (no buffers in its native binding).
    font: {
      loadSystemFonts: false,
      fontFiles,
      defaultFontFamily: PICTURE_FONT_FAMILY,
      sansSerifFamily: PICTURE_FONT_FAMILY,
      serifFamily: PICTURE_FONT_FAMILY,
      monospaceFamily: PICTURE_FONT_FAMILY,
      cursiveFamily: PICTURE_FONT_FAMILY,
      fantasyFamily: PICTURE_FONT_FAMILY,
    },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    // resvg would otherwise write its font warnings on the command line's stderr.
    logLevel: 'off',
  };
}

/** Rasterises `svg` at `scale` device pixels per SVG pixel (2: sharp enough for print). */
export async function svgToPng(svg: string, options: { scale?: number } = {}): Promise<Uint8Array> {
  const scale = options.scale ?? 2;
  const render = renderOptions(scale);
  // The native renderer loads when a PNG is asked for, not with every module that imports this one
  // (the contract, so every command of the command line).
  const { Resvg } = await import('@resvg/resvg-js');
  let png: Buffer;
  try {
    png = new Resvg(svg, render).render().asPng();
  } catch (e) {
    throw new TresseError('export.png', { detail: (e as Error).message.split('\n')[0] ?? '' });
  }
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
