// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { addCodingCommand, deleteCodeCommand } from '../../../renderer/coding/history.ts';
import { HistoryProvider, type HistoryState, useHistory, useHistoryShortcuts } from '../../../renderer/coding/useHistory.tsx';
import { mount, type Mounted, press } from '../transcript/render.ts';
import { withCache } from '../with-cache.ts';
import { FakeApi } from './fake-api.ts';

let mounted: Mounted | null = null;
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

async function setup(confirmAnswer = true) {
  const api = new FakeApi();
  const code = await api.addCode({ name: 'Secret professionnel', abbrev: 'CL1' });
  const state: { current: HistoryState | null } = { current: null };
  const asked: string[] = [];
  function Probe() {
    state.current = useHistory();
    useHistoryShortcuts();
    return (
      <div>
        <input data-testid="field" />
        <button type="button" title={state.current.undoTitle}>
          undo
        </button>
      </div>
    );
  }
  // In the cache, as App.tsx provides it: the history writes its answers there.
  mounted = await mount(
    withCache(
      <HistoryProvider
        api={api}
        confirm={(_command, message) => {
          asked.push(message);
          return confirmAnswer;
        }}
      >
        <Probe />
      </HistoryProvider>,
    ),
  );
  return { api, code, state, asked };
}

const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

describe('useHistory and the keyboard', () => {
  it('undoes with Ctrl+Z and redoes with Ctrl+Shift+Z and Ctrl+Y, with labels in French', async () => {
    const { api, code, state } = await setup();
    await act(async () => {
      await state.current!.run(addCodingCommand({ sourceId: 1, codeId: code.id, start: 0, end: 9 }, 'CL1'));
    });
    expect(state.current!.undoTitle).toBe('Annuler : coder avec « CL1 »');
    await press(document.body, 'z', { ctrlKey: true });
    await settle();
    expect(api.codings.size).toBe(0);
    expect(state.current!.redoTitle).toBe('Rétablir : coder avec « CL1 »');
    await press(document.body, 'Z', { ctrlKey: true, shiftKey: true });
    await settle();
    expect(api.codings.size).toBe(1);
    await press(document.body, 'z', { metaKey: true });
    await settle();
    await press(document.body, 'y', { ctrlKey: true });
    await settle();
    expect(api.codings.size).toBe(1);
  });

  it('leaves Ctrl+Z to a text field that has the focus', async () => {
    const { api, code, state } = await setup();
    await act(async () => {
      await state.current!.run(addCodingCommand({ sourceId: 1, codeId: code.id, start: 0, end: 9 }, 'CL1'));
    });
    const field = mounted!.container.querySelector('[data-testid="field"]')!;
    await press(field, 'z', { ctrlKey: true });
    await settle();
    expect(api.codings.size).toBe(1);
  });

  it('asks in the user’s language before an irreversible deletion', async () => {
    const { api, code, state, asked } = await setup(false);
    await act(async () => {
      await state.current!.run(deleteCodeCommand(code.id, 'CL1'));
    });
    expect(asked[0]).toContain('« supprimer le code « CL1 » » ne pourra pas être annulée');
    expect(api.codes.has(code.id)).toBe(true);
  });
});
