// One coding per coder, code and passage, through the contract on a real project file: a passage
// inside one's own coding of that code is refused, an overlapping one is offered the union, and
// the extension is undone and redone whole, memos included. Other coders stay free to code the
// same words: that is what agreement is measured on.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../i18n/lang.ts';
import { resolveCode } from '../../service/codebook.ts';
import { Workspace } from '../../service/workspace.ts';
import { apiOf, callerOf, contextOf } from '../helpers/contract.ts';
import { addText, tempDir } from '../helpers/project.ts';

const TEXT = 'Le secret partagé ne pose aucun problème. Le secret médical, si. Le secret, toujours le secret.';
// Code-point ranges in TEXT.
const SENTENCE = { start: 0, end: 41 }; // « Le secret partagé ne pose aucun problème. »
const INSIDE = { start: 3, end: 17 }; // « secret partagé »
const NEXT = { start: 42, end: 64 }; // « Le secret médical, si. »
const ACROSS = { start: 26, end: 51 }; // « aucun problème. Le secret »

function project(lang: Lang = 'fr') {
  const dir = tempDir();
  const ws = new Workspace({ configDir: join(dir, 'config'), lang, autoBackup: false });
  ws.create(join(dir, 'etude.tresse'), { grid: 'six-themes', coder: 'Camille' });
  const e1 = addText(ws.project, 'E1', TEXT);
  const cl1 = resolveCode(ws.project.db, 'CL1').id;
  const di1 = resolveCode(ws.project.db, 'DI1').id;
  const ctx = contextOf(ws);
  return { ws, e1, cl1, di1, call: callerOf(ctx), api: apiOf(ctx) };
}

const rows = (ws: Workspace) => ({
  codings: ws.project.db.prepare('SELECT * FROM codings ORDER BY id').all(),
  memos: ws.project.db.prepare('SELECT * FROM memos ORDER BY id').all(),
});

