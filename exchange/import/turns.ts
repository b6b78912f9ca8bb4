// Speaker turns in transcripts. French transcripts label each turn at the start of a line
// ("Enquêtrice : ...", "E1 : ...", "[Marie] ...", "Marie (coordinatrice) : ..."), sometimes after a
// timestamp. Prose also has lines that start with a capitalised word and a colon ("Date : 12 mars",
// "Présents : ..."), so with the default patterns a text counts as a transcript only when one of its
// labels is a known interviewer or respondent role, or labels at least two lines (people speak more
// than once); from there on, every label is a turn (a third person may speak once) except usual
// field names, while single labels above it ("Semaine 1 : ...") stay notes.
// Patterns supplied by the user are trusted as they are.

import type { StructureSegment } from '../../model/types.ts';
import { TresseError } from '../../i18n/error.ts';
import { codePointLength, OffsetIndex } from '../../text/offsets.ts';

export type TurnSegment = Extract<StructureSegment, { kind: 'turn' }>;

const SPACE = String.raw`[ \u00A0\u202F]`;
// The colon may follow the label directly or after a (non-breaking, thin non-breaking) space; after
// a space it may also touch the first word ("Marie :Oui"), never without one ("10:30", "http:").
const COLON = String.raw`(?:[ \t\u00A0\u202F]*:(?=\s|$)|[ \t\u00A0\u202F]+:(?=\p{L}))`;
const FIRST_WORD = String.raw`\p{Lu}[\p{L}\p{M}\p{N}'’.\-]*`;
const NEXT_WORD = String.raw`[\p{Lu}\p{N}][\p{L}\p{M}\p{N}'’.\-]*`;
const PARTICLE = String.raw`(?:de|du|des|la|le|van|von|di|da|del|el|ben)`;

/**
 * Regular-expression sources, each matched at the start of a line (after an optional timestamp).
 * Named groups: `speaker` (required), `role` and `time` (optional).
 */
export const DEFAULT_TURN_PATTERNS: readonly string[] = [
  // Enquêtrice : / E1 : / MARIE : / Marie Dupont (coordinatrice) : / Jean de La Tour :
  String.raw`(?<speaker>${FIRST_WORD}(?:${SPACE}(?:${PARTICLE}${SPACE})?${NEXT_WORD}){0,3})(?:${SPACE}*\((?<role>[^()\n]{1,40})\))?${COLON}`,
  // [Marie] / [Marie (coordinatrice)] : — a capital first letter tells it from [00:12:35] or [rires]
  String.raw`\[(?<speaker>\p{Lu}[^\[\]():\n]{0,39}?)(?:${SPACE}*\((?<role>[^()\n]{1,40})\))?\](?:${COLON}|(?=\s|$))`,
  // **Enquêtrice :** / **Marie (coordinatrice)** : — bold labels of notes taken in Markdown
  String.raw`\*\*(?<speaker>${FIRST_WORD}(?:${SPACE}(?:${PARTICLE}${SPACE})?${NEXT_WORD}){0,3})(?:${SPACE}*\((?<role>[^()\n]{1,40})\))?(?:[ \t\u00A0\u202F]*:\*\*|\*\*[ \t\u00A0\u202F]*:)(?=\s|$)`,
];

const MAX_SPEAKER_LENGTH = 40;

const TIMESTAMP = /^[[(]?(\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)[\])]?[ \t\u00A0\u202F]*(?:[-–—][ \t\u00A0\u202F]*)?/u;

/** Interviewer and respondent labels accepted even when they label a single line. */
const KNOWN_ROLE =
  /^(?:enquêt(?:eur|rice)|intervieweu(?:r|se)|interviewer|chercheu(?:r|se)|question|réponse|animat(?:eur|rice)|modérat(?:eur|rice)|interviewée?|participante?(?: \d+)?|intervenante?(?: \d+)?|locut(?:eur|rice)(?: \d+)?|[EQRP]\d{0,2})$/iu;

