// A short synthetic interview with the characters that break naive position arithmetic: an emoji
// outside the Basic Multilingual Plane (two UTF-16 units, one code point) and a combining accent.
import type { Code, Coder, Coding, Source, StructureSegment } from '../../../model/types.ts';
import { codePointLength } from '../../../text/offsets.ts';

export const LINES = [
  'Entretien avec une coordinatrice',
  'Enquêtrice : Comment se passent les réunions 😀 de concertation ?',
  'Coordinatrice : On partage ce qui est ne\u0301cessaire, pas plus. Le secret 🔒 reste la règle.',
  'Et le voisinage se plaint souvent.',
  '',
  'Enquêtrice : Et avec les bailleurs ?',
];
export const TEXT = LINES.join('\n');

/** Code-point position of the first occurrence of `needle` (at or after code point `from`). */
export function cp(needle: string, from = 0): number {
  const chars = Array.from(TEXT);
  const prefix = chars.slice(0, from).join('');
  const at = TEXT.indexOf(needle, prefix.length);
  if (at < 0) throw new Error(`not in fixture: ${needle}`);
  return codePointLength(TEXT.slice(0, at));
}

function lineStart(i: number): number {
  return codePointLength(LINES.slice(0, i).join('\n')) + (i > 0 ? 1 : 0);
}

const lengthCp = codePointLength(TEXT);
export const STRUCTURE: StructureSegment[] = [
  { kind: 'section', start: 0, end: lengthCp, heading: LINES[0]!, level: 2 },
  { kind: 'turn', start: lineStart(1), end: lineStart(2), speaker: 'Enquêtrice', timestampMs: 75_000 },
  { kind: 'turn', start: lineStart(2), end: lineStart(5), speaker: 'Coordinatrice', timestampMs: null },
  { kind: 'turn', start: lineStart(5), end: lengthCp, speaker: 'Enquêtrice' },
];

export function source(text = TEXT, structure = STRUCTURE): Source {
  return {
    id: 1,
    guid: 'src-1',
    kind: 'interview',
    name: 'Entretien 1',
    length: codePointLength(text),
    textHash: 'x',
    origin: { fileName: null, format: 'txt', encoding: 'utf-8', importedAt: '2026-01-01', importedBy: null },
    caseIds: [],
    codingCount: 0,
    text,
    structure,
  };
}

export const CODES = new Map<number, Pick<Code, 'id' | 'name' | 'color' | 'abbrev'>>([
  [10, { id: 10, name: 'Secret professionnel et partage', color: '#0072b2', abbrev: 'CL1' }],
  [11, { id: 11, name: 'Impact sur le voisinage', color: '#e69f00', abbrev: 'SC1' }],
  [12, { id: 12, name: 'Fonctionnement des réunions', color: '#009e73', abbrev: null }],
]);

export const CODERS = new Map<number, Coder>([
  [1, { id: 1, guid: 'c1', name: 'Awa' }],
  [2, { id: 2, guid: 'c2', name: 'Bruno' }],
]);

let nextId = 100;
export function coding(codeId: number, start: number, end: number, coderId = 1, extra: Partial<Coding> = {}): Coding {
  const id = extra.id ?? nextId++;
  return {
    id,
    guid: `g-${id}`,
    sourceId: 1,
    codeId,
    coderId,
    start,
    end,
    createdAt: '2026-01-01T00:00:00Z',
    valence: null,
    segmentKind: 'verbatim',
    memo: null,
    ...extra,
  };
}
