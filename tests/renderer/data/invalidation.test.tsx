// @vitest-environment jsdom
// The renderer's cache against a real project (SQLite through the contract, as the desktop bridge
// reaches it): a coding done in the source view fetches again exactly what shows codings (the
// codebook's counts, the retrieval list), not the whole workbench; and an answer that arrives late
// for a source the user has left is never shown for the one now open.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, type ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { callMethod } from '../../../service/contract/call.ts';
import { loadEveryGroup } from '../../../service/contract/method-groups.ts';
import type { CallContext } from '../../../service/contract/index.ts';
import type { ProjectInfo } from '../../../service/project.ts';
import { Workspace } from '../../../service/workspace.ts';
import { addText } from '../../helpers/project.ts';
import { flush, mount, type Mounted } from '../transcript/render.ts';

let dir: string;
let ws: Workspace;
let ctx: CallContext;
let project: ProjectInfo;
let sourceIds: number[];
let codeId: number;
let mounted: Mounted | null = null;

/** Every call the page made, in order; `hold` keeps chosen answers back until released. */
const calls: Array<{ method: string; arg: unknown }> = [];
let hold: ((method: string, arg: unknown) => Promise<void> | null) | null = null;

async function call<T>(method: string, arg: unknown = {}): Promise<T> {
  const result = await callMethod(method, arg, ctx);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tresse-cache-'));
  ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
  ctx = { ws, hooks: { shell: 'browser' } };
  project = await call<ProjectInfo>('createProject', { path: join(dir, 'etude.tresse'), grid: 'empty', coder: 'Camille' });
  // Stored as an importer would store them (the import worker itself does not start under jsdom).
  sourceIds = [
    addText(ws.ctx!, 'entretien-P1', 'Le secret partagé ne pose aucun problème dans la cellule.').id,
    addText(ws.ctx!, 'reunion-03', 'La coordinatrice ouvre la séance et rappelle les règles.', 'observation').id,
  ];
  codeId = (await call<{ id: number }>('addCode', { name: 'Secret partagé', abbrev: 'CL1' })).id;
  // The client takes the desktop bridge when the preload put one on the window.
  (globalThis as { tresse?: unknown }).tresse = {
    call: async (method: string, arg: unknown) => {
      calls.push({ method, arg });
      await hold?.(method, arg);
      return callMethod(method, arg, ctx);
    },
  };
  // The page's calls must reach the service loaded here, not a copy loaded after the reset.
  await loadEveryGroup();
  vi.resetModules();
}, 60_000);

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
  hold = null;
});

