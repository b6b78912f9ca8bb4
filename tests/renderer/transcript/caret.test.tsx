// @vitest-environment jsdom
// The keyboard caret is the DOM selection's focus end. Coding a passage rebuilds its lines with
// new text nodes: the caret must stay on the same character, not fall to the start of the text.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TranscriptView } from '../../../renderer/transcript/TranscriptView.tsx';
import { CODERS, CODES, coding, cp, source, TEXT } from './fixtures.ts';
import { mount, type Mounted } from './render.ts';

let mounted: Mounted | null = null;
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

const props = { source: source(), codes: CODES, coders: CODERS, onSelect: () => {} };

/** The source's UTF-16 offset of the selection's focus end. */
function caretOffset(): number {
  const selection = document.getSelection()!;
  const run = selection.focusNode!.parentElement!.closest<HTMLElement>('[data-u16]')!;
  return Number(run.dataset.u16) + selection.focusOffset;
}

describe('the keyboard caret', () => {
  it('stays on its character when a coding rebuilds its line', async () => {
    mounted = await mount(<TranscriptView {...props} codings={[]} />);
    const root = mounted.container.querySelector<HTMLElement>('[data-testid="transcript-text"]')!;
    await act(async () => root.focus());
    // The reader moved the caret into "voisinage", two characters in.
    const at = TEXT.indexOf('voisinage') + 2;
    const run = [...root.querySelectorAll<HTMLElement>('[data-u16]')].findLast((r) => Number(r.dataset.u16) <= at)!;
    await act(async () => {
      document.getSelection()!.collapse(run.firstChild!, at - Number(run.dataset.u16));
      document.dispatchEvent(new Event('selectionchange'));
    });
    const before = document.getSelection()!.focusNode!;
    await mounted.rerender(<TranscriptView {...props} codings={[coding(11, cp('voisinage'), cp('voisinage') + 9, 1, { id: 3 })]} />);
    expect(before.isConnected).toBe(false);
    expect(document.getSelection()!.focusNode!.isConnected).toBe(true);
    expect(caretOffset()).toBe(at);
  });
});
