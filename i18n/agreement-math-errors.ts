// Refusals of the agreement computations themselves (the level of measurement, the values it
// needs) and of the agreement over attribute ratings. Spread into errors.ts.
export const agreementMathErrorMessages = {
  'agreement.metric': {
    fr: 'Niveau de mesure inconnu : {metric} (attendu : nominal, ordinal, interval ou ratio).',
    en: 'Unknown level of measurement: {metric} (expected nominal, ordinal, interval or ratio).',
  },
  'agreement.metricNumeric': {
    fr: 'L’alpha {metric} compare des nombres, or « {value} » n’en est pas un : choisissez le niveau nominal, ou des attributs numériques.',
    en: 'The {metric} alpha compares numbers, and "{value}" is not one: choose the nominal level, or numeric attributes.',
  },
  'agreement.ratioNegative': {
    fr: 'L’alpha ratio suppose des valeurs positives ou nulles (un vrai zéro), or {value} est négatif : choisissez le niveau intervalle.',
    en: 'The ratio alpha needs values of zero or more (a true zero), and {value} is negative: choose the interval level.',
  },
  'agreement.samples': {
    fr: 'Nombre de rééchantillonnages invalide : {value} (attendu : un entier de 100 à 100 000).',
    en: 'Invalid number of resamples: {value} (expected a whole number from 100 to 100,000).',
  },
  'rating.attributes': {
    fr: 'Choisissez de 2 à 30 attributs différents, un par codeur ({count} choisi(s)).',
    en: 'Choose 2 to 30 different attributes, one per coder ({count} chosen).',
  },
  'rating.attributeNotFound': {
    fr: 'Attribut de cas introuvable : « {name} ». Les notes de chaque codeur sont un attribut de cas (par exemple « Gravité (Alice) »).',
    en: 'Case attribute not found: "{name}". Each coder’s ratings are a case attribute (for example "Gravité (Alice)").',
  },
  'rating.textOrdinal': {
    fr: 'L’attribut « {name} » est du texte et « {value} » n’est pas un nombre : un alpha {metric} a besoin de notes numériques. Choisissez le niveau nominal, ou notez avec des nombres.',
    en: 'The attribute "{name}" is text and "{value}" is not a number: a {metric} alpha needs numeric ratings. Choose the nominal level, or rate with numbers.',
  },
  'rating.dateAttribute': {
    fr: 'L’attribut « {name} » est une date : l’accord sur des notes porte sur des nombres, du texte ou oui/non.',
    en: 'The attribute "{name}" is a date: agreement on ratings works on numbers, text or yes/no.',
  },
  'rating.severalValues': {
    fr: 'Le cas « {case} » a plusieurs valeurs pour « {name} » : une note par codeur et par cas est attendue. Gardez-en une, puis recommencez.',
    en: 'The case "{case}" has several values for "{name}": one rating per coder and case is expected. Keep one, then try again.',
  },
} as const satisfies Record<string, { fr: string; en: string }>;
