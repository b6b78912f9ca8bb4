// Labels of the sets of sources and of codes (their dialog and the filters that use them), French first.
export const setMessages = {
  'sets.open.sources': { fr: 'Ensembles…', en: 'Sets…' },
  'sets.open.codes': { fr: 'Ensembles de codes…', en: 'Code sets…' },
  'sets.title.sources': { fr: 'Ensembles de sources', en: 'Sets of sources' },
  'sets.title.codes': { fr: 'Ensembles de codes', en: 'Sets of codes' },
  'sets.none': {
    fr: 'Aucun ensemble. Un ensemble regroupe des sources (un site, une vague) ou des codes (une question), pour filtrer les extraits et les matrices.',
    en: 'No sets. A set groups sources (a site, a wave) or codes (a question), to filter excerpts and matrices.',
  },
  'sets.add': { fr: 'Nouvel ensemble', en: 'New set' },
  'sets.edit': { fr: 'Modifier', en: 'Edit' },
  'sets.delete': { fr: 'Supprimer', en: 'Delete' },
  'sets.name': { fr: 'Nom', en: 'Name' },
  'sets.description': { fr: 'Description', en: 'Description' },
  'sets.members.sources': { fr: 'Sources de l’ensemble', en: 'Sources in the set' },
  'sets.members.codes': { fr: 'Codes de l’ensemble', en: 'Codes in the set' },
  'sets.count': { fr: '{count} membre(s)', en: '{count} member(s)' },
  'sets.filter.sources': { fr: 'Ensemble de sources', en: 'Set of sources' },
  'sets.filter.codes': { fr: 'Ensemble de codes', en: 'Set of codes' },
  'sets.filter.any': { fr: 'Tous', en: 'All' },
  'sets.merged': {
    fr: 'Ensembles : {added} ajouté(s), {matched} déjà présent(s), {membersAdded} membre(s) ajouté(s).',
    en: 'Sets: {added} added, {matched} already there, {membersAdded} member(s) added.',
  },
  'sets.columns': { fr: 'Ensembles de sources (un par colonne)', en: 'Sets of sources (one per column)' },
} as const;
