import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMatrix } from '../../../service/matrix.ts';
import { runCli } from '../../../cli/main.ts';
import { EXPORT_FORMATS, exportMatrices, setCellSynthesis, setRowVerdict } from '../../../service/analysis.ts';
import { createCase, linkSource } from '../../../service/cases.ts';
import { resolveCode, updateCode } from '../../../service/codebook.ts';
import { exportCodebook } from '../../../service/codebook-exchange.ts';
import type { ProjectContext } from '../../../service/context.ts';
import { createDemoProject } from '../../../service/demo.ts';
import { saveMemo } from '../../../service/memos.ts';
import { closeProject, openProject } from '../../../service/project.ts';
import { applyPseudonyms } from '../../../service/pseudonymise.ts';
import { savePseudonyms } from '../../../service/pseudonyms.ts';
import { assertNoRealNames, findRealNames } from '../../../service/real-name-scan.ts';
import { exportQdc, exportQdpx } from '../../../service/refi.ts';
import { addText, tempDir } from '../../helpers/project.ts';
import { codePassage } from './fixtures.ts';

// Plants real names everywhere a user could type one, pseudonymises, then scans every export the
// project can produce. The list of exports is the one present when this test was written
// (REFI-QDA .qdpx/.qdc, codebook JSON/CSV, the analysis grid in every EXPORT_FORMATS format for the
// triangulation matrix and a participant's grid, the CLI's JSON outputs):
// add new export formats to EXPORTS.

const REAL = ['Marie-Claire Dupont', 'Jean-Marie Lefèvre'];

type Export = { name: string; make: (ctx: ProjectContext, cli: (...argv: string[]) => Promise<string>) => Promise<string | Uint8Array> };

const EXPORTS: Export[] = [
  { name: 'REFI-QDA .qdpx', make: async (ctx) => exportQdpx(ctx.db) },
  { name: 'REFI-QDA .qdc', make: async (ctx) => exportQdc(ctx.db) },
  { name: 'codebook JSON', make: async (ctx) => exportCodebook(ctx.db, 'json') },
  { name: 'codebook CSV', make: async (ctx) => exportCodebook(ctx.db, 'csv') },
  ...EXPORT_FORMATS.map((format) => ({
    name: `analysis grids ${format}`,
    make: async (ctx: ProjectContext) => {
      const caseId = ctx.db
        .prepare('SELECT case_id FROM case_sources cs JOIN sources s ON s.id = cs.source_id ORDER BY s.id DESC LIMIT 1')
        .pluck()
        .get() as number;
      const matrices = [buildMatrix(ctx.db, { type: 'triangulation' }), buildMatrix(ctx.db, { type: 'participant', caseId })];
      return exportMatrices(ctx.db, matrices, format);
    },
  })),
  { name: 'cli sources --json', make: async (_c, cli) => cli('sources', '--json') },
  { name: 'cli codings --json', make: async (_c, cli) => cli('codings', '--json') },
  { name: 'cli case list --json', make: async (_c, cli) => cli('case', 'list', '--json') },
  { name: 'cli codebook list --json', make: async (_c, cli) => cli('codebook', 'list', '--json') },
  { name: 'cli codebook export', make: async (_c, cli) => cli('codebook', 'export') },
  { name: 'cli search --json', make: async (_c, cli) => cli('search', 'bailleur', '--json') },
];

async function plantedProject(): Promise<string> {
  const path = join(tempDir(), 'demo.tresse');
  await createDemoProject(path);
  const ctx = openProject(path);
  const src = addText(
    ctx,
    'Entretien Marie-Claire Dupont',
    `Enquêtrice : Bonjour.\nMarie-Claire Dupont : Jean-Marie Lefèvre, le bailleur, m'appelle quand un locataire ne va pas bien.\n`,
  );
  codePassage(ctx, src.id, 'PA', "Jean-Marie Lefèvre, le bailleur, m'appelle");
  const c = createCase(ctx, { name: 'P7', description: 'Coordinatrice, Marie-Claire Dupont' });
  linkSource(ctx, c.id, src.id);
  saveMemo(ctx, { target: { kind: 'case', id: c.id }, title: 'Marie-Claire Dupont', text: 'Recontacter M.-C. Dupont en juin.' });
  updateCode(ctx, resolveCode(ctx.db, 'PA').id, { example: '« Jean-Marie Lefèvre m’appelle »' });
  const column = buildMatrix(ctx.db, { type: 'triangulation' }).columns[0]!.key;
  setCellSynthesis(ctx, {}, 'PA', column, 'Le bailleur (Jean-Marie Lefèvre) alerte tôt.');
  setCellSynthesis(ctx, { caseId: c.id }, 'PA', column, 'Marie-Claire Dupont travaille avec le bailleur.');
  setRowVerdict(ctx, {}, 'PA', 'convergence', 'Selon Mme Dupont, tout le monde est d’accord.');
  closeProject(ctx);
  return path;
}

async function runExport(path: string, e: Export): Promise<string | Uint8Array> {
  const ctx = openProject(path, undefined, { lock: false });
  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const code = await runCli([argv[0]!, ...(argv[0] === 'case' || argv[0] === 'codebook' ? [argv[1]!, path, ...argv.slice(2)] : [path, ...argv.slice(1)])], {
      out: (t) => out.push(t),
      err: () => {},
      env: { LANG: 'fr_FR.UTF-8' },
      cwd: tempDir(),
    });
    expect(code).toBe(0);
    return out.join('\n');
  };
  try {
    return await e.make(ctx, cli);
  } finally {
    closeProject(ctx);
  }
}

describe('real names never leave the machine', () => {
  it('finds planted names in the exports before pseudonymisation, and none after', async () => {
    const path = await plantedProject();
    // The scanner sees the planted names through every container (zip, XML, JSON escapes).
    for (const name of ['REFI-QDA .qdpx', 'cli codings --json', 'codebook CSV', 'analysis grids xlsx', 'analysis grids docx', 'analysis grids html']) {
      const bytes = await runExport(
        path,
        EXPORTS.find((e) => e.name === name)!,
      );
      expect(findRealNames(bytes, REAL).length, name).toBeGreaterThan(0);
    }

    const ctx = openProject(path);
    savePseudonyms(ctx, [
      { realName: REAL[0]!, pseudonym: 'Louise Martin', case: 'P7' },
      { realName: REAL[1]!, pseudonym: 'Paul Moreau' },
    ]);
    applyPseudonyms(ctx, { accept: 'all' });
    closeProject(ctx);

    let scanned = 0;
    for (const e of EXPORTS) {
      const data = await runExport(path, e);
      if (data.length === 0) continue;
      assertNoRealNames(data, REAL, e.name);
      scanned++;
    }
    expect(scanned).toBe(EXPORTS.length);
    // And the pseudonyms made it into the exports in their place.
    const qdpx = await runExport(path, EXPORTS[0]!);
    expect(findRealNames(qdpx, ['Louise Martin']).length).toBeGreaterThan(0);
  }, 120_000);
});
