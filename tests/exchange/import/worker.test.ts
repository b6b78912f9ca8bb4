// Importers parse in a worker thread with time and memory limits (exchange/import/worker-host.ts).
// A parser that loops, swells or dies there costs one import: the user reads why in French, the
// project is byte-identical, and the next import works in a fresh worker. Real files go through
// the real worker from the sources and from the built command line.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportOptions } from '../../../exchange/import/index.ts';
import { IN_PLACE_MAX_BYTES } from '../../../exchange/import/parse-for-import.ts';
import { PARSE_LIMITS, useParseWorker } from '../../../exchange/import/worker-host.ts';
import { TresseError } from '../../../i18n/error.ts';
import { closeProject, createProject, openProject } from '../../../service/project.ts';
import { getSourceText, importSource, type ImportResult } from '../../../service/sources.ts';
import { INTERVIEW_TURNS, makeDocx, makePdf } from '../../fixtures/import/make.ts';
import { tempDir } from '../../helpers/project.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin/tresse.mjs');
const RECORDER = join(ROOT, 'tests/helpers/worker-recorder.cjs');

const INTERVIEW = 'Enquêtrice : Comment partagez-vous les informations ?\nP2 : Le secret partagé nous aide beaucoup.\n';

/** A new project file, closed: its bytes are what "unchanged" is checked against. */
function newProjectFile(): string {
  const path = join(tempDir(), 'etude.tresse');
  closeProject(createProject(path, { grid: 'six-themes', coder: 'Camille' }));
  return path;
}

/** Imports one file into the project at `path`, opening and closing it as the command line does. */
async function importInto(path: string, fileName: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const ctx = openProject(path);
  try {
    return await importSource(ctx, { fileName, bytes, kind: 'interview', ...options });
  } finally {
    closeProject(ctx);
  }
}

async function refusal(run: Promise<unknown>): Promise<TresseError> {
  const outcome = await run.then(
    () => new Error('the import succeeded'),
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(TresseError);
  return outcome as TresseError;
}

/** A valid PDF with three bytes flipped in each of its compressed streams. */
async function damagedPdf(): Promise<Uint8Array> {
  const bytes = await makePdf();
  const text = Buffer.from(bytes).toString('latin1');
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const [start, end] = [m.index + m[0].length, text.indexOf('endstream', m.index)];
    for (const at of [start + 2, (start + end) >> 1, end - 6]) bytes[at]! ^= 0x01;
  }
  return bytes;
}

describe('a parser that misbehaves in the import worker', () => {
  // The real worker with a few booby-trapped file names, under limits a test reaches quickly. The
  // memory case gets time to spare: close to its limit, V8 collects garbage again and again first.
  const script = new URL('./misbehaving-worker.ts', import.meta.url);
  afterAll(() => useParseWorker());

  const cases = [
    {
      what: 'never ends',
      file: 'boucle.docx',
      limits: { seconds: 3 },
      code: 'import.tooSlow',
      fr: 'La lecture de « boucle.docx » a été arrêtée au bout de 3 secondes',
    },
    {
      what: 'allocates without bound',
      file: 'gourmand.docx',
      limits: { oldGenerationMb: 96 },
      code: 'import.tooHeavy',
      fr: 'La lecture de « gourmand.docx » a été arrêtée : elle demandait plus de 96 Mo de mémoire',
    },
    {
      what: 'throws where nobody catches',
      file: 'plantage.docx',
      limits: {},
      code: 'import.crashed',
      fr: 'Le lecteur de « plantage.docx » s’est arrêté sur une erreur',
    },
    {
      what: 'ends the thread (process.exit)',
      file: 'sortie.docx',
      limits: {},
      code: 'import.crashed',
      fr: 'Le lecteur de « sortie.docx » s’est arrêté sur une erreur',
    },
  ];

  for (const c of cases) {
    it(`that ${c.what} is stopped with a French message, the project unchanged, and the next import works`, async () => {
      await useParseWorker(script, { ...PARSE_LIMITS, ...c.limits });
      const path = newProjectFile();
      const before = readFileSync(path);
      const e = await refusal(importInto(path, c.file, new TextEncoder().encode('Bonjour.\n')));
      expect(e.code).toBe(c.code);
      expect(e.format('fr')).toContain(c.fr);
      expect(e.format('fr')).toContain('Rien n’a été ajouté au projet.');
      expect(readFileSync(path).equals(before)).toBe(true);

      // Same host: the worker it stopped is replaced.
      const next = await importInto(path, 'entretien-p2.docx', await makeDocx());
      expect(next.source.name).toBe('entretien-p2');
      expect(next.notes.find((n) => n.key === 'turns')).toMatchObject({ speakers: expect.arrayContaining(['Enquêtrice', 'Marie']) });
    }, 60_000);
  }

  // Plain text with the default turn patterns is read in place (parse-for-import.ts); the same
  // file name reaches the worker once it is large or the user's own patterns read it.
  it('reads a plain-text transcript in place, and a large one or one read with custom turn patterns in the worker', async () => {
    await useParseWorker(script, PARSE_LIMITS);
    const path = newProjectFile();
    const inPlace = await importInto(path, 'plantage.txt', new TextEncoder().encode(INTERVIEW));
    expect(inPlace.notes).toContainEqual({ key: 'turns', count: 2, speakers: ['Enquêtrice', 'P2'] });

    const before = readFileSync(path);
    const patterns = await refusal(importInto(path, 'plantage.txt', new TextEncoder().encode('Autre texte.\n'), { turnPatterns: ['^(?<speaker>P\\d+) :'] }));
    expect(patterns.code).toBe('import.crashed');
    const large = new TextEncoder().encode('Encore un autre texte. '.repeat(IN_PLACE_MAX_BYTES / 20));
    expect((await refusal(importInto(path, 'plantage.txt', large))).code).toBe('import.crashed');
    expect(readFileSync(path).equals(before)).toBe(true);
  }, 60_000);
});

