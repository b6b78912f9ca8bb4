// Triangulation cells through the contract, on real project files: what a cell counts (distinct
// passages), whose codings (union, one coder, agreement only), and which state it is in (evidence,
// silence, or no material of its kind), in the JSON and in every export.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Matrix, MatrixCell, MatrixRequest } from '../../analysis/matrix/types.ts';
import { createCase, linkSource } from '../../service/cases.ts';
import { resolveCode } from '../../service/codebook.ts';
import { ensureCoder } from '../../service/coders.ts';
import { insertCoding } from '../../service/codings.ts';
import type { ApiMethod, ArgsOf, ResultOf } from '../../service/contract/index.ts';
import { closeProject, createProject } from '../../service/project.ts';
import { Workspace } from '../../service/workspace.ts';
import { callerOf, contextOf } from '../helpers/contract.ts';
import { addText, tempDir } from '../helpers/project.ts';
import { readRfc4180 } from '../exchange/rfc4180.ts';

// TextDecoder drops the byte-order mark already; a string keeps it.
const parseCsv = (text: string) => readRfc4180(text.replace(/^\uFEFF/, ''), ';');

const open: Workspace[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

// 40 characters per sentence, so that ranges are easy to read.
const INTERVIEW = 'Le secret partagé protège les personnes. Les usagers ne viennent pas aux réunions. Rien sur la stigmatisation ici.';

interface Built {
  ws: Workspace;
  ids: Record<string, number>;
}

/**
 * A project on disk, built with the service and then opened by a workspace as a front end does.
 * `build` adds sources and codings; it returns the ids the test needs.
 */
function project(build: (ctx: ReturnType<typeof createProject>) => Record<string, number>): Built {
  const dir = tempDir();
  const path = join(dir, 'projet.tresse');
  const ctx = createProject(path, { grid: 'six-themes', coder: 'Camille' });
  const ids = build(ctx);
  closeProject(ctx);
  const ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
  open.push(ws);
  ws.open(path, 'Camille');
  return { ws, ids };
}

function coder(ctx: ReturnType<typeof createProject>) {
  return (codeRef: string, sourceId: number, start: number, end: number, coderId: number, valence: '+' | '-' | null = null) =>
    insertCoding(ctx, { sourceId, codeId: resolveCode(ctx.db, codeRef).id, start, end, coderId, valence }).id;
}

async function call<M extends ApiMethod>(ws: Workspace, method: M, arg: ArgsOf<M> | Record<string, unknown>): Promise<ResultOf<M>> {
  const result = await callerOf(contextOf(ws))(method, arg);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const cellAt = (m: Matrix, abbrev: string, column: string): MatrixCell => {
  const row = m.rows.find((r) => r.abbrev === abbrev);
  if (!row) throw new Error(`no row ${abbrev}`);
  return row.cells[m.columns.findIndex((c) => c.label === column)]!;
};
const states = (m: Matrix, abbrev: string) => m.rows.find((r) => r.abbrev === abbrev)!.cells.map((c) => c.state);

const TRIANGULATION: MatrixRequest = { type: 'triangulation', rows: 'codes' };

/** Interviews only: Camille codes CL1 on the first sentence of one interview. */
function interviewsOnly() {
  return project((ctx) => {
    const e1 = addText(ctx, 'E1', INTERVIEW, 'interview').id;
    coder(ctx)('CL1', e1, 0, 40, ctx.coder.id);
    return { e1 };
  });
}

describe('a cell says whether the selection has material of its kind', () => {
  it('shows "no material", never silence, under Documents and Observations of a project holding only interviews', async () => {
    const { ws } = interviewsOnly();
    const m = await call(ws, 'computeMatrix', TRIANGULATION);
    expect(m.columns.map((c) => c.label)).toEqual(['Documents', 'Entretiens', 'Observations']);
    expect(states(m, 'CL1')).toEqual(['no-material', 'evidence', 'no-material']);
    // CL4 has interviews to be found in, and is not: silence there only.
    expect(states(m, 'CL4')).toEqual(['no-material', 'silence', 'no-material']);
    expect(m.rows.find((r) => r.abbrev === 'CL4')!.silent).toEqual(['kind:Entretiens']);
    expect(m.rows.find((r) => r.abbrev === 'CL1')!.silent).toEqual([]);
    // One coder: nothing to say about whose codings.
    expect(m.coders).toEqual({ mode: 'union', coders: [{ id: expect.any(Number), name: 'Camille' }], team: false });
    expect(m.notes.join(' ')).not.toContain('Codages comptés');
  });

  it('says so in the CSV, the workbook, the Word annex, the HTML report and the heatmap', async () => {
    const { ws } = interviewsOnly();
    const cl4 = 'CL4 — Représentation et participation des usagers';
    const csv = new TextDecoder().decode(await call(ws, 'exportMatrix', { request: TRIANGULATION, format: 'csv' }));
    const rows = parseCsv(csv);
    expect(rows[0]![0]).toBe('Thème / question');
    const row = rows.find((r) => r[0] === cl4)!;
    expect(row.slice(1, 4)).toEqual(['— aucun matériau de ce type', '∅ silence', '— aucun matériau de ce type']);
    expect(row[4]).toBe('silence : Entretiens');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await call(ws, 'exportMatrix', { request: TRIANGULATION, format: 'xlsx' })) as never);
    const sheet = wb.getWorksheet('Triangulation')!;
    const xrow = sheet.getRows(2, sheet.rowCount)!.find((r) => String(r.getCell(1).value).trim() === cl4)!;
    expect([2, 3, 4].map((i) => String(xrow.getCell(i).value))).toEqual(['— aucun matériau de ce type', '∅ silence', '— aucun matériau de ce type']);

    const docx = strFromU8(unzipSync(await call(ws, 'exportMatrix', { request: TRIANGULATION, format: 'docx' }))['word/document.xml']!);
    const docRow = docx.match(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g)!.find((x) => x.includes('CL4 — '))!;
    expect(docRow.split('— aucun matériau de ce type')).toHaveLength(3);
    expect(docRow).toContain('∅ silence');

    const html = new TextDecoder().decode(await call(ws, 'exportMatrix', { request: TRIANGULATION, format: 'html' }));
    const htmlRow = html.split('\n').find((l) => l.startsWith('<tr><th scope="row"') && l.includes('CL4 — '))!;
    expect(htmlRow.match(/<td class="no-material">/g)).toHaveLength(2);
    expect(htmlRow.match(/<td class="silent">/g)).toHaveLength(1);

    const [heatmap] = await call(ws, 'matrixPictures', TRIANGULATION);
    expect(heatmap!.svg).toContain('aucun matériau de ce type dans la sélection');
    expect(heatmap!.svg).toContain('>—<');
  });

  it('counts the filtered selection: filtering on interviews leaves the other kinds without material', async () => {
    const { ws, ids } = project((ctx) => {
      const e1 = addText(ctx, 'E1', INTERVIEW, 'interview').id;
      const d1 = addText(ctx, 'Charte', 'La charte dit que le secret se partage au minimum nécessaire.', 'document').id;
      const p1 = createCase(ctx, { name: 'P1' }).id;
      const p2 = createCase(ctx, { name: 'P2' }).id;
      linkSource(ctx, p1, e1);
      coder(ctx)('CL1', e1, 0, 40, ctx.coder.id);
      return { e1, d1, p1, p2 };
    });
    const all = await call(ws, 'computeMatrix', TRIANGULATION);
    expect(states(all, 'CL1')).toEqual(['silence', 'evidence', 'no-material']);
    const interviews = await call(ws, 'computeMatrix', { ...TRIANGULATION, filter: { sourceKinds: ['interview'] } });
    expect(states(interviews, 'CL1')).toEqual(['no-material', 'evidence', 'no-material']);
    // P2 has no interview: in its grid, its own interview column has no material, not silence.
    const grid = await call(ws, 'computeMatrix', { type: 'participant', caseId: ids.p2! });
    expect(grid.columns[0]!.label).toBe('Entretiens');
    expect(states(grid, 'CL1')).toEqual(['no-material', 'silence', 'no-material']);
  });
});

