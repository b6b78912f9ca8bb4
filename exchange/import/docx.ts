// Word documents: word/document.xml read directly (not through an HTML conversion) so that
// headings, table cells and text boxes come out in document order with exact text.
// Layout: one paragraph per line; a table row is one line with its cells separated by tabs (the
// paragraphs of a cell joined by spaces); text boxes follow the paragraph that anchors them.
// Footnotes, endnotes, comments, headers and footers, deleted revisions and hidden text are not imported.

import type { ImportNote } from '../../model/types.ts';
import type { SaxesTagNS } from 'saxes';
import { TresseError } from '../../i18n/error.ts';
import type { GuardedArchive } from '../archive/guard.ts';
import { attr, missingPart, openContainer, parseXml, readPart, type ContainerContext } from './container.ts';
import { assembleStructure, TextBuilder, type ParsedText } from './structure.ts';
import type { TurnDetector } from './turns.ts';

const W = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Subtrees holding text that is not part of the document as it reads now. */
const SKIPPED = new Set([
  'moveFrom',
  'del',
  'pPrChange',
  'rPrChange',
  'sectPrChange',
  'tblPrChange',
  'trPrChange',
  'tcPrChange',
  'instrText',
  'delInstrText',
  'delText',
]);

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

interface StyleDef {
  name: string;
  basedOn: string | null;
  outlineLevel: number | null;
}

export function parseDocx(bytes: Uint8Array, file: string, detector: TurnDetector, maxInflatedBytes: number): ParsedText {
  const ctx: ContainerContext = { file, format: 'Word (.docx)' };
  // Old binary .doc files and password-protected .docx files are both OLE compound files.
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) throw new TresseError('import.oldWord', { file });
  // Only the parts read below are ever inflated.
  const zip = openContainer(bytes, ctx, maxInflatedBytes);
  const mainPart = relationshipTarget(zip, '_rels/.rels', '', 'officeDocument', ctx) ?? 'word/document.xml';
  const main = readPart(zip, mainPart, ctx);
  if (!main) throw missingPart(ctx, mainPart);
  const dir = mainPart.includes('/') ? mainPart.slice(0, mainPart.lastIndexOf('/') + 1) : '';
  const relsPath = `${dir}_rels/${mainPart.slice(dir.length)}.rels`;
  const stylesPart = relationshipTarget(zip, relsPath, dir, 'styles', ctx) ?? `${dir}styles.xml`;
  const stylesXml = readPart(zip, stylesPart, ctx);
  const styles = stylesXml ? readStyles(stylesXml, stylesPart, ctx) : new Map<string, StyleDef>();

  const body = readBody(main, mainPart, styles, ctx);
  const text = body.builder.text();
  const notes: ImportNote[] = [];
  if (body.footnotes > 0) notes.push({ key: 'footnotes', count: body.footnotes });
  if (body.endnotes > 0) notes.push({ key: 'endnotes', count: body.endnotes });
  if (body.comments > 0) notes.push({ key: 'comments', count: body.comments });
  return { text, encoding: null, structure: assembleStructure(text, body.builder.headings, detector), notes };
}

/** Target of the first relationship of a type (`.../officeDocument`, `.../styles`) in a .rels part. */
function relationshipTarget(zip: GuardedArchive, relsPath: string, baseDir: string, type: string, ctx: ContainerContext): string | null {
  const rels = readPart(zip, relsPath, ctx);
  if (!rels) return null;
  let target: string | null = null;
  parseXml(
    rels,
    relsPath,
    {
      open(tag) {
        if (target === null && tag.local === 'Relationship' && tag.uri === RELS) {
          const t = tag.attributes['Type']?.value ?? '';
          const to = tag.attributes['Target']?.value;
          if (to && t.endsWith(`/${type}`) && tag.attributes['TargetMode']?.value !== 'External') {
            target = to.startsWith('/') ? to.slice(1) : resolvePath(baseDir, to);
          }
        }
      },
      close() {},
      text() {},
    },
    ctx,
  );
  return target;
}

