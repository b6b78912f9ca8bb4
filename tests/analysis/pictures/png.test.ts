import { describe, expect, it } from 'vitest';
import { chromiumPath, svgToPng } from '../../../analysis/pictures/png.ts';
import { heatmapSvg } from '../../../analysis/pictures/heatmap.ts';

describe('PNG export', () => {
  it.skipIf(!chromiumPath())('rasterises a picture in Chromium at twice its size', async () => {
    const svg = heatmapSvg({ title: 'Essai', rowLabels: ['a'], columnLabels: ['x'], values: [[1]], legend: [] });
    const png = await svgToPng(svg, { scale: 2 });
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    expect(view.getUint32(16)).toBe(width * 2);
  }, 60_000);
});
