import { describe, expect, it, vi } from 'vitest';

const exposed = new Map<string, unknown>();
const invoked: unknown[][] = [];
const listeners = new Map<string, Array<(...a: unknown[]) => void>>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void exposed.set(key, value) },
  ipcRenderer: {
    invoke: (...a: unknown[]) => {
      invoked.push(a);
      return Promise.resolve({ ok: true, value: null });
    },
    on: (channel: string, l: (...a: unknown[]) => void) => void listeners.set(channel, [...(listeners.get(channel) ?? []), l]),
    removeListener: (channel: string, l: (...a: unknown[]) => void) =>
      void listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((x) => x !== l),
      ),
  },
}));

await import('../../electron/preload.ts');

describe('preload', () => {
  it('exposes exactly window.tresse and window.tresseShell', () => {
    expect([...exposed.keys()].sort()).toEqual(['tresse', 'tresseShell']);
  });

  it('gives window.tresse one function, call, each call one IPC invocation on tresse:call', async () => {
    const tresse = exposed.get('tresse') as { call(method: string, arg?: unknown): Promise<unknown> };
    expect(Object.keys(tresse)).toEqual(['call']);
    const bytes = new Uint8Array([1, 2, 3]);
    await tresse.call('importSource', { fileName: 'a.txt', bytes, kind: 'interview' });
    await tresse.call('getSession');
    expect(invoked).toEqual([
      ['tresse:call', 'importSource', { fileName: 'a.txt', bytes, kind: 'interview' }],
      ['tresse:call', 'getSession', undefined],
    ]);
  });

  it('passes menu actions to the page without the IPC event, and stops on request', () => {
    const shell = exposed.get('tresseShell') as { kind: string; onMenu(l: (a: unknown) => void): () => void };
    expect(shell.kind).toBe('desktop');
    const got: unknown[] = [];
    const stop = shell.onMenu((...a: unknown[]) => void got.push(a));
    const fakeEvent = { sender: 'ipcRenderer itself' };
    for (const l of listeners.get('tresse:menu') ?? []) l(fakeEvent, { action: 'openProject' });
    expect(got).toEqual([[{ action: 'openProject' }]]);
    stop();
    expect(listeners.get('tresse:menu')).toEqual([]);
  });
});