describe('one coding per coder, code and passage', () => {
  it('refuses a passage inside my coding of the same code, in my language, and changes nothing', async () => {
    const { ws, e1, cl1, call } = project();
    try {
      await call('addCoding', { sourceId: e1.id, codeId: cl1, ...SENTENCE });
      const before = rows(ws);
      for (const range of [SENTENCE, INSIDE]) {
        const refused = await call('addCoding', { sourceId: e1.id, codeId: cl1, ...range, memo: 'encore' });
        expect(refused).toMatchObject({ ok: false, error: { code: 'coding.alreadyCoded' } });
        expect(!refused.ok && refused.error.message).toBe(
          `Ce passage est déjà dans l’un de vos codages « Secret professionnel et partage d'informations » (« Le secret partagé ne pose aucun problème. ») : rien n’a été ajouté.`,
        );
      }
      // The batch of code-all-hits: one passage already coded, and none of the others is coded.
      const batch = await call('addCodings', {
        codings: [
          { sourceId: e1.id, codeId: cl1, ...NEXT },
          { sourceId: e1.id, codeId: cl1, ...INSIDE },
        ],
      });
      expect(batch).toMatchObject({ ok: false, error: { code: 'coding.alreadyCoded' } });
      // Extending a passage already held has nothing to extend: refused the same way.
      expect(await call('extendCoding', { sourceId: e1.id, codeId: cl1, ...INSIDE })).toMatchObject({ ok: false, error: { code: 'coding.alreadyCoded' } });
      expect(rows(ws)).toEqual(before);
    } finally {
      ws.close();
    }
  });

  it('says it in English to an English-speaking user', async () => {
    const { ws, e1, cl1, call } = project('en');
    try {
      await call('addCoding', { sourceId: e1.id, codeId: cl1, ...SENTENCE });
      const refused = await call('addCoding', { sourceId: e1.id, codeId: cl1, ...INSIDE });
      expect(!refused.ok && refused.error.message).toBe(
        `This passage is already inside one of your "Secret professionnel et partage d'informations" codings ("Le secret partagé ne pose aucun problème."): nothing was added.`,
      );
    } finally {
      ws.close();
    }
  });

  it('lets another code, another coder and the passage next to it be coded', async () => {
    const { ws, e1, cl1, di1, call } = project();
    try {
      await call('addCoding', { sourceId: e1.id, codeId: cl1, ...SENTENCE });
      expect(await call('addCoding', { sourceId: e1.id, codeId: di1, ...INSIDE })).toMatchObject({ ok: true });
      expect(await call('addCoding', { sourceId: e1.id, codeId: cl1, ...NEXT })).toMatchObject({ ok: true });
      await call('switchCoder', { name: 'Léo' });
      // Léo coding Camille's passage again is agreement data, not a duplicate.
      expect(await call('addCoding', { sourceId: e1.id, codeId: cl1, ...SENTENCE })).toMatchObject({ ok: true });
      expect(await call('addCoding', { sourceId: e1.id, codeId: cl1, ...INSIDE })).toMatchObject({ ok: false, error: { code: 'coding.alreadyCoded' } });
      const codings = await call('listCodings', { sourceId: e1.id });
      expect(codings.ok && codings.value.map((k) => [k.codeId === cl1 ? 'CL1' : 'DI1', k.start, k.end])).toEqual([
        ['CL1', 0, 41],
        ['CL1', 0, 41],
        ['DI1', 3, 17],
        ['CL1', 42, 64],
      ]);
    } finally {
      ws.close();
    }
  });

  it('offers the union for an overlapping passage, extends to it keeping the memos, and undoes it whole', async () => {
    const { ws, e1, cl1, call, api } = project();
    try {
      const first = await api.addCoding({ sourceId: e1.id, codeId: cl1, ...SENTENCE, memo: 'premier', valence: '+' });
      const second = await api.addCoding({ sourceId: e1.id, codeId: cl1, ...NEXT, memo: 'second' });
      await api.saveMemo({ target: { kind: 'coding', id: second.id }, title: 'Relecture', text: 'à discuter' });
      const before = rows(ws);

      const refused = await call('addCoding', { sourceId: e1.id, codeId: cl1, ...ACROSS });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'coding.overlaps', params: { count: 2, start: 0, end: 64, ids: `${first.id},${second.id}` } },
      });
      expect(!refused.ok && refused.error.message).toBe(
        `Ce passage chevauche 2 de vos codages « Secret professionnel et partage d'informations » : rien n’a été ajouté. Pour n’en garder qu’un, étendez le codage existant à « Le secret partagé ne pose aucun problème. Le secret médical, si. » (--extend en ligne de commande).`,
      );
      expect(rows(ws)).toEqual(before);

      const extended = await api.extendCoding({ sourceId: e1.id, codeId: cl1, ...ACROSS });
      expect(extended.coding).toMatchObject({ start: 0, end: 64, valence: '+' });
      expect(extended.replaced.map((r) => r.guid)).toEqual([first.guid, second.guid]);
      expect((await api.listCodings({ sourceId: e1.id })).map((k) => [k.start, k.end])).toEqual([[0, 64]]);
      const memosOn = async (id: number) => (await api.listMemos({})).filter((m) => m.target.kind === 'coding' && m.target.id === id).map((m) => m.text);
      expect((await memosOn(extended.coding.id)).sort()).toEqual(['premier', 'second', 'à discuter'].sort());
      // Counted once where it was counted twice.
      const excerpts = await api.retrieve({ codeId: cl1 });
      expect(excerpts.map((x) => x.text)).toEqual(['Le secret partagé ne pose aucun problème. Le secret médical, si.']);

      // Undo: the two codings come back with their identity and their own memos.
      const back = await api.undoExtendCoding({ id: extended.coding.id, replaced: extended.replaced });
      expect(back.map((k) => [k.guid, k.start, k.end, k.valence])).toEqual([
        [first.guid, 0, 41, '+'],
        [second.guid, 42, 64, null],
      ]);
      expect(await memosOn(back[0]!.id)).toEqual(['premier']);
      expect((await memosOn(back[1]!.id)).sort()).toEqual(['second', 'à discuter'].sort());
      const after = rows(ws);
      const identity = (r: Record<string, unknown>) => ({ ...r, id: undefined, coding_id: undefined });
      expect(after.codings.map((r) => identity(r as Record<string, unknown>))).toEqual(before.codings.map((r) => identity(r as Record<string, unknown>)));
      expect(after.memos.map((r) => identity(r as Record<string, unknown>))).toEqual(before.memos.map((r) => identity(r as Record<string, unknown>)));

      // Redo keeps the union's identity.
      const again = await api.extendCoding({ sourceId: e1.id, codeId: cl1, ...ACROSS, guid: extended.coding.guid });
      expect(again.coding.guid).toBe(extended.coding.guid);
      expect(again.replaced.map((r) => r.guid)).toEqual([first.guid, second.guid]);
    } finally {
      ws.close();
    }
  });

  it('refuses an undo of an extension that does not fit the coding it names, and changes nothing', async () => {
    const { ws, e1, cl1, api, call } = project();
    try {
      await api.addCoding({ sourceId: e1.id, codeId: cl1, ...INSIDE });
      const extended = await api.extendCoding({ sourceId: e1.id, codeId: cl1, ...SENTENCE });
      const before = rows(ws);
      const bad = await call('undoExtendCoding', { id: extended.coding.id, replaced: [{ ...extended.replaced[0]!, end: 80 }] });
      expect(bad).toMatchObject({ ok: false, error: { code: 'coding.range' } });
      expect(rows(ws)).toEqual(before);
    } finally {
      ws.close();
    }
  });
});
