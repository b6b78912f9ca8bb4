// Renaming, retyping and deleting an attribute through the contract, as every front end calls it:
// the arguments are checked, the refusals are worded in the workspace's language, and a retype's
// preview writes nothing until the same call is made without it.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../i18n/lang.ts';
import { Workspace } from '../../service/workspace.ts';
import { callerOf, contextOf } from '../helpers/contract.ts';
import { tempDir } from '../helpers/project.ts';

const open: Workspace[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

function workspace(lang: Lang) {
  const dir = tempDir();
  const ws = new Workspace({ configDir: join(dir, 'config'), lang, autoBackup: false });
  open.push(ws);
  ws.create(join(dir, 'etude.tresse'), { grid: 'empty', coder: 'Camille' });
  return callerOf(contextOf(ws));
}

async function ok<T>(answer: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await answer;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('attribute changes through the contract', () => {
  it('renames, previews a retype, retypes and deletes, with refusals in the user’s language', async () => {
    for (const lang of ['fr', 'en'] as const) {
      const call = workspace(lang);
      const p1 = await ok(call('createCase', { name: 'P1' }));
      const p2 = await ok(call('createCase', { name: 'P2' }));
      const mode = await ok(call('defineAttribute', { name: 'mode', type: 'text' }));
      const place = await ok(call('defineAttribute', { name: 'lieu', type: 'text' }));
      await ok(call('setCaseAttributes', { caseId: p1.id, values: [{ name: 'mode', values: ['12/03/2026'] }] }));
      await ok(call('setCaseAttributes', { caseId: p2.id, values: [{ name: 'mode', values: ['visio'] }] }));

      const taken = await call('renameAttribute', { id: place.id, name: 'Mode' });
      expect(taken).toMatchObject({ ok: false, error: { code: 'attribute.nameTaken' } });
      if (!taken.ok)
        expect(taken.error.message).toBe(
          lang === 'fr'
            ? 'Un attribut s’appelle déjà « Mode ». Choisissez un autre nom ; rien n’a été modifié.'
            : 'An attribute named "Mode" already exists. Choose another name; nothing was changed.',
        );
      expect(await call('retypeAttribute', { id: mode.id, type: 'colour' })).toMatchObject({ ok: false, error: { code: 'value.invalid' } });

      await ok(call('renameAttribute', { id: mode.id, name: 'date de l’entretien' }));
      const preview = await ok(call('retypeAttribute', { id: mode.id, type: 'date', preview: true }));
      expect(preview).toMatchObject({ applied: false, converted: 1, unconvertible: [{ owner: 'P2', caseId: p2.id, value: 'visio' }] });
      expect((await ok(call('listCases', {}))).map((c) => c.attributes)).toEqual([
        { 'date de l’entretien': ['12/03/2026'] },
        { 'date de l’entretien': ['visio'] },
      ]);

      await ok(call('retypeAttribute', { id: mode.id, type: 'date' }));
      expect((await ok(call('listCases', {}))).map((c) => c.attributes)).toEqual([{ 'date de l’entretien': ['2026-03-12'] }, {}]);

      expect(await ok(call('deleteAttribute', { id: mode.id }))).toMatchObject({ values: 1 });
      expect((await ok(call('listAttributes', {}))).map((a) => a.name)).toEqual(['lieu']);
      const gone = await call('deleteAttribute', { id: mode.id });
      expect(gone).toMatchObject({ ok: false, error: { code: 'attribute.idNotFound' } });
      if (!gone.ok)
        expect(gone.error.message).toMatch(lang === 'fr' ? /^Cet attribut \(n° \d+\) n’existe plus/ : /^This attribute \(no\. \d+\) no longer exists/);
    }
  });
});
