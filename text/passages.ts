// The units that similarity and suggestions rank: a transcript's speaker turns, or else its
// paragraphs. Ranges are code points over the source's text, like every position in a project.
import { codePointLength } from './offsets.ts';

export interface Passage {
  start: number;
  end: number;
  /** 1-based turn number and its speaker when the source has turns; null for a paragraph. */
  turn: number | null;
  speaker: string | null;
}

/** What passages need of a source's structure (model/ sits above text/, so not its type). */
export interface StructurePart {
  kind: string;
  start: number;
  end: number;
  speaker?: string;
}

/** Turns when the source has them, else paragraphs (lines), blank ones left out, edges trimmed. */
export function passagesOf(text: string, structure: readonly StructurePart[]): Passage[] {
  const turns = structure.filter((s) => s.kind === 'turn');
  if (turns.length > 0) {
    return turns.map((t, i) => ({ start: t.start, end: t.end, turn: i + 1, speaker: t.speaker ?? null }));
  }
  const passages: Passage[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const length = codePointLength(line);
    const body = line.trim();
    if (body !== '') {
      const lead = codePointLength(line) - codePointLength(line.trimStart());
      passages.push({ start: at + lead, end: at + lead + codePointLength(body), turn: null, speaker: null });
    }
    at += length + 1;
  }
  return passages;
}
