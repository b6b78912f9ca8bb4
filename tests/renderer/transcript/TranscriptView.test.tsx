// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TranscriptView, type TranscriptSelection } from '../../../renderer/transcript/TranscriptView.tsx';
import { codePointLength } from '../../../text/offsets.ts';
import { CODERS, CODES, coding, cp, source, TEXT } from './fixtures.ts';
import { flush, mount, type Mounted, press } from './render.ts';

let mounted: Mounted | null = null;
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

const textRoot = (m: Mounted) => m.container.querySelector<HTMLElement>('[data-testid="transcript-text"]')!;
/** The rules of the view's look sheet, as the browser holds them (written whole or added one by one). */
const lookRules = (m: Mounted) => Array.from(m.container.querySelector('style')!.sheet!.cssRules, (r) => r.cssText);

/** The DOM text node and UTF-16 offset in it where a source UTF-16 offset lies. */
function domPoint(root: HTMLElement, u16: number): [Node, number] {
  const runs = Array.from(root.querySelectorAll<HTMLElement>('[data-u16]'));
  for (const run of runs) {
    const start = Number(run.dataset.u16);
    const node = run.firstChild!;
    if (u16 >= start && u16 <= start + node.textContent!.length) return [node, u16 - start];
  }
  throw new Error(`no run at ${u16}`);
}

/** Sets the DOM selection over a range of the source, without any event. */
function placeSelection(root: HTMLElement, fromU16: number, toU16: number) {
  const range = document.createRange();
  range.setStart(...domPoint(root, fromU16));
  range.setEnd(...domPoint(root, toU16));
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

async function select(root: HTMLElement, fromU16: number, toU16: number) {
  placeSelection(root, fromU16, toU16);
  await act(async () => {
    root.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
    root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }));
  });
}

