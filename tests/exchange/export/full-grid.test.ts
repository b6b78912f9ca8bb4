// The full analysis grid's export, against the path it replaced: each matrix built on its own,
// each matrix's excerpts read on their own, the workbook written by exceljs's streaming writer.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { benchProject } from '../../../bench/matrix.ts';
import { EXCERPT_BY_IDS, EXCERPT_BY_IDS_WITHOUT_CASES, toExcerpt } from '../../../db/excerpts.ts';
import { quotedExcerpts, reportTable, type Quote, type ReportCell, type ReportTable } from '../../../exchange/export/table.ts';
import { tablesToXlsx } from '../../../exchange/export/xlsx.ts';
import { ZipStream } from '../../../exchange/zip-write.ts';
import { overlapPairs } from '../../../analysis/matrix/cooccurrence.ts';
import { analysisGrid, computeMatrix, excerptsByIds, exportMatrices, type Matrix, type MatrixFilter } from '../../../service/analysis.ts';
import { codingRanges } from '../../../service/matrix-queries.ts';
import { callMethod } from '../../../service/contract/call.ts';
import { withPlaces } from '../../../service/excerpt-places.ts';
import { excerptsInAnyOrder } from '../../../service/excerpts-by-id.ts';
import { closeProject } from '../../../service/project.ts';
import { Workspace } from '../../../service/workspace.ts';
import type { ProjectContext } from '../../../service/context.ts';
import { exceljsTablesToXlsx } from '../../helpers/exceljs-xlsx.ts';
import { tempDir } from '../../helpers/project.ts';
import { workbookContent } from '../../helpers/workbook.ts';

function withProject(run: (ctx: ProjectContext) => Promise<void> | void) {
  return async () => {
    const ctx = benchProject(tempDir(), { sources: 24, codings: 900, codes: 20 });
    try {
      await run(ctx);
    } finally {
      closeProject(ctx);
    }
  };
}

/** The grid as it was built: every matrix on its own, reading the codings each time. */
function formerGrid(ctx: ProjectContext, filter: MatrixFilter): Matrix[] {
  const interviewed = ctx.db
    .prepare(
      `SELECT DISTINCT c.id FROM cases c JOIN case_sources cs ON cs.case_id = c.id JOIN sources s ON s.id = cs.source_id
       WHERE s.kind = 'interview' ORDER BY c.name`,
    )
    .all() as { id: number }[];
  const base = { rows: 'codes' as const, filter };
  return [
    computeMatrix(ctx.db, { type: 'triangulation', ...base, valences: true }),
    ...interviewed.map((c) => computeMatrix(ctx.db, { type: 'participant', caseId: c.id, ...base, valences: true })),
    computeMatrix(ctx.db, { type: 'frequencies', ...base }),
    computeMatrix(ctx.db, { type: 'cooccurrence', ...base }),
  ];
}

