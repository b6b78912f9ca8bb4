// Figures for `npm run bench`: the triangulation matrix over a large team project (500 sources of
// every kind, 60 codes, 100,000 codings by two coders), next to one hand-written GROUP BY over
// the same table, and the XLSX export of that matrix.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SourceKind } from '../model/types.ts';
import type { Matrix } from '../analysis/matrix/types.ts';
import { rowLabel } from '../analysis/matrix/row-text.ts';
import { analysisGrid, exportMatrices } from '../service/analysis.ts';
import { callMethod } from '../service/contract/call.ts';
import { createCase, linkSource } from '../service/cases.ts';
import { defineAttribute, setAttributeValues } from '../service/attributes.ts';
import { addCode, listCodes } from '../service/codebook.ts';
import { ensureCoder } from '../service/coders.ts';
import type { ProjectContext } from '../service/context.ts';
import { buildMatrix } from '../service/matrix.ts';
import { closeProject, createProject } from '../service/project.ts';
import { addParsedSource } from '../service/sources.ts';
import { Workspace } from '../service/workspace.ts';
import { normaliseText } from '../text/normalise.ts';
import { randomLcg } from 'd3';

export interface MatrixBench {
  codings: number;
  /** The counts view: counts, silence, syntheses, verdicts; excerpts fetched per cell when opened. */
  matrixMs: number;
  /** The same with every cell's excerpt ids (the JSON export). */
  matrixWithIdsMs: number;
  groupByMs: number;
  xlsxMs: number;
  xlsxBytes: number;
  /** The whole analysis grid as the Analysis panel's export bar asks for it (`all`), median. */
  gridXlsxMs: number;
  gridSheets: number;
  /** Matrix cells that disagree with a direct SQL count. */
  cellsWrong: string[];
  /** What is wrong in the grid workbook read back. */
  gridWrong: string[];
}

