import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { PICTURE_FONTS, pictureFontPath, svgToPng } from '../../../analysis/pictures/png.ts';
import { svgDocument } from '../../../analysis/pictures/svg.ts';
import { triangulationHeatmap } from '../../../analysis/pictures/heatmap.ts';
import { isTresseError } from '../../../i18n/error.ts';
import { computeMatrix, setRowVerdict } from '../../../service/analysis.ts';
import { buildFixture } from '../matrix/fixture.ts';
import { darkPixels, decodePng } from '../../helpers/png-pixels.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function triangulationPicture(): string {
  const { ctx } = buildFixture();
  setRowVerdict(ctx, {}, 'CL1', 'dissonance', '');
  return triangulationHeatmap(computeMatrix(ctx.db, { type: 'triangulation', rows: 'codes' }));
}

const size = (svg: string) => ({ width: Number(/width="([\d.]+)"/.exec(svg)![1]), height: Number(/height="([\d.]+)"/.exec(svg)![1]) });
const withoutText = (svg: string) => svg.replace(/<text\b[^>]*>[^<]*<\/text>/g, '');
// svgDocument writes the title at (16, 28) in 18 px bold: its ink lies within this box.
const TITLE = { x: 16, y: 10, width: 180, height: 24 };
const scaled = (b: typeof TITLE, s: number) => ({ x: b.x * s, y: b.y * s, width: b.width * s, height: b.height * s });

describe('PNG pictures', () => {
  it('rasterises the triangulation matrix of a real project at the SVG size times the scale', async () => {
    const svg = triangulationPicture();
    const { width, height } = size(svg);
    for (const scale of [1, 2]) {
      const png = await svgToPng(svg, { scale });
      expect([...png.subarray(0, 8)]).toEqual(SIGNATURE);
      const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
      expect(String.fromCharCode(...png.subarray(12, 16))).toBe('IHDR');
      // Pictures have fractional sizes (787.48 wide here): resvg rounds to the nearest pixel.
      expect([view.getUint32(16), view.getUint32(20)]).toEqual([Math.round(width * scale), Math.round(height * scale)]);
      const pixels = decodePng(png);
      expect([pixels.width, pixels.height]).toEqual([view.getUint32(16), view.getUint32(20)]);
    }
  });

  it('draws the labels: the title and row labels are inked, and vanish with the text removed', async () => {
    const svg = triangulationPicture();
    const drawn = decodePng(await svgToPng(svg, { scale: 2 }));
    const bare = decodePng(await svgToPng(withoutText(svg), { scale: 2 }));
    expect(darkPixels(drawn, scaled(TITLE, 2))).toBeGreaterThan(500);
    expect(darkPixels(bare, scaled(TITLE, 2))).toBe(0);
    // The row labels ("CL1 …") sit left of the first cell column, from y = 48 + header down.
    const labels = { x: 0, y: 2 * 80, width: 2 * 60, height: drawn.height - 2 * 120 };
    expect(darkPixels(drawn, labels)).toBeGreaterThan(darkPixels(bare, labels) + 200);
  });

  it('draws accented letters and French quotation marks with the shipped font', async () => {
    const ink = async (title: string) => darkPixels(decodePng(await svgToPng(svgDocument(220, 40, title, ''), { scale: 2 })), scaled(TITLE, 2));
    const pairs: [string, string][] = [
      ['e', 'é'],
      ['E', 'É'],
      ['a', 'à'],
      ['c', 'ç'],
    ];
    for (const [plain, accented] of pairs) expect(await ink(accented), accented).toBeGreaterThan(await ink(plain));
    expect(await ink('« »')).toBeGreaterThan(50);
  });

  it('gives the same bytes on every run', async () => {
    const svg = triangulationPicture();
    const first = await svgToPng(svg, { scale: 2 });
    const second = await svgToPng(svg, { scale: 2 });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('ignores the fonts installed on the machine', async (t) => {
    const picture = (family: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="40"><text x="8" y="28" font-family="${family}" font-size="20">Éléà « ç »</text></svg>`;
    // Control: with the system's fonts, a serif family draws other pixels. Where no serif font is
    // installed, this machine cannot tell the two cases apart.
    const system = (svg: string) => new Resvg(svg, { font: { loadSystemFonts: true }, logLevel: 'off' }).render().asPng();
    if (system(picture('DejaVu Serif')).equals(system(picture('DejaVu Sans')))) t.skip();
    const sans = Buffer.from(await svgToPng(picture('DejaVu Sans')));
    for (const family of ['DejaVu Serif', 'serif', 'Liberation Sans, Arial']) {
      expect(Buffer.from(await svgToPng(picture(family))).equals(sans), family).toBe(true);
    }
  });

  it('lists the font files it loads, and they resolve to files', () => {
    expect(PICTURE_FONTS).toContain('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
    expect(PICTURE_FONTS).toContain('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
    for (const f of PICTURE_FONTS) expect(existsSync(pictureFontPath(f)), f).toBe(true);
  });

  it('refuses an unreadable SVG with a message in the user’s language', async () => {
    for (const bad of ['pas un dessin', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect</svg>']) {
      const error = await svgToPng(bad).catch((e: unknown) => e);
      expect(isTresseError(error)).toBe(true);
      if (!isTresseError(error)) return;
      expect(error.code).toBe('export.png');
      expect(error.format('fr')).toMatch(/^Impossible de produire l’image PNG : le dessin SVG est illisible \(.+\)\. Aucun fichier n’a été écrit\.$/);
      expect(error.format('en')).toMatch(/^Cannot produce the PNG picture: the SVG drawing cannot be read/);
    }
  });
});
