import { describe, expect, it } from 'vitest';
import { compareCodebooks } from '../../codebooks/compare.ts';
import { book, guid, mine, theirs } from './fixtures.ts';

const diff = compareCodebooks(mine, theirs);
const names = (list: Array<{ a?: { name: string }; b?: { name: string } }>) => list.map((d) => (d.b ?? d.a)!.name);

describe('compareCodebooks', () => {
  it('pairs codes by guid, then by path ignoring accents and case, then by unique name', () => {
    const by = Object.fromEntries(diff.matches.map((m) => [m.b.name, m.by]));
    expect(by).toEqual({
      'Cadre légal et usagers': 'guid',
      'Soins sans consentement': 'guid',
      Partenariat: 'guid',
      Freins: 'guid',
      Securite: 'path',
      'Risques au domicile': 'path',
      'Ressources du territoire': 'name',
    });
  });

  it('lists codes only in theirs as added and only in mine as removed', () => {
    expect(names(diff.added)).toEqual(['Difficultés', 'Co-construction']);
    expect(names(diff.removed)).toEqual(['Logement']);
  });

  it('reports renames of the same code, including an accent-only change', () => {
    const sure = diff.renamed.filter((r) => !r.proposed);
    expect(sure.map((r) => [r.a.name, r.b.name])).toEqual([
      ['Cadre légal', 'Cadre légal et usagers'],
      ['Sécurité', 'Securite'],
    ]);
  });

  it('proposes "Secret partagé" / "Secret professionnel partagé" as a possible rename, with a score', () => {
    const proposed = diff.renamed.filter((r) => r.proposed);
    expect(proposed.map((r) => [r.a.name, r.b.name])).toEqual([['Secret partagé', 'Secret professionnel partagé']]);
    const score = proposed[0]!.proposed ? proposed[0]!.score : 0;
    expect(score).toBeGreaterThan(0.8);
    expect(score).toBeLessThanOrEqual(1);
    expect(names(diff.added)).not.toContain('Secret professionnel partagé');
    expect(names(diff.removed)).not.toContain('Secret partagé');
  });

  it('reports moves by parent identity, not by parent name', () => {
    // "Risques au domicile" stays under the same (renamed) code: not a move
    expect(diff.moved.map((m) => [m.b.name, m.a.path.join(' / '), m.b.path.join(' / ')])).toEqual([
      ['Ressources du territoire', 'Partenariat / Ressources du territoire', 'Cadre légal et usagers / Ressources du territoire'],
      ['Freins', 'Partenariat / Freins', 'Difficultés / Freins'],
    ]);
  });

  it('reports changed definitions field by field, and changed colours', () => {
    expect(diff.redefined.map((r) => [r.b.name, r.fields])).toEqual([['Soins sans consentement', ['definition', 'example']]]);
    expect(diff.recoloured.map((r) => [r.a.color, r.b.color])).toEqual([['#cc79a7', '#d55e00']]);
  });

  it('gives every difference a distinct id', () => {
    const all = [diff.added, diff.removed, diff.renamed, diff.moved, diff.redefined, diff.recoloured].flat().map((d) => d.id);
    expect(new Set(all).size).toBe(all.length);
  });

  it('finds nothing between a codebook and itself, even with other guids and another letter case', () => {
    const copy = mine.map((c) => ({ ...c, guid: guid(c.id + 500), name: c.name.toUpperCase(), color: c.color.toUpperCase() }));
    const d = compareCodebooks(mine, copy);
    expect(d.matches).toHaveLength(mine.length);
    expect([d.added, d.removed, d.moved, d.redefined, d.recoloured].flat()).toEqual([]);
    expect(d.renamed.every((r) => !r.proposed && r.by === 'path')).toBe(true);
  });

  it('does not match by name when the name is not unique, nor propose unrelated names', () => {
    const a = book([
      [1, null, 'Partenariat', 1],
      [2, 1, 'Autre', 2],
      [3, null, 'Stigmatisation', 3],
      [4, 3, 'Autre', 4],
      [5, null, 'Logement', 5],
    ]);
    const b = book([
      [1, null, 'Divers', 11],
      [2, 1, 'Autre', 12],
      [3, null, 'Précarité économique', 13],
    ]);
    const d = compareCodebooks(a, b);
    expect(d.matches).toEqual([]);
    expect(d.renamed.some((r) => r.b.name === 'Précarité économique')).toBe(false);
    expect(d.renamed.some((r) => r.b.name === 'Divers')).toBe(false);
  });
});
