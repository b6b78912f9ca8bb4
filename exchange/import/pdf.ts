// PDF reports, articles and transcripts: the text layer only (no OCR). Lines are rebuilt from the
// positioned text items in content order (a new line when the baseline moves), pages are
// separated by a blank line, and the running headers and footers a word processor or publisher
// repeats on every page ("118 / Dupont - Le secret partagé…", "Page 3 sur 12") are removed, since
// coding them would be noise and they split sentences that run across pages.

import { createRequire } from 'node:module';
import { TresseError } from '../../i18n/error.ts';
import { normaliseText } from '../../text/normalise.ts';
import { plural } from './notes.ts';
import { assembleStructure, type ParsedText } from './structure.ts';
import type { TurnDetector } from './turns.ts';

const FORMAT = 'PDF';

interface Item {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  y: number;
  endX: number;
  size: number;
  eol: boolean;
}

/** Bare page numbers: "3", "- 3 -", "Page 3", "p. 3", "3/12", "Page 3 sur 12". */
const PAGE_NUMBER = /^(?:page|p\.)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:\/|sur|of|de)\s*\d{1,4})?$/iu;

/** How many lines at the top and at the bottom of a page may be running headers or footers. */
const EDGE_LINES = 2;

export async function parsePdf(bytes: Uint8Array, file: string, detector: TurnDetector): Promise<ParsedText> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) {
    throw new TresseError('import.corrupt', { file, format: FORMAT, detail: 'ce n’est pas un fichier PDF' });
  }
  const pages = await readPages(bytes, file);
  const withText = pages.filter((p) => p.length > 0);
  if (withText.length === 0) throw new TresseError('import.noTextLayer', { file });

  const { kept, headers, pageNumbers } = removeRunningLines(withText);
  const text = kept
    .map((lines) => normaliseText(lines.map((l) => l.text).join('\n')))
    .filter((t) => t !== '')
    .join('\n\n');

  const notes: string[] = [];
  if (headers > 0) notes.push(plural(headers, 'en-tête/pied de page répété retiré', 'en-têtes/pieds de page répétés retirés'));
  if (pageNumbers > 0) notes.push(plural(pageNumbers, 'numéro de page retiré', 'numéros de page retirés'));
  const blank = pages.length - withText.length;
  if (blank > 0) notes.push(plural(blank, 'page sans texte ignorée (image ou page scannée ?)', 'pages sans texte ignorées (images ou pages scannées ?)'));
  return { text, encoding: null, structure: assembleStructure(text, [], detector), notes };
}

async function readPages(bytes: Uint8Array, file: string): Promise<Line[][]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    ...assetPaths(),
  });
  try {
    const doc = await task.promise;
    const pages: Line[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(pageLines(content.items.filter((i): i is Item & typeof i => 'str' in i)));
      page.cleanup();
    }
    return pages;
  } catch (e) {
    if (e instanceof TresseError) throw e;
    const name = e instanceof Error ? e.name : '';
    const detail =
      name === 'PasswordException'
        ? 'le fichier est protégé par un mot de passe'
        : 'structure du fichier illisible (fichier tronqué ou endommagé)';
    throw new TresseError('import.corrupt', { file, format: FORMAT, detail });
  } finally {
    await task.destroy();
  }
}

/** Character maps and standard-font metrics shipped with pdf.js, for PDFs that do not embed them. */
function assetPaths(): { cMapUrl?: string; standardFontDataUrl?: string } {
  try {
    const root = createRequire(import.meta.url).resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
    return { cMapUrl: `${root}cmaps/`, standardFontDataUrl: `${root}standard_fonts/` };
  } catch {
    return {};
  }
}

function pageLines(items: Item[]): Line[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  for (const item of items) {
    if (item.str === '') {
      if (item.hasEOL && line) line.eol = true;
      continue;
    }
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const size = Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0) || item.height || 1;
    const sameLine = line !== null && !line.eol && Math.abs(y - line.y) <= Math.max(line.size, size) * 0.5 && x >= line.endX - size;
    if (sameLine && line) {
      const gap = x - line.endX;
      if (gap > size * 0.15 && !/\s$/u.test(line.text) && !/^\s/u.test(item.str)) line.text += ' ';
      line.text += item.str;
      line.endX = Math.max(line.endX, x + item.width);
    } else {
      line = { text: item.str, y, endX: x + item.width, size, eol: false };
      lines.push(line);
    }
    if (item.hasEOL) line.eol = true;
  }
  return lines.map((l) => ({ ...l, text: l.text.trim() })).filter((l) => l.text !== '');
}

/** Same line with any page number in it: digits do not count. */
function runningKey(text: string): string {
  return text.replace(/\d+/gu, '#').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('fr');
}

/**
 * Lines among the top and bottom lines of pages that recur (digits masked) on at least 40 % of
 * the pages (odd and even pages often carry different running heads), and bare page numbers.
 */
function removeRunningLines(pages: Line[][]): { kept: Line[][]; headers: number; pageNumbers: number } {
  if (pages.length < 2) return { kept: pages, headers: 0, pageNumbers: 0 };
  const edges = pages.map(edgeLines);
  const pagesByKey = new Map<string, Set<number>>();
  edges.forEach((edge, p) => {
    for (const line of edge) {
      const key = runningKey(line.text);
      if (!pagesByKey.has(key)) pagesByKey.set(key, new Set());
      pagesByKey.get(key)!.add(p);
    }
  });
  const threshold = Math.max(2, pages.length * 0.4);
  let headers = 0;
  let pageNumbers = 0;
  const kept = pages.map((lines, p) => {
    const edge = edges[p]!;
    return lines.filter((line) => {
      if (!edge.has(line)) return true;
      const isNumber = PAGE_NUMBER.test(line.text);
      const repeated = (pagesByKey.get(runningKey(line.text))?.size ?? 0) >= threshold;
      if (!isNumber && !repeated) return true;
      if (isNumber) pageNumbers++;
      else headers++;
      return false;
    });
  });
  return { kept, headers, pageNumbers };
}

/** The EDGE_LINES highest and lowest lines of a page, by position rather than content order. */
function edgeLines(lines: Line[]): Set<Line> {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  return new Set([...byHeight.slice(0, EDGE_LINES), ...byHeight.slice(-EDGE_LINES)]);
}