describe('the full analysis grid export', () => {
  it(
    'builds the same matrices from one read of the codings as each built alone, with and without coder filters',
    withProject((ctx) => {
      const coders = (ctx.db.prepare('SELECT id FROM coders ORDER BY id').all() as { id: number }[]).map((c) => c.id);
      for (const filter of [{}, { agreement: true }, { coderIds: [coders[0]!] }, { sourceKinds: ['interview' as const, 'document' as const] }]) {
        const grid = analysisGrid(ctx.db, { rows: 'codes', filter });
        expect(grid.length).toBeGreaterThan(4);
        expect(grid).toEqual(formerGrid(ctx, filter));
      }
    }),
  );

  it(
    'keeps only the first excerpt ids of each cell when asked, every count unchanged',
    withProject((ctx) => {
      const capped = analysisGrid(ctx.db, { rows: 'codes', excerptsPerCell: 2 });
      const former = formerGrid(ctx, {});
      expect(former.some((m) => m.rows.some((r) => r.cells.some((c) => c.excerptIds.length > 2)))).toBe(true);
      for (const m of former) for (const r of m.rows) for (const c of r.cells) if (m.type !== 'cooccurrence') c.excerptIds = c.excerptIds.slice(0, 2);
      expect(capped).toEqual(former);
    }),
  );

  it(
    'quotes the same excerpts as reading each matrix’s own, and writes a workbook that reads back as exceljs’s did',
    withProject(async (ctx) => {
      const matrices = analysisGrid(ctx.db, { rows: 'codes' });
      const former = matrices.map((m) => reportTable(m, (ids) => excerptsByIds(ctx.db, ids)));
      const shared = quotedExcerpts(matrices, (ids) => excerptsByIds(ctx.db, ids));
      const tables = matrices.map((m) => reportTable(m, shared));
      expect(tables).toEqual(former);
      expect(tables.some((t) => t.rows.some((r) => r.cells.some((c) => (c.quotes?.length ?? 0) > 0)))).toBe(true);
      const bytes = (await exportMatrices(ctx.db, matrices, 'xlsx')) as Uint8Array;
      const content = await workbookContent(bytes);
      expect(content).toEqual(await workbookContent(await exceljsTablesToXlsx(former)));
      expect(content).toHaveLength(2 * (matrices.length - 2) + 2);
    }),
  );

  it(
    'writes the same workbook from grids keeping only the ids it quotes, through the export command',
    withProject(async (ctx) => {
      const former = analysisGrid(ctx.db, { rows: 'codes' }).map((m) => reportTable(m, (ids) => excerptsByIds(ctx.db, ids), { excerptsPerCell: 2 }));
      expect(former.some((t) => t.rows.some((r) => r.cells.some((c) => (c.more ?? 0) > 0)))).toBe(true);
      const ws = new Workspace({ configDir: tempDir(), lang: 'fr', autoBackup: false, keepRecent: false });
      ws.ctx = ctx;
      const result = await callMethod(
        'exportMatrix',
        { request: { type: 'triangulation', rows: 'codes' }, format: 'xlsx', all: true, excerptsPerCell: 2 },
        { ws, hooks: { shell: 'cli' } },
      );
      if (!result.ok) throw new Error(result.error.message);
      expect(await workbookContent(result.value as Uint8Array)).toEqual(await workbookContent(await exceljsTablesToXlsx(former)));
    }),
  );

  it('writes what XML cannot hold as exceljs did: markup escaped, control characters dropped', async () => {
    const table: ReportTable = {
      title: 'T',
      sheet: 'A: <b> & "c"',
      kind: 'counts',
      notes: ['note \u0001 <i>'],
      header: ['Code', 'n'],
      rows: [
        { label: "l'été & <co>\u0007", depth: 1, cells: [{ value: 3 }] },
        { label: 'tab\tline\nend\r', depth: 0, cells: [{ value: 'x > y' }] },
      ],
    };
    expect(await workbookContent(await tablesToXlsx([table, { ...table, kind: 'grid', rows: [] }]))).toEqual(
      await workbookContent(await exceljsTablesToXlsx([table, { ...table, kind: 'grid', rows: [] }])),
    );
  });

  it('writes grid cells’ quotations (kept as lines, each escaped once) as exceljs wrote the whole text', async () => {
    const quote = (id: number, text: string): Quote => ({
      id,
      text,
      quoted: `« ${text} »`,
      reference: `E${id} & <b>, § 2 ; valence +`,
      source: `Source ${id}`,
      cases: ['P1', 'P<2>'],
      coder: 'Léo',
      code: 'C',
      valence: '+',
    });
    const a = quote(1, 'dit « non » & <rit>\u0007 puis\n\tpart');
    const b = quote(2, 'l’été "chaud" \u0001');
    const cell = (quotes: Quote[], more = 0): ReportCell => ({ value: null, counts: '2 passages & <x>', quotes, more, state: 'evidence' });
    const table: ReportTable = {
      title: 'T',
      sheet: 'Grille',
      kind: 'grid',
      notes: [],
      header: ['Ligne', 'Entretiens', 'Documents', 'Verdict', 'Note'],
      rows: [
        { label: 'Thème', depth: 0, cells: [cell([a, b], 3), cell([b]), { value: '' }, { value: '' }] },
        { label: 'Code', depth: 1, cells: [cell([a, b], 3), { ...cell([], 0), state: 'silence' }, { value: 'v' }, { value: 'n & m' }] },
      ],
    };
    expect(await workbookContent(await tablesToXlsx([table]))).toEqual(await workbookContent(await exceljsTablesToXlsx([table])));
  });

  it(
    'sweeps the same overlapping pairs as the self-join of the codings it replaced',
    withProject((ctx) => {
      const sql = (
        ctx.db
          .prepare(
            `SELECT a.id AS a, a.code_id AS ca, b.id AS b, b.code_id AS cb, a.source_id AS sid
           FROM codings a JOIN codings b ON b.source_id = a.source_id AND b.start >= a.start AND b.start < a.end
             AND (b.start > a.start OR b.id > a.id) AND b.coder_id = a.coder_id AND b.code_id <> a.code_id`,
          )
          .all() as { a: number; b: number }[]
      ).map((p) => `${p.a}/${p.b}`);
      const swept = overlapPairs(codingRanges(ctx.db, {}, undefined, { ids: true, coders: true })).map((p) => `${p.a}/${p.b}`);
      expect(sql.length).toBeGreaterThan(50);
      expect(swept.sort()).toEqual(sql.sort());
    }),
  );

  it(
    'reads the quoted excerpts as toExcerpt made them, fields in the same order',
    withProject((ctx) => {
      const ids = (ctx.db.prepare('SELECT id FROM codings ORDER BY id').all() as { id: number }[]).map((r) => r.id);
      const rows = ctx.db.prepare(EXCERPT_BY_IDS).all(JSON.stringify(ids)) as Parameters<typeof toExcerpt>[0][];
      const former = withPlaces(ctx.db, rows.map(toExcerpt));
      expect(former.some((x) => x.caseNames.length > 0)).toBe(true);
      expect(JSON.stringify(excerptsInAnyOrder(ctx.db, ids))).toBe(JSON.stringify(former));
    }),
  );

  it(
    'reads the quoted excerpts by their key, never scanning the codings (EXPLAIN QUERY PLAN)',
    withProject((ctx) => {
      for (const sql of [EXCERPT_BY_IDS, EXCERPT_BY_IDS_WITHOUT_CASES]) {
        const plan = (ctx.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('[1,2]') as { detail: string }[]).map((p) => p.detail);
        expect(plan).toContain('SEARCH k USING INTEGER PRIMARY KEY (rowid=?)');
        expect(plan.join(' | ')).not.toMatch(/SCAN k\b/);
      }
    }),
  );
});

