// Reads back a PNG file's pixels (8-bit RGB or RGBA, not interlaced: what resvg writes) so tests
// check the bytes a user gets, not the renderer's own buffer. No PNG package is installed; zlib
// comes with Node and the row filters are those of the PNG specification, section 9.
import { inflateSync } from 'node:zlib';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, row after row. */
  rgba: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function decodePng(png: Uint8Array): Pixels {
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Uint8Array[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      const [depth, colour, , , interlace] = body.subarray(8);
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6)) throw new Error(`unsupported PNG (${depth}, ${colour}, ${interlace})`);
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    if (filter > 4) throw new Error(`bad PNG row filter ${filter}`);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[row + i - channels]! : 0;
      const b = y > 0 ? out[row - stride + i]! : 0;
      const c = y > 0 && i >= channels ? out[row - stride + i - channels]! : 0;
      out[row + i] = (line[i]! + predict(filter, a, b, c)) & 0xff;
    }
  }
  if (channels === 4) return { width, height, rgba: out };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set([out[i * 3]!, out[i * 3 + 1]!, out[i * 3 + 2]!, 255], i * 4);
  return { width, height, rgba };
}

/** The filter's prediction from the left (a), upper (b) and upper-left (c) bytes. */
function predict(filter: number, a: number, b: number, c: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return a;
    case 2:
      return b;
    case 3:
      return (a + b) >> 1;
    default: {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
  }
}

/** How many pixels in the box (in PNG pixels) are dark: ink, not paper or light grey. */
export function darkPixels(p: Pixels, box: { x: number; y: number; width: number; height: number }): number {
  let n = 0;
  for (let y = Math.max(0, box.y); y < Math.min(p.height, box.y + box.height); y++) {
    for (let x = Math.max(0, box.x); x < Math.min(p.width, box.x + box.width); x++) {
      const i = (y * p.width + x) * 4;
      if (p.rgba[i]! + p.rgba[i + 1]! + p.rgba[i + 2]! < 3 * 100) n++;
    }
  }
  return n;
}
