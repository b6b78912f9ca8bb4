// Seeded, deterministic fuzzing of the formats that are not archives: .txt and .md (UTF-8, UTF-16
// with a BOM, Windows-1252), .pdf, .vtt, .srt, .qdc codebooks and Tresse's codebook JSON and CSV.
// Each case mutates a small valid file built at run time (byte flips, truncation, NUL bytes,
// invalid UTF-8, an over-long line; for the codebooks, entity bombs, external entities and deep
// nesting too) and sends it through the real service import on a real project file. It must import,
// or be refused with a TresseError worded in French without library text, the project file and
// its -wal byte-identical. A failure names the seed and the case to replay it. The archive formats
// are in fuzz-archives.test.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { exportCodebook, importCodebook } from '../../service/codebook-exchange.ts';
import type { ProjectContext } from '../../service/context.ts';
import { importQdc } from '../../service/refi.ts';
import { importSource } from '../../service/sources.ts';
import { makePdf } from '../fixtures/import/make.ts';
import {
  encodeText,
  entityBomb,
  expectTresseRefusal,
  externalEntity,
  INTERVIEW,
  nestedCodebookCsv,
  nestedCodebookJson,
  nestedQdc,
  NOTES_MD,
  random,
  SRT,
  utf8,
  validQdc,
  VTT,
  type TextEncoding,
} from '../helpers/hostile-files.ts';
import { newProject } from '../helpers/project.ts';
import { projectFiles } from './hostile-archives.ts';

const MiB = 1024 * 1024;
/** Resident memory one format's whole run may add: the largest mutated file is under 1 MB. */
const MAX_GROWTH_MB = 256;

interface Mutation {
  label: string;
  apply(bytes: Uint8Array): Uint8Array;
}

const INVALID_UTF8 = [
  [0xc3, 0x28], // a lead byte without its continuation
  [0x80], // a lone continuation byte
  [0xc0, 0xaf], // an over-long encoding of "/"
  [0xed, 0xa0, 0x80], // a UTF-16 surrogate encoded in UTF-8
  [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
  [0xff, 0xfe], // never valid, and a UTF-16 BOM in the middle
];

/** One seeded mutation; `unit` keeps insertions aligned on UTF-16 code units. */
function mutation(rand: () => number, encode: (s: string) => Uint8Array, unit: number): Mutation {
  const at = (n: number) => Math.floor(rand() * n);
  const aligned = (where: number, length: number) => Math.floor((where * length) / unit) * unit;
  const insert = (b: Uint8Array, i: number, piece: Uint8Array) => {
    const out = new Uint8Array(b.length + piece.length);
    out.set(b.subarray(0, i));
    out.set(piece, i);
    out.set(b.subarray(i), i + piece.length);
    return out;
  };
  const where = rand();
  switch (at(6)) {
    case 0: {
      const flips = Array.from({ length: 1 + at(8) }, () => [rand(), at(256)] as const);
      return {
        label: `flip ${flips.length} bytes`,
        apply: (b) => {
          const out = b.slice();
          for (const [w, value] of flips) out[Math.floor(w * out.length)] = value;
          return out;
        },
      };
    }
    case 1:
      return { label: `truncate at ${(where * 100).toFixed(1)} %`, apply: (b) => b.slice(0, Math.floor(where * b.length)) };
    case 2: {
      const length = 1 + at(16);
      const overwrite = rand() < 0.5;
      return {
        label: `${overwrite ? 'overwrite with' : 'insert'} ${length} NUL bytes at ${(where * 100).toFixed(1)} %`,
        apply: (b) => {
          const i = Math.floor(where * b.length);
          if (!overwrite) return insert(b, i, new Uint8Array(length));
          const out = b.slice();
          out.fill(0, i, i + length);
          return out;
        },
      };
    }
    case 3: {
      const seq = INVALID_UTF8[at(INVALID_UTF8.length)]!;
      const times = 1 + at(3);
      return {
        label: `insert ${times} × [${seq.map((x) => x.toString(16)).join(' ')}] at ${(where * 100).toFixed(1)} %`,
        apply: (b) => insert(b, Math.floor(where * b.length), Uint8Array.from(Array.from({ length: times }, () => seq).flat())),
      };
    }
    case 4: {
      // A transcript pasted without line breaks: one line of up to 400,000 characters.
      const length = 50_000 + at(350_000);
      const piece = encode(('Sophie : le secret partagé ' + 'x'.repeat(at(40))).repeat(Math.ceil(length / 40)).slice(0, length));
      return { label: `insert a ${length}-character line at ${(where * 100).toFixed(1)} %`, apply: (b) => insert(b, aligned(where, b.length), piece) };
    }
    default: {
      // Line breaks of every kind and stray separators where the structure is read.
      const piece = encode(['\r', '\n\n\n', '\u2028', ' --> ', ':', '#', '<v >', '&#0;', '\t'][at(9)]!.repeat(1 + at(200)));
      return { label: `insert separators at ${(where * 100).toFixed(1)} %`, apply: (b) => insert(b, aligned(where, b.length), piece) };
    }
  }
}

/** Mutations of an XML file that stay well-formed around the damage: what an XML parser must resist. */
function xmlAttacks(valid: string): Mutation[] {
  const fixed = (label: string, xml: string): Mutation => ({ label, apply: () => utf8(xml) });
  return [
    fixed('billion-laughs entity bomb', entityBomb(valid)),
    fixed('external entity (XXE)', externalEntity(valid)),
    fixed('codes nested 300 deep', nestedQdc(300)),
    fixed('codes nested 50,000 deep', nestedQdc(50_000)),
    fixed('an unclosed element', valid.replace('</Codes>', '')),
    fixed('a 2 MB attribute', valid.replace('name="', `name="${'é'.repeat(1_000_000)}`)),
    fixed('a processing instruction and a CDATA section', valid.replace('<Codes>', '<Codes><?php echo 1 ?><![CDATA[<Code name="x">]]>')),
    fixed('a namespace it does not know', valid.replace('urn:QDA-XML:codebook:1.0', 'urn:autre')),
  ];
}

interface Format {
  name: string;
  fileName: string;
  seed: number;
  cases: number;
  valid(): Promise<Uint8Array> | Uint8Array;
  encode?: (s: string) => Uint8Array;
  unit?: number;
  /** Mutations tried besides the seeded ones. */
  attacks?: (valid: Uint8Array) => Mutation[];
  /** A project to import into: the codebooks go into an empty grid, so that codes are added. */
  grid?: string;
  run(ctx: ProjectContext, bytes: Uint8Array): unknown;
}

const asSource = (fileName: string) => (ctx: ProjectContext, bytes: Uint8Array) => importSource(ctx, { fileName, bytes, kind: 'interview' });
/** As the command line reads a codebook: the file's bytes as UTF-8, damaged sequences replaced. */
const asText = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);
/** The project's built-in six-theme grid, exported as the user would. */
const gridExport = (format: 'json' | 'csv') => utf8(exportCodebook(newProject().db, format));

