// The material the browser figures are measured on: a long interview and a long report, each
// imported by the real importer (so the turns and sections are the ones the app would show), with
// codings over a 30-code grid drawn from a seed.
import { parseSourceFile } from '../../exchange/import/index.ts';
import type { Coding, Source, SourceKind } from '../../model/types.ts';
import { codePointLength } from '../../text/offsets.ts';
import { generateInterviews, mulberry32 } from '../corpus.ts';
import type { ViewInput } from './protocol.ts';

const THEMES: Array<[abbrev: string, name: string, hue: number]> = [
  ['SM', 'Santé mentale', 210],
  ['SC', 'Soins et coordination', 30],
  ['CL', 'Cadre légal', 150],
  ['PA', 'Participation', 280],
  ['ST', 'Stigmatisation', 0],
  ['DI', 'Dispositifs', 60],
];

function hex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const v = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

/** Six themes of five codes each, shades of one hue per theme. */
export const BENCH_CODES: ViewInput['codes'] = THEMES.flatMap(([abbrev, name, hue], t) =>
  Array.from({ length: 5 }, (_, i) => ({
    id: t * 5 + i + 1,
    name: `${name} ${i + 1}`,
    abbrev: `${abbrev}${i + 1}`,
    color: hex(hue, 0.75, 0.35 + i * 0.08),
  })),
);

const CODERS: ViewInput['coders'] = [
  { id: 1, guid: 'coder-camille', name: 'Camille' },
  { id: 2, guid: 'coder-leo', name: 'Léo' },
];

/** Overlapping passages of 20 to 600 code points, spread over the whole text. */
function randomCodings(sourceId: number, length: number, count: number, seed: number): Coding[] {
  const rnd = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => {
    const len = Math.min(20 + Math.floor(rnd() * 580), length);
    const start = Math.floor(rnd() * (length - len));
    return {
      id: i + 1,
      guid: `coding-${i + 1}`,
      sourceId,
      codeId: BENCH_CODES[Math.floor(rnd() * BENCH_CODES.length)]!.id,
      coderId: CODERS[i % CODERS.length]!.id,
      start,
      end: start + len,
      createdAt: '2026-11-23T09:00:00.000Z',
      valence: null,
      segmentKind: 'verbatim',
      memo: null,
    };
  });
}

async function imported(id: number, kind: SourceKind, fileName: string, raw: string): Promise<Source> {
  const parsed = await parseSourceFile(new TextEncoder().encode(raw), fileName);
  return {
    id,
    guid: `source-${id}`,
    kind,
    name: fileName,
    length: codePointLength(parsed.text),
    textHash: '',
    origin: { fileName, format: parsed.format, encoding: parsed.encoding, importedAt: '2026-11-23T09:00:00.000Z', importedBy: null },
    caseIds: [],
    codingCount: 0,
    text: parsed.text,
    structure: parsed.structure,
  };
}

export async function interviewInput(words: number, codings: number): Promise<ViewInput> {
  const source = await imported(1, 'interview', 'entretien-P1.txt', generateInterviews(1, words)[0]!);
  if (!source.structure.some((s) => s.kind === 'turn')) throw new Error('bench interview has no speaker turns');
  return { source, codings: randomCodings(1, source.length, codings, 11), codes: BENCH_CODES, coders: CODERS };
}

/**
 * A report of about `chars` characters in Markdown: numbered parts and sections of prose
 * paragraphs, and now and then a short quoted exchange, which the importer reads as turns.
 */
export function reportText(chars: number): string {
  // Prose from the interview generator: the respondents' answers, without their labels.
  const answers = generateInterviews(1, Math.ceil(chars / 5), 4242)[0]!
    .split('\n')
    .filter((line) => line.startsWith('P1 : '))
    .map((line) => line.slice(5))
    .map((s) => s.charAt(0).toUpperCase() + s.slice(1));
  const lines: string[] = ['# Rapport d’évaluation du conseil local de santé mentale', ''];
  let size = 0;
  let part = 0;
  for (let i = 0; size < chars && i < answers.length; i++) {
    if (i % 40 === 0) lines.push(`# Partie ${++part}`, '');
    if (i % 8 === 0) lines.push(`## Section ${part}.${(i % 40) / 8 + 1}`, '');
    if (i % 60 === 30) {
      lines.push('Enquêtrice : pouvez-vous nous décrire une situation ?', `Coordinatrice : ${answers[i]}`, '');
      size += answers[i]!.length;
      continue;
    }
    lines.push(answers[i]!, '');
    size += answers[i]!.length + 2;
  }
  return lines.join('\n');
}

export async function documentInput(chars: number, codings: number): Promise<ViewInput> {
  const source = await imported(2, 'document', 'rapport-clsm.md', reportText(chars));
  if (!source.structure.some((s) => s.kind === 'section')) throw new Error('bench document has no sections');
  return { source, codings: randomCodings(2, source.length, codings, 13), codes: BENCH_CODES, coders: CODERS };
}
