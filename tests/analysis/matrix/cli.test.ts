import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/project.ts';
import { tresse } from '../../helpers/cli.ts';

describe('tresse matrix, synthesis, verdict, question, columns', () => {
  it('computes, annotates and exports the analysis grid of the demo project', async () => {
    const dir = tempDir();
    expect((await tresse(dir, 'demo', 'd.tresse')).code).toBe(0);

    const json = JSON.parse((await tresse(dir, 'matrix', 'd.tresse', '--rows', 'themes', '--format', 'json')).out);
    expect(json.columns.map((c: { label: string }) => c.label)).toEqual(['Documents', 'Entretiens', 'Observations']);
    const cl = json.rows.find((r: { abbrev: string }) => r.abbrev === 'CL');
    expect(cl.cells.every((c: { count: number; codings: number; excerptIds: number[] }) => c.count > 0 && c.excerptIds.length === c.codings)).toBe(true);
    // The demo is a team project: --agreement counts only what every coder coded, never more than the union.
    const agreed = JSON.parse((await tresse(dir, 'matrix', 'd.tresse', '--rows', 'themes', '--agreement', '--format', 'json')).out);
    expect(json.coders).toMatchObject({ mode: 'union', team: true });
    expect(agreed.coders.mode).toBe('agreement');
    const agreedCl = agreed.rows.find((r: { abbrev: string }) => r.abbrev === 'CL');
    cl.cells.forEach((c: { count: number }, i: number) => expect(agreedCl.cells[i].count).toBeLessThanOrEqual(c.count));
    expect((await tresse(dir, 'matrix', 'd.tresse', '--coder', 'Personne')).code).not.toBe(0);

    const syn = await tresse(dir, 'synthesis', 'd.tresse', '--row', 'CL1', '--col', 'Entretiens', '--text', 'Le secret partagé ne gêne pas.');
    expect(syn.code).toBe(0);
    expect(syn.out).toContain('Synthèse enregistrée');
    const ver = await tresse(dir, 'verdict', 'd.tresse', '--row', 'CL1', 'dissonance', '--note', 'L’atelier dit « violent ».', '--coder', 'Camille');
    expect(ver.code).toBe(0);
    expect((await tresse(dir, 'verdict', 'd.tresse', '--row', 'CL1', 'accord')).code).toBe(2);

    expect((await tresse(dir, 'question', 'd.tresse', 'add', 'Place des usagers', '--codes', 'CL4,ST3')).code).toBe(0);
    const q = JSON.parse((await tresse(dir, 'matrix', 'd.tresse', '--rows', 'questions', '--json')).out);
    expect(q.rows.map((r: { label: string }) => r.label)).toEqual(['Place des usagers']);
    expect(q.rows[0].silent).toEqual(['kind:Documents']);

    const csv = await tresse(dir, 'matrix', 'd.tresse', '--format', 'csv', '--out', 'grille.csv');
    expect(csv.code).toBe(0);
    const text = readFileSync(join(dir, 'grille.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('Le secret partagé ne gêne pas.');
    expect(text).toContain('dissonance');

    expect((await tresse(dir, 'matrix', 'd.tresse', '--format', 'xlsx')).code).toBe(2);
    expect((await tresse(dir, 'matrix', 'd.tresse', '--type', 'participant')).code).toBe(1);
    const grid = JSON.parse((await tresse(dir, 'matrix', 'd.tresse', '--case', 'P1', '--json')).out);
    expect(grid.type).toBe('participant');
    expect(grid.columns[0].label).toBe('Entretiens');

    const cell = JSON.parse((await tresse(dir, 'matrix', 'd.tresse', '--row', 'CL4', '--col', 'Observations', '--json')).out);
    expect(cell.total).toBe(cell.excerpts.length);
    expect(cell.excerpts.length).toBeGreaterThan(0);

    const leo = JSON.parse((await tresse(dir, 'matrix', 'd.tresse', '--coder', 'Léo', '--rows', 'themes', '--json')).out);
    const all = json.rows.reduce((n: number, r: { cells: { count: number }[] }) => n + r.cells.reduce((k, c) => k + c.count, 0), 0);
    const some = leo.rows.reduce((n: number, r: { cells: { count: number }[] }) => n + r.cells.reduce((k, c) => k + c.count, 0), 0);
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(all);

    expect((await tresse(dir, 'columns', 'd.tresse', 'set', 'carnet', 'Carnet')).code).toBe(0);
    const cols = JSON.parse((await tresse(dir, 'columns', 'd.tresse', '--json')).out);
    expect(cols).toContainEqual({ label: 'Carnet', kinds: ['notebook'] });
    const svg = await tresse(dir, 'matrix', 'd.tresse', '--type', 'frequencies', '--format', 'svg', '--picture', 'bars');
    expect(svg.out).toMatch(/^<svg/);
    expect((await tresse(dir, 'matrix', 'd.tresse', '--from', '12 mars')).code).toBe(2);

    // The whole grid for the supervisor: triangulation, one grid per interviewed case (P1..P6), frequencies, co-occurrence.
    expect((await tresse(dir, 'matrix', 'd.tresse', '--type', 'all', '--format', 'html', '--out', 'grille.html')).code).toBe(0);
    const html = readFileSync(join(dir, 'grille.html'), 'utf8');
    expect(html.match(/<h2>/g)).toHaveLength(9);
    expect(html).toContain('<h2>Grille par participant — P6</h2>');
  });
});