describe('ZipStream', () => {
  it('writes entries given whole or in pieces, deflated, that other readers open', async () => {
    const zip = new ZipStream(1, new Date(2026, 10, 23, 9, 30, 12));
    const text = new TextEncoder().encode('Enquêtrice : le secret partagé… '.repeat(500));
    zip.add({ name: 'a.txt', data: text });
    const part = zip.open('dossier/b-é.xml');
    part.write(text.subarray(0, 1000));
    part.write(text.subarray(1000));
    part.end();
    const bytes = await zip.finish();
    expect(bytes.length).toBeLessThan(text.length);
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(['a.txt', 'dossier/b-é.xml']);
    expect(files['a.txt']).toEqual(text);
    expect(files['dossier/b-é.xml']).toEqual(text);
  });

  it('grows an entry past its first buffer, reuses buffers once deflated, and stores what deflate cannot shrink', async () => {
    const zip = new ZipStream(1);
    const big = new TextEncoder().encode('<c r="A1" s="2" t="s"><v>12</v></c>'.repeat(100_000));
    let x = 1;
    const noise = new Uint8Array(300_000).map(() => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24);
    const written: Record<string, Uint8Array> = {};
    for (let i = 0; i < 12; i++) {
      const part = zip.open(`p${i}.xml`);
      const data = i % 3 === 2 ? noise : big.subarray(0, big.length - i * 1000);
      part.write(data.subarray(0, 10));
      part.write(data.subarray(10));
      part.end();
      written[`p${i}.xml`] = data;
      // Deflated before the next is written: its buffer goes back to the pool.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const files = unzipSync(await zip.finish());
    expect(Object.keys(files)).toEqual(Object.keys(written));
    for (const [name, data] of Object.entries(written)) expect(files[name]).toEqual(data);
  });
});
