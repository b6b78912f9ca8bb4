// Importing a batch the way the import dialog does it, through the contract: each file's kind is
// guessed from its content and its name proposed before anything is written, then each file is
// imported with its own name, kind and case (an existing one or a new one, made with the source).
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../service/contract/index.ts';
import { Workspace } from '../../service/workspace.ts';
import { callerOf, contextOf } from '../helpers/contract.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

const INTERVIEW = `Enquêtrice : Depuis quand participez-vous à la cellule ?
Mme K. : Depuis sa création, en 2019. Au début je venais surtout pour les expulsions.
Enquêtrice : Et aujourd'hui ?
Mme K. : Je viens pour comprendre, et pour que les voisins soient entendus.
Enquêtrice : Qu'est-ce qui a changé pour vous ?
Mme K. : Je sais qui appeler, le secret partagé ne me fait plus peur.
`;

const NOTEBOOK = `Carnet de bord

4 mars 2024 — Premier échange avec la coordinatrice du CLSM.

11 mars 2024 — Réunion de la cellule, j'observe depuis le fond de la salle.

19 mars 2024 — Relance du bailleur, pas de réponse. Idée : coder la « peur du voisinage ».
`;

let dir: string;
let ws: Workspace;
const call = <T>(method: string, arg: unknown) => callerOf(contextOf(ws))(method as never, arg as never) as Promise<ApiResult<T>>;
async function value<T>(p: Promise<ApiResult<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tresse-import-batch-'));
  ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false, documentsDir: dir });
  await value(call('createProject', { path: join(dir, 'etude.tresse'), grid: 'empty', coder: 'Camille' }));
});
afterEach(() => {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Guess {
  fileName: string;
  name: string;
  kind: string;
}
interface Summary {
  id: number;
  name: string;
  kind: string;
  caseIds: number[];
}

describe('a batch of files imported one by one, each with its own name, kind and case', () => {
  it('guesses each kind from the content and proposes a name without the encoding suffix, writing nothing', async () => {
    const before = readdirSync(dir).sort();
    const interview = await value(call<Guess>('guessImport', { fileName: 'E8-partenord.cp1252.txt', bytes: latin1(INTERVIEW) }));
    const notebook = await value(call<Guess>('guessImport', { fileName: 'notes terrain.txt', bytes: enc(NOTEBOOK) }));
    expect(interview).toEqual({ fileName: 'E8-partenord.cp1252.txt', name: 'E8-partenord', kind: 'interview' });
    expect(notebook).toEqual({ fileName: 'notes terrain.txt', name: 'notes terrain', kind: 'notebook' });
    expect(await value(call<Summary[]>('listSources', {}))).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('refuses to guess a file the import would refuse, with the import’s words', async () => {
    const r = await call('guessImport', { fileName: 'vide.txt', bytes: new Uint8Array() });
    expect(r).toMatchObject({ ok: false, error: { code: 'import.empty' } });
  });

  it('imports each file with the name, kind and case chosen for it; two files may share a new case', async () => {
    const existing = await value(call<{ id: number }>('createCase', { name: 'P2' }));
    const a = await value(
      call<{ source: Summary }>('importSource', {
        fileName: 'E8-partenord.cp1252.txt',
        bytes: enc(INTERVIEW),
        kind: 'interview',
        name: 'Entretien Mme K.',
        newCase: 'Mme K.',
      }),
    );
    const b = await value(call<{ source: Summary }>('importSource', { fileName: 'notes.txt', bytes: enc(NOTEBOOK), kind: 'notebook', newCase: 'Mme K.' }));
    const c = await value(
      call<{ source: Summary }>('importSource', {
        fileName: 'autre.txt',
        bytes: enc('Un document sans date ni tour de parole.'),
        kind: 'document',
        caseIds: [existing.id],
      }),
    );
    const cases = await value(call<{ id: number; name: string; sourceIds: number[] }[]>('listCases', {}));
    const mmeK = cases.find((x) => x.name === 'Mme K.')!;
    expect(cases.map((x) => x.name).sort()).toEqual(['Mme K.', 'P2']);
    const sources = await value(call<Summary[]>('listSources', {}));
    expect(sources.map((s) => [s.name, s.kind, s.caseIds])).toEqual(
      expect.arrayContaining([
        ['Entretien Mme K.', 'interview', [mmeK.id]],
        ['notes', 'notebook', [mmeK.id]],
        ['autre', 'document', [existing.id]],
      ]),
    );
    expect([a.source.id, b.source.id, c.source.id].every((id) => sources.some((s) => s.id === id))).toBe(true);
  });

  it('a refused file leaves the project as it was: its new case is not created', async () => {
    await value(call('importSource', { fileName: 'notes.txt', bytes: enc(NOTEBOOK), kind: 'notebook' }));
    const r = await call('importSource', { fileName: 'copie.txt', bytes: enc(NOTEBOOK), kind: 'notebook', newCase: 'Personne' });
    expect(r).toMatchObject({ ok: false, error: { code: 'import.duplicate' } });
    expect(await value(call<unknown[]>('listCases', {}))).toEqual([]);
    expect(await value(call<Summary[]>('listSources', {}))).toHaveLength(1);
  });
});

describe('the coder’s name', () => {
  it('is required to create a project: an empty or missing name is refused in French and English, and nothing is created', async () => {
    for (const [lang, coder] of [
      ['fr', ''],
      ['en', '   '],
      ['fr', undefined],
    ] as const) {
      ws.lang = lang;
      const path = join(dir, `vide-${lang}-${String(coder?.length)}.tresse`);
      const r = await call('createProject', { path, grid: 'empty', ...(coder === undefined ? {} : { coder }) });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('coder.empty');
      expect(r.error.message).toMatch(lang === 'fr' ? /Indiquez votre nom de codeur ou codeuse/ : /Enter your coder name/);
      expect(existsSync(path)).toBe(false);
      expect(readdirSync(dir).filter((f) => f.startsWith('vide'))).toEqual([]);
    }
  });

  it('cannot be switched to an empty name', async () => {
    expect(await call('switchCoder', { name: ' ' })).toMatchObject({ ok: false, error: { code: 'coder.empty' } });
  });

  it('is asked when a person opens a project this machine never coded in, then remembered for the next opening', async () => {
    const path = join(dir, 'etude.tresse');
    // Who created it said who codes.
    expect((await value(call<{ project: { askCoder?: boolean } }>('getSession', {}))).project.askCoder).toBeUndefined();
    ws.close();
    // Another person's machine: a configuration folder of their own.
    ws = new Workspace({ configDir: join(dir, 'config-other'), lang: 'fr', autoBackup: false, documentsDir: dir });
    const opened = await value(call<{ askCoder?: boolean; coder: { name: string }; coders: { name: string }[] }>('openProject', { path }));
    expect(opened.askCoder).toBe(true);
    expect(opened.coders.map((c) => c.name)).toEqual(['Camille']);
    const session = await value(call<{ project: { askCoder?: boolean } }>('getSession', {}));
    expect(session.project.askCoder).toBe(true);
    expect(await value(call<{ name: string }>('switchCoder', { name: 'Yanis' }))).toMatchObject({ name: 'Yanis' });
    expect((await value(call<{ project: { askCoder?: boolean } }>('getSession', {}))).project.askCoder).toBeUndefined();
    await value(call('closeProject', {}));
    const again = await value(call<{ askCoder?: boolean; coder: { name: string } }>('openProject', { path }));
    expect(again.askCoder).toBeUndefined();
    expect(again.coder.name).toBe('Yanis');
  });
});
