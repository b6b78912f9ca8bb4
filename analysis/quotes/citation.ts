// How a quotation says where it comes from, as a thesis cites an interview: a small template the
// researcher edits in the project settings, e.g. "{source}, {speaker}, § {paragraph}, {time}".
import { TresseError } from '../../i18n/error.ts';
import type { ExcerptPlace } from '../../model/types.ts';

export const CITATION_PLACEHOLDERS = ['source', 'case', 'speaker', 'turn', 'paragraph', 'time'] as const;
type CitationPlaceholder = (typeof CITATION_PLACEHOLDERS)[number];

/** Source, case, speaker, paragraph and time: (E8, coordinatrice, § 12, 00:08:55) when the source is named E8. */
export const DEFAULT_CITATION = '{source}, {case}, {speaker}, § {paragraph}, {time}';

const CITATION_MAX_LENGTH = 200;

/** A template cut at its placeholders: each part keeps the text written before it. */
export interface CitationFormat {
  template: string;
  parts: Array<{ before: string; name: CitationPlaceholder }>;
  after: string;
}

export type CitationValues = Record<CitationPlaceholder, string>;

const isPlaceholder = (name: string): name is CitationPlaceholder => (CITATION_PLACEHOLDERS as readonly string[]).includes(name);
const placeholderList = (): string => CITATION_PLACEHOLDERS.map((p) => `{${p}}`).join(' ');

/** Refuses an unknown placeholder, a lone brace and a template naming nothing, with the list of what is allowed. */
export function parseCitationFormat(template: string): CitationFormat {
  const known = placeholderList();
  if (template.length > CITATION_MAX_LENGTH) throw new TresseError('citation.tooLong', { max: CITATION_MAX_LENGTH });
  const parts: CitationFormat['parts'] = [];
  let rest = template;
  for (;;) {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (open < 0) {
      if (close >= 0) throw new TresseError('citation.brace', { template, known });
      break;
    }
    const end = rest.indexOf('}', open);
    if (close < open || end < 0 || rest.slice(open + 1, end).includes('{')) throw new TresseError('citation.brace', { template, known });
    const name = rest.slice(open + 1, end).trim();
    if (!isPlaceholder(name)) throw new TresseError('citation.placeholder', { name: `{${name}}`, known });
    parts.push({ before: rest.slice(0, open), name });
    rest = rest.slice(end + 1);
  }
  if (parts.length === 0) throw new TresseError('citation.empty', { known });
  return { template, parts, after: rest };
}

/** "00:08:55": hours always shown, as transcription software writes them. */
export function formatTimestamp(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

export function citationValues(source: string, cases: readonly string[], place: ExcerptPlace): CitationValues {
  return {
    source,
    case: cases.join(', '),
    speaker: place.speaker ?? '',
    turn: place.turn === null ? '' : String(place.turn),
    paragraph: String(place.paragraph),
    time: place.timestampMs === null ? '' : formatTimestamp(place.timestampMs),
  };
}

// Separators a part may start with: dropped when the part opens the citation.
const LEADING_SEPARATOR = /^[\s,;:·|/–—-]+/u;
/** Letters and digits only, lower case: "E1-logipsy" and "E1 Logipsy" name the same thing. */
const sameName = (a: string) =>
  a
    .normalize('NFD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();

/**
 * The citation: a part whose value is empty (no speaker, no timestamp there) disappears with the
 * text written before it, and so does a part repeating the one shown before it (a case named as
 * its source), so the reader never meets "E8, E8" or ", ,".
 */
export function formatCitation(format: CitationFormat, values: CitationValues): string {
  let out = '';
  let previous: string | null = null;
  for (const [i, { before, name }] of format.parts.entries()) {
    const value = values[name].replace(/\s+/g, ' ').trim();
    if (!value || (previous !== null && sameName(previous) === sameName(value))) continue;
    out += previous === null && i > 0 ? before.replace(LEADING_SEPARATOR, '') : before;
    out += value;
    previous = value;
  }
  return previous === null ? '' : `${out}${format.after}`.trim();
}
