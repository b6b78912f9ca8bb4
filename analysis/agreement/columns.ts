// Which figures a table of agreement shows at each unit, in one place for the Team panel and the
// exports: at segment level only percent agreement and Brennan & Prediger's kappa (the others could
// never be positive there); Cohen's kappa only for two coders; the unitizing alpha at character level.
import type { Lang } from '../../i18n/lang.ts';
import { teamLabel, type TeamLabel } from '../../i18n/team-labels.ts';
import type { AgreementFigures, AgreementUnit } from './units.ts';

export type FigureColumn =
  | { kind: 'units' }
  | { kind: 'present'; coder: number }
  | { kind: 'percent' }
  | { kind: 'cohen' }
  | { kind: 'fleiss' }
  | { kind: 'alpha' }
  | { kind: 'alphaLow' }
  | { kind: 'alphaHigh' }
  | { kind: 'unitizing' }
  | { kind: 'brennanPrediger' };

export function figureColumns(unit: AgreementUnit, coders: number): FigureColumn[] {
  const present = Array.from({ length: coders }, (_, coder): FigureColumn => ({ kind: 'present', coder }));
  const head: FigureColumn[] = [{ kind: 'units' }, ...present, { kind: 'percent' }];
  if (unit === 'segment') return [...head, { kind: 'brennanPrediger' }];
  return [
    ...head,
    ...(coders === 2 ? [{ kind: 'cohen' } as const] : []),
    { kind: 'fleiss' },
    { kind: 'alpha' },
    { kind: 'alphaLow' },
    { kind: 'alphaHigh' },
    ...(unit === 'character' ? [{ kind: 'unitizing' } as const] : []),
  ];
}

export function figureValue(f: AgreementFigures, c: FigureColumn): number | null {
  switch (c.kind) {
    case 'units':
      return f.units;
    case 'present':
      return f.presentByCoder[c.coder] ?? null;
    case 'percent':
      return f.percentAgreement;
    case 'cohen':
      return f.cohenKappa?.kappa ?? null;
    case 'fleiss':
      return f.fleissKappa;
    case 'alpha':
      return f.krippendorffAlpha;
    case 'alphaLow':
      return f.alphaInterval?.low ?? null;
    case 'alphaHigh':
      return f.alphaInterval?.high ?? null;
    case 'unitizing':
      return f.unitizingAlpha;
    case 'brennanPrediger':
      return f.brennanPredigerKappa;
  }
}

export const UNIT_LABEL: Record<AgreementUnit, TeamLabel> = { character: 'unitCharacter', segment: 'unitSegment', document: 'unitDocument' };

/** A column's heading in the user's language; `coders` are the compared coders' names, in order. */
export function columnLabel(unit: AgreementUnit, coders: ReadonlyArray<string>, c: FigureColumn, lang: Lang): string {
  switch (c.kind) {
    case 'units':
      return teamLabel('unitsOf', lang, { unit: teamLabel(UNIT_LABEL[unit], lang) });
    case 'present':
      return teamLabel(unit === 'segment' ? 'segmentsFor' : 'presentFor', lang, { coder: coders[c.coder] ?? '' });
    default:
      return teamLabel(c.kind, lang);
  }
}