const ENCODINGS: TextEncoding[] = ['utf-8', 'utf-16le', 'windows-1252'];

function textFormats(): Format[] {
  const formats: Format[] = [];
  let seed = 7100;
  for (const [ext, text] of [
    ['txt', INTERVIEW],
    ['md', NOTES_MD],
  ] as const) {
    for (const encoding of ENCODINGS) {
      const fileName = `note-${encoding}.${ext}`;
      formats.push({
        name: `.${ext} ${encoding}`,
        fileName,
        seed: seed++,
        cases: 45,
        valid: () => encodeText(text, encoding),
        // Windows-1252 has no "é" problem, but the pieces inserted must be encodable: keep them ASCII there.
        encode: (s) =>
          encodeText(encoding === 'windows-1252' ? s.normalize('NFD').replace(/\p{M}/gu, '') : s, encoding).subarray(encoding.startsWith('utf-16') ? 2 : 0),
        unit: encoding.startsWith('utf-16') ? 2 : 1,
        run: asSource(fileName),
      });
    }
  }
  return formats;
}

const FORMATS: Format[] = [
  ...textFormats(),
  // UTF-16 big-endian, once, with fewer cases: the same code as little-endian past the BOM.
  {
    name: '.txt utf-16be',
    fileName: 'note-be.txt',
    seed: 7110,
    cases: 20,
    valid: () => encodeText(INTERVIEW, 'utf-16be'),
    encode: (s) => encodeText(s, 'utf-16be').subarray(2),
    unit: 2,
    run: asSource('note-be.txt'),
  },
  { name: '.pdf', fileName: 'rapport.pdf', seed: 7120, cases: 40, valid: () => makePdf(), run: asSource('rapport.pdf') },
  { name: '.vtt', fileName: 'visio.vtt', seed: 7130, cases: 45, valid: () => utf8(VTT), run: asSource('visio.vtt') },
  { name: '.srt', fileName: 'appel.srt', seed: 7140, cases: 45, valid: () => utf8(SRT), run: asSource('appel.srt') },
  {
    name: '.qdc',
    fileName: 'grille.qdc',
    seed: 7150,
    cases: 45,
    valid: validQdc,
    attacks: (valid) => xmlAttacks(asText(valid)),
    grid: 'empty',
    run: (ctx, bytes) => importQdc(ctx, bytes, [], 'grille.qdc'),
  },
  {
    name: 'codebook JSON',
    fileName: 'grille.json',
    seed: 7160,
    cases: 35,
    valid: () => gridExport('json'),
    attacks: () => [
      { label: 'codes nested 100,000 deep', apply: () => utf8(nestedCodebookJson(100_000)) },
      { label: 'codes nested 300 deep', apply: () => utf8(nestedCodebookJson(300)) },
    ],
    grid: 'empty',
    run: (ctx, bytes) => importCodebook(ctx, 'json', asText(bytes)),
  },
  {
    name: 'codebook CSV',
    fileName: 'grille.csv',
    seed: 7170,
    cases: 35,
    valid: () => gridExport('csv'),
    attacks: () => [
      { label: 'rows nested 20,000 deep', apply: () => utf8(nestedCodebookCsv(20_000)) },
      { label: 'an unclosed quote', apply: (b) => utf8(asText(b).replace(';', ';"')) },
    ],
    grid: 'empty',
    run: (ctx, bytes) => importCodebook(ctx, 'csv', asText(bytes)),
  },
];

