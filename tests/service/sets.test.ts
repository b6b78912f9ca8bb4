import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../i18n/lang.ts';
import { resolveCode } from '../../service/codebook.ts';
import { deleteSource } from '../../service/sources.ts';
import { Workspace } from '../../service/workspace.ts';
import { callerOf, contextOf } from '../helpers/contract.ts';
import { addText, tempDir } from '../helpers/project.ts';

function project(lang: Lang = 'fr') {
  const dir = tempDir();
  const ws = new Workspace({ configDir: join(dir, 'config'), lang, autoBackup: false });
  ws.create(join(dir, 'etude.tresse'), { grid: 'six-themes', coder: 'Camille' });
  const e1 = addText(ws.project, 'Entretien Lyon 1', 'Premier entretien.');
  const e2 = addText(ws.project, 'Entretien Lyon 2', 'Deuxième entretien.');
  const e3 = addText(ws.project, 'Entretien Brest', 'Troisième entretien.');
  const cl1 = resolveCode(ws.project.db, 'CL1').id;
  const di1 = resolveCode(ws.project.db, 'DI1').id;
  return { ws, e1, e2, e3, cl1, di1, call: callerOf(contextOf(ws)) };
}

const rows = (ws: Workspace) => ({
  sets: ws.project.db.prepare('SELECT * FROM sets ORDER BY id').all(),
  sources: ws.project.db.prepare('SELECT * FROM set_sources ORDER BY set_id, source_id').all(),
  codes: ws.project.db.prepare('SELECT * FROM set_codes ORDER BY set_id, code_id').all(),
});

const value = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('sets of sources and of codes', () => {
  it('are created, renamed, described, filled, emptied and deleted through the contract', async () => {
    const { ws, e1, e2, e3, cl1, di1, call } = project();
    try {
      const lyon = value(await call('createSet', { kind: 'sources', name: '  Site Lyon ', sourceIds: [e2.id, e1.id, e1.id] }));
      expect(lyon).toMatchObject({ kind: 'sources', name: 'Site Lyon', description: '', memberIds: [e1.id, e2.id] });
      const secret = value(await call('createSet', { kind: 'codes', name: 'Question 1', codeIds: [cl1] }));
      // The same name may be used once per kind.
      const codesLyon = value(await call('createSet', { kind: 'codes', name: 'Site Lyon' }));
      expect(codesLyon.memberIds).toEqual([]);

      expect(value(await call('addSetMembers', { id: lyon.id, sourceIds: [e3.id, e1.id] })).memberIds).toEqual([e1.id, e2.id, e3.id]);
      expect(value(await call('removeSetMembers', { id: lyon.id, sourceIds: [e3.id] })).memberIds).toEqual([e1.id, e2.id]);
      expect(value(await call('addSetMembers', { id: secret.id, codeIds: [di1] })).memberIds).toEqual([cl1, di1].sort((a, b) => a - b));
      const renamed = value(await call('updateSet', { id: lyon.id, name: 'Vague 1', description: 'Entretiens de mars' }));
      expect(renamed).toMatchObject({ name: 'Vague 1', description: 'Entretiens de mars', guid: lyon.guid });

      expect(value(await call('listSets', { kind: 'sources' })).map((s) => s.name)).toEqual(['Vague 1']);
      expect(value(await call('listSets', {})).map((s) => `${s.kind}:${s.name}`)).toEqual(['sources:Vague 1', 'codes:Question 1', 'codes:Site Lyon']);

      // A source deleted leaves its sets, without it.
      deleteSource(ws.project, e1.id);
      expect(value(await call('listSets', { kind: 'sources' }))[0]!.memberIds).toEqual([e2.id]);

      value(await call('deleteSet', { id: lyon.id }));
      expect(rows(ws).sources).toEqual([]);
      expect(value(await call('listSets', {})).map((s) => s.name)).toEqual(['Question 1', 'Site Lyon']);
    } finally {
      ws.close();
    }
  });

  it('refuses bad input in French and changes nothing', async () => {
    const { ws, e1, cl1, call } = project();
    try {
      const lyon = value(await call('createSet', { kind: 'sources', name: 'Site Lyon', sourceIds: [e1.id] }));
      value(await call('createSet', { kind: 'codes', name: 'Question 1', codeIds: [cl1] }));
      const before = rows(ws);
      const refusals: [Promise<{ ok: boolean; error?: { code: string; message: string } }>, string, string][] = [
        [call('createSet', { kind: 'sources', name: '   ' }), 'set.nameEmpty', 'Donnez un nom à l’ensemble.'],
        [call('createSet', { kind: 'sources', name: 'site lyon' }), 'set.exists', 'Un ensemble de sources s’appelle déjà « site lyon ».'],
        [call('updateSet', { id: lyon.id, name: '' }), 'set.nameEmpty', 'Donnez un nom à l’ensemble.'],
        [call('updateSet', { id: 999, name: 'X' }), 'set.notFound', 'Ensemble introuvable : 999'],
        [call('deleteSet', { id: 999 }), 'set.notFound', 'Ensemble introuvable : 999'],
        [call('addSetMembers', { id: lyon.id, codeIds: [cl1] }), 'set.wrongKind', 'L’ensemble « Site Lyon » regroupe des sources, pas des codes.'],
        [call('addSetMembers', { id: lyon.id, sourceIds: [e1.id, 999] }), 'source.notFound', 'Source introuvable : 999'],
        [call('createSet', { kind: 'codes', name: 'Q2', codeIds: [cl1, 999] }), 'code.notFound', 'Code introuvable : 999'],
        [call('createSet', { kind: 'codes', name: 'Q2', sourceIds: [e1.id] }), 'set.wrongKind', 'L’ensemble « Q2 » regroupe des codes, pas des sources.'],
        [call('removeSetMembers', { id: lyon.id, codeIds: [cl1] }), 'set.wrongKind', 'L’ensemble « Site Lyon » regroupe des sources, pas des codes.'],
      ];
      for (const [pending, code, message] of refusals) {
        const r = await pending;
        expect(r).toMatchObject({ ok: false, error: { code, message } });
      }
      expect(rows(ws)).toEqual(before);
    } finally {
      ws.close();
    }
  });

  it('says it in English to an English-speaking user', async () => {
    const { ws, e1, call } = project('en');
    try {
      const lyon = value(await call('createSet', { kind: 'sources', name: 'Site Lyon', sourceIds: [e1.id] }));
      expect(await call('createSet', { kind: 'sources', name: 'SITE LYON' })).toMatchObject({
        ok: false,
        error: { message: 'A set of sources named "SITE LYON" already exists.' },
      });
      expect(await call('addSetMembers', { id: lyon.id, codeIds: [1] })).toMatchObject({
        ok: false,
        error: { message: 'The set "Site Lyon" groups sources, not codes.' },
      });
    } finally {
      ws.close();
    }
  });
});
