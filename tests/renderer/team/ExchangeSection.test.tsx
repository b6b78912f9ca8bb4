// @vitest-environment jsdom
// The Team panel's export against a real project (through the contract, as the desktop bridge
// reaches it): the program chosen in the select is the target the .qdpx is written for.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { callMethod } from '../../../service/contract/call.ts';
import { loadEveryGroup } from '../../../service/contract/method-groups.ts';
import type { CallContext } from '../../../service/contract/index.ts';
import type { ProjectInfo } from '../../../service/project.ts';
import { Workspace } from '../../../service/workspace.ts';
import { addText } from '../../helpers/project.ts';
import { flush, mount, type Mounted } from '../transcript/render.ts';

const TEXT = 'Szerintem 🤔 mindenki maga dönt. Senkit nem lehet kötelezni.';
/** Where the coded passage starts in code points: 🤔, before it, is two UTF-16 units. */
const START = TEXT.indexOf('Senkit') - 1;

let dir: string;
let ws: Workspace;
let ctx: CallContext;
let project: ProjectInfo;
let mounted: Mounted | null = null;
/** What each export call sent and got back. */
const exported: Array<{ arg: unknown; bytes: Uint8Array }> = [];

async function call<T>(method: string, arg: unknown = {}): Promise<T> {
  const result = await callMethod(method, arg, ctx);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tresse-exchange-'));
  ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
  ctx = { ws, hooks: { shell: 'browser' } };
  project = await call<ProjectInfo>('createProject', { path: join(dir, 'etude.tresse'), grid: 'empty', coder: 'Camille' });
  const sourceId = addText(ws.ctx!, 'entretien-Z', TEXT).id;
  const codeId = (await call<{ id: number }>('addCode', { name: 'Liberté', abbrev: 'LI' })).id;
  await call('addCoding', { sourceId, codeId, start: START, end: START + 'Senkit nem lehet kötelezni'.length });
  (globalThis as { tresse?: unknown }).tresse = {
    call: async (method: string, arg: unknown) => {
      const result = await callMethod(method, arg, ctx);
      if (method === 'exportQdpx' && result.ok) exported.push({ arg, bytes: result.value as Uint8Array });
      return result;
    },
  };
  // jsdom has no object URLs; the download itself is not what is checked here.
  URL.createObjectURL = () => 'blob:tresse';
  URL.revokeObjectURL = () => undefined;
  // The page's calls must reach the service loaded here, not a copy loaded after the reset.
  await loadEveryGroup();
  vi.resetModules();
}, 60_000);

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

afterAll(() => {
  delete (globalThis as { tresse?: unknown }).tresse;
  ws?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function section(): Promise<HTMLElement> {
  const { createQueryClient } = await import('../../../renderer/data/query-client.ts');
  const { LangProvider } = await import('../../../renderer/i18n/lang-context.tsx');
  const { WorkbenchProvider } = await import('../../../renderer/app/workbench-context.tsx');
  const { ExchangeSection } = await import('../../../renderer/panels/team/ExchangeSection.tsx');
  mounted = await mount(
    <QueryClientProvider client={createQueryClient()}>
      <LangProvider initial="fr">
        <WorkbenchProvider project={project}>
          <ExchangeSection />
        </WorkbenchProvider>
      </LangProvider>
    </QueryClientProvider>,
  );
  await flush(50);
  return mounted.container;
}

const button = (view: HTMLElement, text: string) => [...view.querySelectorAll('button')].find((b) => b.textContent === text)!;

/** Clicks the project export and waits for its answer (writing the archive takes a moment under load). */
async function exportClick(view: HTMLElement): Promise<void> {
  const before = exported.length;
  await act(async () => button(view, 'Exporter le projet (.qdpx)').click());
  for (let i = 0; i < 100 && exported.length === before; i++) await flush(50);
  await flush(50);
}

describe('ExchangeSection', () => {
  it('writes the .qdpx for the program chosen: UTF-16 positions for NVivo for Windows, the standard by default', async () => {
    const view = await section();
    const select = [...view.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Projet destiné à'))!.querySelector('select')!;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'tout logiciel (standard REFI-QDA)',
      'NVivo (Windows)',
      'NVivo (Mac)',
      'ATLAS.ti',
      'MAXQDA',
      'QualCoder',
    ]);
    await exportClick(view);
    await act(async () => {
      select.value = 'nvivo-windows';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await exportClick(view);

    expect(exported.map((e) => e.arg)).toEqual([{}, { target: 'nvivo-windows' }]);
    const positions = exported.map((e) => /startPosition="(\d+)"/.exec(strFromU8(unzipSync(e.bytes)['project.qde']!))![1]);
    expect(positions).toEqual([String(START), String(START + 1)]);
  });
});
