// The command line finds a method through service/contract/method-groups.ts, loading its feature
// file alone: every method of the contract must be listed there, under the group that declares it,
// and found as the very declaration index.ts holds; calls still start in the order they were made.
import { describe, expect, it } from 'vitest';
import { callMethod } from '../../service/contract/call.ts';
import { API_METHODS, contract } from '../../service/contract/index.ts';
import { listedGroup, methodNamed } from '../../service/contract/method-groups.ts';
import { Workspace } from '../../service/workspace.ts';
import { tempDir } from '../helpers/project.ts';

describe('the contract’s methods by group', () => {
  it('lists every method, and finds each as index.ts declares it', async () => {
    const unlisted = API_METHODS.filter((name) => listedGroup(name) === undefined);
    expect(unlisted, 'add these to METHODS in service/contract/method-groups.ts').toEqual([]);
    for (const name of API_METHODS) expect(await methodNamed(name), name).toBe(contract[name]);
  });

  it('finds nothing for a name the contract lacks, inherited ones included', async () => {
    for (const name of ['noSuchMethod', 'toString', '__proto__', 'constructor']) expect(await methodNamed(name), name).toBeUndefined();
  });

  it('answers calls in the order they were made, and refuses an unknown method in words', async () => {
    const ws = new Workspace({ configDir: tempDir(), lang: 'fr', autoBackup: false, keepRecent: false });
    const ctx = { ws, hooks: { shell: 'cli' as const } };
    const order: string[] = [];
    await Promise.all(['listGrids', 'listSources', 'getSession'].map((m, i) => callMethod(m, {}, ctx).then((r) => order.push(`${i}:${String(r.ok)}`))));
    // listSources is refused (no project open), after listGrids whose group loaded first.
    expect(order).toEqual(['0:true', '1:false', '2:true']);
    const unknown = await callMethod('noSuchMethod', {}, ctx);
    expect(unknown.ok).toBe(false);
    ws.close();
  });
});
