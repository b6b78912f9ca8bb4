// "Passages like this one": the dialog's labels, French and English.
export const similarMessages = {
  'similar.open': { fr: 'Passages semblables…', en: 'Similar passages…' },
  'similar.title': { fr: 'Passages semblables', en: 'Similar passages' },
  'similar.from': { fr: 'À partir de {source} [{start}–{end}], mots comparés : {words}', en: 'From {source} [{start}–{end}], words compared: {words}' },
  'similar.explain': {
    fr: 'Les passages (tours de parole, sinon paragraphes) pas encore codés avec ce code, du plus semblable au moins semblable : ceux qui partagent le plus de mots rares du passage de départ viennent en premier.',
    en: 'The passages (speaker turns, else paragraphs) not yet coded with this code, most alike first: those sharing the most of the starting passage’s rarer words come first.',
  },
  'similar.explainUncoded': {
    fr: 'Les passages (tours de parole, sinon paragraphes) qui ne portent encore aucun code, du plus semblable au moins semblable : ceux qui partagent le plus de mots rares de la sélection viennent en premier.',
    en: 'The passages (speaker turns, else paragraphs) not coded with any code yet, most alike first: those sharing the most of the selection’s rarer words come first.',
  },
  'similar.loading': { fr: 'Comparaison des passages…', en: 'Comparing the passages…' },
  'similar.onlyStopWords': {
    fr: 'Rien à comparer : ce passage ne contient que des mots vides (articles, pronoms…), des nombres, des lettres isolées ou des noms de locuteurs.',
    en: 'Nothing to compare: this passage holds only stop words (articles, pronouns…), numbers, single letters or speakers’ names.',
  },
  'similar.none': { fr: 'Aucun autre passage non codé ne partage un de ses mots.', en: 'No other uncoded passage shares any of its words.' },
  'similar.list': { fr: 'Passages classés', en: 'Ranked passages' },
  'similar.turn': { fr: 'tour {turn}, {speaker}', en: 'turn {turn}, {speaker}' },
  'similar.score': { fr: 'score {score}', en: 'score {score}' },
  'similar.shared': { fr: 'Mots partagés : {words}', en: 'Shared words: {words}' },
  'similar.code': { fr: 'Coder les passages choisis ({count}) avec « {code} »', en: 'Code the chosen passages ({count}) with "{code}"' },
  'similar.codeWith': { fr: 'Coder les passages choisis ({count}) avec…', en: 'Code the chosen passages ({count}) with…' },
  'similar.codePicker': { fr: 'Code à appliquer', en: 'Code to apply' },
  'similar.coded': {
    fr: '{count} passage(s) codé(s) avec « {code} ». Ctrl+Z les décode tous.',
    en: '{count} passage(s) coded with "{code}". Ctrl+Z uncodes them all.',
  },
} as const satisfies Record<string, { fr: string; en: string }>;