/** Field names of notes and documents that look like labels but are not speakers. */
const NOT_SPEAKERS = new Set(
  [
    'date',
    'dates',
    'lieu',
    'heure',
    'durée',
    'présents',
    'présentes',
    'absents',
    'absentes',
    'excusés',
    'excusées',
    'objet',
    'sujet',
    'thème',
    'thèmes',
    'remarque',
    'remarques',
    'note',
    'notes',
    'nb',
    'n.b.',
    'ps',
    'p.s.',
    'exemple',
    'exemples',
    'source',
    'sources',
    'contexte',
    'conclusion',
    'conclusions',
    'résumé',
    'synthèse',
    'attention',
    'important',
    'rappel',
    'définition',
    'objectif',
    'objectifs',
    'méthode',
    'titre',
    'auteur',
    'auteurs',
    'références',
    'bibliographie',
    'annexe',
    'annexes',
    'tél',
    'tel',
    'mail',
    'email',
    'e-mail',
    'adresse',
    'site',
    'http',
    'https',
    'voir',
    'cf',
    'total',
    'légende',
    'figure',
    'tableau',
    'ensuite',
    'alors',
    'puis',
    'donc',
    'voilà',
    'voici',
    'mais',
    'et',
    'ou',
    'car',
    'enfin',
    'bref',
    'version',
    'statut',
    'contact',
    'rires',
    'silence',
    'inaudible',
    'pause',
    'hésitation',
    'incompréhensible',
    'coupure',
    'mode',
    'modalité',
    'modalités',
    'consentement',
    'enregistrement',
    'transcription',
    'participants',
    'participantes',
    'intervenants',
    'invités',
    'fonction',
    'poste',
    'âge',
    'sexe',
    'genre',
    'ancienneté',
    'secteur',
    'pseudonyme',
    'code',
    'id',
    'référence',
    'réf',
    'diffusion',
    'rédaction',
    'horaire',
    'horaires',
    'début',
    'fin',
    'support',
    'format',
    'type',
    'nom',
    'prénom',
    'entretien',
    'réunion',
    'séance',
    'observation',
    'observations',
    'structure',
    'organisme',
    'commune',
    'ville',
    'territoire',
    'public',
    'durée totale',
    'problème',
    'problématique',
    'hypothèse',
    'hypothèses',
    'résultat',
    'résultats',
    'question de recherche',
    'constat',
    'constats',
    'recommandation',
    'recommandations',
    // The parts of a field notebook: times of day, days, and what a note quotes or frames.
    'matin',
    'midi',
    'après-midi',
    'soir',
    'soirée',
    'nuit',
    'veille',
    'lendemain',
    'aujourd’hui',
    'hier',
    'demain',
    'lundi',
    'mardi',
    'mercredi',
    'jeudi',
    'vendredi',
    'samedi',
    'dimanche',
    'semaine',
    'jour',
    'journée',
    'citation',
    'citations',
    'extrait',
    'extraits',
    'verbatim',
    'encadré',
    'mots-clés',
    'idée',
    'idées',
    'à faire',
    'à suivre',
    'question ouverte',
    'questions',
    'impression',
    'impressions',
    'ressenti',
    'réflexion',
    'réflexions',
  ].map((w) => w.normalize('NFC')),
);

export interface TurnDetector {
  readonly patterns: readonly RegExp[];
  /** User-supplied patterns: every match is a turn, without the default safeguards. */
  readonly custom: boolean;
}

/** Compiles turn patterns (the defaults when none are given; an empty list finds no turns). */
export function compileTurnPatterns(sources?: readonly string[]): TurnDetector {
  const custom = sources !== undefined;
  const patterns = (sources ?? DEFAULT_TURN_PATTERNS).map(compileOne);
  return { patterns, custom };
}

