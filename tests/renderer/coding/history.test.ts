import { describe, expect, it } from 'vitest';
import {
  addCodeCommand,
  addCodingCommand,
  addCodingWithNewCodeCommand,
  deleteCodeCommand,
  History,
  mergeCodesCommand,
  moveCodeCommand,
  removeCodingCommand,
  updateCodeCommand,
} from '../../../renderer/coding/history.ts';
import { FakeApi } from './fake-api.ts';

async function setup(confirm = true) {
  const api = new FakeApi();
  const grid = await api.addCode({ name: 'Cadre légal', abbrev: 'CL' });
  const secret = await api.addCode({ name: 'Secret professionnel', parentId: grid.id, abbrev: 'CL1', color: '#0072b2' });
  const consent = await api.addCode({ name: 'Soins sans consentement', parentId: grid.id, abbrev: 'CL2' });
  const history = new History(api, { confirm: () => confirm });
  return { api, history, grid, secret, consent };
}

describe('undo history', () => {
  it('undoes a coding and redoes it with the same GUID', async () => {
    const { api, history, secret } = await setup();
    const coding = (await history.run(addCodingCommand({ sourceId: 1, codeId: secret.id, start: 10, end: 40 }, 'CL1')))!;
    expect(api.codings.size).toBe(1);
    await history.undo();
    expect(api.codings.size).toBe(0);
    expect(history.canRedo()).toBe(true);
    await history.redo();
    const [again] = [...api.codings.values()];
    expect(again).toMatchObject({ guid: coding.guid, start: 10, end: 40, codeId: secret.id });
    // The re-created coding has a new id; undoing again still finds it.
    await history.undo();
    expect(api.codings.size).toBe(0);
  });

  it('restores a removed coding with its GUID, range, code, valence, kind and memo', async () => {
    const { api, history, secret } = await setup();
    const original = await api.addCoding({
      sourceId: 2,
      codeId: secret.id,
      start: 5,
      end: 25,
      valence: '-',
      segmentKind: 'paraphrase',
      memo: 'vécu comme violent en atelier',
    });
    await history.run(removeCodingCommand(original, 'CL1'));
    expect(api.codings.size).toBe(0);
    await history.undo();
    const [restored] = [...api.codings.values()];
    const { id: _id, ...rest } = original;
    expect(restored).toMatchObject(rest);
    // Redo removes the restored one, though its id changed.
    await history.redo();
    expect(api.codings.size).toBe(0);
  });

  it('undoes and redoes code creation, renaming and moving, in last-in-first-out order', async () => {
    const { api, history, grid, secret, consent } = await setup();
    const created = (await history.run(addCodeCommand({ name: 'Partage d’informations', parentId: grid.id })))!;
    await history.run(updateCodeCommand(secret.id, { name: 'Secret partagé', color: '#d55e00' }, 'CL1'));
    await history.run(moveCodeCommand(consent.id, null, undefined, 'CL2'));
    expect(api.codes.get(consent.id)!.parentId).toBeNull();
    expect(api.codes.get(secret.id)!.name).toBe('Secret partagé');

    await history.undo(); // move
    expect(api.codes.get(consent.id)!.parentId).toBe(grid.id);
    expect(api.siblings(grid.id).map((c) => c.name)).toEqual(['Secret partagé', 'Soins sans consentement', 'Partage d’informations']);
    await history.undo(); // rename
    expect(api.codes.get(secret.id)).toMatchObject({ name: 'Secret professionnel', color: '#0072b2' });
    await history.undo(); // create
    expect([...api.codes.values()].some((c) => c.guid === created.guid)).toBe(false);
    expect(history.canUndo()).toBe(false);

    await history.redo();
    await history.redo();
    await history.redo();
    const recreated = [...api.codes.values()].find((c) => c.guid === created.guid)!;
    expect(recreated.id).not.toBe(created.id);
    expect(api.codes.get(secret.id)!.name).toBe('Secret partagé');
    expect(api.codes.get(consent.id)!.parentId).toBeNull();
  });

  it('follows a re-created code into the codings made with it', async () => {
    const { api, history, grid } = await setup();
    const code = (await history.run(addCodeCommand({ name: 'Précarité', parentId: grid.id })))!;
    await history.run(addCodingCommand({ sourceId: 1, codeId: code.id, start: 0, end: 8 }, 'Précarité'));
    await history.undo();
    await history.undo();
    expect(api.codings.size).toBe(0);
    await history.redo();
    await history.redo();
    const newCode = [...api.codes.values()].find((c) => c.guid === code.guid)!;
    expect([...api.codings.values()][0]!.codeId).toBe(newCode.id);
  });

  it('a new command clears what could be redone', async () => {
    const { history, secret } = await setup();
    await history.run(addCodingCommand({ sourceId: 1, codeId: secret.id, start: 0, end: 4 }, 'CL1'));
    await history.undo();
    await history.run(addCodingCommand({ sourceId: 1, codeId: secret.id, start: 5, end: 9 }, 'CL1'));
    expect(history.canRedo()).toBe(false);
    expect(history.getSnapshot().undo).toMatchObject({ key: 'history.addCoding', params: { code: 'CL1' } });
  });

  it('asks before merging or deleting, and then empties the history', async () => {
    const { api, history, secret, consent } = await setup();
    await history.run(addCodingCommand({ sourceId: 1, codeId: secret.id, start: 0, end: 4 }, 'CL1'));
    await history.run(mergeCodesCommand(consent.id, secret.id, { from: 'CL2', into: 'CL1' }));
    expect(api.codes.has(consent.id)).toBe(false);
    expect(history.canUndo()).toBe(false);
    expect(history.canRedo()).toBe(false);
    expect(await history.undo()).toBeNull();
  });

  it('does nothing irreversible when the user declines', async () => {
    const { api, history, secret } = await setup(false);
    await history.run(addCodingCommand({ sourceId: 1, codeId: secret.id, start: 0, end: 4 }, 'CL1'));
    expect(await history.run(deleteCodeCommand(secret.id, 'CL1'))).toBeNull();
    expect(api.codes.has(secret.id)).toBe(true);
    expect(history.canUndo()).toBe(true);
  });

  it('runs quick successive undos one after the other', async () => {
    const { api, history, secret } = await setup();
    for (let i = 0; i < 3; i++) await history.run(addCodingCommand({ sourceId: 1, codeId: secret.id, start: i, end: i + 5 }, 'CL1'));
    await Promise.all([history.undo(), history.undo(), history.undo()]);
    expect(api.codings.size).toBe(0);
    expect(history.getSnapshot()).toMatchObject({ undo: null, busy: false });
    expect(history.getSnapshot().redo).not.toBeNull();
  });

  it('drops a command that can no longer be undone and reports the failure', async () => {
    const { api, history, secret } = await setup();
    const coding = (await history.run(addCodingCommand({ sourceId: 1, codeId: secret.id, start: 0, end: 4 }, 'CL1')))!;
    api.codings.delete(coding.id); // removed elsewhere
    await expect(history.undo()).rejects.toThrow();
    expect(history.canUndo()).toBe(false);
  });
});

describe('a code created from the picker', () => {
  it('is undone and redone together with its coding, as one step', async () => {
    const { api, history, grid } = await setup();
    const coding = (await history.run(
      addCodingWithNewCodeCommand({ name: 'Précarité', parentId: grid.id }, { sourceId: 1, start: 3, end: 30, valence: '+' }),
    ))!;
    const code = api.codes.get(coding.codeId)!;
    expect(code.name).toBe('Précarité');
    await history.undo();
    expect(api.codings.size).toBe(0);
    expect([...api.codes.values()].some((c) => c.name === 'Précarité')).toBe(false);
    await history.redo();
    const [again] = [...api.codings.values()];
    expect(again).toMatchObject({ guid: coding.guid, valence: '+' });
    expect(api.codes.get(again!.codeId)).toMatchObject({ guid: code.guid, parentId: grid.id });
  });
});
