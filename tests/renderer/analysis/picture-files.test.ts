// Pictures travel as SVG text: shown through an image address, rasterised at the size they declare.
import { describe, expect, it } from 'vitest';
import { cooccurrenceNetwork } from '../../../analysis/pictures/network.ts';
import type { Matrix } from '../../../analysis/matrix/types.ts';
import { svgDataUrl, svgSize } from '../../../renderer/panels/analysis/picture-files.ts';

const empty: Matrix = { type: 'cooccurrence', title: 'Cooccurrences', rowMode: 'codes', dimension: 'code', columns: [], rows: [], filter: {}, notes: [] };

describe('pictures as images', () => {
  it('makes an image address that decodes back to the very SVG, quotes and "#" included', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"><title>« A & B » #1</title></svg>';
    const url = svgDataUrl(svg);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(url).not.toMatch(/[#"<>]/);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(svg);
  });

  it('reads the size a picture of ours declares, for the PNG canvas', () => {
    expect(svgSize(cooccurrenceNetwork(empty, 'fr', { width: 640, height: 480 }))).toEqual({ width: 640, height: 480 });
  });

  it('reads the root element only, and gives up on a picture without a size', () => {
    expect(svgSize('<svg viewBox="0 0 4 4"><rect width="3" height="2"/></svg>')).toBeNull();
    expect(svgSize('<svg width="12.5" height="7"><rect width="3" height="2"/></svg>')).toEqual({ width: 12.5, height: 7 });
  });
});
