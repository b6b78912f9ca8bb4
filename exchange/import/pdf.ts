// PDF reports, articles and transcripts: the text layer only (no OCR). Lines are rebuilt from the
// positioned text items in content order (a new line when the baseline moves), pages are
// separated by a blank line, and the running headers and footers a word processor or publisher
// repeats on every page ("118 / Dupont - Le secret partagé…", "Page 3 sur 12") are removed, since
// coding them would be noise and they split sentences that run across pages. Transcripts repeat
// short answers ("R : Oui.") at page edges too, so dialogue is never taken for a running line.
// Words the typesetter hyphenated at a line end are put back together, so that search finds them.

import type { ImportNote } from '../../model/types.ts';
import { createRequire } from 'node:module';
import { TresseError } from '../../i18n/error.ts';
import { normaliseText } from '../../text/normalise.ts';
import { assembleStructure, type ParsedText } from './structure.ts';
import { matchTurnLabel, speakerFilter, type TurnDetector, type TurnLabel } from './turns.ts';

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

/** A page number before or after a running head's text: "118 / Dupont…", "…mémoire - Page 3 sur 10". */
const LEADING_NUMBER = /^(?:page|p\.)?\s*[-–—]?\s*\d{1,4}(?:\s*(?:\/|sur|of|de)\s*\d{1,4})?(?!\d)/iu;
const TRAILING_NUMBER = /(?<!\d)(?:page|p\.)?\s*\d{1,4}(?:\s*(?:\/|sur|of|de)\s*\d{1,4})?\s*[-–—]?$/iu;

/** A transcript line opening on a timestamp: "[00:12:35] …", "12:35 …". */
const TIMESTAMP_START = /^[[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?(?=\s|$)/u;

export async function parsePdf(bytes: Uint8Array, file: string, detector: TurnDetector): Promise<ParsedText> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) {
    throw new TresseError('import.notPdf', { file });
  }
  const pages = await readPages(bytes, file);
  const withText = pages.filter((p) => p.length > 0);
  if (withText.length === 0) throw new TresseError('import.noTextLayer', { file });

  const { kept, headers, pageNumbers } = removeRunningLines(withText, detector);
  const text = rejoinHyphenated(kept)
    .map((lines) => normaliseText(lines.join('\n')))
    .filter((t) => t !== '')
    .join('\n\n');

  const notes: ImportNote[] = [];
  if (headers > 0) notes.push({ key: 'runningLines', count: headers });
  if (pageNumbers > 0) notes.push({ key: 'pageNumbers', count: pageNumbers });
  const blank = pages.length - withText.length;
  if (blank > 0) notes.push({ key: 'blankPages', count: blank });
  return { text, encoding: null, structure: assembleStructure(text, [], detector), notes };
}

/**
 * The text items of every page. Every promise pdf.js hands out is awaited here, the loading
 * task's destroy() included (it rejects too once a damaged file has broken the worker), so a
 * damaged file ends as a refusal, never as a stray rejection that takes the process down.
 */
async function readPages(bytes: Uint8Array, file: string): Promise<Line[][]> {
  // pdf.js's legacy build (the one Node 20 runs) carries core-js, which replaces the process's
  // JSON.parse with a JavaScript one whenever a reviver is given: slower, and with other error
  // messages. Its own worker module loads the same polyfills during getDocument, so the native one
  // is put back once pdf.js is done, for the whole process.
  const nativeJsonParse = JSON.parse;
  try {
    return await readPagesWith(await import('pdfjs-dist/legacy/build/pdf.mjs'), bytes, file);
  } finally {
    JSON.parse = nativeJsonParse;
  }
}

async function readPagesWith(pdfjs: typeof import('pdfjs-dist/legacy/build/pdf.mjs'), bytes: Uint8Array, file: string): Promise<Line[][]> {
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
      try {
        const content = await page.getTextContent();
        pages.push(pageLines(content.items.filter((i): i is Item & typeof i => 'str' in i)));
      } finally {
        page.cleanup();
      }
    }
    return pages;
  } catch (e) {
    if (e instanceof TresseError) throw e;
    const locked = e instanceof Error && e.name === 'PasswordException';
    throw new TresseError(locked ? 'import.pdfLocked' : 'import.pdfDamaged', { file });
  } finally {
    // Whatever destroy() reports about a document already refused or read changes nothing.
    await task.destroy().catch(() => undefined);
  }
}