describe('TranscriptView', () => {
  it('renders exactly the source text, laid out by its structure', async () => {
    mounted = await mount(<TranscriptView source={source()} codings={[]} codes={CODES} coders={CODERS} onSelect={() => {}} />);
    const root = textRoot(mounted);
    expect(root.textContent).toBe(TEXT);
    expect(root.querySelector('h2')?.textContent).toBe('Entretien avec une coordinatrice\n');
    const turns = root.querySelectorAll('[data-speaker]');
    expect(turns[0]!.getAttribute('data-speaker')).toBe('Enquêtrice');
    expect(turns[0]!.getAttribute('data-time')).toBe('01:15');
    expect(root.querySelector('.tr-speaker')?.textContent).toBe('Enquêtrice :');
  });

  it('turns a DOM selection over emoji and combining accents into code points', async () => {
    const onSelect = vi.fn<(r: TranscriptSelection | null) => void>();
    const codings = [coding(10, cp('secret'), cp('la règle'), 1, { id: 1 }), coding(12, cp('On partage'), cp('pas plus'), 1, { id: 2 })];
    mounted = await mount(<TranscriptView source={source()} codings={codings} codes={CODES} coders={CODERS} onSelect={onSelect} />);
    const root = textRoot(mounted);
    expect(root.textContent).toBe(TEXT);
    // From just before the accented word to just after the padlock emoji, across run boundaries.
    const wanted = 'ne\u0301cessaire, pas plus. Le secret 🔒';
    const u16 = TEXT.indexOf(wanted);
    await select(root, u16, u16 + wanted.length);
    const got = onSelect.mock.lastCall![0]!;
    const start = codePointLength(TEXT.slice(0, u16));
    expect(got).toMatchObject({ start, end: start + codePointLength(wanted), text: wanted });
    expect(got.rect).toBeDefined();
  });

  it('never splits an emoji when the DOM selection falls between its two halves', async () => {
    const onSelect = vi.fn<(r: TranscriptSelection | null) => void>();
    mounted = await mount(<TranscriptView source={source()} codings={[]} codes={CODES} coders={CODERS} onSelect={onSelect} />);
    const root = textRoot(mounted);
    const emoji = TEXT.indexOf('😀');
    await select(root, emoji + 1, emoji + 1 + ' de'.length + 1);
    const got = onSelect.mock.lastCall![0]!;
    expect(got.text).toBe('😀 de');
    expect(got.start).toBe(cp('😀'));
  });

  it('marks each run with all the codings covering it and paints them', async () => {
    const a = coding(10, cp('On partage'), cp('la règle'), 1, { id: 1 });
    const b = coding(11, cp('secret'), cp('souvent'), 2, { id: 2 });
    mounted = await mount(<TranscriptView source={source()} codings={[a, b]} codes={CODES} coders={CODERS} activeCodeId={11} onSelect={() => {}} />);
    const root = textRoot(mounted);
    const both = root.querySelector<HTMLElement>('[data-coding-ids="1 2"]')!;
    expect(both.textContent).toBe('secret 🔒 reste ');
    expect(both.classList.contains('tr-coded')).toBe(true);
    expect(both.classList.contains('tr-active')).toBe(true);
    expect(root.querySelector('[data-coding-ids="1"]')!.classList.contains('tr-active')).toBe(false);
    // Two codes on one run: both colours show, from the rule of its look class.
    const look = [...both.classList].find((c) => c.startsWith('tr-look-'))!;
    const rule = lookRules(mounted).find((r) => r.includes(`.${look} `))!;
    expect(rule).toContain('0, 114, 178');
    expect(rule).toContain('230, 159, 0');
  });

  it('gives a combination of codes that appears with a new coding its colours, and follows a code’s new colour', async () => {
    const a = coding(10, cp('On partage'), cp('la règle'), 1, { id: 1 });
    const props = { source: source(), coders: CODERS, onSelect: () => {} };
    mounted = await mount(<TranscriptView {...props} codes={CODES} codings={[a]} />);
    const root = textRoot(mounted);
    const both = [a, coding(11, cp('On partage'), cp('partage') + 7, 1, { id: 2 })];
    await mounted.rerender(<TranscriptView {...props} codes={CODES} codings={both} />);
    const look = [...root.querySelector<HTMLElement>('[data-coding-ids="1 2"]')!.classList].find((c) => c.startsWith('tr-look-'))!;
    expect(lookRules(mounted).find((r) => r.includes(`.${look} `))).toContain('0, 114, 178');
    const recoloured = new Map([...CODES].map(([id, c]) => [id, id === 11 ? { ...c, color: '#00ff00' } : c]));
    await mounted.rerender(<TranscriptView {...props} codes={recoloured} codings={both} />);
    const rule = lookRules(mounted).find((r) => r.includes(`.${look} `))!;
    expect(rule).toContain('0, 255, 0');
    expect(rule).not.toContain('230, 159, 0');
  });

  it('paints a coding made, changed or undone exactly as a fresh view of the same codings does', async () => {
    const a = coding(10, cp('On partage'), cp('la règle'), 1, { id: 1 });
    const b = coding(11, cp('secret'), cp('souvent'), 2, { id: 2 });
    const c = coding(12, cp('Comment'), cp('réunions'), 1, { id: 3 });
    const props = { source: source(), codes: CODES, coders: CODERS, hiddenCoderIds: new Set([2]), onSelect: () => {} };
    /** Every run as the reader sees it: its text, its codings, its look and what it shows. */
    const runs = (m: Mounted) =>
      Array.from(textRoot(m).querySelectorAll<HTMLElement>('[data-u16]'), (el) =>
        [el.textContent, el.dataset.codingIds, el.className, el.dataset.visibleIds].join(' | '),
      );
    const steps = [
      [a, b],
      [a, b, c],
      [a, { ...b, codeId: 12 }, c],
      [a, { ...b, codeId: 12 }],
      [{ ...a, coderId: 2 }, { ...b, codeId: 12 }, coding(11, cp('voisinage'), cp('voisinage') + 9, 1, { id: 4 })],
    ];
    mounted = await mount(<TranscriptView {...props} codings={steps[0]!} />);
    for (const codings of steps.slice(1)) {
      await mounted.rerender(<TranscriptView {...props} codings={codings} />);
      const fresh = await mount(<TranscriptView {...props} codings={codings} />);
      expect(runs(mounted)).toEqual(runs(fresh));
      await fresh.unmount();
    }
  });

  it('hides a coder’s codings without touching the text (blind coding)', async () => {
    const a = coding(10, cp('On partage'), cp('la règle'), 1, { id: 1 });
    const b = coding(11, cp('secret'), cp('souvent'), 2, { id: 2 });
    const props = { source: source(), codings: [a, b], codes: CODES, coders: CODERS, onSelect: () => {} };
    mounted = await mount(<TranscriptView {...props} />);
    const root = textRoot(mounted);
    const run = root.querySelector<HTMLElement>('[data-coding-ids="1 2"]')!;
    expect(run.dataset.visibleIds).toBe('1 2');
    await mounted.rerender(<TranscriptView {...props} hiddenCoderIds={new Set([2])} />);
    // The same element (no editor rebuild), now showing one coding only.
    expect(root.querySelector('[data-coding-ids="1 2"]')).toBe(run);
    expect(run.dataset.visibleIds).toBe('1');
    expect(root.querySelector<HTMLElement>('[data-coding-ids="2"]')!.classList.contains('tr-coded')).toBe(false);
  });

  it('highlights a new coding by rebuilding only the lines it touches', async () => {
    const a = coding(10, cp('On partage'), cp('la règle'), 1, { id: 1 });
    const props = { source: source(), codes: CODES, coders: CODERS, onSelect: () => {} };
    mounted = await mount(<TranscriptView {...props} codings={[a]} />);
    const root = textRoot(mounted);
    const heading = root.querySelector('h2')!.firstChild;
    await mounted.rerender(<TranscriptView {...props} codings={[a, coding(11, cp('voisinage'), cp('voisinage') + 9, 1, { id: 3 })]} />);
    expect(root.querySelector('[data-coding-ids="3"]')?.textContent).toBe('voisinage');
    expect(root.querySelector('h2')!.firstChild).toBe(heading);
    expect(root.textContent).toBe(TEXT);
  });

  it('shows the codes, coder and memo of a hovered passage', async () => {
    const a = coding(10, cp('On partage'), cp('la règle'), 2, { id: 1, valence: '-' });
    mounted = await mount(
      <TranscriptView
        source={source()}
        codings={[a]}
        codes={CODES}
        coders={CODERS}
        memoOf={(id) => (id === 1 ? 'à comparer avec l’atelier' : null)}
        onSelect={() => {}}
      />,
    );
    const run = textRoot(mounted).querySelector('[data-coding-ids="1"]')!;
    await act(async () => {
      run.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 5, clientY: 5 }));
    });
    const tip = mounted.container.querySelector('[role="tooltip"]')!;
    expect(tip.textContent).toContain('CL1 · Secret professionnel et partage');
    expect(tip.textContent).toContain('Bruno');
    expect(tip.textContent).toContain('à comparer avec l’atelier');
    expect(run.classList.contains('tr-hover')).toBe(true);
  });

  it('reports the selection when the mouse is released outside the text', async () => {
    const onSelect = vi.fn<(r: TranscriptSelection | null) => void>();
    mounted = await mount(<TranscriptView source={source()} codings={[]} codes={CODES} coders={CODERS} onSelect={onSelect} />);
    const root = textRoot(mounted);
    const at = TEXT.indexOf('bailleurs');
    placeSelection(root, at, at + 'bailleurs'.length);
    await act(async () => {
      root.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
      document.body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }));
    });
    expect(onSelect.mock.lastCall![0]).toMatchObject({ text: 'bailleurs', start: cp('bailleurs') });
  });

  it('draws a stripe per coding and activates it on click', async () => {
    const onActivate = vi.fn();
    const a = coding(10, cp('On partage'), cp('la règle'), 1, { id: 1 });
    const b = coding(12, cp('Comment'), cp('concertation'), 1, { id: 2 });
    mounted = await mount(
      <TranscriptView source={source()} codings={[a, b]} codes={CODES} coders={CODERS} onSelect={() => {}} onCodingActivate={onActivate} />,
    );
    await flush();
    const stripes = mounted.container.querySelectorAll<HTMLButtonElement>('.tr-stripe');
    // The abbreviation whole, or the first letters of the name's main words when there is none.
    expect([...stripes].map((s) => s.textContent).sort()).toEqual(['CL1', 'FR']);
    await act(async () => stripes[0]!.click());
    expect(onActivate).toHaveBeenCalledWith(Number(stripes[0]!.dataset.codingId));
  });

  it('marks exactly the focused passage, not the runs around it', async () => {
    // jsdom has no CSS Custom Highlight API: a registry that keeps what is set in it.
    const registry = new Map<string, { ranges: Range[] }>();
    vi.stubGlobal('CSS', { highlights: registry });
    vi.stubGlobal(
      'Highlight',
      class {
        ranges: Range[];
        constructor(...ranges: Range[]) {
          this.ranges = ranges;
        }
      },
    );
    try {
      const props = { source: source(), codings: [], codes: CODES, coders: CODERS, onSelect: () => {} };
      const focus = { start: cp('voisinage'), end: cp('voisinage') + 9 };
      mounted = await mount(<TranscriptView {...props} />);
      await mounted.rerender(<TranscriptView {...props} focusRange={focus} />);
      const marked = registry.get('tr-flash');
      expect(marked?.ranges.map((r) => r.toString())).toEqual(['voisinage']);
      expect(textRoot(mounted).querySelectorAll('.tr-flash')).toHaveLength(0);
      // A coding loaded while the mark shows rebuilds the line: the mark follows the new text.
      const before = marked!.ranges[0]!.startContainer;
      await mounted.rerender(<TranscriptView {...props} codings={[coding(11, cp('voisinage'), cp('voisinage') + 9, 1, { id: 3 })]} focusRange={focus} />);
      expect(before.isConnected).toBe(false);
      expect(registry.get('tr-flash')?.ranges.map((r) => r.toString())).toEqual(['voisinage']);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('flashes the runs of the focused passage where the Highlight API is missing', async () => {
    const props = { source: source(), codings: [], codes: CODES, coders: CODERS, onSelect: () => {} };
    mounted = await mount(<TranscriptView {...props} />);
    await mounted.rerender(<TranscriptView {...props} focusRange={{ start: cp('voisinage'), end: cp('voisinage') + 9 }} />);
    const flashed = textRoot(mounted).querySelectorAll('.tr-flash');
    expect([...flashed].map((e) => e.textContent).join('')).toContain('voisinage');
  });

  it('reports a selection made with the keyboard when Enter is pressed, not before', async () => {
    const onSelect = vi.fn<(r: TranscriptSelection | null) => void>();
    mounted = await mount(<TranscriptView source={source()} codings={[]} codes={CODES} coders={CODERS} onSelect={onSelect} />);
    const root = textRoot(mounted);
    const at = TEXT.indexOf('bailleurs');
    placeSelection(root, at, at + 'bailleurs'.length);
    await act(async () => {
      root.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', bubbles: true }));
    });
    expect(onSelect).not.toHaveBeenCalledWith(expect.objectContaining({ text: 'bailleurs' }));
    await press(root, 'Enter');
    expect(onSelect.mock.lastCall![0]).toMatchObject({ text: 'bailleurs', start: cp('bailleurs') });
  });
});
