// The analysis methods as the panel calls them, through the same argument check and dispatch as
// both shells, on the demo project: what the panel shows must be what the service computes, and
// what it writes must come back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Matrix, MatrixRequest } from '../../../analysis/matrix/types.ts';
import type { ApiMethod, ArgsOf, ResultOf, TresseApi } from '../../../service/contract/index.ts';
import { createDemoProject } from '../../../service/demo.ts';
import { apiOf, callerOf, contextOf } from '../../helpers/contract.ts';
import { Workspace } from '../../../service/workspace.ts';

let dir: string;
let ws: Workspace;
let api: TresseApi;

/** One call as the page makes it: checked, dispatched, unwrapped. */
async function call<M extends ApiMethod>(method: M, arg: ArgsOf<M> | Record<string, unknown>): Promise<ResultOf<M>> {
  const result = await callerOf(contextOf(ws))(method, arg);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tresse-analysis-api-'));
  const path = join(dir, 'demo.tresse');
  await createDemoProject(path);
  ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
  api = apiOf(contextOf(ws));
  ws.open(path);
}, 60_000);
afterAll(() => {
  ws?.close();
  rmSync(dir, { recursive: true, force: true });
});

const TRIANGULATION: MatrixRequest = { type: 'triangulation', rows: 'codes' };
const rowOf = (m: Matrix, abbrev: string) => m.rows.find((r) => r.abbrev === abbrev)!;

