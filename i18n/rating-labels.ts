// Words of the agreement between coders' ratings (tresse agreement-ratings, the Team panel), French
// first, and the one way the result is told: what alpha was computed on, at which level, with its
// interval and how it was obtained. The command line prints these lines; the panel shows them.
import { interpolate, type Lang } from './lang.ts';

export const ratingLabels = {
  'metric.nominal': { fr: 'nominal', en: 'nominal' },
  'metric.ordinal': { fr: 'ordinal', en: 'ordinal' },
  'metric.interval': { fr: 'd’intervalle', en: 'interval' },
  'metric.ratio': { fr: 'de rapport (ratio)', en: 'ratio' },
  alpha: { fr: 'Alpha de Krippendorff {metric} : {alpha}', en: 'Krippendorff’s {metric} alpha: {alpha}' },
  interval: {
    fr: 'IC {level} % bootstrap : {low} à {high} ({samples} rééchantillonnages)',
    en: '{level}% bootstrap CI: {low} to {high} ({samples} resamples)',
  },
  undefinedAlpha: {
    fr: 'non défini (aucun cas n’a deux notes, ou toutes les notes sont identiques)',
    en: 'undefined (no case has two ratings, or every rating is the same)',
  },
  counts: {
    fr: '{cases} cas, dont {units} notés par au moins deux codeurs ; {pairable} valeurs appariables ; {coders} codeurs (attributs) ; accord observé {percent}',
    en: '{cases} cases, {units} of them rated by at least two coders; {pairable} pairable values; {coders} coders (attributes); observed agreement {percent}',
  },
  rated: { fr: '{name} : {rated} cas notés', en: '{name}: {rated} cases rated' },
  method: {
    fr: 'Une note absente est une donnée manquante. Intervalle : bootstrap de Hayes et Krippendorff (2007), paires de valeurs tirées des coïncidences observées.',
    en: 'A missing rating is missing data. Interval: Hayes and Krippendorff’s (2007) bootstrap, pairs of values drawn from the observed coincidences.',
  },
} as const satisfies Record<string, { fr: string; en: string }>;

export type RatingLabel = keyof typeof ratingLabels;

export function ratingLabel(key: RatingLabel, lang: Lang, params: Record<string, string | number> = {}): string {
  return interpolate(ratingLabels[key][lang], params);
}

/** What the summary needs of a rating agreement (the contract's RatingAgreement has all of it). */
export interface RatingSummary {
  metric: 'nominal' | 'ordinal' | 'interval' | 'ratio';
  coders: number;
  cases: number;
  units: number;
  pairableValues: number;
  alpha: number | null;
  percentAgreement: number | null;
  interval: { low: number; high: number; level: number; samples: number } | null;
  attributes: ReadonlyArray<{ name: string; rated: number }>;
}

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-GB');
const coefficient = (v: number, lang: Lang) => new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(v);
const count = (v: number, lang: Lang) => new Intl.NumberFormat(locale(lang)).format(v);

/** The result as lines: alpha and its interval, what was counted, each coder's ratings, the method. */
export function ratingSummaryLines(r: RatingSummary, lang: Lang): string[] {
  const metric = ratingLabel(`metric.${r.metric}`, lang);
  const alpha = r.alpha === null ? ratingLabel('undefinedAlpha', lang) : coefficient(r.alpha, lang);
  const head = ratingLabel('alpha', lang, { metric, alpha });
  const interval = r.interval
    ? ratingLabel('interval', lang, {
        level: count(Math.round(r.interval.level * 100), lang),
        low: coefficient(r.interval.low, lang),
        high: coefficient(r.interval.high, lang),
        samples: count(r.interval.samples, lang),
      })
    : null;
  const percent =
    r.percentAgreement === null
      ? '–'
      : new Intl.NumberFormat(locale(lang), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(r.percentAgreement);
  return [
    interval ? `${head} (${interval})` : head,
    ratingLabel('counts', lang, {
      cases: count(r.cases, lang),
      units: count(r.units, lang),
      pairable: count(r.pairableValues, lang),
      coders: r.coders,
      percent,
    }),
    ...r.attributes.map((a) => `  ${ratingLabel('rated', lang, { name: a.name, rated: count(a.rated, lang) })}`),
    ratingLabel('method', lang),
  ];
}