/** Character maps and standard-font metrics shipped with pdf.js, for PDFs that do not embed them. */
function assetPaths(): { cMapUrl?: string; standardFontDataUrl?: string } {
  try {
    const root = createRequire(import.meta.url)
      .resolve('pdfjs-dist/package.json')
      .replace(/package\.json$/, '');
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

/**
 * Same running head whatever its page number. Only a number at either end is masked, where running
 * heads carry it: numbers inside a line ("Chapitre 2 : …") tell different lines apart.
 */
function runningKey(text: string): string {
  return text.replace(LEADING_NUMBER, '#').replace(TRAILING_NUMBER, '#').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('fr');
}

/**
 * Among the top and bottom lines of pages, bare page numbers and lines that recur (page number
 * masked) on enough pages (see repeatsEnough); dialogue (see dialogueLines) always stays.
 */
function removeRunningLines(pages: Line[][], detector: TurnDetector): { kept: Line[][]; headers: number; pageNumbers: number } {
  if (pages.length < 2) return { kept: pages, headers: 0, pageNumbers: 0 };
  const dialogue = dialogueLines(pages, detector);
  const edges = pages.map(edgeLines);
  const pagesByKey = new Map<string, Set<number>>();
  edges.forEach((edge, p) => {
    for (const line of edge) {
      if (dialogue.has(line)) continue;
      const key = runningKey(line.text);
      if (!pagesByKey.has(key)) pagesByKey.set(key, new Set());
      pagesByKey.get(key)!.add(p);
    }
  });
  let headers = 0;
  let pageNumbers = 0;
  const kept = pages.map((lines, p) => {
    const edge = edges[p]!;
    return lines.filter((line) => {
      if (!edge.has(line) || dialogue.has(line)) return true;
      const isNumber = PAGE_NUMBER.test(line.text);
      if (!isNumber && !repeatsEnough(pagesByKey.get(runningKey(line.text))!, pages.length)) return true;
      if (isNumber) pageNumbers++;
      else headers++;
      return false;
    });
  });
  return { kept, headers, pageNumbers };
}

/**
 * Whether a line on these pages (indexes) is a running line. A document of up to 3 pages must
 * carry it on every page: "2 pages of 3" happens by chance. Longer ones need 60 % of the pages
 * and at least 3, or the same on the odd or the even pages alone, since books and articles
 * alternate running heads (author on one side, title on the other).
 */
function repeatsEnough(onPages: ReadonlySet<number>, pageCount: number): boolean {
  if (pageCount <= 3) return onPages.size === pageCount;
  const enough = (hits: number, of: number) => hits >= 3 && hits >= of * 0.6;
  if (enough(onPages.size, pageCount)) return true;
  return [0, 1].some((parity) => {
    const hits = [...onPages].filter((p) => p % 2 === parity).length;
    return enough(hits, Math.floor((pageCount + 1 - parity) / 2));
  });
}

/**
 * Lines that open on a timestamp or on a speaker label, never running lines however often they
 * repeat ("R : Oui."). A label counts when the importer would take it for a speaker, and when
 * its speaker says different things or is an interviewer/respondent role: a running head such as
 * "Dupont : Le secret partagé - 12" repeats a single text, page number aside.
 */
function dialogueLines(pages: Line[][], detector: TurnDetector): Set<Line> {
  const dialogue = new Set<Line>();
  const labelled: Array<{ line: Line; label: TurnLabel }> = [];
  for (const line of pages.flat()) {
    if (TIMESTAMP_START.test(line.text)) dialogue.add(line);
    const label = matchTurnLabel(line.text, detector);
    if (label) labelled.push({ line, label });
  }
  const isSpeaker = speakerFilter(
    labelled.map((l) => l.label),
    detector,
  );
  const saysBySpeaker = new Map<string, Set<string>>();
  for (const { line, label } of labelled) {
    const key = label.speaker.toLocaleLowerCase('fr');
    if (!saysBySpeaker.has(key)) saysBySpeaker.set(key, new Set());
    saysBySpeaker.get(key)!.add(runningKey(line.text));
  }
  for (const { line, label } of labelled) {
    if (!isSpeaker(label)) continue;
    const variedSpeech = saysBySpeaker.get(label.speaker.toLocaleLowerCase('fr'))!.size >= 2;
    // Alone, a label passes speakerFilter only as a known role ("E", "R", "Enquêtrice"…), or for user patterns.
    if (variedSpeech || speakerFilter([label], detector)(label)) dialogue.add(line);
  }
  return dialogue;
}

/** The EDGE_LINES highest and lowest lines of a page, by position rather than content order. */
function edgeLines(lines: Line[]): Set<Line> {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  return new Set([...byHeight.slice(0, EDGE_LINES), ...byHeight.slice(-EDGE_LINES)]);
}

/**
 * First parts of French compounds, after which a hyphen at a line end is the compound's own
 * ("porte-/parole", "peut-/être", "c'est-/à-dire", "a-t-/il"). Only words that are rarely the first
 * syllable of a longer word: "au", "co", "pré", "auto", "multi" or "entre" would wrongly keep the
 * hyphen of "au-/tres", "pré-/sence", "entre-/prise".
 */
const COMPOUND_FIRST = new Set(
  [
    'à',
    'après',
    'arrière',
    'avant',
    'belle',
    'celle',
    'celles',
    'celui',
    'ceux',
    'contre',
    'demi',
    'est',
    'grand',
    'grande',
    'hors',
    'là',
    'non',
    'peut',
    'porte',
    'sans',
    'semi',
    'sous',
    't',
    'vis',
  ].map((w) => w.normalize('NFC')),
);

/** A line ending on a word part and a hyphen (soft hyphen included), and the next line's first word. */
const HYPHEN_END = /(\p{L}+)([-\u2010\u00AD])$/u;
const LOWERCASE_WORD = /^\p{Ll}[\p{L}\p{M}]*/u;
const WORDS = /[\p{L}\p{M}]+(?:[-\u2010][\p{L}\p{M}]+)*/gu;

/**
 * The lines' text with words hyphenated at a line end joined back: the next line's first word
 * (with its punctuation) moves up to the hyphen. The next line must start with a lowercase
 * letter; across pages, it must not be a heading. The hyphen goes, unless the document writes the
 * compound elsewhere, or writes neither form and the first part is in COMPOUND_FIRST or an acronym.
 */
function rejoinHyphenated(pages: Line[][]): string[][] {
  const texts = pages.map((lines) => lines.map((l) => l.text));
  const vocabulary = new Set(texts.flat().flatMap((t) => t.toLocaleLowerCase('fr').match(WORDS) ?? []));
  const bodySize = commonSize(pages.flat());
  texts.forEach((lines, p) => {
    lines.forEach((line, i) => {
      const end = HYPHEN_END.exec(line);
      if (!end) return;
      let [page, at] = [p, i + 1];
      if (at >= lines.length) {
        [page, at] = [p + 1, 0];
        const first = pages[page]?.[0];
        if (!first || first.size > bodySize * 1.15) return;
      }
      const next = texts[page]![at]!;
      const rest = LOWERCASE_WORD.exec(next)?.[0];
      if (rest === undefined) return;
      const [fragment, hyphen] = [end[1]!, end[2]!];
      const chunk = /^\S+/u.exec(next)![0];
      const keep = hyphen !== '\u00AD' && keepsHyphen(fragment, rest, vocabulary);
      lines[i] = (keep ? line : line.slice(0, -1)) + chunk;
      texts[page]![at] = next.slice(chunk.length).trimStart();
    });
  });
  return texts.map((lines) => lines.filter((t) => t !== ''));
}

function keepsHyphen(fragment: string, rest: string, vocabulary: ReadonlySet<string>): boolean {
  const first = fragment.toLocaleLowerCase('fr');
  if (vocabulary.has(`${first}-${rest}`)) return true;
  if (vocabulary.has(first + rest)) return false;
  return COMPOUND_FIRST.has(first) || /^\p{Lu}{2,}$/u.test(fragment);
}

/** The font size most lines use: the body text's. */
function commonSize(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) counts.set(Math.round(l.size), (counts.get(Math.round(l.size)) ?? 0) + 1);
  return [...counts].reduce((best, c) => (c[1] > best[1] ? c : best), [0, 0])[0] || 1;
}
