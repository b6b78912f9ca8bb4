// Code suggestions: the transcript's suggestions panel, the command line's `tresse suggest`, and
// why there is little or nothing to suggest (service/suggest.ts SuggestNote), French first.
export const suggestMessages = {
  'suggest.title': { fr: 'Codes suggérés', en: 'Suggested codes' },
  'suggest.forTurn': { fr: 'Tour {turn} ({speaker})', en: 'Turn {turn} ({speaker})' },
  'suggest.forParagraph': { fr: 'Paragraphe {n}', en: 'Paragraph {n}' },
  'suggest.forSelection': { fr: 'Sélection', en: 'Selection' },
  'suggest.hintNoPassage': {
    fr: 'Placez le curseur dans un tour ou sélectionnez un passage pour voir les codes suggérés.',
    en: 'Put the caret in a turn or select a passage to see suggested codes.',
  },
  'suggest.none': { fr: 'Aucun code à suggérer pour ce passage.', en: 'No code to suggest for this passage.' },
  'suggest.words': { fr: 'mots : {words}', en: 'words: {words}' },
  'suggest.examples': { fr: 'Exemples', en: 'Examples' },
  'suggest.score': { fr: 'proximité {score}', en: 'closeness {score}' },
  'suggest.accept': { fr: 'Accepter', en: 'Accept' },
  'suggest.dismiss': { fr: 'Écarter', en: 'Dismiss' },
  'suggest.keys': {
    fr: 'Alt+Entrée : accepter la suggestion choisie · Alt+Suppr : l’écarter · Alt+1…9 : choisir',
    en: 'Alt+Enter: accept the chosen suggestion · Alt+Delete: dismiss it · Alt+1…9: choose',
  },
  'suggest.private': {
    fr: 'Calculé sur cet ordinateur à partir des codages du projet ; rien n’est envoyé.',
    en: 'Computed on this computer from the project’s codings; nothing is sent.',
  },
  'suggest.forSource': { fr: 'Suggérer pour les tours non codés', en: 'Suggest for the uncoded turns' },
  'suggest.sourceCount': {
    fr: '{withSuggestions} passage(s) avec suggestions sur {uncoded} non codé(s)',
    en: '{withSuggestions} passage(s) with suggestions out of {uncoded} uncoded',
  },
  'suggest.note.noCodings': {
    fr: 'Le projet n’a encore aucun codage : les suggestions ne peuvent s’appuyer que sur les définitions des codes ({definitions} code(s) définis). Codez quelques passages et elles apprendront de vos choix.',
    en: 'The project has no codings yet: suggestions can only rest on the codes’ definitions ({definitions} code(s) defined). Code a few passages and they will learn from your choices.',
  },
  'suggest.note.emptyPassage': {
    fr: 'Ce passage n’a pas de mot porteur de sens (seulement des mots vides, des nombres ou de la ponctuation).',
    en: 'This passage has no meaningful word (only stop words, numbers or punctuation).',
  },
  'suggest.note.otherLanguage': {
    fr: 'Ce texte semble écrit en {language}, alors que le projet compare les mots en {projectLanguage} : les mots ne se rapprochent pas de ceux des codages. Changez la langue du texte dans les réglages du projet si tout le corpus est en {language}.',
    en: 'This text seems written in {language}, while the project compares words in {projectLanguage}: its words do not match those of the codings. Change the text language in the project settings if the whole corpus is in {language}.',
  },
  'suggest.note.noSharedWords': {
    fr: 'Aucun mot de ce passage ne se retrouve dans les passages codés ni dans les définitions des codes.',
    en: 'None of this passage’s words appear in the coded passages or in the codes’ definitions.',
  },
  'suggest.note.allCoded': { fr: 'Tous les passages de cette source sont déjà codés.', en: 'Every passage of this source is already coded.' },
  'suggest.note.fewExamples': {
    fr: '« {code} » n’a que {codings} codage(s) pour exemple : sa suggestion repose sur peu de chose.',
    en: '"{code}" has only {codings} coding(s) as examples: its suggestion rests on little.',
  },
  'suggest.language.fr': { fr: 'français', en: 'French' },
  'suggest.language.en': { fr: 'anglais', en: 'English' },
  'suggest.evaluation': {
    fr: 'Évaluation en laissant une source de côté : {sources} source(s) codée(s), {passages} passage(s) codé(s)',
    en: 'Leave-one-source-out evaluation: {sources} coded source(s), {passages} coded passage(s)',
  },
  'suggest.evaluationModel': { fr: 'Suggestions', en: 'Suggestions' },
  'suggest.evaluationBaseline': { fr: 'Codes les plus fréquents', en: 'Most frequent codes' },
  'suggest.evaluationRatio': { fr: 'P@3 des suggestions / P@3 de la référence : {ratio}', en: 'P@3 of suggestions / P@3 of the baseline: {ratio}' },
  'suggest.evaluationNothing': {
    fr: 'Rien à évaluer : aucune source n’a de passage codé.',
    en: 'Nothing to evaluate: no source has a coded passage.',
  },
} as const;
