// OpenDocument text (LibreOffice, OnlyOffice): content.xml, with the same layout as DOCX
// (one paragraph per line, a table row per line with tab-separated cells, text boxes after the
// paragraph that anchors them). Notes, comments, tracked deletions and the table of contents
// (which repeats the headings) are left out.

import type { ImportNote } from '../../model/types.ts';
import type { SaxesTagNS } from 'saxes';
import { TresseError } from '../../i18n/error.ts';
import { attr, MAX_TEXT_CHARS, missingPart, openContainer, parseXml, readPart, textTooLong, type ContainerContext } from './container.ts';
import { assembleStructure, TextBuilder, type ParsedText } from './structure.ts';
import type { TurnDetector } from './turns.ts';

const TEXT = ['urn:oasis:names:tc:opendocument:xmlns:text:1.0'];
const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const TEXT_MIMETYPES = [
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.text-template',
  'application/vnd.oasis.opendocument.text-master',
];

type Frame =
  | { kind: 'p'; text: string; level: number | null; after: string[]; pendingSpace: boolean }
  | { kind: 'row'; cells: string[] }
  | { kind: 'cell'; parts: string[] };

export function parseOdt(bytes: Uint8Array, file: string, detector: TurnDetector, maxInflatedBytes: number): ParsedText {
  const ctx: ContainerContext = { file, format: 'OpenDocument (.odt)' };
  const zip = openContainer(bytes, ctx, maxInflatedBytes);
  const mimetypeBytes = (zip.sizeOf('mimetype') ?? 0) <= 200 ? zip.read('mimetype') : new TextEncoder().encode('?');
  const mimetype = mimetypeBytes ? new TextDecoder().decode(mimetypeBytes.subarray(0, 200)).trim() : null;
  if (mimetype !== null && !TEXT_MIMETYPES.includes(mimetype)) {
    throw new TresseError('import.otherOdf', { file, mimetype: mimetype.slice(0, 80) });
  }
  // A password-protected document keeps its parts enciphered, described in the manifest.
  const manifest = readPart(zip, 'META-INF/manifest.xml', ctx);
  if (manifest && isEncrypted(manifest)) throw new TresseError('archive.encrypted', { file, format: ctx.format, entry: 'content.xml' });
  const content = readPart(zip, 'content.xml', ctx);
  if (!content) throw missingPart(ctx, 'content.xml');

  const builder = new TextBuilder();
  const frames: Frame[] = [];
  const counts = { notes: 0, comments: 0, toc: 0 };
  let skipDepth = 0;
  let bodyDepth = 0;
  // Whether each open element holds document text: character data directly inside an element of
  // another namespace (an image's svg:title, a form control) is not part of the text.
  const textual: boolean[] = [];

  const top = () => frames[frames.length - 1];
  const paragraph = () => {
    const f = top();
    return f?.kind === 'p' ? f : undefined;
  };
  const deliver = (lines: string[], level: number | null) => {
    const f = top();
    if (!f) lines.forEach((line, i) => builder.addParagraph(line, i === 0 ? level : null));
    // A loop, not push(...lines): a forged file can hold more lines than a call takes arguments.
    else if (f.kind === 'p') for (const line of lines) f.after.push(line);
    else if (f.kind === 'cell') for (const line of lines) if (line.trim() !== '') f.parts.push(line.trim());
  };
  // ODF collapses runs of white space in character data; text:s, text:tab and text:line-break
  // carry the spaces that count.
  let produced = 0;
  const count = (length: number) => {
    produced += length;
    if (produced > MAX_TEXT_CHARS) throw textTooLong(ctx);
  };
  const appendCharacters = (raw: string) => {
    const p = paragraph();
    if (!p) return;
    count(raw.length);
    for (const piece of raw.split(/([ \t\n\r]+)/u)) {
      if (piece === '') continue;
      if (/^[ \t\n\r]+$/u.test(piece)) {
        p.pendingSpace = p.text !== '' && !p.text.endsWith(' ');
      } else {
        p.text += (p.pendingSpace ? ' ' : '') + piece;
        p.pendingSpace = false;
      }
    }
  };
  const appendLiteral = (s: string) => {
    const p = paragraph();
    if (!p) return;
    count(s.length);
    p.text += (p.pendingSpace ? ' ' : '') + s;
    p.pendingSpace = false;
  };

  parseXml(
    content,
    'content.xml',
    {
      open(tag: SaxesTagNS) {
        textual.push(TEXT.includes(tag.uri));
        if (skipDepth > 0) {
          skipDepth++;
          return;
        }
        if (tag.uri === OFFICE && tag.local === 'text') bodyDepth++;
        if (bodyDepth === 0) return;
        if (tag.uri === OFFICE && tag.local === 'annotation') {
          counts.comments++;
          skipDepth++;
          return;
        }
        if (tag.uri === TABLE) {
          if (tag.local === 'table-row') frames.push({ kind: 'row', cells: [] });
          else if (tag.local === 'table-cell' || tag.local === 'covered-table-cell') frames.push({ kind: 'cell', parts: [] });
          return;
        }
        if (!TEXT.includes(tag.uri)) return;
        switch (tag.local) {
          case 'note':
            counts.notes++;
            skipDepth++;
            return;
          case 'table-of-content':
            counts.toc++;
            skipDepth++;
            return;
          case 'tracked-changes':
          case 'deletion':
            skipDepth++;
            return;
          case 'p':
            frames.push({ kind: 'p', text: '', level: null, after: [], pendingSpace: false });
            return;
          case 'h': {
            const level = Number(attr(tag, TEXT, 'outline-level') ?? '1');
            frames.push({ kind: 'p', text: '', level: Number.isInteger(level) && level > 0 ? Math.min(level, 10) : 1, after: [], pendingSpace: false });
            return;
          }
          case 's': {
            const c = Number(attr(tag, TEXT, 'c') ?? '1');
            appendLiteral(' '.repeat(Number.isInteger(c) && c > 0 ? Math.min(c, 1000) : 1));
            return;
          }
          case 'tab':
            appendLiteral('\t');
            return;
          case 'line-break':
            appendLiteral('\n');
            return;
        }
      },
      close(tag: SaxesTagNS) {
        textual.pop();
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (tag.uri === OFFICE && tag.local === 'text') bodyDepth--;
        if (bodyDepth === 0) return;
        if (tag.uri === TABLE) {
          if ((tag.local === 'table-cell' || tag.local === 'covered-table-cell') && top()?.kind === 'cell') {
            const cell = frames.pop() as Extract<Frame, { kind: 'cell' }>;
            const row = top();
            if (row?.kind === 'row') row.cells.push(cell.parts.join(' '));
          } else if (tag.local === 'table-row' && top()?.kind === 'row') {
            const { cells } = frames.pop() as Extract<Frame, { kind: 'row' }>;
            while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
            deliver([cells.join('\t')], null);
          }
          return;
        }
        if (TEXT.includes(tag.uri) && (tag.local === 'p' || tag.local === 'h') && top()?.kind === 'p') {
          const p = frames.pop() as Extract<Frame, { kind: 'p' }>;
          deliver([p.text, ...p.after], frames.length === 0 ? p.level : null);
        }
      },
      text(t: string) {
        if (skipDepth === 0 && bodyDepth > 0 && textual[textual.length - 1]) appendCharacters(t);
      },
    },
    ctx,
  );

  const text = builder.text();
  const notes: ImportNote[] = [];
  if (counts.notes > 0) notes.push({ key: 'footnotes', count: counts.notes });
  if (counts.comments > 0) notes.push({ key: 'comments', count: counts.comments });
  if (counts.toc > 0) notes.push({ key: 'toc' });
  return { text, encoding: null, structure: assembleStructure(text, builder.headings, detector), notes };
}

/**
 * Looked for in the raw bytes, not parsed: OpenOffice.org 2 wrote its manifest with a DOCTYPE,
 * which the XML guard would refuse, and only this one element matters here.
 */
function isEncrypted(manifest: Uint8Array): boolean {
  return /<(?:[\w.-]+:)?encryption-data\b/.test(new TextDecoder('latin1').decode(manifest));
}
