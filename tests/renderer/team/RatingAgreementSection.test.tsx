// @vitest-environment jsdom
// The Team panel's rating agreement section against a real project (through the contract, as the
// desktop bridge reaches it) whose case attributes hold Krippendorff's (2011) example C.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, type ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { callMethod } from '../../../service/contract/call.ts';
import { loadEveryGroup } from '../../../service/contract/method-groups.ts';
import type { CallContext } from '../../../service/contract/index.ts';
import { Workspace } from '../../../service/workspace.ts';
import { flush, mount, type Mounted } from '../transcript/render.ts';
import { OBSERVERS } from '../../helpers/krippendorff-2011-c.ts';

let dir: string;
let ws: Workspace;
let ctx: CallContext;
let mounted: Mounted | null = null;

async function call<T>(method: string, arg: unknown = {}): Promise<T> {
  const result = await callMethod(method, arg, ctx);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tresse-ratings-'));
  ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
  ctx = { ws, hooks: { shell: 'browser' } };
  await call('createProject', { path: join(dir, 'notes.tresse'), grid: 'empty', coder: 'Alice' });
  const ids: number[] = [];
  for (let u = 1; u <= 12; u++) ids.push((await call<{ id: number }>('createCase', { name: `U${u}` })).id);
  for (const [name, values] of Object.entries(OBSERVERS)) {
    await call('defineAttribute', { name, type: 'number' });
    for (const [u, v] of values.entries()) if (v !== null) await call('setAttributeValues', { target: { caseId: ids[u]! }, name, values: [v] });
  }
  // A date is not a rating: the section does not offer it.
  await call('defineAttribute', { name: 'Entretien', type: 'date' });
  await call('defineAttribute', { name: 'Ton (Alice)', type: 'text' });
  await call('defineAttribute', { name: 'Ton (Bruno)', type: 'text' });
  await call('setAttributeValues', { target: { caseId: ids[0]! }, name: 'Ton (Alice)', values: ['calme'] });
  await call('setAttributeValues', { target: { caseId: ids[0]! }, name: 'Ton (Bruno)', values: ['tendu'] });
  (globalThis as { tresse?: unknown }).tresse = { call: (method: string, arg: unknown) => callMethod(method, arg, ctx) };
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

/** The page's own way to change the project, so the change goes through the invalidation table. */
let pageCall: ((method: 'setAttributeValues', args: { target: { caseId: number }; name: string; values: number[] }) => Promise<unknown>) | null = null;

async function section(): Promise<HTMLElement> {
  const { createQueryClient } = await import('../../../renderer/data/query-client.ts');
  const { useApiCall } = await import('../../../renderer/data/hooks.ts');
  const { LangProvider } = await import('../../../renderer/i18n/lang-context.tsx');
  const { RatingAgreementSection } = await import('../../../renderer/panels/team/RatingAgreementSection.tsx');
  function Caller() {
    pageCall = useApiCall();
    return null;
  }
  const tree: ReactNode = (
    <QueryClientProvider client={createQueryClient()}>
      <LangProvider initial="fr">
        <Caller />
        <RatingAgreementSection />
      </LangProvider>
    </QueryClientProvider>
  );
  mounted = await mount(<>{tree}</>);
  await flush(80);
  return mounted.container;
}

const labelled = (view: HTMLElement, text: string) => [...view.querySelectorAll('label')].find((l) => l.textContent?.startsWith(text))!.querySelector('input')!;

async function click(el: HTMLElement, wait = 30) {
  await act(async () => el.click());
  await flush(wait);
}

async function submit(view: HTMLElement) {
  await act(async () => view.querySelector('form')!.requestSubmit());
  await flush(300);
}

describe('RatingAgreementSection', () => {
  it('shows alpha, its interval and what it counts for the ticked attributes and level', async () => {
    const view = await section();
    expect(view.textContent).toContain('Gravité (Alice)');
    expect(view.textContent).not.toContain('Entretien');
    await click(labelled(view, 'Gravité (Alice)'));
    await submit(view);
    expect(view.querySelector('[role="alert"]')?.textContent).toContain('Cochez au moins deux attributs.');

    for (const name of ['Gravité (Bruno)', 'Gravité (Chloé)', 'Gravité (David)']) await click(labelled(view, name));
    await submit(view);
    const result = () => view.querySelector('[data-testid="rating-agreement"]')?.textContent ?? '';
    expect(view.querySelector('[role="alert"]')).toBeNull();
    expect(result()).toMatch(/Alpha de Krippendorff ordinal : 0,815 \(IC 95 % bootstrap : .+ à .+ \(2\s000 rééchantillonnages\)\)/);
    expect(result()).toContain('12 cas, dont 11 notés par au moins deux codeurs ; 40 valeurs appariables ; 4 codeurs (attributs)');
    expect(result()).toContain('Gravité (Alice) : 9 cas notés');

    await click(labelled(view, 'Ratio'));
    await submit(view);
    expect(result()).toContain('Alpha de Krippendorff de rapport (ratio) : 0,797');

    // A rating changed elsewhere in the window is counted without asking again: Alice now rates
    // unit 12 (3, as Bruno did), so 12 cases are compared.
    const u12 = (await call<Array<{ id: number; name: string }>>('listCases')).find((c) => c.name === 'U12')!.id;
    await act(async () => {
      await pageCall!('setAttributeValues', { target: { caseId: u12 }, name: 'Gravité (Alice)', values: [3] });
    });
    await flush(300);
    expect(result()).toContain('12 cas, dont 12 notés par au moins deux codeurs ; 42 valeurs appariables');
    await act(async () => {
      await pageCall!('setAttributeValues', { target: { caseId: u12 }, name: 'Gravité (Alice)', values: [] });
    });
    await flush(300);
    expect(result()).toContain('Alpha de Krippendorff de rapport (ratio) : 0,797');
  });

  it('says why words cannot be ranked', async () => {
    const view = await section();
    await click(labelled(view, 'Ton (Alice)'));
    await click(labelled(view, 'Ton (Bruno)'));
    await submit(view);
    expect(view.querySelector('[role="alert"]')?.textContent).toContain('« calme » n’est pas un nombre : un alpha ordinal a besoin de notes numériques');
    await click(labelled(view, 'Nominal'));
    await submit(view);
    expect(view.querySelector('[role="alert"]')).toBeNull();
    expect(view.querySelector('[data-testid="rating-agreement"]')?.textContent).toContain('Alpha de Krippendorff nominal');
  });
});