function compileOne(source: string): RegExp {
  if (!/\(\?<speaker>/.test(source)) throw new TresseError('import.pattern', { pattern: source });
  // Sticky: a label counts only at the start of the line (or right after its timestamp).
  for (const flags of ['uy', 'y']) {
    try {
      return new RegExp(source, flags);
    } catch {
      // A pattern written for non-Unicode mode (e.g. `\-` outside a class) is retried without `u`.
    }
  }
  throw new TresseError('import.pattern', { pattern: source });
}

export interface TurnLabel {
  speaker: string;
  role: string | null;
  timestampMs: number | null;
  /** Length, in UTF-16 units, of the line's label (indentation and timestamp included). */
  length: number;
}

/** The speaker label at the start of a line, if any (before the safeguards of detectTurns). */
export function matchTurnLabel(line: string, detector: TurnDetector): TurnLabel | null {
  let indent = 0;
  for (let c = line.charCodeAt(0); c === 0x20 || c === 0x09 || c === 0xa0; c = line.charCodeAt(++indent));
  const label = labelAt(line, indent, null, detector);
  if (label) return label;
  // Only a line starting with a digit, "[" or "(" can start with a timestamp.
  const first = line.charCodeAt(indent);
  if (!((first >= 0x30 && first <= 0x39) || first === 0x5b || first === 0x28)) return null;
  const ts = TIMESTAMP.exec(line.slice(indent));
  if (!ts || ts[0].length >= line.length - indent) return null;
  const ms = parseTimestamp(ts[1]!);
  return ms === null ? null : labelAt(line, indent + ts[0].length, ms, detector);
}

function labelAt(line: string, from: number, timestampMs: number | null, detector: TurnDetector): TurnLabel | null {
  const rest = from === 0 ? line : line.slice(from);
  for (const re of detector.patterns) {
    re.lastIndex = 0;
    const m = re.exec(rest);
    if (!m || m[0].length === 0) continue;
    const speaker = (m.groups?.['speaker'] ?? '').trim().replace(/\s+/gu, ' ');
    if (!speaker || codePointLength(speaker) > MAX_SPEAKER_LENGTH) continue;
    const time = m.groups?.['time'];
    return {
      speaker,
      role: m.groups?.['role']?.trim() || null,
      timestampMs: time !== undefined ? parseTimestamp(time) : timestampMs,
      length: from + m[0].length,
    };
  }
  return null;
}

/**
 * Which labels are speakers: all of them for user patterns; for the defaults, see the top comment.
 * `labels` are the candidate labels of one text in text order; the filter applies to those objects.
 */
export function speakerFilter(labels: readonly TurnLabel[], detector: TurnDetector): (label: TurnLabel) => boolean {
  if (detector.custom) return () => true;
  // A transcript has a handful of speakers over hundreds of turns: each name is keyed once.
  const keys = new Map<string, string>();
  const keyOf = (speaker: string) => {
    let key = keys.get(speaker);
    if (key === undefined) keys.set(speaker, (key = speakerKey(speaker)));
    return key;
  };
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(keyOf(l.speaker), (counts.get(keyOf(l.speaker)) ?? 0) + 1);
  const strict = (l: TurnLabel) => {
    const key = keyOf(l.speaker);
    return !NOT_SPEAKERS.has(key) && (KNOWN_ROLE.test(l.speaker) || (counts.get(key) ?? 0) >= 2);
  };
  const transcriptFrom = labels.findIndex(strict);
  const order = new Map(labels.map((l, i) => [l, i]));
  return (l) => {
    if (strict(l)) return true;
    const at = order.get(l);
    return transcriptFrom >= 0 && at !== undefined && at > transcriptFrom && !NOT_SPEAKERS.has(keyOf(l.speaker));
  };
}

function speakerKey(speaker: string): string {
  return speaker.normalize('NFC').toLowerCase();
}

/**
 * Speaker turns of a text (positions in code points). A turn runs from the start of its label's
 * line to the start of the next turn, the next section heading, or the end of the text.
 * Lines starting at a heading position are headings, never turns.
 */
export function detectTurns(text: string, detector: TurnDetector, headingStarts: readonly number[] = []): TurnSegment[] {
  if (detector.patterns.length === 0) return [];
  const headings = [...new Set(headingStarts)].sort((a, b) => a - b);
  const headingSet = new Set(headings);
  const candidates: Array<{ start: number; label: TurnLabel }> = [];
  const index = new OffsetIndex(text);
  for (let at = 0; at <= text.length;) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl === -1 ? text.length : nl;
    const cp = index.toCodePoint(at);
    if (!headingSet.has(cp)) {
      const label = matchTurnLabel(text.slice(at, lineEnd), detector);
      if (label) candidates.push({ start: cp, label });
    }
    at = lineEnd + 1;
  }
  const accept = speakerFilter(
    candidates.map((c) => c.label),
    detector,
  );
  const kept = candidates.filter((c) => accept(c.label));
  const length = index.codePointLength;
  const turns: TurnSegment[] = [];
  let h = 0;
  for (let i = 0; i < kept.length; i++) {
    const { start, label } = kept[i]!;
    while (h < headings.length && headings[h]! <= start) h++;
    const end = Math.min(kept[i + 1]?.start ?? length, headings[h] ?? length);
    turns.push({ kind: 'turn', start, end, speaker: label.speaker, timestampMs: label.timestampMs });
  }
  return turns;
}

/** "00:12:35", "12:35", "1:02:03.250" or "00:00:01,500" in milliseconds; null when not a time. */
export function parseTimestamp(value: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,3}))?$/.exec(value.trim());
  if (!m) return null;
  const hours = m[3] !== undefined;
  const [h, min, s] = hours ? [+m[1]!, +m[2]!, +m[3]!] : [0, +m[1]!, +m[2]!];
  // Without hours, minutes may pass 59 ("75:30" in a long interview).
  if ((hours && min >= 60) || s >= 60) return null;
  const ms = m[4] ? Math.round(+`0.${m[4]}` * 1000) : 0;
  return ((h * 60 + min) * 60 + s) * 1000 + ms;
}
