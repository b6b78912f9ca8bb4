// What every importer shares once it has text: sections from headings, speaker turns, and the
// paragraph-by-paragraph assembly of text taken out of a document container.

import type { ImportNote } from '../../model/types.ts';
import type { StructureSegment } from '../../model/types.ts';
import { normaliseText, type NormalisedText } from '../../text/normalise.ts';
import { codePointLength, NormalisationMap } from '../../text/offsets.ts';
import { detectTurns, type TurnDetector, type TurnSegment } from './turns.ts';

export type SectionSegment = Extract<StructureSegment, { kind: 'section' }>;

export interface Heading {
  /** Code point where the heading's line starts. */
  start: number;
  level: number;
  heading: string;
}

/** What a format parser hands back to index.ts, which adds the format and the notes common to all. */
export interface ParsedText {
  text: string;
  encoding: string | null;
  structure: StructureSegment[];
  notes: ImportNote[];
  /** See ParsedSource.utf8. */
  utf8?: Uint8Array;
}

/**
 * normaliseText, plus any further U+FEFF at the start: normaliseText removes one BOM, so a text
 * starting with two would change again when normalised a second time.
 */
export function normaliseFully(raw: string): NormalisedText {
  return withoutLeadingBoms(normaliseText(raw));
}

function withoutLeadingBoms(text: NormalisedText): NormalisedText {
  // Dropping a leading U+FEFF (a character that composes with nothing) leaves the rest normalised.
  return text.charCodeAt(0) === 0xfeff ? (text.replace(/^\uFEFF+/u, '') as NormalisedText) : text;
}

/** A section runs from its heading to the next heading of the same or a higher level. */
export function sectionsFrom(headings: readonly Heading[], textLength: number): SectionSegment[] {
  return headings.map((h, i) => {
    let end = textLength;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j]!.level <= h.level) {
        end = headings[j]!.start;
        break;
      }
    }
    return { kind: 'section', start: h.start, end, heading: h.heading, level: h.level };
  });
}

/** Sections and turns of a text, by position (a section before a turn starting at the same place). */
export function assembleStructure(
  text: string,
  headings: readonly Heading[],
  detector: TurnDetector,
  turns: TurnSegment[] = detectTurns(
    text,
    detector,
    headings.map((h) => h.start),
  ),
): StructureSegment[] {
  const sections = headings.length > 0 ? sectionsFrom(headings, codePointLength(text)) : [];
  const all: StructureSegment[] = [...sections, ...turns];
  return all.sort((a, b) => a.start - b.start || (a.kind === b.kind ? 0 : a.kind === 'section' ? -1 : 1));
}

/**
 * Builds a text one paragraph per line ("\n" between paragraphs, at most one blank line in a row),
 * recording where headings start. Each paragraph is normalised on its own: a line feed never
 * composes with its neighbours, so the joined text is normalised too and positions stay exact.
 */
export class TextBuilder {
  private readonly lines: string[] = [];
  private length = 0;
  readonly headings: Heading[] = [];

  addParagraph(raw: string, headingLevel: number | null = null): void {
    const text = normaliseFully(raw).replace(/\s+$/u, '');
    if (text.trim() === '') {
      if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.push('');
      return;
    }
    const start = this.push(text);
    if (headingLevel !== null) {
      this.headings.push({ start, level: headingLevel, heading: text.replace(/\s+/gu, ' ').trim() });
    }
  }

  get paragraphCount(): number {
    return this.lines.filter((l) => l !== '').length;
  }

  text(): string {
    const lines = [...this.lines];
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }

  private push(line: string): number {
    const start = this.lines.length === 0 ? 0 : this.length + 1;
    this.lines.push(line);
    this.length = start + codePointLength(line);
    return start;
  }
}

/**
 * Guarantees the contract of ParsedSource: the text equals normaliseText(text). Parsers already
 * produce normalised text; this only matters if one of them let something through, and then the
 * structure follows the text rather than pointing at the wrong characters.
 */
export function ensureNormalised(parsed: ParsedText): ParsedText & { text: NormalisedText } {
  const once = normaliseText(parsed.text);
  const text = withoutLeadingBoms(once);
  if (text === parsed.text) return { ...parsed, text };
  const extraBoms = once.length - text.length;
  const map = new NormalisationMap(parsed.text);
  const max = codePointLength(text);
  const at = (p: number) => Math.max(0, Math.min(map.toNormalised(p) - extraBoms, max));
  const structure = parsed.structure.map((s) => ({ ...s, start: at(s.start), end: at(s.end) })).filter((s) => s.end > s.start);
  // Not `...parsed`: the bytes read (utf8) no longer encode this text.
  return { text, encoding: parsed.encoding, structure, notes: parsed.notes };
}