const WORDS = [
  'secret',
  'partagé',
  'cellule',
  'logement',
  'voisinage',
  'soins',
  'consentement',
  'réunion',
  'bailleur',
  'psychiatrie',
  'coordination',
  'isolement',
  'urgence',
  'confiance',
  'maire',
  'équipe',
  'mobile',
  'stigmatisation',
  'usagers',
  'parole',
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Kinds in the proportions of a real thesis corpus: mostly interviews, some meetings, notebook, documents, syntheses. */
const kindOf = (i: number): SourceKind =>
  i % 10 < 6 ? 'interview' : i % 10 < 8 ? 'observation' : i % 20 === 8 ? 'notebook' : i % 20 === 9 ? 'synthesis' : 'document';

export interface BenchOptions {
  sources?: number;
  codes?: number;
  codings?: number;
  rounds?: number;
  gridRounds?: number;
}

/** The large project, in `dir`: 100 cases with a sector, sources of every kind, codings by two coders. */
export function benchProject(dir: string, options: BenchOptions = {}): ProjectContext {
  const sources = options.sources ?? 500;
  const codingCount = options.codings ?? 100_000;
  const ctx = createProject(join(dir, 'bench.tresse'), { grid: 'six-themes', coder: 'Camille' });
  const rnd = randomLcg(0.20261123);
  const leo = ensureCoder(ctx.db, 'Léo');
  ctx.db.transaction(() => {
    const themes = listCodes(ctx.db).filter((c) => c.parentId === null);
    for (let i = listCodes(ctx.db).length; i < (options.codes ?? 60); i++) {
      addCode(ctx, { name: `Code ajouté ${i}`, parentId: themes[i % themes.length]!.id });
    }
    defineAttribute(ctx, { name: 'secteur', type: 'text' });
    const sectors = ['social', 'santé', 'psychiatrie', 'logement', 'municipal', 'pairs'];
    const cases = Array.from({ length: 100 }, (_, i) => {
      const c = createCase(ctx, { name: `P${i + 1}` });
      setAttributeValues(ctx, { caseId: c.id }, 'secteur', [sectors[i % sectors.length]!]);
      return c.id;
    });
    for (let i = 0; i < sources; i++) {
      const words = Array.from({ length: 1500 }, () => WORDS[Math.floor(rnd() * WORDS.length)]!);
      const text = `Source ${i + 1}. ${words.join(' ')}.\n`;
      const s = addParsedSource(
        ctx,
        { text: normaliseText(text), format: 'txt', encoding: 'utf-8', structure: [], notes: [] },
        { name: `Source ${i + 1}`, kind: kindOf(i), fileName: null },
      );
      if (kindOf(i) === 'interview' || kindOf(i) === 'observation') linkSource(ctx, cases[i % cases.length]!, s.id);
    }
  })();
  const codes = listCodes(ctx.db).map((c) => c.id);
  const lengths = ctx.db.prepare('SELECT id, length FROM sources').all() as { id: number; length: number }[];
  const insert = ctx.db.prepare(`INSERT INTO codings (guid, source_id, code_id, coder_id, start, end, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  ctx.db.transaction(() => {
    for (let i = 0; i < codingCount; i++) {
      const s = lengths[Math.floor(rnd() * lengths.length)]!;
      const len = 20 + Math.floor(rnd() * 400);
      const start = Math.floor(rnd() * (s.length - len));
      const coder = rnd() < 0.5 ? ctx.coder.id : leo.id;
      insert.run(crypto.randomUUID(), s.id, codes[i % codes.length]!, coder, start, start + len, '2026-04-10T09:00:00.000Z');
    }
  })();
  ctx.db.pragma('optimize');
  return ctx;
}

export async function benchMatrix(options: BenchOptions = {}): Promise<MatrixBench> {
  const dir = mkdtempSync(join(tmpdir(), 'tresse-matrix-bench-'));
  const ctx = benchProject(dir, options);
  try {
    const rounds = options.rounds ?? 11;
    const matrixTimes: number[] = [];
    const withIdsTimes: number[] = [];
    const groupTimes: number[] = [];
    const handSql = ctx.db.prepare(
      `SELECT k.code_id, CASE s.kind WHEN 'interview' THEN 1 WHEN 'observation' THEN 2 WHEN 'notebook' THEN 2 ELSE 0 END AS col,
         count(*) AS n FROM codings k JOIN sources s ON s.id = k.source_id GROUP BY 1, 2`,
    );
    buildMatrix(ctx.db, { type: 'triangulation' });
    handSql.all();
    for (let r = 0; r < rounds; r++) {
      let t = performance.now();
      buildMatrix(ctx.db, { type: 'triangulation', rows: 'codes', excerptIds: false });
      matrixTimes.push(performance.now() - t);
      t = performance.now();
      buildMatrix(ctx.db, { type: 'triangulation', rows: 'codes' });
      withIdsTimes.push(performance.now() - t);
      t = performance.now();
      handSql.all();
      groupTimes.push(performance.now() - t);
    }
    const cellsWrong = checkCells(ctx, buildMatrix(ctx.db, { type: 'triangulation', rows: 'codes', excerptIds: false }));
    const t = performance.now();
    const bytes = (await exportMatrices(ctx.db, [buildMatrix(ctx.db, { type: 'triangulation', rows: 'codes' })], 'xlsx')) as Uint8Array;
    const xlsxMs = performance.now() - t;
    const ws = new Workspace({ configDir: dir, lang: 'fr', autoBackup: false, keepRecent: false });
    ws.ctx = ctx;
    const gridTimes: number[] = [];
    let grid: Uint8Array = new Uint8Array();
    for (let r = 0; r < (options.gridRounds ?? 3); r++) {
      const t = performance.now();
      const result = await callMethod(
        'exportMatrix',
        { request: { type: 'triangulation', rows: 'codes' }, format: 'xlsx', all: true },
        { ws, hooks: { shell: 'cli' } },
      );
      gridTimes.push(performance.now() - t);
      if (!result.ok) throw new Error(result.error.message);
      grid = result.value as Uint8Array;
    }
    const gridWrong: string[] = [];
    const gridSheets = await checkGridWorkbook(grid, analysisGrid(ctx.db, { rows: 'codes' }), gridWrong);
    return {
      gridXlsxMs: median(gridTimes),
      gridSheets,
      cellsWrong,
      gridWrong,
      codings: options.codings ?? 100_000,
      matrixMs: median(matrixTimes),
      matrixWithIdsMs: median(withIdsTimes),
      groupByMs: median(groupTimes),
      xlsxMs,
      xlsxBytes: bytes.length,
    };
  } finally {
    closeProject(ctx);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A few cells of the triangulation matrix against a direct SQL count of distinct passages for
 * codes without sub-codes: codings of the code in sources of the column's kinds, one passage per
 * stretch of overlapping codings (touching ones stay two), whatever the coder.
 */
function checkCells(ctx: ProjectContext, m: Matrix): string[] {
  const wrong: string[] = [];
  const leaves = m.rows.filter((r) => r.codeIds.length === 1).slice(0, 6);
  for (const row of leaves) {
    m.columns.forEach((col, i) => {
      const kinds = col.kinds ?? [];
      const { n } = ctx.db
        .prepare(
          `WITH k AS (SELECT k.start, max(k.end) OVER (PARTITION BY k.source_id ORDER BY k.start, k.end ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
             FROM codings k JOIN sources s ON s.id = k.source_id WHERE k.code_id = ? AND s.kind IN (${kinds.map(() => '?').join(',') || 'NULL'}))
           SELECT count(*) AS n FROM k WHERE reach IS NULL OR start >= reach`,
        )
        .get(row.codeIds[0], ...kinds) as { n: number };
      if (row.cells[i]!.count !== n) wrong.push(`${row.label} × ${col.label}: ${row.cells[i]!.count} passages, SQL counts ${n}`);
    });
  }
  if (leaves.length === 0) wrong.push('no code without sub-codes to check');
  return wrong;
}

/** The grid workbook read back: a sheet per matrix, and one of excerpts per grid; the frequencies' numbers as computed. */
async function checkGridWorkbook(bytes: Uint8Array, matrices: Matrix[], wrong: string[]): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const expected = matrices.reduce((n, m) => n + (m.type === 'triangulation' || m.type === 'participant' ? 2 : 1), 0);
  if (wb.worksheets.length !== expected) wrong.push(`${wb.worksheets.length} sheets in the grid workbook, ${expected} expected`);
  const first = wb.worksheets[0]!;
  const tri = matrices[0]!;
  tri.rows.forEach((r, i) => {
    const cell = String(first.getRow(i + 2).getCell(1).value ?? '').trim();
    if (i < 5 && cell !== rowLabel(r)) wrong.push(`triangulation sheet row ${i + 2}: “${cell}”, expected “${rowLabel(r)}”`);
  });
  const freq = matrices.find((m) => m.type === 'frequencies')!;
  const sheet = wb.worksheets[expected - 2]!;
  freq.rows.slice(0, 5).forEach((r, i) => {
    const value = sheet.getRow(i + 2).getCell(2).value;
    if (value !== r.cells[0]!.count) wrong.push(`frequencies sheet, ${r.label}: ${String(value)}, expected ${r.cells[0]!.count}`);
  });
  return wb.worksheets.length;
}
