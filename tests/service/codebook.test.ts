import { hcl, lab } from 'd3';
import { describe, expect, it } from 'vitest';
import { TresseError } from '../../i18n/error.ts';
import { addCode, codeAndDescendants, deleteCode, getCode, listCodes, mergeCodes, moveCode, resolveCode, updateCode } from '../../service/codebook.ts';
import { addCoding } from '../../service/codings.ts';
import { addText, newProject } from '../helpers/project.ts';

/** CIE76 ΔE (d3's CIELAB): above 12, plainly another colour. */
const deltaE = (a: string, b: string) => {
  const [x, y] = [lab(a), lab(b)];
  return Math.hypot(x.l - y.l, x.a - y.a, x.b - y.b);
};
const hueGap = (a: string, b: string) => {
  const d = Math.abs(hcl(a).h - hcl(b).h) % 360;
  return Math.min(d, 360 - d);
};

describe('the codebook', () => {
  it('starts from the six-theme grid with its sub-codes', () => {
    const ctx = newProject();
    const codes = listCodes(ctx.db);
    const roots = codes.filter((c) => c.parentId === null);
    expect(roots.map((c) => c.abbrev)).toEqual(['SM', 'SC', 'CL', 'PA', 'ST', 'DI']);
    const cl = resolveCode(ctx.db, 'CL');
    expect(cl.name).toBe('Cadre légal et place des usagers');
    expect(codes.filter((c) => c.parentId === cl.id).length).toBeGreaterThan(2);
  });

  it('starts empty from the empty grid', () => {
    expect(listCodes(newProject({ grid: 'empty' }).db)).toEqual([]);
  });

  it('finds a code by abbreviation, path or unique name, ignoring case and accents', () => {
    const ctx = newProject();
    const byAbbrev = resolveCode(ctx.db, 'cl1');
    expect(resolveCode(ctx.db, 'secret professionnel et partage d’informations'.replace('’', "'")).id).toBe(byAbbrev.id);
    expect(resolveCode(ctx.db, `Cadre legal et place des usagers / ${byAbbrev.name}`).id).toBe(byAbbrev.id);
    expect(() => resolveCode(ctx.db, 'nulle part')).toThrow(TresseError);
  });

  it('refuses an ambiguous name and lists the candidates', () => {
    const ctx = newProject({ grid: 'empty' });
    const a = addCode(ctx, { name: 'A' });
    const b = addCode(ctx, { name: 'B' });
    addCode(ctx, { name: 'Freins', parentId: a.id });
    addCode(ctx, { name: 'Freins', parentId: b.id });
    try {
      resolveCode(ctx.db, 'freins');
      expect.unreachable();
    } catch (e) {
      expect((e as TresseError).code).toBe('code.ambiguous');
      expect((e as TresseError).format('fr')).toContain('A/Freins');
    }
    expect(resolveCode(ctx.db, 'B/Freins').parentId).toBe(b.id);
  });

  it('adds, renames, recolours and redefines, returning the previous state for undo', () => {
    const ctx = newProject({ grid: 'empty' });
    const parent = addCode(ctx, { name: 'Partenariat', color: '#0072B2' });
    const child = addCode(ctx, { name: 'Freins', parentId: parent.id });
    // Without a colour: one of the parent's blue family, yet plainly not the parent's own.
    expect(child.color).not.toBe(parent.color.toLowerCase());
    expect(hueGap(child.color, '#0072b2')).toBeLessThan(30);
    expect(deltaE(child.color, '#0072b2')).toBeGreaterThan(12);
    const { before, after } = updateCode(ctx, child.id, { name: 'Obstacles', color: '#d55e00', definition: 'Ce qui gêne.' });
    expect(before.name).toBe('Freins');
    expect(after).toMatchObject({ name: 'Obstacles', color: '#d55e00', definition: 'Ce qui gêne.' });
    expect(() => addCode(ctx, { name: 'obstacles', parentId: parent.id })).toThrow(/exists/);
    expect(() => updateCode(ctx, child.id, { color: 'rouge' })).toThrow(/colour/);
  });

  it('gives a code made without a colour one that no code of the grid has, nor looks like', () => {
    const ctx = newProject();
    const grid = listCodes(ctx.db).map((c) => c.color);
    const pa = resolveCode(ctx.db, 'PA');
    const sub = addCode(ctx, { name: 'Bailleurs', parentId: pa.id });
    // PA's family has one colour left: the new sub-code takes it, in PA's hue family.
    expect(hueGap(sub.color, pa.color)).toBeLessThan(30);
    for (const c of grid) expect(deltaE(sub.color, c)).toBeGreaterThan(12);
    const top = addCode(ctx, { name: 'Logement' });
    const transport = addCode(ctx, { name: 'Transport' });
    for (const c of [...grid, sub.color]) expect(deltaE(top.color, c)).toBeGreaterThan(12);
    for (const c of [...grid, sub.color, top.color]) expect(deltaE(transport.color, c)).toBeGreaterThan(12);
    const elus = addCode(ctx, { name: 'Élus', parentId: pa.id });
    for (const c of [...grid, top.color, transport.color, sub.color]) expect(deltaE(elus.color, c)).toBeGreaterThan(12);
  });

  it('moves a code under another, and refuses a cycle', () => {
    const ctx = newProject({ grid: 'empty' });
    const a = addCode(ctx, { name: 'A' });
    const b = addCode(ctx, { name: 'B', parentId: a.id });
    const c = addCode(ctx, { name: 'C' });
    moveCode(ctx, c.id, b.id);
    expect(codeAndDescendants(ctx.db, a.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(() => moveCode(ctx, a.id, c.id)).toThrow(/under itself/);
    moveCode(ctx, c.id, null, 0);
    expect(
      listCodes(ctx.db)
        .filter((x) => x.parentId === null)
        .map((x) => x.name),
    ).toEqual(['C', 'A']);
  });

  it('merges two codes: codings move to the survivor, a passage already held is not doubled', () => {
    const ctx = newProject({ grid: 'empty' });
    const src = addText(ctx, 'E1', 'Le secret partagé reste un sujet délicat pour les équipes.');
    const a = addCode(ctx, { name: 'Secret partagé' });
    const b = addCode(ctx, { name: 'Secret professionnel' });
    const sub = addCode(ctx, { name: 'RGPD', parentId: a.id });
    addCoding(ctx, { sourceId: src.id, codeId: a.id, start: 3, end: 17 });
    addCoding(ctx, { sourceId: src.id, codeId: a.id, start: 40, end: 50 });
    const inside = addCoding(ctx, { sourceId: src.id, codeId: a.id, start: 20, end: 25, memo: 'sujet' });
    addCoding(ctx, { sourceId: src.id, codeId: b.id, start: 3, end: 17 });
    const wide = addCoding(ctx, { sourceId: src.id, codeId: b.id, start: 18, end: 32 });
    const result = mergeCodes(ctx, a.id, b.id);
    // [3,17) is there already; [20,25) lies inside [18,32) and gives it its memo; [40,50) moves.
    expect(result).toEqual({ moved: 1, duplicates: 2 });
    const survivor = listCodes(ctx.db).find((c) => c.id === b.id)!;
    expect(survivor.codingCount).toBe(3);
    expect(ctx.db.prepare('SELECT coding_id FROM memos WHERE text = ?').pluck().get('sujet')).toBe(wide.id);
    expect(ctx.db.prepare('SELECT count(*) FROM codings WHERE id = ?').pluck().get(inside.id)).toBe(0);
    expect(getCode(ctx.db, sub.id).parentId).toBe(b.id);
    expect(() => getCode(ctx.db, a.id)).toThrow(TresseError);
  });

  it('asks for confirmation before deleting a code that carries codings, then deletes them', () => {
    const ctx = newProject({ grid: 'empty' });
    const src = addText(ctx, 'E1', 'Une phrase codée.');
    const a = addCode(ctx, { name: 'A' });
    const sub = addCode(ctx, { name: 'A1', parentId: a.id });
    addCoding(ctx, { sourceId: src.id, codeId: sub.id, start: 0, end: 6 });
    expect(() => deleteCode(ctx, a.id)).toThrow(expect.objectContaining({ code: 'code.deleteNeedsConfirm' }));
    expect(listCodes(ctx.db)).toHaveLength(2);
    const deleted = deleteCode(ctx, a.id, true);
    expect(deleted.codings).toBe(1);
    expect(listCodes(ctx.db)).toHaveLength(0);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM codings').get()).toEqual({ n: 0 });
  });
});
