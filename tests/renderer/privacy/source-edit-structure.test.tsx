// @vitest-environment jsdom
// The correction preview names the speaker turns and sections the correction removes, adds or
// renames (speaker or heading, first words), in French and in English, and only counts the others.
import { act, createElement } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Source } from '../../../model/types.ts';
import type { SourceEditEffect } from '../../../service/edit-source.ts';
import { flush, mount, type } from '../transcript/render.ts';
import { withCache } from '../with-cache.ts';

const TEXT = 'Enquêtrice : Et ensuite ?\nP4 : On se retrouve à la cellule.\n## Le secret\nP4 : On anonymise.\n';
const EDITED = 'P4 : On se retrouve à la cellule.\nP4 : On anonymise.\nEnquêteur : Merci.\n';

const effect: SourceEditEffect = {
  sourceId: 3,
  sourceName: 'entretien-P4',
  changes: [{ start: 0, end: 26, oldText: 'Enquêtrice : Et ensuite ?\n', newText: '' }],
  oldLength: 83,
  newLength: 72,
  unchanged: 0,
  moved: [],
  changed: [],
  removed: [],
  structure: [
    { id: 0, kind: 'turn', change: 'removed', label: 'Enquêtrice', excerpt: 'Et ensuite ?', before: { start: 0, end: 26 }, after: null },
    {
      id: 1,
      kind: 'turn',
      change: 'moved',
      label: 'P4',
      excerpt: 'On se retrouve à la cellule.',
      before: { start: 26, end: 60 },
      after: { start: 0, end: 34 },
    },
    { id: 2, kind: 'section', change: 'removed', label: 'Le secret', excerpt: 'P4 : On anonymise.', before: { start: 60, end: 83 }, after: null, joins: null },
    { id: null, kind: 'turn', change: 'added', label: 'Enquêteur', excerpt: 'Merci.', before: null, after: { start: 53, end: 72 } },
  ],
};

beforeAll(() => {
  (globalThis as { tresse?: unknown }).tresse = {
    call: async (m: string) =>
      m === 'previewSourceEdit' || m === 'setLang'
        ? { ok: true, value: m === 'setLang' ? null : effect }
        : { ok: false, error: { code: 'test', message: m, params: {} } },
  };
  vi.resetModules();
});
afterAll(() => {
  delete (globalThis as { tresse?: unknown }).tresse;
});

async function previewIn(lang: 'fr' | 'en'): Promise<{ text: string; listed: number }> {
  const { SourceEditor } = await import('../../../renderer/panels/privacy/SourceEditor.tsx');
  const { LangProvider } = await import('../../../renderer/i18n/lang-context.tsx');
  const source = { id: 3, name: 'entretien-P4', text: TEXT } as Source;
  const editor = createElement(SourceEditor, {
    source,
    onSaved: () => {},
    onCancel: () => {},
    report: (e: unknown) => {
      throw e;
    },
  });
  const view = await mount(withCache(createElement(LangProvider, { initial: lang, children: editor })));
  await type(view.container.querySelector('textarea')!, EDITED);
  const preview = Array.from(view.container.querySelectorAll('button')).find((b) => b.textContent === (lang === 'fr' ? 'Prévisualiser' : 'Preview'))!;
  await act(async () => preview.click());
  await flush(10);
  const region = view.container.querySelector('[role=region]');
  const shown = { text: region?.textContent ?? '', listed: region?.querySelectorAll('.edit-structure li').length ?? 0 };
  await view.unmount();
  return shown;
}

describe('the structure in the correction preview', () => {
  it('lists removed and added turns and removed sections with their labels and first words, in French', async () => {
    const { text: shown, listed } = await previewIn('fr');
    expect(shown).toContain('Tours de parole et sections');
    expect(shown).toContain('Tour de parole supprimé : Enquêtrice « Et ensuite ? »');
    expect(shown).toContain('Section supprimée : « Le secret » (son texte reste, hors section)');
    expect(shown).toContain('Nouveau tour de parole : Enquêteur « Merci. »');
    expect(shown).toContain('1 autre(s) tour(s) de parole ou section(s) suivent leur texte.');
    // The turn that only moves is counted, not listed.
    expect(listed).toBe(3);
  });

  it('says the same in English', async () => {
    const { text: shown } = await previewIn('en');
    expect(shown).toContain('Speaker turn removed: Enquêtrice "Et ensuite ?"');
    expect(shown).toContain('New speaker turn: Enquêteur "Merci."');
  });
});
