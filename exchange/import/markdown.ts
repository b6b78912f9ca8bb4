// Markdown notes and transcripts: the text is kept as written (markup included, so what the
// researcher typed is what gets coded); `#` headings become sections.

import { codePointLength } from '../../text/offsets.ts';
import { assembleStructure, type Heading, type ParsedText } from './structure.ts';
import { readPlainText } from './txt.ts';
import type { TurnDetector } from './turns.ts';

const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/u;
const FENCE = /^ {0,3}(`{3,}|~{3,})/u;

export function parseMarkdown(bytes: Uint8Array, file: string, detector: TurnDetector): ParsedText {
  const { text, encoding, notes, utf8 } = readPlainText(bytes, file);
  const headings = markdownHeadings(text);
  return { text, encoding, structure: assembleStructure(text, headings, detector), notes, ...(utf8 && { utf8 }) };
}

/** ATX headings (`# Titre`, `## Sous-titre ##`), ignoring lines inside fenced code blocks. */
export function markdownHeadings(text: string): Heading[] {
  const headings: Heading[] = [];
  let fence: string | null = null;
  let cp = 0;
  for (const line of text.split('\n')) {
    const f = FENCE.exec(line);
    if (fence !== null) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.trim() === f[1]) fence = null;
    } else if (f) {
      fence = f[1]!;
    } else {
      const h = ATX_HEADING.exec(line);
      const heading = h?.[2]?.trim();
      if (h && heading) headings.push({ start: cp, level: h[1]!.length, heading });
    }
    cp += codePointLength(line) + 1;
  }
  return headings;
}