describe('the analysis API', () => {
  it('computes counts without excerpt ids, and a cell’s excerpts when it is opened', async () => {
    const light = await call('computeMatrix', { ...TRIANGULATION, excerptIds: false });
    const full = await call('computeMatrix', TRIANGULATION);
    const cl = rowOf(light, 'CL');
    expect(cl.cells.every((c) => c.excerptIds.length === 0)).toBe(true);
    expect(cl.cells.map((c) => c.count)).toEqual(rowOf(full, 'CL').cells.map((c) => c.count));
    const j = light.columns.findIndex((c) => c.label === 'Entretiens');
    const page = await call('matrixCellExcerpts', { request: TRIANGULATION, rowKey: cl.key, columnKey: light.columns[j]!.key, limit: 5 });
    expect(page.total).toBe(cl.cells[j]!.codings);
    expect(page.excerpts).toHaveLength(Math.min(5, page.total));
    expect(page.excerpts.every((x) => x.sourceKind === 'interview')).toBe(true);
    const rest = await call('matrixCellExcerpts', { request: TRIANGULATION, rowKey: cl.key, columnKey: light.columns[j]!.key, offset: 5 });
    const ids = [...page.excerpts, ...rest.excerpts].map((x) => x.id);
    expect(new Set(ids).size).toBe(page.total);
    expect(ids.sort((a, b) => a - b)).toEqual([...rowOf(full, 'CL').cells[j]!.excerptIds].sort((a, b) => a - b));
  });

  it('keeps a synthesis per grid: the triangulation matrix and one participant’s grid apart', async () => {
    const m = await call('computeMatrix', TRIANGULATION);
    const cl = rowOf(m, 'CL');
    await call('setCellSynthesis', { grid: {}, rowKey: cl.key, columnKey: 'kind:Documents', text: '  La charte cadre le partage.  ' });
    expect(rowOf(await call('computeMatrix', TRIANGULATION), 'CL').cells[0]!.synthesis).toBe('La charte cadre le partage.');
    const p1 = (await api.listCases()).find((c) => c.name === 'P1')!;
    const grid = await call('computeMatrix', { type: 'participant', caseId: p1.id, rows: 'codes' });
    expect(rowOf(grid, 'CL').cells.some((c) => c.synthesis)).toBe(false);
    await call('setCellSynthesis', { grid: {}, rowKey: cl.key, columnKey: 'kind:Documents', text: '' });
    expect(rowOf(await call('computeMatrix', TRIANGULATION), 'CL').cells[0]!.synthesis).toBeUndefined();
  });

  it('sets a verdict with its note and reports the computed silence, and refuses silence as a verdict', async () => {
    const m = await call('computeMatrix', TRIANGULATION);
    const cl4 = rowOf(m, 'CL4');
    const done = await call('setRowVerdict', { grid: {}, rowKey: cl4.key, verdict: 'complementarity', note: 'Les usagers parlent en réunion.' });
    expect(done.verdict).toMatchObject({ verdict: 'complementarity', note: 'Les usagers parlent en réunion.', author: 'Camille' });
    expect(done.silent).toEqual(cl4.silent);
    await expect(call('setRowVerdict', { grid: {}, rowKey: cl4.key, verdict: 'silence' })).rejects.toThrow(/value\.invalid/);
    await call('setRowVerdict', { grid: {}, rowKey: cl4.key, verdict: null });
    expect(rowOf(await call('computeMatrix', TRIANGULATION), 'CL4').verdict).toBeNull();
  });

  it('defines, renames and removes a research question, which becomes a row', async () => {
    const codes = await api.listCodes();
    const id = (abbrev: string) => codes.find((c) => c.abbrev === abbrev)!.id;
    const q = await call('saveQuestion', { name: 'Le secret partagé freine-t-il ?', codeIds: [id('CL1'), id('PA4')] });
    const renamed = await call('saveQuestion', { id: q.id, name: 'Le secret partagé gêne-t-il ?', codeIds: [id('CL1')] });
    expect(renamed).toMatchObject({ id: q.id, name: 'Le secret partagé gêne-t-il ?', codeIds: [id('CL1')] });
    const byQuestion = await call('computeMatrix', { type: 'triangulation', rows: 'questions' });
    const codesMatrix = await call('computeMatrix', TRIANGULATION);
    expect(byQuestion.rows.map((r) => r.label)).toEqual(['Le secret partagé gêne-t-il ?']);
    expect(byQuestion.rows[0]!.cells.map((c) => c.count)).toEqual(rowOf(codesMatrix, 'CL1').cells.map((c) => c.count));
    await call('deleteQuestion', { id: q.id });
    expect(await call('listQuestions', {})).toEqual([]);
  });

  it('moves a kind of source to another column and back to the default', async () => {
    const moved = await call('setKindColumn', { kind: 'notebook', label: 'Carnet' });
    expect(moved.map((c) => c.label)).toEqual(['Documents', 'Entretiens', 'Observations', 'Carnet']);
    expect((await call('computeMatrix', TRIANGULATION)).columns.map((c) => c.label)).toContain('Carnet');
    const reset = await call('resetKindColumns', {});
    expect(reset.map((c) => c.label)).toEqual(['Documents', 'Entretiens', 'Observations']);
  });

  it('returns pictures as SVG text and exports as bytes of the format asked for', async () => {
    const pictures = await call('matrixPictures', { type: 'frequencies', rows: 'codes' });
    expect(pictures.map((p) => p.name)).toEqual(['bars', 'sunburst']);
    for (const p of pictures) expect(p.svg.startsWith('<svg')).toBe(true);
    const xlsx = await call('exportMatrix', { request: TRIANGULATION, format: 'xlsx' });
    expect(new TextDecoder().decode(xlsx.subarray(0, 2))).toBe('PK');
    const html = new TextDecoder().decode(await call('exportMatrix', { request: TRIANGULATION, format: 'html' }));
    expect(html).toContain('<table>');
    expect(html).not.toContain('<script');
    const csv = new TextDecoder().decode(await call('exportMatrix', { request: { type: 'frequencies', rows: 'codes' }, format: 'csv' }));
    expect(csv.split('\r\n')[1]).toMatch(/^SM — Santé mentale/);
  });

  it('refuses a malformed request before it reaches the project', async () => {
    await expect(call('computeMatrix', { type: 'triangulation', filter: { from: '12/03/2026' } })).rejects.toThrow(/computeMatrix\.filter\.from/);
    await expect(call('exportMatrix', { request: TRIANGULATION, format: 'pdf' })).rejects.toThrow(/exportMatrix\.format/);
  });
});
