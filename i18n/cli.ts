// What the `tresse` command prints, French first.
export const cliMessages = {
  'cli.usage': {
    fr: `Usage : tresse <commande> PROJET [options]

Commandes :
  init PROJET [--name NOM] [--grid six-themes|empty] [--coder NOM]   créer un projet
  demo PROJET                                                         créer le projet de démonstration
  import PROJET FICHIER... --kind TYPE [--name NOM] [--case CAS] [--turn-pattern REGEX]
  sources PROJET [--json]                                             lister les sources
  case list PROJET [--json]
  case create PROJET NOM [--description TEXTE]
  case set PROJET CAS ATTRIBUT=VALEUR[;VALEUR...] [--type text|number|date|boolean]
  case link PROJET CAS SOURCE...
  codebook list PROJET [--json]
  codebook add PROJET NOM [--parent CODE] [--abbrev ABR] [--color #rrggbb] [--definition TEXTE] [--not-codable]
  codebook import PROJET FICHIER.json|FICHIER.csv
  codebook export PROJET [--format json|csv] [--out FICHIER]
  code PROJET SOURCE CODE (--start N --end N | --text "passage exact" [--occurrence N])
       [--valence +|-] [--segment verbatim|paraphrase|non-answer|label] [--memo TEXTE]
  codings PROJET [--code CODE [--subcodes]] [--source SOURCE] [--kind TYPE] [--coder NOM]
       [--attribute NOM=VALEUR] [--json]
  search PROJET REQUÊTE [--limit N] [--kind TYPE] [--json]

Options communes : --coder NOM (qui code), --lang fr|en, --help
Types de source : entretien, observation, carnet, document, synthèse
Positions : en points de code Unicode, à partir de 0, fin exclue.`,
    en: `Usage: tresse <command> PROJECT [options]

Commands:
  init PROJECT [--name NAME] [--grid six-themes|empty] [--coder NAME]   create a project
  demo PROJECT                                                          create the demo project
  import PROJECT FILE... --kind KIND [--name NAME] [--case CASE] [--turn-pattern REGEX]
  sources PROJECT [--json]                                              list the sources
  case list PROJECT [--json]
  case create PROJECT NAME [--description TEXT]
  case set PROJECT CASE ATTRIBUTE=VALUE[;VALUE...] [--type text|number|date|boolean]
  case link PROJECT CASE SOURCE...
  codebook list PROJECT [--json]
  codebook add PROJECT NAME [--parent CODE] [--abbrev ABBR] [--color #rrggbb] [--definition TEXT] [--not-codable]
  codebook import PROJECT FILE.json|FILE.csv
  codebook export PROJECT [--format json|csv] [--out FILE]
  code PROJECT SOURCE CODE (--start N --end N | --text "exact passage" [--occurrence N])
       [--valence +|-] [--segment verbatim|paraphrase|non-answer|label] [--memo TEXT]
  codings PROJECT [--code CODE [--subcodes]] [--source SOURCE] [--kind KIND] [--coder NAME]
       [--attribute NAME=VALUE] [--json]
  search PROJECT QUERY [--limit N] [--kind KIND] [--json]

Common options: --coder NAME (who codes), --lang fr|en, --help
Source kinds: interview, observation, notebook, document, synthesis
Positions: Unicode code points, from 0, end excluded.`,
  },
  'cli.badUsage': { fr: 'Usage incorrect : {detail}', en: 'Bad usage: {detail}' },
  'cli.unknownCommand': { fr: 'Commande inconnue : {name}', en: 'Unknown command: {name}' },
  'cli.missing': { fr: 'Il manque {what}.', en: '{what} is missing.' },
  'cli.created': { fr: 'Projet créé : {path} (grille : {grid}, codeur : {coder})', en: 'Project created: {path} (grid: {grid}, coder: {coder})' },
  'cli.demoCreated': {
    fr: 'Projet de démonstration créé : {path} ({sources} sources, {codings} codages)',
    en: 'Demo project created: {path} ({sources} sources, {codings} codings)',
  },
  'cli.imported': { fr: 'Importé : « {name} » (n° {id}, {length} caractères)', en: 'Imported: "{name}" (#{id}, {length} characters)' },
  'cli.importFailed': { fr: 'Échec de l’import de {file} : {message}', en: 'Import of {file} failed: {message}' },
  'cli.caseCreated': { fr: 'Cas créé : {name} (n° {id})', en: 'Case created: {name} (#{id})' },
  'cli.attributeSet': { fr: '{case} : {name} = {values}', en: '{case}: {name} = {values}' },
  'cli.linked': { fr: '« {source} » rattachée au cas {case}', en: '"{source}" linked to case {case}' },
  'cli.codeAdded': { fr: 'Code ajouté : {path}', en: 'Code added: {path}' },
  'cli.codebookImported': { fr: '{added} code(s) ajouté(s), {skipped} déjà présent(s)', en: '{added} code(s) added, {skipped} already present' },
  'cli.written': { fr: 'Écrit : {path}', en: 'Written: {path}' },
  'cli.coded': {
    fr: 'Codé : {code} sur « {text} » ({source}, {start}–{end})',
    en: 'Coded: {code} on "{text}" ({source}, {start}–{end})',
  },
  'cli.noSources': { fr: 'Aucune source.', en: 'No sources.' },
  'cli.noResults': { fr: 'Aucun résultat.', en: 'No results.' },
  'cli.hits': { fr: '{count} résultat(s) dans {sources} source(s)', en: '{count} hit(s) in {sources} source(s)' },
  'cli.truncated': { fr: '(liste tronquée : utilisez --limit)', en: '(list truncated: use --limit)' },
  'cli.excerpts': { fr: '{count} extrait(s)', en: '{count} excerpt(s)' },
  'cli.internal': { fr: 'Erreur interne : {message}', en: 'Internal error: {message}' },
} as const satisfies Record<string, { fr: string; en: string }>;

export type CliMessage = keyof typeof cliMessages;
