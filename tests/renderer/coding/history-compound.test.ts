// The undo history's one-gesture commands, against the real contract over a real project file:
// "code all results" and "create a code from the picker and code with it" are one call and one
// undo step each, and their redo brings back the same GUIDs.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Code } from '../../../model/types.ts';
import { addCodingCommand, addCodingsCommand, addCodingWithNewCodeCommand, History } from '../../../renderer/coding/history.ts';
import { affectsInvalidation } from '../../../renderer/data/invalidation.ts';
import type { TresseApi } from '../../../service/contract/index.ts';
import { Workspace } from '../../../service/workspace.ts';
import { apiOf, contextOf } from '../../helpers/contract.ts';
import { addText, tempDir } from '../../helpers/project.ts';

const E1 = 'Le secret partagé ne pose aucun problème. Le secret médical, si.';
const E2 = 'En réunion, le secret est rappelé à chaque séance par la coordinatrice.';

let ws: Workspace;
let api: TresseApi;
let history: History;
let sources: { e1: number; e2: number };
let cl1: Code;

beforeEach(async () => {
  const dir = tempDir();
  ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
  api = apiOf(contextOf(ws));
  await api.createProject({ path: join(dir, 'etude.tresse'), grid: 'six-themes', coder: 'Camille' });
  // Texts stored directly: importing (a worker thread per file) is tested elsewhere.
  sources = { e1: addText(ws.project, 'E1', E1).id, e2: addText(ws.project, 'E2', E2).id };
  cl1 = (await api.listCodes()).find((c) => c.abbrev === 'CL1')!;
  history = new History(api, { confirm: () => true });
});
afterEach(() => ws.close());

const codingsOf = async (sourceId: number) => api.listCodings({ sourceId });
const allCodings = async () => [...(await codingsOf(sources.e1)), ...(await codingsOf(sources.e2))];

describe('code all results', () => {
  const hits = () => [
    { sourceId: sources.e1, codeId: cl1.id, start: 3, end: 9 },
    { sourceId: sources.e1, codeId: cl1.id, start: 45, end: 51 },
    { sourceId: sources.e2, codeId: cl1.id, start: 15, end: 21 },
  ];

  it('is one undo step that takes back every passage it coded; redo brings them back with their GUIDs', async () => {
    const made = (await history.run(addCodingsCommand(hits(), 'Secret professionnel')))!;
    expect(made).toHaveLength(3);
    expect(history.getSnapshot().undo).toEqual({ key: 'history.addCodings', params: { code: 'Secret professionnel', count: 3 } });
    await history.undo();
    expect(await allCodings()).toEqual([]);
    expect(history.canUndo()).toBe(false);

    await history.redo();
    const back = await allCodings();
    expect(back.map((c) => c.guid).sort()).toEqual(made.map((c) => c.guid).sort());
    // The re-created codings have new ids; undoing again still reaches them.
    await history.undo();
    expect(await allCodings()).toEqual([]);
  });

  it('codes nothing and records nothing when one passage is refused', async () => {
    const bad = [...hits(), { sourceId: sources.e2, codeId: cl1.id, start: 60, end: E2.length + 1 }];
    await expect(history.run(addCodingsCommand(bad, 'Secret professionnel'))).rejects.toThrow(/^Passage invalide/);
    expect(await allCodings()).toEqual([]);
    expect(history.canUndo()).toBe(false);
  });

  it("tells the views that count codings to fetch again; the sources' codings are written from the answers", () => {
    const keys = affectsInvalidation(addCodingsCommand(hits(), 'CL1').affects);
    expect(keys).toEqual(expect.arrayContaining([['listCodes'], ['listSources'], ['retrieve']]));
    expect(keys).not.toContainEqual(expect.arrayContaining(['listCodings']));
  });
});

describe('a code created from the picker', () => {
  const named = async (name: string) => (await api.listCodes()).filter((c) => c.name === name);

  it('is made with its coding in one step, undone as one, and redone with both GUIDs', async () => {
    const parent = (await api.listCodes()).find((c) => c.abbrev === 'CL')!;
    const coding = (await history.run(
      addCodingWithNewCodeCommand({ name: 'Secret médical', parentId: parent.id }, { sourceId: sources.e1, start: 42, end: 56, valence: '-' }),
    ))!;
    const [code] = await named('Secret médical');
    expect(code).toMatchObject({ id: coding.codeId, parentId: parent.id });

    await history.undo();
    expect(await named('Secret médical')).toEqual([]);
    expect(await allCodings()).toEqual([]);

    await history.redo();
    const [again] = await named('Secret médical');
    expect(again!.guid).toBe(code!.guid);
    expect(await codingsOf(sources.e1)).toEqual([expect.objectContaining({ guid: coding.guid, codeId: again!.id, valence: '-' })]);
    // A coding made afterwards with the re-created code is undone first, then the pair.
    await history.run(addCodingCommand({ sourceId: sources.e2, codeId: coding.codeId, start: 0, end: 10 }, 'Secret médical'));
    expect(await codingsOf(sources.e2)).toEqual([expect.objectContaining({ codeId: again!.id })]);
    await history.undo();
    await history.undo();
    expect(await named('Secret médical')).toEqual([]);
    expect(await allCodings()).toEqual([]);
  });

  it('leaves no code when the passage is refused', async () => {
    const before = await api.listCodes();
    await expect(
      history.run(addCodingWithNewCodeCommand({ name: 'Secret médical', parentId: null }, { sourceId: sources.e1, start: 42, end: 420 })),
    ).rejects.toThrow(/^Passage invalide/);
    expect(await api.listCodes()).toEqual(before);
    expect(history.canUndo()).toBe(false);
  });

  it('is not undone once the code has served outside the history, and nothing is lost', async () => {
    const coding = (await history.run(addCodingWithNewCodeCommand({ name: 'Secret médical', parentId: null }, { sourceId: sources.e1, start: 42, end: 56 })))!;
    await api.addCoding({ sourceId: sources.e2, codeId: coding.codeId, start: 0, end: 10 });
    await expect(history.undo()).rejects.toThrow('Le code « Secret médical » a servi depuis sa création');
    expect(await named('Secret médical')).toHaveLength(1);
    expect(await allCodings()).toHaveLength(2);
    expect(history.canUndo()).toBe(false);
  });
});
