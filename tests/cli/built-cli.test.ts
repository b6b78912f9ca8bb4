// The command line as users run it: bin/tresse.mjs starting the bundle in dist-node/, in its own
// process, with real pipes. (tests/cli/cli.test.ts drives the same commands in-process, from source.)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDocx, makePdf } from '../fixtures/import/make.ts';
import { tempDir } from '../helpers/project.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/tresse.mjs');
const BUNDLE = join(ROOT, 'dist-node/tresse.mjs');

function tresse(cwd: string, ...argv: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'fr_FR.UTF-8' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A shell word for a path made by mkdtemp (no quote in it). */
const quoted = (path: string) => `'${path}'`;

const INTERVIEW = `Enquêtrice : Comment se passe le partage d’informations ?
P3 : Franchement, le secret partagé, c’est confortable pour les institutions.
`;

beforeAll(() => {
  // bin/tresse.mjs would build it too, but inside the first test's own process.
  if (!existsSync(BUNDLE)) execFileSync(process.execPath, [join(ROOT, 'scripts/build-node.mjs'), '--quiet'], { cwd: ROOT });
}, 120_000);

describe('the built tresse command', () => {
  it('creates a project, imports a text, codes it and lists the codings as JSON', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'entretien-p3.txt'), INTERVIEW);

    const init = tresse(dir, 'init', 'etude.tresse', '--coder', 'Camille');
    expect(init).toMatchObject({ code: 0, err: '' });
    expect(init.out).toContain(join(dir, 'etude.tresse'));
    expect(existsSync(join(dir, 'etude.tresse'))).toBe(true);

    const imported = tresse(dir, 'import', 'etude.tresse', 'entretien-p3.txt', '--kind', 'entretien', '--name', 'Entretien P3');
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toContain('Importé : « Entretien P3 »');

    const coded = tresse(dir, 'code', 'etude.tresse', 'Entretien P3', 'CL1', '--text', 'le secret partagé', '--coder', 'Camille');
    expect(coded).toMatchObject({ code: 0, err: '' });

    const listed = tresse(dir, 'codings', 'etude.tresse', '--code', 'CL', '--subcodes', '--json');
    expect(listed).toMatchObject({ code: 0, err: '' });
    const excerpts = JSON.parse(listed.out);
    expect(excerpts).toHaveLength(1);
    expect(excerpts[0]).toMatchObject({ sourceName: 'Entretien P3', coderName: 'Camille', text: 'le secret partagé' });
    const start = [...INTERVIEW].length - [...'le secret partagé, c’est confortable pour les institutions.\n'].length;
    expect(excerpts[0]).toMatchObject({ start, end: start + [...'le secret partagé'].length });
  });

  it('answers a user error with exit 1 and bad usage with exit 2, in words, without a stack trace', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'entretien-p3.txt'), INTERVIEW);
    tresse(dir, 'init', 'etude.tresse');
    tresse(dir, 'import', 'etude.tresse', 'entretien-p3.txt', '--kind', 'entretien');
    const before = readFileSync(join(dir, 'etude.tresse'));

    const absent = tresse(dir, 'code', 'etude.tresse', 'entretien-p3', 'CL1', '--text', 'une phrase qui n’y est pas');
    expect(absent.code).toBe(1);
    expect(absent.err).toMatch(/entretien-p3/);
    expect(absent.err).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'etude.tresse')).equals(before)).toBe(true);

    const usage = tresse(dir, 'sources', 'etude.tresse', '--no-such-option');
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--no-such-option');
    expect(usage.err).not.toMatch(/\n\s+at /);
  });

  it('exits quietly with 0 when the reader of its output stops early (| head -1)', () => {
    const dir = tempDir();
    // Output far beyond a pipe's buffer (64 kB), so head closes the pipe while tresse still writes.
    const lines = Array.from({ length: 3000 }, (_, i) => `P${i % 7} : le secret partagé aide, dit-on en réunion (${i}).`);
    writeFileSync(join(dir, 'long.txt'), `${lines.join('\n')}\n`);
    tresse(dir, 'init', 'etude.tresse');
    expect(tresse(dir, 'import', 'etude.tresse', 'long.txt', '--kind', 'entretien').code).toBe(0);
    const full = tresse(dir, 'search', 'etude.tresse', 'secret', '--limit', '5000', '--json');
    expect(full.out.length).toBeGreaterThan(256 * 1024);

    const piped = spawnSync(
      'bash',
      ['-o', 'pipefail', '-c', `${quoted(process.execPath)} ${quoted(BIN)} search etude.tresse secret --limit 5000 --json | head -1`],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toBe(`${full.out.split('\n')[0]}\n`);
    expect(piped.status).toBe(0); // with pipefail: tresse's own exit code
  });

  it('finds the demo corpus and the commands loaded on demand from the bundle', () => {
    const dir = tempDir();
    const manifest = JSON.parse(readFileSync(join(ROOT, 'demo/manifest.json'), 'utf8')) as { sources: unknown[] };
    expect(tresse(dir, 'demo', 'demo.tresse')).toMatchObject({ code: 0, err: '' });
    const sources = JSON.parse(tresse(dir, 'sources', 'demo.tresse', '--json').out);
    expect(sources).toHaveLength(manifest.sources.length);

    const xlsx = tresse(dir, 'matrix', 'demo.tresse', '--format', 'xlsx', '--out', 'matrice.xlsx');
    expect(xlsx).toMatchObject({ code: 0, err: '' });
    // An XLSX is a zip archive: it starts with the local file header "PK\3\4".
    expect(readFileSync(join(dir, 'matrice.xlsx')).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 3, 4]));
    const svg = tresse(dir, 'matrix', 'demo.tresse', '--format', 'svg');
    expect(svg).toMatchObject({ code: 0, err: '' });
    expect(svg.out).toMatch(/^<svg[^>]*>[^]*<\/svg>\s*$/);
  });

  it('imports DOCX and PDF files, whose readers it loads on demand', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'entretien-03.docx'), await makeDocx());
    writeFileSync(join(dir, 'etude-de-cas.pdf'), await makePdf());
    tresse(dir, 'init', 'etude.tresse');
    const imported = tresse(dir, 'import', 'etude.tresse', 'entretien-03.docx', 'etude-de-cas.pdf', '--kind', 'document', '--json');
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(imported.out).map((r: { source: { origin: { format: string } } }) => r.source.origin.format)).toEqual(['docx', 'pdf']);
    const found = JSON.parse(tresse(dir, 'search', 'etude.tresse', '"fiche d’alerte"', '--json').out);
    expect(found.hits).toEqual([expect.objectContaining({ sourceName: 'etude-de-cas' })]);
  });

  it('starts the build it has made without building it again', () => {
    tresse(ROOT, '--help'); // brings the build up to date with the sources
    const built = statSync(BUNDLE).mtimeMs;
    expect(tresse(ROOT, '--help').code).toBe(0);
    // A rebuild at every call cost each `tresse` a second or more (a plugin's virtual module was
    // listed among the sources and, having no file, read as deleted).
    expect(statSync(BUNDLE).mtimeMs).toBe(built);
  });

  it('loads no export, exchange or picture library to start a read command', () => {
    tresse(ROOT, '--help'); // brings the build up to date with the sources, as any call does
    const meta = JSON.parse(readFileSync(join(ROOT, 'dist-node/meta.json'), 'utf8')) as {
      outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown> }>;
    };
    const loaded = new Set<string>();
    const visit = (output: string) => {
      if (loaded.has(output)) return;
      loaded.add(output);
      for (const i of meta.outputs[output]!.imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
    };
    visit('dist-node/tresse.mjs');
    const inputs = [...loaded].flatMap((o) => Object.keys(meta.outputs[o]!.inputs));
    const packages = new Set(inputs.flatMap((p) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p)?.[1] ?? []));
    expect([...packages]).toEqual([]);
    expect(inputs.filter((p) => /^(exchange\/(export|refi)|analysis\/pictures)\//.test(p))).toEqual([]);
  });
});
