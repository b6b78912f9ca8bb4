// What kind of material a file probably is, read from its content once parsed, so that a batch of
// interviews, meeting notes and a field notebook dropped together each arrive preselected with the
// right kind. The user confirms or corrects it before anything is imported: a guess, never a rule.
import type { SourceKind, StructureSegment } from '../../model/types.ts';

/** What the guess reads: the normalised text and the structure the importer found in it. */
export interface GuessInput {
  text: string;
  structure: readonly StructureSegment[];
  /** The file name, a tie-breaker when the content says nothing (students often prefix the kind). */
  fileName?: string;
}

// A meeting's notes open with who was there and what was on the agenda.
const MEETING_FIELD =
  /^(?:\*\*)?(?:présent(?:e)?s|absent(?:e)?s|excusé(?:e)?s|participants?|ordre du jour|type de réunion|réunion|instance|animation|observat(?:eur|rice)|present|attendees|apologies|agenda|meeting(?: type)?|chair|observer)(?:\*\*)?[ \t\u00A0\u202F]*:/iu;

// An event synthesis is built of plenary talks, workshops, findings and action leads.
const SYNTHESIS_HEADING =
  /^(?:#+[ \t]*)?(?:plénière|atelier(?:s)?\b|table ronde|constats?|recommandations?|pistes? d['’]action|synthèse des ateliers|plenary|workshops?\b|round table|findings|recommendations|action points)/iu;

const FR_MONTH =
  'janv(?:ier|\\.)?|févr(?:ier|\\.)?|fevr(?:ier|\\.)?|mars|avr(?:il|\\.)?|mai|juin|juil(?:let|\\.)?|août|aout|sept(?:embre|\\.)?|oct(?:obre|\\.)?|nov(?:embre|\\.)?|déc(?:embre|\\.)?|dec(?:embre|\\.)?';
const EN_MONTH = 'jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const WEEKDAY =
  '(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\\.?,?[ \\t\\u00A0]+';
const DAY = '(?:1er|\\d{1,2}(?:st|nd|rd|th)?)';

/** A line that opens with a date: "12 mars 2024", "Lundi 4 mars :", "12/03/2024", "2024-03-12", "March 4, 2024". */
const DATED_LINE = new RegExp(
  [
    `^(?:#+[ \\t]*)?(?:\\*\\*)?(?:${WEEKDAY})?${DAY}[ \\t\\u00A0]+(?:${FR_MONTH}|${EN_MONTH})\\b`,
    `^(?:#+[ \\t]*)?(?:\\*\\*)?(?:${WEEKDAY})?(?:${EN_MONTH})[ \\t\\u00A0]+${DAY}\\b`,
    String.raw`^(?:#+[ \t]*)?(?:\*\*)?(?:${WEEKDAY})?\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b`,
    String.raw`^(?:#+[ \t]*)?(?:\*\*)?\d{4}-\d{2}-\d{2}\b`,
  ].join('|'),
  'iu',
);

/** Lines read at the top of a text for its header (who was present, the agenda). */
const HEADER_LINES = 20;

export function guessSourceKind(input: GuessInput): SourceKind {
  const lines = input.text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const header = lines.slice(0, HEADER_LINES);
  // Meeting notes may quote who said what in turns: their header tells them from an interview.
  if (header.filter((l) => MEETING_FIELD.test(l)).length >= 2) return 'observation';
  const speakers = new Set(input.structure.flatMap((s) => (s.kind === 'turn' ? [s.speaker.toLowerCase()] : [])));
  const turns = input.structure.filter((s) => s.kind === 'turn').length;
  if (speakers.size >= 2 && turns >= 4) return 'interview';
  // A journal is a run of dated entries; a single date heads a meeting's notes or a document.
  if (lines.filter((l) => DATED_LINE.test(l)).length >= 3) return 'notebook';
  if (lines.filter((l) => SYNTHESIS_HEADING.test(l)).length >= 3) return 'synthesis';
  if (header.some((l) => MEETING_FIELD.test(l)) && lines.some((l) => DATED_LINE.test(l) || /^date[ \t\u00A0]*:/iu.test(l))) return 'observation';
  return input.fileName ? kindFromFileName(input.fileName) : 'document';
}

/** The kind a researcher's file name announces ("entretien-P3", "carnet de bord"), else document. */
export function kindFromFileName(fileName: string): SourceKind {
  const name = fileName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (/observ|reunion|comite|cellule|meeting/.test(name)) return 'observation';
  if (/carnet|journal|notebook/.test(name)) return 'notebook';
  if (/synthese|colloque|atelier|conference/.test(name)) return 'synthesis';
  if (/entretien|interview|itw/.test(name)) return 'interview';
  if (/\.(vtt|srt)$/.test(name)) return 'interview';
  return 'document';
}

// Encodings people or converters append to a file's name ("E8-partenord.cp1252.txt").
const ENCODING_SUFFIX = /\.(?:cp\d{3,4}|windows-?\d{3,4}|win\d{3,4}|utf-?8|utf-?16(?:le|be)?|latin-?\d|iso-?8859-?\d{1,2}|ascii|ansi|mac(?:roman)?)$/i;

/** The name a source gets by default: the file name without its folder, extension and encoding suffix. */
export function defaultSourceName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const withoutExtension = base.replace(/\.[^.]+$/, '');
  const name = withoutExtension.replace(ENCODING_SUFFIX, '').trim();
  return name || withoutExtension || base;
}
