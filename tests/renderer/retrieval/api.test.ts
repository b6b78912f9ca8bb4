// The Extraits tab's call as the panel makes it (checked, dispatched, unwrapped as both shells do),
// on the demo project: a page of the excerpts `retrieve` lists, in the same order, with the total.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiMethod, ArgsOf, ResultOf } from '../../../service/contract/index.ts';
import { createDemoProject } from '../../../service/demo.ts';
import { callerOf, contextOf } from '../../helpers/contract.ts';
import { Workspace } from '../../../service/workspace.ts';

let dir: string;
let ws: Workspace;

async function call<M extends ApiMethod>(method: M, arg: ArgsOf<M> | Record<string, unknown>): Promise<ResultOf<M>> {
  const result = await callerOf(contextOf(ws))(method, arg);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tresse-retrieval-api-'));
  const path = join(dir, 'demo.tresse');
  await createDemoProject(path);
  ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
  ws.open(path);
}, 60_000);
afterAll(() => {
  ws?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('retrievePage', () => {
  it('gives the panel a page of what retrieve lists, in the same order, and how many there are', async () => {
    const codes = await call('listCodes', {});
    const theme = codes.find((c) => c.parentId === null && codes.some((d) => d.parentId === c.id))!;
    const filter = { codeId: theme.id, includeSubcodes: true };
    const all = await call('retrieve', filter);
    expect(all.length).toBeGreaterThan(3);
    const first = await call('retrievePage', { ...filter, offset: 0, limit: 3 });
    expect(first.total).toBe(all.length);
    expect(first.excerpts).toEqual(all.slice(0, 3));
    const longer = await call('retrievePage', { ...filter, offset: 0, limit: 3 + 50 });
    expect(longer.excerpts).toEqual(all.slice(0, 53));
    await expect(call('retrievePage', { ...filter, limit: -1 })).rejects.toThrow();
  });
});
