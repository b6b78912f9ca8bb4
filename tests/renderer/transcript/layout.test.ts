import { describe, expect, it } from 'vitest';
import { formatTimestamp, layoutTranscript } from '../../../renderer/transcript/layout.ts';
import { OffsetIndex } from '../../../text/offsets.ts';
import { cp, STRUCTURE, TEXT } from './fixtures.ts';

describe('layoutTranscript', () => {
  const index = new OffsetIndex(TEXT);
  const codings = [
    { id: 1, start: cp('secret'), end: cp('la règle') },
    { id: 2, start: cp('On partage'), end: cp('Et le voisinage') + 5 },
  ];
  const blocks = layoutTranscript(TEXT, STRUCTURE, codings, index);

  it('tiles the source text exactly, piece by piece, in both units', () => {
    const joined = blocks.flatMap((b) => b.pieces.map((p) => TEXT.slice(p.u16Start, p.u16End))).join('');
    expect(joined).toBe(TEXT);
    for (const b of blocks) for (const p of b.pieces) expect(index.toUtf16(p.start)).toBe(p.u16Start);
    expect(blocks.at(-1)!.end).toBe(index.codePointLength);
  });

  it('makes one block per line, a heading where a section starts', () => {
    expect(blocks).toHaveLength(TEXT.split('\n').length);
    expect(blocks[0]).toMatchObject({ kind: 'heading', level: 2, speaker: null });
    expect(blocks[1]).toMatchObject({ kind: 'line', speaker: 'Enquêtrice', turnStart: true, timestampMs: 75_000 });
    expect(blocks[3]).toMatchObject({ kind: 'line', speaker: 'Coordinatrice', turnStart: false });
  });

  it('sets the speaker label apart as its own piece', () => {
    const label = blocks[2]!.pieces.filter((p) => p.speaker).map((p) => TEXT.slice(p.u16Start, p.u16End));
    expect(label.join('')).toBe('Coordinatrice :');
  });

  it('gives overlapping codings shared pieces, across lines', () => {
    const both = blocks.flatMap((b) => b.pieces).filter((p) => p.ids.length === 2);
    expect(both.map((p) => TEXT.slice(p.u16Start, p.u16End)).join('')).toBe('secret 🔒 reste ');
    const second = blocks[3]!.pieces.find((p) => p.ids.includes(2))!;
    expect(TEXT.slice(second.u16Start, second.u16End)).toBe('Et le');
  });

  it('formats timestamps as transcripts write them', () => {
    expect(formatTimestamp(75_000)).toBe('01:15');
    expect(formatTimestamp(3_723_000)).toBe('1:02:03');
  });
});
