// @vitest-environment jsdom
// A passage opened from a search hit or an excerpt is marked for a moment (FLASH_MS), on fake
// timers: long enough to find it, then gone; its codings loading meanwhile neither lose the mark
// nor make it last longer; opening another passage moves the mark; closing the source takes it off.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TranscriptView } from '../../../renderer/transcript/TranscriptView.tsx';
import { FLASH_MS } from '../../../renderer/transcript/use-flash.ts';
import { CODERS, CODES, coding, cp, source } from './fixtures.ts';
import { mount, type Mounted } from './render.ts';

let mounted: Mounted | null = null;
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const props = { source: source(), codings: [], codes: CODES, coders: CODERS, onSelect: () => {} };
const VOISINAGE = { start: cp('voisinage'), end: cp('voisinage') + 'voisinage'.length };
const BAILLEURS = { start: cp('bailleurs'), end: cp('bailleurs') + 'bailleurs'.length };

/** The text the reader sees flashing (jsdom has no Custom Highlight API: the runs flash). */
const flashed = (m: Mounted) => [...m.container.querySelectorAll('[data-testid="transcript-text"] .tr-flash')].map((e) => e.textContent).join('');

const wait = (ms: number) =>
  act(async () => {
    vi.advanceTimersByTime(ms);
  });

describe('the passage opened from elsewhere', () => {
  it('stays marked long enough to be found, then the mark goes', async () => {
    mounted = await mount(<TranscriptView {...props} />);
    await mounted.rerender(<TranscriptView {...props} focusRange={VOISINAGE} />);
    expect(flashed(mounted)).toContain('voisinage');
    await wait(FLASH_MS - 1);
    expect(flashed(mounted)).toContain('voisinage');
    await wait(1);
    expect(flashed(mounted)).toBe('');
  });

  it('keeps its mark on the new text when its codings load meanwhile, without lasting longer', async () => {
    mounted = await mount(<TranscriptView {...props} />);
    await mounted.rerender(<TranscriptView {...props} focusRange={VOISINAGE} />);
    await wait(FLASH_MS / 2);
    // The coding splits the line into new runs: exactly the word is marked now.
    const codings = [coding(11, VOISINAGE.start, VOISINAGE.end, 1, { id: 3 })];
    await mounted.rerender(<TranscriptView {...props} codings={codings} focusRange={VOISINAGE} />);
    expect(flashed(mounted)).toBe('voisinage');
    await wait(FLASH_MS / 2);
    expect(flashed(mounted)).toBe('');
  });

  it('moves to another passage opened before it ends, which gets its full time', async () => {
    mounted = await mount(<TranscriptView {...props} />);
    await mounted.rerender(<TranscriptView {...props} focusRange={VOISINAGE} />);
    await wait(FLASH_MS / 2);
    await mounted.rerender(<TranscriptView {...props} focusRange={BAILLEURS} />);
    expect(flashed(mounted)).not.toContain('voisinage');
    expect(flashed(mounted)).toContain('bailleurs');
    await wait(FLASH_MS - 1);
    expect(flashed(mounted)).toContain('bailleurs');
    await wait(1);
    expect(flashed(mounted)).toBe('');
  });

  it('is not marked again when the text is rebuilt after the mark went', async () => {
    mounted = await mount(<TranscriptView {...props} focusRange={VOISINAGE} />);
    await wait(FLASH_MS);
    const codings = [coding(11, VOISINAGE.start, VOISINAGE.end, 1, { id: 3 })];
    await mounted.rerender(<TranscriptView {...props} codings={codings} focusRange={VOISINAGE} />);
    expect(flashed(mounted)).toBe('');
  });

  it('takes its mark off the page when the source is closed while it shows', async () => {
    // A registry that keeps what is set in it, standing in for the browser's CSS.highlights.
    const registry = new Map<string, unknown>();
    vi.stubGlobal('CSS', { highlights: registry });
    vi.stubGlobal('Highlight', class {});
    mounted = await mount(<TranscriptView {...props} focusRange={VOISINAGE} />);
    expect(registry.has('tr-flash')).toBe(true);
    await mounted.unmount();
    mounted = null;
    expect(registry.has('tr-flash')).toBe(false);
    // Nothing left to fire on a view that is gone.
    expect(vi.getTimerCount()).toBe(0);
  });
});