afterAll(() => {
  delete (globalThis as { tresse?: unknown }).tresse;
  ws?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The providers App.tsx puts around an open project; a new cache unless one is given. */
async function workbench(children: ReactNode, client?: QueryClient) {
  const { createQueryClient } = await import('../../../renderer/data/query-client.ts');
  const { api } = await import('../../../renderer/api/client.ts');
  const { LangProvider } = await import('../../../renderer/i18n/lang-context.tsx');
  const { HistoryProvider } = await import('../../../renderer/coding/useHistory.tsx');
  const { WorkbenchProvider } = await import('../../../renderer/app/workbench-context.tsx');
  return (
    <QueryClientProvider client={client ?? createQueryClient()}>
      <LangProvider initial="fr">
        <HistoryProvider api={api} confirm={() => true}>
          <WorkbenchProvider project={project}>{children}</WorkbenchProvider>
        </HistoryProvider>
      </LangProvider>
    </QueryClientProvider>
  );
}

describe('the renderer cache', () => {
  it('after a coding, fetches again the codebook counts and the retrieval list, and nothing the coding did not touch', async () => {
    const { CodebookPanel } = await import('../../../renderer/panels/codebook/CodebookPanel.tsx');
    const { RetrievalPanel } = await import('../../../renderer/panels/retrieval/RetrievalPanel.tsx');
    const { useHistory } = await import('../../../renderer/coding/useHistory.tsx');
    const { addCodingCommand } = await import('../../../renderer/coding/history.ts');
    const { useWorkbench } = await import('../../../renderer/app/workbench-context.tsx');
    let history: ReturnType<typeof useHistory> | null = null;
    let selectCode: ((id: number | null) => void) | null = null;
    function Coder() {
      history = useHistory();
      selectCode = useWorkbench().selectCode;
      return null;
    }
    mounted = await mount(
      await workbench(
        <>
          <Coder />
          <CodebookPanel />
          <RetrievalPanel active />
        </>,
      ),
    );
    await flush(50);
    const view = mounted.container;
    const codeItem = () => view.querySelector(`[aria-label^="CL1"]`)?.getAttribute('aria-label') ?? '';
    expect(codeItem()).toContain('0 codage(s)');
    // Retrieval shows the code chosen in the workbench (the codebook or its code field choose it).
    await act(async () => selectCode!(codeId));
    await flush(30);
    expect(view.querySelector('.retrieval-view .result-count')?.textContent).toBe('0 extrait(s)');

    calls.length = 0;
    await act(async () => {
      await history!.run(addCodingCommand({ sourceId: sourceIds[0]!, codeId, start: 3, end: 18 }, 'Secret partagé'));
    });
    await flush(50);

    expect(codeItem()).toContain('1 codage(s)');
    expect(view.querySelector('.retrieval-view .result-count')?.textContent).toBe('1 extrait(s)');
    expect(view.querySelector('.retrieval-view')?.textContent).toContain('secret partagé');
    const after = calls.map((c) => c.method);
    expect(after).toContain('listCodes');
    expect(after).toContain('retrievePage');
    // The whole-workbench reload this replaces asked for all of these after every change.
    for (const untouched of ['getSession', 'listCases', 'listAttributes', 'getSource', 'listMemos', 'listQuestions']) {
      expect(after).not.toContain(untouched);
    }
    // One answer per view: the counts are not asked twice for one change.
    expect(after.filter((m) => m === 'listCodes')).toHaveLength(1);
  });

  it('never shows the codings of a source the user has left, even when its answer comes last', async () => {
    const { useApiQuery } = await import('../../../renderer/data/hooks.ts');
    const { createQueryClient } = await import('../../../renderer/data/query-client.ts');
    const client = createQueryClient();
    await call('addCoding', { sourceId: sourceIds[1]!, codeId, start: 3, end: 16 });
    await call('addCoding', { sourceId: sourceIds[1]!, codeId, start: 20, end: 30 });
    // The first source's codings are held back until the second source is on screen.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    hold = (method, arg) => (method === 'listCodings' && (arg as { sourceId: number }).sourceId === sourceIds[0] ? held : null);

    function Codings({ sourceId }: { sourceId: number }) {
      const { data } = useApiQuery('listCodings', { sourceId });
      if (!data) return <p aria-busy="true">…</p>;
      return <p data-testid="codings">{data.map((c) => `${c.sourceId}:${c.start}-${c.end}`).join(' ')}</p>;
    }
    const element = async (sourceId: number) => workbench(<Codings sourceId={sourceId} />, client);
    mounted = await mount(await element(sourceIds[0]!));
    await flush(30);
    expect(mounted.container.querySelector('[data-testid="codings"]')).toBeNull();

    // Same providers, same cache: only the open source changes.
    await mounted.rerender(await element(sourceIds[1]!));
    await flush(30);
    const second = `${sourceIds[1]}:3-16 ${sourceIds[1]}:20-30`;
    expect(mounted.container.querySelector('[data-testid="codings"]')?.textContent).toBe(second);

    release();
    await flush(50);
    expect(mounted.container.querySelector('[data-testid="codings"]')?.textContent).toBe(second);
    expect(calls.some((c) => c.method === 'listCodings' && (c.arg as { sourceId: number }).sourceId === sourceIds[0])).toBe(true);
  });

  it("paints a coding from the answer: the source's codings hold it without being fetched again, the counts follow, undo and a refusal likewise", async () => {
    const { useApiQuery } = await import('../../../renderer/data/hooks.ts');
    const { CodebookPanel } = await import('../../../renderer/panels/codebook/CodebookPanel.tsx');
    const { useHistory } = await import('../../../renderer/coding/useHistory.tsx');
    const { addCodingCommand } = await import('../../../renderer/coding/history.ts');
    const sourceId = sourceIds[0]!;
    let history: ReturnType<typeof useHistory> | null = null;
    function Source() {
      history = useHistory();
      const { data } = useApiQuery('listCodings', { sourceId });
      if (!data) return <p aria-busy="true">…</p>;
      return <p data-testid="codings">{data.map((c) => `${c.start}-${c.end}`).join(' ')}</p>;
    }
    mounted = await mount(
      await workbench(
        <>
          <Source />
          <CodebookPanel />
        </>,
      ),
    );
    await flush(50);
    const view = mounted.container;
    const shown = () => view.querySelector('[data-testid="codings"]')?.textContent;
    const codeItem = () => view.querySelector(`[aria-label^="CL1"]`)?.getAttribute('aria-label') ?? '';
    const before = shown()!;
    const count = Number(/(\d+) codage/.exec(codeItem())![1]);

    calls.length = 0;
    let made: { start: number; end: number } | null = null;
    await act(async () => {
      made = await history!.run(addCodingCommand({ sourceId, codeId, start: 40, end: 50 }, 'Secret partagé'));
    });
    // In the list the transcript paints from, at its place in source order, with no second read of it.
    expect(shown()).toBe([before, '40-50'].filter(Boolean).join(' '));
    expect(made).toMatchObject({ start: 40, end: 50 });
    expect(calls.map((c) => c.method)).not.toContain('listCodings');
    // The codebook's count, which only counts, is fetched again afterwards.
    await flush(50);
    expect(codeItem()).toContain(`${count + 1} codage(s)`);

    // Coding the same passage again is refused: nothing is painted, nothing changes.
    await act(async () => {
      await expect(history!.run(addCodingCommand({ sourceId, codeId, start: 42, end: 48 }, 'Secret partagé'))).rejects.toThrow();
    });
    await flush(30);
    expect(shown()).toBe([before, '40-50'].filter(Boolean).join(' '));

    // Undo and redo take it away and bring it back from their own answers.
    calls.length = 0;
    await act(async () => void (await history!.undo()));
    expect(shown()).toBe(before);
    await act(async () => void (await history!.redo()));
    expect(shown()).toBe([before, '40-50'].filter(Boolean).join(' '));
    await flush(50);
    expect(calls.map((c) => c.method)).not.toContain('listCodings');
    expect(codeItem()).toContain(`${count + 1} codage(s)`);
    await act(async () => void (await history!.undo()));
    await flush(30);
  });
});
