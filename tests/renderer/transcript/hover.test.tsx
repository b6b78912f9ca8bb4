// @vitest-environment jsdom
// Hovering a coded passage: its codings' runs are emphasised and a tooltip lists them, inside the
// window even at its edge; the emphasis follows a rebuild (a new coding) and goes when the pointer
// leaves the text.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TranscriptView } from '../../../renderer/transcript/TranscriptView.tsx';
import { CODERS, CODES, coding, cp, source } from './fixtures.ts';
import { mount, type Mounted } from './render.ts';

let mounted: Mounted | null = null;
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
  vi.restoreAllMocks();
});

const props = { source: source(), codes: CODES, coders: CODERS, onSelect: () => {} };
// Coding 1 spans two lines, so it has runs on a line that a coding on the other one leaves alone.
const SPANNING = coding(10, cp('On partage'), cp('souvent'), 1, { id: 1 });
const textRoot = (m: Mounted) => m.container.querySelector<HTMLElement>('[data-testid="transcript-text"]')!;
const hovered = (m: Mounted) => [...m.container.querySelectorAll<HTMLElement>('.tr-hover')];

async function pointAt(el: Element, clientX = 5, clientY = 5) {
  await act(async () => {
    el.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX, clientY }));
  });
}

describe('hovering a coded passage', () => {
  it('keeps the emphasis on the passage through a rebuild, and takes all of it off on leaving', async () => {
    mounted = await mount(<TranscriptView {...props} codings={[SPANNING]} />);
    await pointAt(textRoot(mounted).querySelector('[data-coding-ids="1"]')!);
    expect(
      hovered(mounted)
        .map((e) => e.textContent)
        .join(''),
    ).toContain('voisinage');
    // A new coding on the second line rebuilds that line only.
    const other = coding(11, cp('voisinage'), cp('voisinage') + 9, 1, { id: 3 });
    await mounted.rerender(<TranscriptView {...props} codings={[SPANNING, other]} />);
    const runsOfCoding = [...textRoot(mounted).querySelectorAll<HTMLElement>('[data-coding-ids~="1"]')];
    expect(hovered(mounted)).toEqual(runsOfCoding);
    await act(async () => {
      textRoot(mounted!).dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: document.body }));
    });
    expect(hovered(mounted)).toEqual([]);
    expect(mounted.container.querySelector('[role="tooltip"]')).toBeNull();
  });

  it('places the tooltip inside the window when the passage is at its right edge', async () => {
    // jsdom lays nothing out: the tooltip measures as a real one of 320 × 90 would.
    const measure = HTMLElement.prototype.getBoundingClientRect;
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('tr-tooltip') ? new DOMRect(0, 0, 320, 90) : measure.call(this);
    });
    mounted = await mount(<TranscriptView {...props} codings={[SPANNING]} />);
    const x = window.innerWidth - 20;
    const y = window.innerHeight - 20;
    await pointAt(textRoot(mounted).querySelector('[data-coding-ids="1"]')!, x, y);
    const tip = mounted.container.querySelector<HTMLElement>('[role="tooltip"]')!;
    const left = parseFloat(tip.style.left);
    const top = parseFloat(tip.style.top);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(left + 320).toBeLessThanOrEqual(x);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top + 90).toBeLessThanOrEqual(y);
  });
});