const counts: string[] = [];
afterAll(() => console.log(`fuzzed formats (imported / refused):\n  ${counts.join('\n  ')}`));

describe('fuzzing text, PDF, subtitle and codebook files through the service', () => {
  for (const format of FORMATS) {
    it(`${format.name}: ${format.cases} seeded mutations${format.attacks ? ' and the hostile ones' : ''} import or are refused in French, the project untouched`, async () => {
      const valid = await format.valid();
      const rand = random(format.seed);
      const ctx = newProject({ grid: format.grid ?? 'six-themes' });
      // The valid file itself must import: otherwise every "refusal" below proves nothing.
      await format.run(ctx, valid);
      const encode = format.encode ?? utf8;
      const cases = [...Array.from({ length: format.cases }, () => mutation(rand, encode, format.unit ?? 1)), ...(format.attacks?.(valid) ?? [])];
      const outcome = { imported: 0, refused: 0, codes: new Map<string, number>() };
      const rssBefore = process.memoryUsage().rss;
      for (const [i, m] of cases.entries()) {
        const where = `${format.name}, seed ${format.seed}, case ${i}: ${m.label}`;
        const bytes = m.apply(valid);
        const before = projectFiles(ctx);
        try {
          await format.run(ctx, bytes);
          outcome.imported++;
        } catch (e) {
          const error = expectTresseRefusal(e, where);
          outcome.refused++;
          outcome.codes.set(error.code, (outcome.codes.get(error.code) ?? 0) + 1);
          expect(projectFiles(ctx), `${where}: the project changed`).toEqual(before);
        }
      }
      const growth = (process.memoryUsage().rss - rssBefore) / MiB;
      counts.push(
        `${format.name}: ${cases.length} cases, ${outcome.imported} imported, ${outcome.refused} refused (${[...outcome.codes].map(([c, n]) => `${c} ${n}`).join(', ')}), resident memory ${growth >= 0 ? '+' : ''}${growth.toFixed(0)} MB`,
      );
      expect(outcome.refused, 'no mutation was refused: the mutations do not reach the parser').toBeGreaterThan(0);
      expect(growth).toBeLessThan(MAX_GROWTH_MB);
    }, 30_000);
  }
});

describe('codebooks nested deeper than any real grid', () => {
  // Found by the fuzzing above: 100,000 levels of JSON overflowed the stack (a RangeError, not a
  // refusal), and a CSV chain of 20,000 rows took hours to check for cycles.
  it.each([
    ['JSON', 'json', nestedCodebookJson(100_000)],
    ['CSV', 'csv', nestedCodebookCsv(20_000)],
  ] as const)('a %s codebook 100 levels deep imports, deeper is refused in French, the project untouched', (label, format, deep) => {
    const ctx = newProject({ grid: 'empty' });
    const before = projectFiles(ctx);
    let error: unknown;
    try {
      importCodebook(ctx, format, deep);
    } catch (e) {
      error = e;
    }
    expect(expectTresseRefusal(error, label).format('fr')).toBe(
      `Livre de codes illisible (${label}) : les codes sont imbriqués sur plus de 100 niveaux, ce qu’aucun livre de codes réel ne fait`,
    );
    expect(projectFiles(ctx)).toEqual(before);
    const limit = format === 'json' ? nestedCodebookJson(100) : nestedCodebookCsv(100);
    expect(importCodebook(ctx, format, limit)).toEqual({ added: 100, skipped: 0 });
  });
});
