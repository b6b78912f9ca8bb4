// `tresse call`: any contract method from the command line, its argument and result as JSON, byte
// arrays as {"$bytes": base64}. What a supervisor's script relies on: the same checks and answers
// as the app, exit codes 0/1/2, nothing written on a refusal, and nothing kept in the user's
// configuration folder (recent projects) by a command-line call.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.ts';
import { API_METHODS } from '../../service/contract/index.ts';
import { tempDir } from '../helpers/project.ts';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const INTERVIEW = 'Enquêtrice : Et le secret partagé ?\nP2 : Le secret partagé rassure les équipes.\n';

/** The command line in this process, in French, with a configuration folder of the test's own. */
async function tresse(cwd: string, config: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const env = { LANG: 'fr_FR.UTF-8', XDG_CONFIG_HOME: config, APPDATA: config };
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env, cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function setUp() {
  const dir = tempDir();
  return { dir, config: join(dir, 'config'), call: (...argv: string[]) => tresse(dir, join(dir, 'config'), 'call', ...argv) };
}

describe('tresse call', () => {
  it('creates a project from a path typed from the current folder, and keeps no recent-projects list', async () => {
    const { dir, config, call } = setUp();
    const grids = await call('listGrids');
    expect(grids.code).toBe(0);
    expect(JSON.parse(grids.out).map((g: { id: string }) => g.id)).toContain('six-themes');

    const created = await call('createProject', JSON.stringify({ path: 'etude.tresse', grid: 'empty', coder: 'Camille' }));
    expect(created).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(created.out)).toMatchObject({ path: join(dir, 'etude.tresse'), grid: 'empty', coder: { name: 'Camille' } });
    expect(existsSync(join(dir, 'etude.tresse'))).toBe(true);
    // Neither the call nor the everyday commands write the app's list of recent projects.
    expect((await tresse(dir, config, 'init', 'autre.tresse')).code).toBe(0);
    expect((await tresse(dir, config, 'sources', 'autre.tresse')).code).toBe(0);
    expect(existsSync(config) ? readdirSync(config, { recursive: true }) : []).toEqual([]);
  });

  it('sends bytes as {"$bytes": base64} and answers with them the same way, or writes them with --out', async () => {
    const { dir, call } = setUp();
    await call('createProject', JSON.stringify({ path: 'etude.tresse', grid: 'six-themes', coder: 'Camille' }));
    const imported = await call(
      'etude.tresse',
      'importSource',
      JSON.stringify({ fileName: 'entretien-p2.txt', bytes: { $bytes: base64(INTERVIEW) }, kind: 'interview' }),
    );
    expect(imported.code).toBe(0);
    const source = JSON.parse(imported.out).source as { id: number; name: string };
    expect(source.name).toBe('entretien-p2');

    const at = JSON.parse((await call('etude.tresse', 'locatePassage', JSON.stringify({ sourceId: source.id, text: 'secret partagé', occurrence: 2 }))).out);
    expect([...INTERVIEW].slice(at.start, at.end).join('')).toBe('secret partagé');
    expect(at.start).toBeGreaterThan([...'Enquêtrice : Et le secret partagé'].length);
    const code = JSON.parse((await call('etude.tresse', 'findCode', '{"ref":"CL1"}')).out) as { id: number; abbrev: string };
    expect(code.abbrev).toBe('CL1');
    const coding = await call('etude.tresse', 'addCoding', JSON.stringify({ sourceId: source.id, codeId: code.id, ...at }));
    expect(coding.code).toBe(0);
    const excerpts = JSON.parse((await call('etude.tresse', 'retrieve', JSON.stringify({ codeId: code.id }))).out);
    expect(excerpts).toEqual([expect.objectContaining({ text: 'secret partagé', sourceName: 'entretien-p2' })]);

    const qdpx = JSON.parse((await call('etude.tresse', 'exportQdpx')).out) as { $bytes: string };
    expect(Buffer.from(qdpx.$bytes, 'base64').subarray(0, 2).toString()).toBe('PK');
    const written = await tresse(dir, join(dir, 'config'), 'call', 'etude.tresse', 'exportQdpx', '--out', 'etude.qdpx');
    expect(written.out).toBe(`Écrit : ${join(dir, 'etude.qdpx')}`);
    expect(readFileSync(join(dir, 'etude.qdpx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a bad argument with the schema’s reason (exit 1) and bad JSON or an unknown method as bad usage (exit 2), the project untouched', async () => {
    const { dir, call } = setUp();
    await call('createProject', JSON.stringify({ path: 'etude.tresse', grid: 'empty', coder: 'Camille' }));
    const project = join(dir, 'etude.tresse');
    const before = sha256(project);

    const invalid = await call('etude.tresse', 'addCode', '{"name": 12}');
    expect(invalid.code).toBe(1);
    expect(invalid.err).toBe('Valeur invalide pour addCode.name : 12');
    const en = await tresse(dir, join(dir, 'config'), 'call', 'etude.tresse', 'findCode', '{"ref":"XX"}', '--lang', 'en');
    expect(en.code).toBe(1);
    expect(en.err).toMatch(/^Code not found/);

    const json = await call('etude.tresse', 'addCode', '{"name": ');
    expect(json.code).toBe(2);
    expect(json.err.split('\n')[0]).toMatch(/^Usage incorrect : .*JSON/);
    const unknown = await call('etude.tresse', 'frobnicate', '{}');
    expect(unknown.code).toBe(2);
    expect(unknown.err.split('\n')[0]).toBe('Usage incorrect : Opération inconnue : frobnicate');
    expect(unknown.err).toContain('tresse call [PROJET] MÉTHODE [JSON]');
    expect(sha256(project)).toBe(before);

    const absent = await call('absent.tresse', 'listCodes');
    expect(absent.code).toBe(1);
    expect(absent.err).toContain('Projet introuvable');
  });

  it('reaches every method of the contract, each checking its own argument', async () => {
    const { call } = setUp();
    const reached: string[] = [];
    for (const method of API_METHODS) {
      const r = await call(method, '{"champInconnu": 1}');
      if (r.code === 1 && r.err.startsWith(`Valeur invalide pour ${method}`)) reached.push(method);
    }
    expect(reached).toEqual(API_METHODS);
  });

  it('is described in tresse --help', async () => {
    const dir = tempDir();
    const help = await tresse(dir, join(dir, 'config'), '--help');
    expect(help.out).toContain('call [PROJET] MÉTHODE [JSON] [--out FICHIER]');
    const en = await tresse(dir, join(dir, 'config'), '--help', '--lang', 'en');
    expect(en.out).toContain('call [PROJECT] METHOD [JSON] [--out FILE]');
  });
});
