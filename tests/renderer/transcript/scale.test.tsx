// @vitest-environment jsdom
// Large sources stay linear: a 25,000-word interview with 1,000 codings and a 300,000-character
// document. jsdom is many times slower than Chromium and the test machines are shared, so the
// bounds only catch a quadratic blow-up (minutes); real timings come from the benchmark in
// Chromium (renderer/transcript/measure.ts). The figures are printed for the notes.
import { describe, expect, it } from 'vitest';
import { measureDisplay, measureHighlight } from '../../../renderer/transcript/measure.ts';
import type { Coding, StructureSegment } from '../../../model/types.ts';
import { codePointLength } from '../../../text/offsets.ts';
import { CODERS, CODES, coding, source } from './fixtures.ts';

const WORDS = ['partenariat', 'réunion', 'le', 'secret', 'logement', 'de', 'voisinage', 'et', 'coordination', 'on', 'a', 'vu'];

function interview(words: number): { text: string; structure: StructureSegment[] } {
  const lines: string[] = [];
  const structure: StructureSegment[] = [];
  let seed = 7;
  let pos = 0;
  let n = 0;
  for (let turn = 0; n < words; turn++) {
    const speaker = turn % 2 === 0 ? 'Enquêtrice' : 'Infirmière';
    const count = turn % 2 === 0 ? 12 : 60;
    const body: string[] = [];
    for (let i = 0; i < count; i++) {
      seed = (seed * 48271) % 2147483647;
      body.push(WORDS[seed % WORDS.length]!);
    }
    n += count;
    const line = `${speaker} : ${body.join(' ')}${turn % 50 === 0 ? ' 😀' : ''}.`;
    const len = codePointLength(line);
    structure.push({ kind: 'turn', start: pos, end: pos + len + 1, speaker, timestampMs: turn * 20_000 });
    lines.push(line);
    pos += len + 1;
  }
  return { text: lines.join('\n'), structure };
}

function codingsOver(length: number, count: number): Coding[] {
  let seed = 3;
  return Array.from({ length: count }, (_, i) => {
    seed = (seed * 48271) % 2147483647;
    const start = seed % (length - 800);
    return coding(10 + (i % 3), start, start + 20 + (seed % 700), 1 + (i % 2), { id: i + 1 });
  });
}

describe('transcript at scale', () => {
  it('displays a 25,000-word interview with 1,000 codings and highlights a new coding quickly', async () => {
    const { text, structure } = interview(25_000);
    const src = source(text, structure);
    const codings = codingsOver(codePointLength(text), 1000);
    const container = document.createElement('div');
    document.body.appendChild(container);
    const shown = await measureDisplay(container, { source: src, codings, codes: CODES, coders: CODERS, onSelect: () => {} });
    const added = await measureHighlight(shown.view, coding(11, 500, 900, 1, { id: 5000 }));
    console.info(`25k words / 1000 codings (jsdom): display ${shown.renderMs.toFixed(0)} ms, new coding ${added.renderMs.toFixed(0)} ms`);
    expect(container.querySelector('[data-testid="transcript-text"]')!.textContent).toBe(text);
    expect(shown.renderMs).toBeLessThan(30_000);
    // A new coding rebuilds only the lines it touches.
    expect(added.renderMs).toBeLessThan(shown.renderMs);
    shown.view.unmount();
    container.remove();
  }, 90_000);

  it('displays a 300,000-character document', async () => {
    const paragraphs: string[] = [];
    let size = 0;
    for (let i = 0; size < 300_000; i++) {
      const p =
        `Paragraphe ${i} : le conseil local de santé mentale réunit les partenaires du territoire autour des situations complexes, avec l’accord des personnes concernées. `.repeat(
          2,
        );
      paragraphs.push(p);
      size += p.length + 1;
    }
    const text = paragraphs.join('\n');
    const container = document.createElement('div');
    document.body.appendChild(container);
    const shown = await measureDisplay(container, {
      source: source(text, []),
      codings: codingsOver(codePointLength(text), 300),
      codes: CODES,
      coders: CODERS,
      onSelect: () => {},
    });
    console.info(`${text.length} characters (jsdom): display ${shown.renderMs.toFixed(0)} ms`);
    expect(shown.renderMs).toBeLessThan(30_000);
    shown.view.unmount();
    container.remove();
  }, 90_000);
});