/** Camille and Léo on one interview and a meeting. */
function team() {
  return project((ctx) => {
    const leo = ensureCoder(ctx.db, 'Léo').id;
    const camille = ctx.coder.id;
    const e1 = addText(ctx, 'E1', INTERVIEW, 'interview').id;
    const o1 = addText(ctx, 'Réunion', 'La coordinatrice rappelle la charte. Aucun usager présent ce jour-là.', 'observation').id;
    const code = coder(ctx);
    const k = {
      // The same sentence coded CL1 by both: one passage.
      c1: code('CL1', e1, 0, 40, camille, '+'),
      l1: code('CL1', e1, 0, 40, leo),
      // Overlapping CL4 codings by the two coders: one passage, agreed on [50, 60).
      c2: code('CL4', e1, 41, 60, camille),
      l2: code('CL4', e1, 50, 82, leo),
      // Touching CL4 codings by Camille alone: two passages, none agreed.
      c3: code('CL4', o1, 0, 36, camille),
      c4: code('CL4', o1, 36, 69, camille),
      // Léo alone codes CL1 in the meeting.
      l3: code('CL1', o1, 0, 36, leo, '-'),
    };
    return { ...k, camille, leo, e1, o1 };
  });
}

describe('a cell counts distinct passages, and says whose codings', () => {
  it('counts a passage coded by two team members once, and overlapping codings as one passage', async () => {
    const { ws, ids } = team();
    const m = await call(ws, 'computeMatrix', { ...TRIANGULATION, valences: true });
    expect(cellAt(m, 'CL1', 'Entretiens')).toMatchObject({ count: 1, codings: 2, sources: 1, positive: 1, negative: 0 });
    expect([...cellAt(m, 'CL1', 'Entretiens').excerptIds].sort((a, b) => a - b)).toEqual([ids.c1, ids.l1].sort((a, b) => a! - b!));
    expect(cellAt(m, 'CL4', 'Entretiens')).toMatchObject({ count: 1, codings: 2 });
    // [0,36) and [36,69) touch without sharing a character: two passages.
    expect(cellAt(m, 'CL4', 'Observations')).toMatchObject({ count: 2, codings: 2 });
    // The theme row: in E1, CL1 [0,40) and CL4 [41,82) do not meet (2); in the meeting, CL1 [0,36) lies within CL4's first passage (2).
    expect(cellAt(m, 'CL', 'Entretiens')).toMatchObject({ count: 2, codings: 4 });
    expect(cellAt(m, 'CL', 'Observations')).toMatchObject({ count: 2, codings: 3, negative: 1 });
    expect(m.coders).toEqual({
      mode: 'union',
      coders: [
        { id: ids.camille, name: 'Camille' },
        { id: ids.leo, name: 'Léo' },
      ],
      team: true,
    });
    expect(m.notes[0]).toBe('Codages comptés : union de tous les codeurs (Camille, Léo) ; un passage codé par plusieurs codeurs compte une fois.');
    // The cell's excerpts are the codings behind its passages.
    const cl4 = m.rows.find((r) => r.abbrev === 'CL4')!;
    const excerpts = await call(ws, 'matrixCellExcerpts', { request: TRIANGULATION, rowKey: cl4.key, columnKey: 'kind:Entretiens' });
    expect(excerpts.total).toBe(2);
  });

  it('counts one coder’s codings, or only the stretches every coder coded (agreement)', async () => {
    const { ws, ids } = team();
    const leo = await call(ws, 'computeMatrix', { ...TRIANGULATION, filter: { coderIds: [ids.leo!] } });
    expect(leo.coders).toMatchObject({ mode: 'coder', coders: [{ id: ids.leo, name: 'Léo' }] });
    expect(cellAt(leo, 'CL4', 'Observations').state).toBe('silence');
    expect(cellAt(leo, 'CL1', 'Observations')).toMatchObject({ count: 1, state: 'evidence' });
    expect(leo.notes[0]).toBe('Codages comptés : ceux de Léo seulement.');

    const agreed = await call(ws, 'computeMatrix', { ...TRIANGULATION, filter: { agreement: true } });
    expect(agreed.coders).toMatchObject({ mode: 'agreement', team: true });
    expect(agreed.coders!.coders.map((c) => c.name)).toEqual(['Camille', 'Léo']);
    // Both coded CL1 on the first sentence, and overlapped on CL4 in E1.
    expect(cellAt(agreed, 'CL1', 'Entretiens')).toMatchObject({ count: 1, codings: 2, state: 'evidence' });
    expect(cellAt(agreed, 'CL4', 'Entretiens')).toMatchObject({ count: 1, codings: 2, state: 'evidence' });
    // In the meeting, CL4 is Camille's alone and CL1 Léo's alone: no agreement, silence.
    expect(cellAt(agreed, 'CL4', 'Observations')).toMatchObject({ count: 0, state: 'silence' });
    expect(cellAt(agreed, 'CL1', 'Observations')).toMatchObject({ count: 0, state: 'silence' });
    // The theme row agrees where both coded any of its codes: Camille's CL4 and Léo's CL1 meet on [0,36).
    expect(cellAt(agreed, 'CL', 'Observations')).toMatchObject({ count: 1, codings: 2 });
    expect(agreed.notes[0]).toBe('Codages comptés : accord seulement, les passages que Camille, Léo ont tous codés avec le thème.');
    // Agreement of one chosen coder is that coder's codings.
    const alone = await call(ws, 'computeMatrix', { ...TRIANGULATION, filter: { coderIds: [ids.camille!], agreement: true } });
    expect(alone.coders!.mode).toBe('coder');
  });

  it('says whose codings in the exports’ header line and in each cell', async () => {
    const { ws } = team();
    const request: MatrixRequest = { ...TRIANGULATION, filter: { agreement: true } };
    const csv = parseCsv(new TextDecoder().decode(await call(ws, 'exportMatrix', { request, format: 'csv' })));
    expect(csv[0]![0]).toBe('Thème / question (accord de Camille, Léo)');
    const cl1 = csv.find((r) => r[0]!.startsWith('CL1 — '))!;
    expect(cl1[2]).toContain('1 passage(s) distinct(s) (2 codage(s)), 1 source(s), 0 cas ; accord de Camille, Léo');
    const html = new TextDecoder().decode(await call(ws, 'exportMatrix', { request, format: 'html' }));
    expect(html).toContain('Codages comptés : accord seulement, les passages que Camille, Léo ont tous codés avec le thème.');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await call(ws, 'exportMatrix', { request, format: 'xlsx' })) as never);
    expect(wb.getWorksheet('Triangulation')!.getRow(1).getCell(1).value).toBe('Thème / question (accord de Camille, Léo)');
  });

  it('refuses a coder who does not exist, in the user’s language, and changes nothing', async () => {
    const { ws } = team();
    const result = await callerOf(contextOf(ws))('computeMatrix', { ...TRIANGULATION, filter: { coderIds: [9999] } });
    expect(result).toMatchObject({ ok: false, error: { code: 'coder.unknown', message: 'Codeur inconnu : #9999' } });
    const exported = await callerOf(contextOf(ws))('exportMatrix', {
      request: { ...TRIANGULATION, filter: { coderIds: [9999], agreement: true } },
      format: 'csv',
    });
    expect(exported).toMatchObject({ ok: false, error: { code: 'coder.unknown' } });
    const bad = await callerOf(contextOf(ws))('computeMatrix', { ...TRIANGULATION, filter: { agreement: 'yes' } });
    expect(bad.ok).toBe(false);
  });
});