function resolvePath(baseDir: string, relative: string): string {
  const parts = (baseDir + relative).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function readStyles(bytes: Uint8Array, part: string, ctx: ContainerContext): Map<string, StyleDef> {
  const styles = new Map<string, StyleDef>();
  let current: (StyleDef & { id: string }) | null = null;
  parseXml(
    bytes,
    part,
    {
      open(tag) {
        if (!W.includes(tag.uri)) return;
        if (tag.local === 'style') {
          const id = attr(tag, W, 'styleId');
          current = id && attr(tag, W, 'type') === 'paragraph' ? { id, name: '', basedOn: null, outlineLevel: null } : null;
        } else if (current) {
          const val = attr(tag, W, 'val');
          if (tag.local === 'name') current.name = val ?? '';
          else if (tag.local === 'basedOn') current.basedOn = val ?? null;
          else if (tag.local === 'outlineLvl' && val !== undefined) current.outlineLevel = Number(val);
        }
      },
      close(tag) {
        if (tag.local === 'style' && W.includes(tag.uri) && current) {
          styles.set(current.id, current);
          current = null;
        }
      },
      text() {},
    },
    ctx,
  );
  return styles;
}

/** Heading level (1-9) of a paragraph style: outline level, built-in "heading n" name, or inherited. */
function styleLevel(styles: Map<string, StyleDef>, styleId: string, depth = 0): number | null {
  const style = styles.get(styleId);
  if (!style) {
    const m = /^(?:heading|titre)\s*([1-9])$/iu.exec(styleId);
    return m ? Number(m[1]) : null;
  }
  if (style.outlineLevel !== null) return outlineToLevel(style.outlineLevel);
  const m = /^heading\s*([1-9])$/iu.exec(style.name);
  if (m) return Number(m[1]);
  // The document's title (built-in "Title", whatever the style id in the user's language).
  if (/^title$/iu.test(style.name)) return 1;
  return style.basedOn && depth < 10 ? styleLevel(styles, style.basedOn, depth + 1) : null;
}

/** w:outlineLvl counts from 0; 9 means body text. */
function outlineToLevel(value: number): number | null {
  return Number.isInteger(value) && value >= 0 && value < 9 ? value + 1 : null;
}

/** Open elements that collect text, innermost last: paragraphs, table rows, table cells. */
type Frame = { kind: 'p'; text: string; level: number | null; after: string[] } | { kind: 'row'; cells: string[] } | { kind: 'cell'; parts: string[] };

function readBody(bytes: Uint8Array, part: string, styles: Map<string, StyleDef>, ctx: ContainerContext) {
  const builder = new TextBuilder();
  const frames: Frame[] = [];
  let skipDepth = 0;
  let runDepth = 0;
  // Text formatted as hidden (w:vanish): Word does not show or print it, so it is not the source's text.
  let hiddenRun = false;
  let inText = false;
  let inParagraphProps = 0;
  const counts = { footnotes: 0, endnotes: 0, comments: 0 };

  const top = () => frames[frames.length - 1];
  const paragraph = () => {
    const f = top();
    return f?.kind === 'p' ? f : undefined;
  };
  // A finished paragraph or row goes to what contains it: the document, a table cell, or the
  // paragraph anchoring the text box it sits in.
  const deliver = (lines: string[], level: number | null) => {
    const f = top();
    if (!f) {
      lines.forEach((line, i) => builder.addParagraph(line, i === 0 ? level : null));
    } else if (f.kind === 'p') {
      // A loop, not push(...lines): a forged file can hold more lines than a call takes arguments.
      for (const line of lines) f.after.push(line);
    } else if (f.kind === 'cell') {
      for (const line of lines) if (line.trim() !== '') f.parts.push(line.trim());
    }
  };

  parseXml(
    bytes,
    part,
    {
      open(tag: SaxesTagNS) {
        if (skipDepth > 0 || (tag.uri === MC && tag.local === 'Fallback')) {
          skipDepth++;
          return;
        }
        if (!W.includes(tag.uri)) return;
        if (SKIPPED.has(tag.local)) {
          skipDepth++;
          return;
        }
        switch (tag.local) {
          case 'p':
            frames.push({ kind: 'p', text: '', level: null, after: [] });
            break;
          case 'pPr':
            inParagraphProps++;
            break;
          case 'pStyle': {
            const p = paragraph();
            const val = attr(tag, W, 'val');
            if (p && inParagraphProps > 0 && val) p.level = styleLevel(styles, val);
            break;
          }
          case 'outlineLvl': {
            const p = paragraph();
            const val = attr(tag, W, 'val');
            if (p && inParagraphProps > 0 && val !== undefined) p.level = outlineToLevel(Number(val));
            break;
          }
          case 'r':
            runDepth++;
            hiddenRun = false;
            break;
          case 'vanish':
            // In a run's properties only: under pPr it hides the paragraph mark, not the text.
            if (runDepth > 0 && inParagraphProps === 0) hiddenRun = !['0', 'false', 'off'].includes(attr(tag, W, 'val') ?? 'true');
            break;
          case 't':
            inText = runDepth > 0;
            break;
          case 'tab':
          case 'ptab':
            if (runDepth > 0 && inParagraphProps === 0) append('\t');
            break;
          case 'br':
          case 'cr':
            if (runDepth > 0) append('\n');
            break;
          case 'noBreakHyphen':
            append('-');
            break;
          case 'tr':
            frames.push({ kind: 'row', cells: [] });
            break;
          case 'tc':
            frames.push({ kind: 'cell', parts: [] });
            break;
          case 'footnoteReference':
            counts.footnotes++;
            break;
          case 'endnoteReference':
            counts.endnotes++;
            break;
          case 'commentReference':
            counts.comments++;
            break;
        }
      },
      close(tag: SaxesTagNS) {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (!W.includes(tag.uri)) return;
        switch (tag.local) {
          case 'p': {
            if (top()?.kind !== 'p') break;
            const p = frames.pop() as Extract<Frame, { kind: 'p' }>;
            deliver([p.text, ...p.after], frames.length === 0 ? p.level : null);
            break;
          }
          case 'pPr':
            inParagraphProps--;
            break;
          case 'r':
            runDepth--;
            hiddenRun = false;
            break;
          case 't':
            inText = false;
            break;
          case 'tc': {
            if (top()?.kind !== 'cell') break;
            const cell = frames.pop() as Extract<Frame, { kind: 'cell' }>;
            const row = top();
            if (row?.kind === 'row') row.cells.push(cell.parts.join(' '));
            break;
          }
          case 'tr': {
            if (top()?.kind !== 'row') break;
            const { cells } = frames.pop() as Extract<Frame, { kind: 'row' }>;
            while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
            deliver([cells.join('\t')], null);
            break;
          }
        }
      },
      text(t: string) {
        if (inText && skipDepth === 0) append(t);
      },
    },
    ctx,
  );
  return { builder, ...counts };

  function append(s: string): void {
    if (hiddenRun && runDepth > 0) return;
    const p = paragraph();
    if (p) p.text += s;
  }
}
