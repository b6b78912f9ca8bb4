// How the agreement figures read on screen: three decimals with the language's decimal mark,
// percent agreement as a percentage, and "n.d." where a coefficient is undefined (no variation).
// Which columns a table has at each unit is analysis/agreement/columns.ts's, shared with the exports.
import { figureValue, type FigureColumn } from '../../../analysis/agreement/columns.ts';
import type { AgreementFigures } from '../../../analysis/agreement/units.ts';
import type { Lang } from '../../../i18n/lang.ts';
import { teamLabel } from '../../../i18n/team-labels.ts';

export function formatCoefficient(v: number | null, lang: Lang): string {
  if (v === null || !Number.isFinite(v)) return teamLabel('undefinedValue', lang);
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(v);
}

export function formatPercent(v: number | null, lang: Lang): string {
  if (v === null || !Number.isFinite(v)) return teamLabel('undefinedValue', lang);
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
}

export function formatCount(v: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(v);
}

/** The cells of one row after the code's name, in the given columns. */
export function figureCells(f: AgreementFigures, columns: ReadonlyArray<FigureColumn>, lang: Lang): string[] {
  return columns.map((c) => {
    const v = figureValue(f, c);
    if (c.kind === 'units' || c.kind === 'present') return v === null ? teamLabel('undefinedValue', lang) : formatCount(v, lang);
    return c.kind === 'percent' ? formatPercent(v, lang) : formatCoefficient(v, lang);
  });
}

/** Parses a threshold typed with either decimal mark; null when it is not a number in (0, 1]. */
export function parseThreshold(text: string): number | null {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) && n > 0 && n <= 1 ? n : null;
}
