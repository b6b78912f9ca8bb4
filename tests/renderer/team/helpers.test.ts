// Small rules of the team panel: how figures read, which codings blind coding hides, export file
// names, and its labels kept apart from the rest of the catalogue.
import { describe, expect, it } from 'vitest';
import type { AgreementFigures } from '../../../analysis/agreement/units.ts';
import { errorMessages } from '../../../i18n/errors.ts';
import { uiMessages } from '../../../i18n/ui.ts';
import { codingMessages } from '../../../i18n/ui-coding.ts';
import { teamMessages } from '../../../i18n/ui-team.ts';
import { figureColumns } from '../../../analysis/agreement/columns.ts';
import { figureCells, formatCoefficient, formatPercent, parseThreshold } from '../../../renderer/panels/team/agreement-format.ts';
import { hiddenCoders } from '../../../renderer/panels/team/blind.ts';
import { fileBase } from '../../../renderer/panels/team/download.ts';

describe('agreement figures on screen', () => {
  it('shows coefficients with three decimals and the language’s decimal mark', () => {
    expect(formatCoefficient(0.5, 'fr')).toBe('0,500');
    expect(formatCoefficient(-0.6887, 'fr')).toBe('-0,689');
    expect(formatCoefficient(0.5, 'en')).toBe('0.500');
  });

  it('says "n.d." / "n/a" where a coefficient is undefined', () => {
    expect(formatCoefficient(null, 'fr')).toBe('n.d.');
    expect(formatCoefficient(Number.NaN, 'en')).toBe('n/a');
    expect(formatPercent(null, 'fr')).toBe('n.d.');
  });

  it('shows percent agreement as a percentage', () => {
    expect(formatPercent(0.1732, 'fr')).toMatch(/^17,3\s%$/);
    expect(formatPercent(1, 'en')).toBe('100.0%');
  });

  it('gives Cohen’s kappa a column only for two coders, and at segment level only percent and Brennan & Prediger', () => {
    const f: AgreementFigures = {
      units: 1200,
      percentAgreement: 0.9,
      cohenKappa: { kappa: 0.4, observed: 0.9, expected: 0.83, units: 1200 },
      fleissKappa: 0.39,
      krippendorffAlpha: 0.41,
      alphaInterval: { low: 0.35, high: 0.47, level: 0.95, samples: 2000 },
      brennanPredigerKappa: null,
      unitizingAlpha: 0.38,
      segments: null,
      presentByCoder: [100, 80],
    };
    expect(figureCells(f, figureColumns('character', 2), 'en')).toEqual(['1,200', '100', '80', '90.0%', '0.400', '0.390', '0.410', '0.350', '0.470', '0.380']);
    expect(figureCells(f, figureColumns('document', 2), 'en')).toHaveLength(9);
    expect(figureCells({ ...f, cohenKappa: null, presentByCoder: [100, 80, 90] }, figureColumns('document', 3), 'en')).toHaveLength(9);
    const segment = { ...f, cohenKappa: null, fleissKappa: null, krippendorffAlpha: null, alphaInterval: null, brennanPredigerKappa: 0.8 };
    expect(figureCells(segment, figureColumns('segment', 2), 'fr')).toEqual(['1\u202f200', '100', '80', '90,0\u00a0%', '0,800']);
  });

  it('reads a threshold typed with a comma or a point, and refuses what is not in (0, 1]', () => {
    expect(parseThreshold('0,5')).toBe(0.5);
    expect(parseThreshold(' 0.75 ')).toBe(0.75);
    expect(parseThreshold('1')).toBe(1);
    for (const bad of ['0', '1,2', '', 'moitié', '-0.5']) expect(parseThreshold(bad), bad).toBeNull();
  });
});

describe('blind coding', () => {
  const coders = [{ id: 1 }, { id: 2 }, { id: 3 }];
  it('hides every other coder’s codings, never mine', () => {
    expect([...hiddenCoders(coders, { id: 2 }, true)!].sort()).toEqual([1, 3]);
  });
  it('hides nothing when off', () => {
    expect(hiddenCoders(coders, { id: 2 }, false)).toBeUndefined();
  });
});

describe('export file names', () => {
  it('keep the project’s name without accents, spaces or path separators', () => {
    expect(fileBase('CLSM de Valmoret — démonstration')).toBe('CLSM-de-Valmoret-demonstration');
    expect(fileBase('../../etc/passwd')).toBe('etc-passwd');
    expect(fileBase('   ')).toBe('tresse');
  });
});

describe('the team panel’s labels', () => {
  it('use keys no other message file defines', () => {
    const others = new Set([...Object.keys(errorMessages), ...Object.keys(uiMessages), ...Object.keys(codingMessages)]);
    expect(Object.keys(teamMessages).filter((k) => others.has(k))).toEqual([]);
  });
});
