// How a source's text is laid out in the transcript view: one block per line (the importers put
// one paragraph per line), headings where a section starts, speaker turns marked on their lines,
// each block cut into pieces at coding boundaries and at the end of the speaker's label. Pure, so
// that the exact position bookkeeping is tested without a DOM.
import type { StructureSegment } from '../../model/types.ts';
import type { OffsetIndex } from '../../text/offsets.ts';
import { flattenRuns, type Span } from './runs.ts';

export interface Piece {
  /** Code points in the source, end exclusive. */
  start: number;
  end: number;
  /** The same stretch in UTF-16 units, as the DOM counts. */
  u16Start: number;
  u16End: number;
  /** Codings covering the piece, ascending. */
  ids: number[];
  /** The speaker's label at the start of a turn ("Enquêtrice :"), styled apart. */
  speaker: boolean;
}

export interface Block {
  kind: 'line' | 'heading';
  start: number;
  /** Includes the line feed that ends the line, so that blocks tile the text exactly. */
  end: number;
  /** Heading level (1..6) for headings. */
  level: number;
  /** Speaker of the turn this line belongs to, if any. */
  speaker: string | null;
  /** Index of the turn in the structure's turns, -1 outside turns. */
  turn: number;
  /** True on the first line of a turn. */
  turnStart: boolean;
  timestampMs: number | null;
  pieces: Piece[];
}

type Turn = Extract<StructureSegment, { kind: 'turn' }>;

const LABEL_TAIL = /^(?:[ \u00A0\u202F]*\([^()\n]{1,40}\))?\]?[ \t\u00A0\u202F]*:?/u;
/** A label sits at the start of its line, after an optional timestamp: never look further. */
const LABEL_SEARCH_WINDOW = 60;

export function layoutTranscript(text: string, structure: readonly StructureSegment[], codings: readonly Span[], index: OffsetIndex): Block[] {
  const runs = flattenRuns(index.codePointLength, codings);
  const headingStarts = new Map<number, number>();
  const turns: Turn[] = [];
  for (const s of structure) {
    if (s.kind === 'section') {
      if (!headingStarts.has(s.start)) headingStarts.set(s.start, s.level);
    } else turns.push(s);
  }
  turns.sort((a, b) => a.start - b.start);

  const blocks: Block[] = [];
  let t = 0;
  let r = 0;
  for (let u = 0; u < text.length;) {
    const nl = text.indexOf('\n', u);
    const u16End = nl === -1 ? text.length : nl + 1;
    const start = index.toCodePoint(u);
    const end = index.toCodePoint(u16End);
    while (t < turns.length && turns[t]!.end <= start) t++;
    const turn = turns[t] && turns[t]!.start <= start ? turns[t]! : null;
    const level = headingStarts.get(start);
    const isHeading = level !== undefined;
    const turnStart = !isHeading && turn !== null && turn.start === start;
    let labelEnd = start;
    if (turnStart && turn.speaker) {
      const line = text.slice(u, nl === -1 ? text.length : nl);
      const at = line.indexOf(turn.speaker);
      if (at >= 0 && at < LABEL_SEARCH_WINDOW) {
        const after = at + turn.speaker.length;
        const tail = LABEL_TAIL.exec(line.slice(after))?.[0] ?? '';
        labelEnd = index.toCodePoint(u + after + tail.length);
      }
    }
    const block: Block = {
      kind: isHeading ? 'heading' : 'line',
      start,
      end,
      level: Math.max(1, Math.min(6, level ?? 1)),
      speaker: !isHeading && turn ? turn.speaker : null,
      turn: !isHeading && turn ? t : -1,
      turnStart,
      timestampMs: turnStart ? (turn.timestampMs ?? null) : null,
      pieces: [],
    };
    const cuts = labelEnd > start && labelEnd < end ? [start, labelEnd, end] : [start, end];
    for (let c = 0; c < cuts.length - 1; c++) {
      const a = cuts[c]!;
      const b = cuts[c + 1]!;
      const speaker = labelEnd > start && c === 0;
      while (r < runs.length && runs[r]!.end <= a) r++;
      for (let j = r, p = a; p < b && j < runs.length; j++) {
        const run = runs[j]!;
        const e = Math.min(run.end, b);
        block.pieces.push({ start: p, end: e, u16Start: index.toUtf16(p), u16End: index.toUtf16(e), ids: run.ids, speaker });
        p = e;
      }
    }
    blocks.push(block);
    u = u16End;
  }
  return blocks;
}

/** "1:02:03" or "12:35", as transcripts write times. */
export function formatTimestamp(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