describe('real files through importSource, parsed in the real worker', () => {
  it('refuses a damaged PDF in French and leaves the project byte-identical', async () => {
    const path = newProjectFile();
    const before = readFileSync(path);
    const e = await refusal(importInto(path, 'rapport-abime.pdf', await damagedPdf()));
    expect(e.code).toBe('import.pdfDamaged');
    expect(e.format('fr')).toContain('« rapport-abime.pdf » est un PDF endommagé');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('imports a DOCX interview, its text and speaker turns', async () => {
    const ctx = openProject(newProjectFile());
    try {
      const imported = await importSource(ctx, { fileName: 'entretien-01.docx', bytes: await makeDocx(), kind: 'interview' });
      expect(imported.source.origin.format).toBe('docx');
      const text = getSourceText(ctx.db, imported.source.id);
      for (const line of INTERVIEW_TURNS.slice(2)) expect(text).toContain(line);
      expect(imported.notes.find((n) => n.key === 'turns')).toMatchObject({ speakers: expect.arrayContaining(['Enquêtrice', 'Marie']) });
    } finally {
      closeProject(ctx);
    }
  });
});

describe('the built command line', () => {
  function tresse(cwd: string, log: string, ...argv: string[]) {
    return spawnSync(process.execPath, ['--require', RECORDER, BIN, ...argv], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'fr_FR.UTF-8', TRESSE_WORKER_LOG: log },
      timeout: 120_000,
    });
  }

  it('parses in dist-node/import-worker.mjs: a DOCX is imported, a damaged PDF refused in French with the project unchanged', async () => {
    const dir = tempDir();
    const log = join(dir, 'workers.log');
    writeFileSync(log, '');
    writeFileSync(join(dir, 'entretien-01.docx'), await makeDocx());
    writeFileSync(join(dir, 'rapport-abime.pdf'), await damagedPdf());
    expect(tresse(dir, log, 'init', 'etude.tresse').status).toBe(0);

    const docx = tresse(dir, log, 'import', 'etude.tresse', 'entretien-01.docx', '--kind', 'entretien');
    expect(docx.status, docx.stderr).toBe(0);
    expect(docx.stdout).toContain('Importé : « entretien-01 »');
    const before = readFileSync(join(dir, 'etude.tresse'));

    const pdf = tresse(dir, log, 'import', 'etude.tresse', 'rapport-abime.pdf', '--kind', 'document');
    expect(pdf.status).toBe(1);
    expect(pdf.stderr).toContain('« rapport-abime.pdf » est un PDF endommagé');
    expect(pdf.stderr).not.toMatch(/^\s+at /m);
    expect(readFileSync(join(dir, 'etude.tresse')).equals(before)).toBe(true);

    // Each import started the bundle's worker and heard from it; nothing else was started.
    const worker = pathToFileURL(join(ROOT, 'dist-node/import-worker.mjs')).href;
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([`started ${worker}`, `ready ${worker}`, `started ${worker}`, `ready ${worker}`]);
  });
});
