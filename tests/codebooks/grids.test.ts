import { describe, expect, it } from 'vitest';
import { hcl, lab } from 'd3';
import { listGrids, loadGrid } from '../../codebooks/grids.ts';
import { walk, type GridCode } from '../../codebooks/tree.ts';
import { TresseError } from '../../i18n/error.ts';

const SUBCODES = [
  ['SM1', "Profil de l'interlocuteur"],
  ['SM2', 'Contact avec les personnes concernées'],
  ['SM3', 'Formation en santé mentale'],
  ['SM4', 'Définition de la santé mentale'],
  ['SM5', 'Problématiques fréquentes du territoire'],
  ['SC1', 'Ce qui rend une situation complexe'],
  ['SC2', 'Fonctionnement des cellules de cas complexes'],
  ['SC3', 'Avant / après le conseil'],
  ['SC4', 'Apports pour les professionnels'],
  ['SC5', 'Effets pour la personne concernée'],
  ['CL1', "Secret professionnel et partage d'informations"],
  ['CL2', 'Soins sans consentement'],
  ['CL3', 'Ce qui facilite ou complique le cadre légal'],
  ['CL4', 'Représentation et participation des usagers'],
  ['PA1', 'Partenaires mobilisés'],
  ['PA2', 'Façons de travailler ensemble'],
  ['PA3', 'Facteurs facilitants'],
  ['PA4', 'Freins au partenariat'],
  ['ST1', 'Effet déstigmatisant du travail partagé'],
  ['ST2', 'Représentations et vocabulaire négatifs'],
  ['ST3', 'Auto-stigmatisation'],
  ['ST4', 'Actions de sensibilisation'],
  ['DI1', 'Difficultés de prise en charge'],
  ['DI2', "Pistes d'amélioration"],
  ['DI3', "Comparaison avec d'autres dispositifs"],
];

/** Perceptual hue (CIE LCh, d3) in degrees. */
const hue = (color: string): number => hcl(color).h;
const hueGap = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

describe('built-in grids', () => {
  it('lists the six-theme grid and the empty grid with names in both languages', () => {
    const grids = listGrids();
    expect(grids.map((g) => g.id)).toEqual(['six-themes', 'empty']);
    for (const g of grids) {
      expect(g.name.fr).not.toBe('');
      expect(g.name.en).not.toBe('');
      expect(g.description.fr).not.toBe('');
      expect(g.description.en).not.toBe('');
    }
  });

  it('gives an empty grid with no codes', () => {
    expect(loadGrid('empty')).toEqual([]);
  });

  it('refuses an unknown grid and names the available ones', () => {
    expect(() => loadGrid('sept-themes')).toThrow(TresseError);
    try {
      loadGrid('sept-themes');
    } catch (e) {
      expect((e as TresseError).code).toBe('codebook.unknownGrid');
      expect((e as TresseError).params.available).toContain('six-themes');
    }
  });

  describe('six-theme grid', () => {
    const grid = loadGrid('six-themes');
    const all = [...walk(grid)].map((w) => w.code);

    it('has the six themes in order, each codable', () => {
      expect(grid.map((t) => t.abbrev)).toEqual(['SM', 'SC', 'CL', 'PA', 'ST', 'DI']);
      expect(grid[0]!.name).toBe('Santé mentale et partenaires concernés');
      expect(grid.every((t) => t.codable)).toBe(true);
    });

    it('has the 25 sub-codes in the interview guide order, under their theme', () => {
      const subs = grid.flatMap((t) => t.children.map((c) => [c.abbrev, c.name]));
      expect(subs).toEqual(SUBCODES);
      for (const theme of grid) for (const sub of theme.children) expect(sub.abbrev!.startsWith(theme.abbrev!)).toBe(true);
      expect(all.every((c: GridCode) => c.codable)).toBe(true);
      expect(grid.every((t) => t.children.every((c) => c.children.length === 0))).toBe(true);
    });

    it('has unique abbreviations, valid and unique colours, and a definition for every code', () => {
      expect(new Set(all.map((c) => c.abbrev)).size).toBe(all.length);
      expect(all.every((c) => /^#[0-9a-f]{6}$/.test(c.color))).toBe(true);
      expect(new Set(all.map((c) => c.color)).size).toBe(all.length);
      expect(all.every((c) => c.definition.trim().length > 10)).toBe(true);
    });

    it('gives themes clearly different hues, and sub-codes their theme hue family in colours that stay apart', () => {
      const hues = grid.map((t) => hue(t.color));
      for (let i = 0; i < hues.length; i++) for (let j = i + 1; j < hues.length; j++) expect(hueGap(hues[i]!, hues[j]!)).toBeGreaterThan(10);
      for (const theme of grid) {
        for (const sub of theme.children) {
          const own = hueGap(hue(sub.color), hue(theme.color));
          for (const other of grid) if (other !== theme) expect(own).toBeLessThan(hueGap(hue(sub.color), hue(other.color)));
        }
      }
      // Three overlapping codes of one theme must not look alike: CIE76 ΔE (d3's CIELAB) above 12 for every pair.
      const colors = all.map((c) => c.color);
      for (let i = 0; i < colors.length; i++) {
        for (let j = i + 1; j < colors.length; j++) {
          const [x, y] = [lab(colors[i]!), lab(colors[j]!)];
          expect(Math.hypot(x.l - y.l, x.a - y.a, x.b - y.b)).toBeGreaterThan(12);
        }
      }
    });

    it('hands out a fresh copy each time', () => {
      const a = loadGrid('six-themes');
      a[0]!.name = 'modifié';
      expect(loadGrid('six-themes')[0]!.name).toBe('Santé mentale et partenaires concernés');
    });
  });
});
