// Hostile and damaged files of every format Tresse reads, built at run time, and the one check that
// a refusal speaks French without leaking library text. Shared by the fuzz suite
// (tests/exchange/fuzz-formats.test.ts) and the front-end suite (tests/hostile/front-ends.test.ts).
// The zip builders live in tests/exchange/hostile-archives.ts (the archive-guard and XML-limit
// tests use them too) and are re-exported here.
import { expect } from 'vitest';
import { writeCodebook, writeProject } from '../../exchange/refi/index.ts';
import { TresseError } from '../../i18n/error.ts';
import { bombEntry, concat, DOCX_CLOSE, DOCX_OPEN, docxDocument, docxEntries, entry, rawZip, utf8 } from '../exchange/hostile-archives.ts';
import { sampleSnapshot } from '../exchange/refi/fixtures.ts';
import { makeDocx, makeOdt, makePdf } from '../fixtures/import/make.ts';

export { bombEntry, concat, docxEntries, entry, rawZip, utf8 } from '../exchange/hostile-archives.ts';

/** A small seeded generator (mulberry32, shared with the bench corpus), so that every run tries the same cases. */
export { mulberry32 as random } from '../../bench/corpus.ts';

// ---------------------------------------------------------------------------------------------
// The user-facing message

/**
 * English library text that must never reach a French user: engine and parser wording, error
 * class names, placeholders left unfilled, stack frames. Whole words only: "invalide" is French.
 */
const LEAKS =
  /\bUnexpected\b|\bError:|\b(?:Type|Range|Syntax|Reference)Error\b|\binvalid\b|\bundefined\b|\bNaN\b|\bnull\b|\{\w+\}|\n\s+at\s|\bat\s\S+:\d+:\d+|node:internal|\bZ_\w+_ERROR\b|\bunclosed\b|\bdisallowed\b|\bin JSON\b|\bMaximum call stack\b|\bout of memory\b/i;

/** A refusal as the user reads it: a non-empty French catalogue message with no library text in it. */
export function expectFrenchMessage(message: string, where = ''): void {
  expect(message.trim(), where).not.toBe('');
  expect(message, where).not.toMatch(LEAKS);
  // French wording, not the English half of the catalogue: every French message has an accent,
  // a French quotation mark or apostrophe, or one of these common words.
  expect(message, where).toMatch(/[«»’éèêàùçô]|\b(?:le|la|les|de|du|des|un|une|est|pas|ne|fichier|ligne)\b/i);
}

/** The same, on a thrown value: it must be a TresseError (anything else is a bug, not a refusal). */
export function expectTresseRefusal(e: unknown, where = ''): TresseError {
  if (!(e instanceof TresseError)) throw new Error(`${where}: not a TresseError: ${(e as Error)?.stack ?? String(e)}`);
  expectFrenchMessage(e.format('fr'), `${where} (${e.code})`);
  return e;
}

// ---------------------------------------------------------------------------------------------
// Valid small files, in the encodings the importers accept

export const INTERVIEW = [
  'Entretien avec une infirmière du CMP, le 12 mars.',
  '',
  'Enquêtrice : Comment travaillez-vous avec le bailleur ?',
  'Sophie : On se voit en réunion de concertation ; le secret partagé ne pose « aucun problème ».',
  'Enquêtrice : Et pour la personne concernée ?',
  'Sophie : Elle est informée, on cherche son accord. L’œuvre commune, c’est ça.',
].join('\r\n');

export const NOTES_MD = [
  '# Carnet de bord',
  '',
  '## Réunion du comité de pilotage',
  '',
  'Présents : la coordinatrice, deux infirmières, le bailleur social.',
  '',
  '> Le secret partagé est « violent » pour la personne, dit une participante.',
  '',
  '```',
  '# pas un titre',
  '```',
  '',
  '## Remarques',
  'Temps de parole très inégal ; l’élue parle la première.',
].join('\n');

export const VTT = [
  'WEBVTT',
  '',
  'NOTE transcription automatique',
  '',
  '1',
  '00:00:01.000 --> 00:00:04.000',
  '<v Enquêtrice>Comment sont choisies les situations ?</v>',
  '',
  '2',
  '00:00:04.500 --> 00:00:09.250',
  '<v Paul>Par une fiche d’alerte, remplie par le partenaire.',
  '',
  '00:01:02.000 --> 00:01:05.000',
  'Sophie : le CCAS, l’infirmière &amp; parfois la police.',
].join('\n');

