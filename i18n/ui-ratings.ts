// Words of the Team panel's rating agreement section, French first. The result itself is worded by
// i18n/rating-labels.ts, shared with the command line.
export const ratingMessages = {
  'team.tab.ratings': { fr: 'Accord sur des notes', en: 'Rating agreement' },
  'team.ratings.intro': {
    fr: 'Quand des codeurs notent les cas sur une échelle, les notes de chacun sont un attribut de cas à part, par exemple « Gravité (Alice) » et « Gravité (Bruno) ». Cochez un attribut par codeur.',
    en: 'When coders rate cases on a scale, each coder’s ratings are a case attribute of their own, for example "Gravité (Alice)" and "Gravité (Bruno)". Tick one attribute per coder.',
  },
  'team.ratings.attributes': { fr: 'Attributs comparés (un par codeur)', en: 'Attributes compared (one per coder)' },
  'team.ratings.noAttribute': {
    fr: 'Aucun attribut de cas pour l’instant : créez-en un par codeur dans la vue Cas.',
    en: 'No case attribute yet: create one per coder in the Cases view.',
  },
  'team.ratings.metric': { fr: 'Niveau de mesure', en: 'Level of measurement' },
  'team.ratings.metric.nominal': { fr: 'Nominal (catégories sans ordre)', en: 'Nominal (unordered categories)' },
  'team.ratings.metric.ordinal': { fr: 'Ordinal (rangs : 1 < 2 < 3)', en: 'Ordinal (ranks: 1 < 2 < 3)' },
  'team.ratings.metric.interval': { fr: 'Intervalle (écarts comparables)', en: 'Interval (comparable distances)' },
  'team.ratings.metric.ratio': { fr: 'Ratio (vrai zéro)', en: 'Ratio (true zero)' },
  'team.ratings.needTwo': { fr: 'Cochez au moins deux attributs.', en: 'Tick at least two attributes.' },
  'team.ratings.run': { fr: 'Calculer l’alpha', en: 'Compute alpha' },
  'team.ratings.result': { fr: 'Résultat', en: 'Result' },
} as const satisfies Record<string, { fr: string; en: string }>;
