// Extending a coding from the undo history, on a real project through the contract: one step that
// undo takes back whole (both codings back, each with its memo) and redo does again, and older
// steps still reach the codings it brought back under new ids.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCodingCommand, extendCodingCommand, History } from '../../../renderer/coding/history.ts';
import { resolveCode } from '../../../service/codebook.ts';
import { Workspace } from '../../../service/workspace.ts';
import { apiOf, contextOf } from '../../helpers/contract.ts';
import { addText, tempDir } from '../../helpers/project.ts';

const TEXT = 'Le secret partagé ne pose aucun problème. Le secret médical, si.';

describe('the extend command', () => {
  it('is one undo step, undone with the memos back in place and redone with the same identity', async () => {
    const dir = tempDir();
    const ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
    try {
      ws.create(join(dir, 'etude.tresse'), { grid: 'six-themes', coder: 'Camille' });
      const source = addText(ws.project, 'E1', TEXT);
      const codeId = resolveCode(ws.project.db, 'CL1').id;
      const api = apiOf(contextOf(ws));
      const history = new History(api);
      const ranges = async () => (await api.listCodings({ sourceId: source.id })).map((k) => [k.start, k.end, k.memo]);

      const first = (await history.run(addCodingCommand({ sourceId: source.id, codeId, start: 0, end: 17, memo: 'début' }, 'CL1')))!;
      await expect(history.run(addCodingCommand({ sourceId: source.id, codeId, start: 10, end: 41 }, 'CL1'))).rejects.toMatchObject({
        code: 'coding.overlaps',
      });
      const union = (await history.run(extendCodingCommand({ sourceId: source.id, codeId, start: 10, end: 41 }, 'CL1')))!;
      expect(await ranges()).toEqual([[0, 41, 'début']]);

      await history.undo();
      expect(await ranges()).toEqual([[0, 17, 'début']]);
      await history.redo();
      const [again] = await api.listCodings({ sourceId: source.id });
      expect(again).toMatchObject({ guid: union.guid, start: 0, end: 41, memo: 'début' });

      // Back to before the first coding: the extension's undo gave it a new id, which the first step follows.
      await history.undo();
      await history.undo();
      expect(await ranges()).toEqual([]);
      await history.redo();
      expect((await api.listCodings({ sourceId: source.id }))[0]).toMatchObject({ guid: first.guid, start: 0, end: 17 });
    } finally {
      ws.close();
    }
  });
});