export const SRT = [
  '1',
  '00:00:01,000 --> 00:00:04,000',
  'Enquêtrice : Qui participe aux réunions ?',
  '',
  '2',
  '00:00:04,500 --> 00:00:09,250',
  '<i>Paul : Le bailleur, le CCAS,</i>',
  'l’infirmière du CMP.',
  '',
  '3',
  '01:00:00,000 --> 01:00:03,000',
  '{\\an8}Fin de l’entretien.',
].join('\r\n');

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Characters of French text that Windows-1252 puts where Latin-1 has control codes. */
const CP1252: Record<string, number> = { '€': 0x80, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, œ: 0x9c, Œ: 0x8c };

/** `text` in `encoding`, with a BOM for UTF-16 (the only UTF-16 the importers accept without guessing). */
export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
  if (encoding === 'utf-8') return utf8(text);
  if (encoding === 'windows-1252') {
    return Uint8Array.from([...text], (ch) => {
      const code = CP1252[ch] ?? ch.codePointAt(0)!;
      if (code > 0xff || (code >= 0x80 && code < 0xa0 && CP1252[ch] === undefined)) throw new Error(`not in Windows-1252: ${ch}`);
      return code;
    });
  }
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, encoding === 'utf-16le');
  for (let i = 0; i < text.length; i++) view.setUint16(2 + 2 * i, text.charCodeAt(i), encoding === 'utf-16le');
  return out;
}

/** A small valid codebook (.qdc) and project (.qdpx), from the REFI-QDA tests' synthetic project. */
export const validQdc = (): Uint8Array => utf8(writeCodebook(sampleSnapshot().codes));
export const validQdpx = (): Uint8Array => writeProject(sampleSnapshot(), { mtime: new Date('2026-01-01T00:00:00Z') });

// ---------------------------------------------------------------------------------------------
// Hostile XML

/** A billion-laughs DOCTYPE in front of `xml`'s root: ten levels of ten references, 10^10 "lol". */
export function entityBomb(xml: string): string {
  const levels = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i < 10; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  const root = /<([\w:]+)/.exec(body)![1]!;
  return `<?xml version="1.0"?><!DOCTYPE ${root} [${levels.join('')}]>${body.replace(/(<[\w:]+[^>]*>)/, '$1&lol9;')}`;
}

/** An external entity (XXE) reading a file of this computer into the document. */
export function externalEntity(xml: string): string {
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  const root = /<([\w:]+)/.exec(body)![1]!;
  return `<?xml version="1.0"?><!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${body.replace(/(<[\w:]+[^>]*>)/, '$1&xxe;')}`;
}

