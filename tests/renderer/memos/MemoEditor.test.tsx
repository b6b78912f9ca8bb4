// @vitest-environment jsdom
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor, type TextNode } from 'lexical';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Memo } from '../../../model/types.ts';
import { MemoEditor } from '../../../renderer/memos/MemoEditor.tsx';
import { mount, type Mounted, press } from '../transcript/render.ts';

let mounted: Mounted | null = null;
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

const memo = (over: Partial<Memo> = {}): Memo => ({
  id: 4,
  guid: 'm4',
  target: { kind: 'code', id: 12 },
  title: '',
  text: 'Premier constat.\nÀ croiser avec les observations.',
  richText: null,
  authorId: 1,
  createdAt: '2026-01-01',
  updatedAt: '2026-01-01',
  ...over,
});

const content = () => mounted!.container.querySelector<HTMLElement>('[contenteditable="true"]')!;
const editorOf = (el: HTMLElement) => (el as HTMLElement & { __lexicalEditor: LexicalEditor }).__lexicalEditor;

async function edit(fn: () => void) {
  await act(async () => {
    editorOf(content()).update(fn, { discrete: true });
  });
}

describe('MemoEditor', () => {
  it('opens a plain-text memo as paragraphs', async () => {
    mounted = await mount(<MemoEditor memo={memo()} target={{ kind: 'code', id: 12 }} onSave={() => {}} />);
    const paragraphs = [...content().querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs).toEqual(['Premier constat.', 'À croiser avec les observations.']);
    expect(content().getAttribute('aria-label')).toBe('Mémo du code');
  });

  it('saves plain text and the editor state with Ctrl+S, and reopens the rich text as written', async () => {
    const onSave = vi.fn<(input: { text: string; richText: string }) => void>();
    mounted = await mount(<MemoEditor memo={null} target={{ kind: 'project' }} onSave={onSave} />);
    await edit(() => {
      const root = $getRoot();
      root.clear();
      root.append($createParagraphNode().append($createTextNode('Le secret partagé '), $createTextNode('divise').toggleFormat('bold')));
      root.append($createParagraphNode().append($createTextNode('les équipes.')));
    });
    await press(content(), 's', { ctrlKey: true });
    expect(onSave).toHaveBeenCalledTimes(1);
    const saved = onSave.mock.calls[0]![0];
    expect(saved.text).toBe('Le secret partagé divise\nles équipes.');
    await mounted.unmount();

    mounted = await mount(<MemoEditor memo={memo({ text: saved.text, richText: saved.richText })} target={{ kind: 'code', id: 12 }} onSave={() => {}} />);
    expect(content().querySelector('.memo-bold')?.textContent).toBe('divise');
  });

  it('turns paragraphs into lists from the toolbar', async () => {
    const onSave = vi.fn<(input: { text: string; richText: string }) => void>();
    mounted = await mount(<MemoEditor memo={memo({ text: 'Freins\nLevier' })} target={{ kind: 'code', id: 12 }} onSave={onSave} />);
    await edit(() => {
      $getRoot().getFirstChild()!.selectStart();
    });
    const button = (label: string) => mounted!.container.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;
    await act(async () => button('Liste à puces').click());
    await edit(() => {
      const first = $getRoot().getLastChild()!;
      first.selectStart();
    });
    await act(async () => button('Liste numérotée').click());
    await press(content(), 's', { ctrlKey: true });
    expect(onSave.mock.lastCall![0].text).toBe('- Freins\n1. Levier');
    expect(content().querySelector('ul')?.textContent).toBe('Freins');
  });

  it('makes the selected words bold from the toolbar', async () => {
    const onSave = vi.fn<(input: { text: string; richText: string }) => void>();
    mounted = await mount(<MemoEditor memo={memo({ text: 'Freins repérés' })} target={{ kind: 'code', id: 12 }} onSave={onSave} />);
    await edit(() => {
      ($getRoot().getFirstDescendant() as TextNode).select(0, 6);
    });
    const bold = mounted.container.querySelector<HTMLButtonElement>('button[aria-label="Gras (Ctrl+B)"]')!;
    await act(async () => bold.click());
    expect(content().querySelector('.memo-bold')?.textContent).toBe('Freins');
    expect(bold.getAttribute('aria-pressed')).toBe('true');
    await press(content(), 's', { ctrlKey: true });
    expect(onSave.mock.lastCall![0].text).toBe('Freins repérés');
  });

  it('saves on blur only when something changed', async () => {
    const onSave = vi.fn();
    mounted = await mount(
      <div>
        <MemoEditor memo={memo()} target={{ kind: 'code', id: 12 }} onSave={onSave} />
        <button type="button">ailleurs</button>
      </div>,
    );
    const outside = [...mounted.container.querySelectorAll('button')].find((b) => b.textContent === 'ailleurs')!;
    const blur = () =>
      act(async () => {
        content().dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: outside }));
      });
    await blur();
    expect(onSave).not.toHaveBeenCalled();
    await edit(() => {
      $getRoot().getFirstChild()!.selectEnd().insertText(' Confirmé.');
    });
    await blur();
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]![0].text).toBe('Premier constat. Confirmé.\nÀ croiser avec les observations.');
    expect(mounted.container.querySelector('.memo-status')!.textContent).toBe('');
  });
});