/** A .qdc whose codes nest `depth` levels deep (a real grid has three or four). */
export function nestedQdc(depth: number): string {
  const open = Array.from({ length: depth }, (_, i) => `<Code guid="${guidOf(i)}" name="c${i}" isCodable="true">`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${open}${'</Code>'.repeat(depth)}</Codes></CodeBook>`;
}

function guidOf(i: number): string {
  return `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
}

/** A Tresse codebook JSON whose codes nest `depth` levels deep. */
export function nestedCodebookJson(depth: number): string {
  return `{"format":"tresse-codebook","version":1,"codes":[${'{"name":"c","children":['.repeat(depth)}${']}'.repeat(depth)}]}`;
}

/** A codebook CSV in which each row is the parent of the next, `depth` rows deep. */
export function nestedCodebookCsv(depth: number): string {
  const rows = ['guid;parent;name'];
  for (let i = 0; i < depth; i++) rows.push(`${guidOf(i)};${i === 0 ? '' : guidOf(i - 1)};c${i}`);
  return rows.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Hostile office documents

/** A .docx of a few kB nesting 80,000 paragraphs: the import that hung for minutes (issue 13). */
export function nestedDocx(depth = 80_000): Uint8Array {
  const xml = docxDocument('<w:p>'.repeat(depth) + '</w:p>'.repeat(depth));
  return rawZip([...docxEntries('').filter((e) => e.name !== 'word/document.xml'), entry('word/document.xml', xml)]);
}

/** A .docx of about 400 kB that inflates to 400 MB of French text: the accepted bomb of issue 13. */
export function zipBombDocx(megabytes = 400): Uint8Array {
  const sentence = 'Le secret partagé ne pose aucun problème entre nous. ';
  const unit = sentence.repeat(Math.ceil((1024 * 1024) / sentence.length));
  return rawZip([...docxEntries('').filter((e) => e.name !== 'word/document.xml'), bombEntry('word/document.xml', DOCX_OPEN, unit, megabytes, DOCX_CLOSE)]);
}

// ---------------------------------------------------------------------------------------------
// One damaged file of each format

/** How a file reaches the project: as a source, a .qdpx merged in, a .qdc or a codebook JSON. */
export type Route = 'source' | 'qdpx' | 'qdc' | 'codebook';

export interface HostileFile {
  /** What it is, for test names. */
  label: string;
  fileName: string;
  bytes: Uint8Array;
  route: Route;
}

/** A valid PDF with three bytes flipped in each compressed stream (the PDF that crashed the CLI). */
export async function damagedPdf(): Promise<Uint8Array> {
  const bytes = await makePdf();
  const text = Buffer.from(bytes).toString('latin1');
  const streams = [...text.matchAll(/stream\r?\n/g)].map((m) => [m.index! + m[0].length, text.indexOf('endstream', m.index!)] as const);
  if (streams.length === 0) throw new Error('fixture: no stream in the PDF');
  for (const [start, end] of streams) for (const at of [start + 2, (start + end) >> 1, end - 6]) bytes[at]! ^= 0x01;
  return bytes;
}

/** `bytes` with `count` NUL bytes written over its middle: a file damaged on disk or in transfer. */
function nulsInMiddle(bytes: Uint8Array, count = 64): Uint8Array {
  const out = bytes.slice();
  const from = Math.max(0, (out.length >> 1) - (count >> 1));
  out.fill(0, from, from + count);
  return out;
}

/** `bytes` cut at `fraction` of its length: a download or copy that stopped half-way. */
const truncated = (bytes: Uint8Array, fraction = 0.5) => bytes.slice(0, Math.floor(bytes.length * fraction));

/**
 * A damaged file of each supported format, each one that the importers must refuse: text with NUL
 * runs (binary) or with invalid UTF-8, archives cut half-way, a PDF with flipped bytes, subtitles
 * with their timings gone, a codebook cut before its end.
 */
export async function damagedFiles(): Promise<HostileFile[]> {
  const brokenUtf8 = concat([utf8(INTERVIEW.slice(0, 80)), Uint8Array.of(0xc3, 0x28, 0xe9, 0x80, 0xff), utf8(INTERVIEW.slice(80)), Uint8Array.of(0xc3)]);
  return [
    { label: 'a .txt with invalid UTF-8', fileName: 'entretien-abime.txt', bytes: concat([brokenUtf8, utf8('é'), brokenUtf8]), route: 'source' },
    { label: 'a .md with NUL runs', fileName: 'carnet-abime.md', bytes: nulsInMiddle(utf8(NOTES_MD)), route: 'source' },
    { label: 'a .docx cut half-way', fileName: 'entretien-abime.docx', bytes: truncated(await makeDocx()), route: 'source' },
    { label: 'an .odt cut half-way', fileName: 'reunion-abimee.odt', bytes: truncated(makeOdt(), 0.6), route: 'source' },
    { label: 'a .pdf with flipped bytes', fileName: 'rapport-abime.pdf', bytes: await damagedPdf(), route: 'source' },
    { label: 'a .vtt without timings', fileName: 'visio-abimee.vtt', bytes: utf8(VTT.replace(/\d\d:\d\d:\d\d\.\d+ --> /g, '?? --> ')), route: 'source' },
    { label: 'an .srt with NUL runs', fileName: 'appel-abime.srt', bytes: nulsInMiddle(utf8(SRT)), route: 'source' },
    { label: 'a .qdpx cut half-way', fileName: 'equipe-abimee.qdpx', bytes: truncated(validQdpx()), route: 'qdpx' },
    { label: 'a .qdc cut half-way', fileName: 'grille-abimee.qdc', bytes: truncated(validQdc()), route: 'qdc' },
  ];
}

/** Every hostile file of the "done when" list: a damaged file of each format, a nested .docx, a zip bomb. */
export async function doneWhenFiles(): Promise<HostileFile[]> {
  return [
    ...(await damagedFiles()),
    { label: 'a .docx nesting 80,000 paragraphs', fileName: 'imbrique.docx', bytes: nestedDocx(), route: 'source' },
    { label: 'a zip-bomb .docx (400 MB inflated)', fileName: 'bombe.docx', bytes: zipBombDocx(), route: 'source' },
    {
      label: 'a codebook JSON cut half-way',
      fileName: 'grille-abimee.json',
      bytes: utf8('{"format":"tresse-codebook","version":1,"codes":[{"name":"Secret'),
      route: 'codebook',
    },
  ];
}
