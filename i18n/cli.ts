// What the `tresse` command prints, French first.
import type { Lang } from './lang.ts';

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
       [--valence +|-] [--segment verbatim|paraphrase|non-answer|label] [--memo TEXTE] [--extend]
  codings PROJET [--code CODE [--subcodes]] [--source SOURCE] [--kind TYPE] [--coder NOM]
       [--attribute NOM=VALEUR] [--source-set ENSEMBLE] [--code-set ENSEMBLE] [--json]
  search PROJET REQUÊTE [--limit N] [--kind TYPE] [--json]
  similar PROJET (--coding N | --source SOURCE --start N --end N [--code CODE]) [--limit N] [--json]
                                      passages semblables (non codés avec ce code), classés par les mots partagés
  suggest PROJET SOURCE [--turn N] [--json]                           codes suggérés pour un tour, ou pour chaque passage non codé
  suggest PROJET --evaluate [--json]                                  précision des suggestions (une source de côté) face aux codes les plus fréquents
  pseudonymize PROJET --map TABLE.csv|TABLE.json [--dry-run] [--skip ID]... [--forget-real-names] [--json]
  edit PROJET SOURCE --file NOUVEAU.txt [--dry-run] [--yes] [--json]   corriger le texte d'une source codée
  backup PROJET [--keep N]          backups PROJET [--json]          restore PROJET SAUVEGARDE
  backups PROJET (--delete SAUVEGARDE [--delete ...] | --delete-all)  supprimer des sauvegardes (définitif)
  export PROJET --format qdpx|qdc --out FICHIER                       exporter en REFI-QDA
       [--target nvivo-windows|nvivo-mac|atlasti|maxqda|qualcoder]   .qdpx écrit pour ce logiciel (positions, fins de ligne)
  import-qdpx PROJET FICHIER.qdpx [--decisions FICHIER.json]          importer un projet REFI-QDA (crée PROJET s'il n'existe pas ;
       « import PROJET FICHIER.qdpx » fait de même)
  import-qdc PROJET FICHIER.qdc [--decisions FICHIER.json]            fusionner un livre de codes REFI-QDA
  exchange-report FICHIER.qdpx [--json]                               avant d'importer : ce qui sera importé, adapté, perdu
  compare-codebooks A B [--out RAPPORT.html|RAPPORT.xlsx] [--json]   comparer deux livres de codes (.tresse, .qdc, .qdpx)
  merge PROJET AUTRE.tresse|AUTRE.qdpx [--decisions FICHIER.json] [--json]   fusionner le projet d'un coéquipier
  agreement PROJET --coders A,B[,C...] [--unit character|segment|document] [--code CODE]
       [--threshold 0.5] [--out FICHIER.xlsx|FICHIER.csv] [--json]     accord inter-codeurs
  disagreements PROJET --coders A,B [--code CODE] [--threshold 0.5] [--json]   lister les désaccords
  resolve PROJET ID --coders A,B (--accept CODEUR | --keep-both | --discuss NOTE)   régler un désaccord
  done PROJET [SOURCE...] [--coder NOM] [--undo]   marquer « codage terminé » (sans source : lister les marques)
  agreement-ratings PROJET --attribute A --attribute B [...] --metric nominal|ordinal|interval|ratio
       [--samples 2000] [--json]      accord entre les notes des codeurs (un attribut de cas par codeur), alpha et IC bootstrap
  matrix PROJET [--type triangulation|participant|code-source|code-attribute|cooccurrence|frequencies|all]
       [--rows codes|themes|questions] [--cols kind|sets|ATTRIBUT] [--case CAS] [--coder NOM] [--kind TYPE]...
       [--attribute NOM=VALEUR] [--from AAAA-MM-JJ] [--to AAAA-MM-JJ] [--date-attribute ATTRIBUT]
       [--format json|csv|xlsx|docx|html|svg|png] [--picture heatmap|network|bars|sunburst] [--min-count N] [--out FICHIER]
       [--row CODE --col COLONNE] [--valences] [--agreement] [--source-set ENSEMBLE] [--code-set ENSEMBLE]
                                      matrices d'analyse (--from/--to : date de codage ; --cols sets : un ensemble de sources par colonne ;
                                      --agreement : seulement les passages que tous les codeurs, ou ceux de --coder A,B, ont codés ;
                                      --min-count : le réseau ne trace que les paires vues au moins N fois)
  synthesis PROJET --row CODE --col COLONNE --text TEXTE [--case CAS] [--cols ATTRIBUT]   synthèse d'une case
  verdict PROJET --row CODE convergence|complementarity|dissonance|none [--note TEXTE] [--case CAS]
  question PROJET list | add NOM --codes SC1,SC2 | set NOM --codes ... | remove NOM   questions de recherche
  sets PROJET [--json]                                                lister les ensembles de sources et de codes
  set PROJET add sources|codes NOM [MEMBRE...] [--description TEXTE]  créer un ensemble ou y ajouter des sources ou des codes
  set PROJET remove sources|codes NOM MEMBRE...   |   rename sources|codes NOM NOUVEAU_NOM   |   delete sources|codes NOM
  columns PROJET [list | set TYPE COLONNE | reset]                     colonne de chaque type de source
  citation PROJET ["{source}, {speaker}, § {paragraph}, {time}"]       format des citations des extraits ("" : par défaut)
  language PROJET [fr|en]                                             langue des textes : la recherche en trouve les formes des mots
  call [PROJET] MÉTHODE [JSON] [--out FICHIER]                         appeler toute méthode du service, argument et résultat en JSON
       (octets : {"$bytes": "base64"} ; sans PROJET, les méthodes qui n'en demandent pas, p. ex. listGrids)

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
       [--valence +|-] [--segment verbatim|paraphrase|non-answer|label] [--memo TEXT] [--extend]
  codings PROJECT [--code CODE [--subcodes]] [--source SOURCE] [--kind KIND] [--coder NAME]
       [--attribute NAME=VALUE] [--source-set SET] [--code-set SET] [--json]
  search PROJECT QUERY [--limit N] [--kind KIND] [--json]
  similar PROJECT (--coding N | --source SOURCE --start N --end N [--code CODE]) [--limit N] [--json]
                                      passages like this one (not coded with its code), ranked by the words they share
  suggest PROJECT SOURCE [--turn N] [--json]                          suggested codes for a turn, or for every uncoded passage
  suggest PROJECT --evaluate [--json]                                 precision of suggestions (leave one source out) against the most frequent codes
  pseudonymize PROJECT --map TABLE.csv|TABLE.json [--dry-run] [--skip ID]... [--forget-real-names] [--json]
  edit PROJECT SOURCE --file NEW.txt [--dry-run] [--yes] [--json]       correct the text of a coded source
  backup PROJECT [--keep N]         backups PROJECT [--json]         restore PROJECT BACKUP
  backups PROJECT (--delete BACKUP [--delete ...] | --delete-all)     delete backups (cannot be undone)
  export PROJECT --format qdpx|qdc --out FILE                           export to REFI-QDA
       [--target nvivo-windows|nvivo-mac|atlasti|maxqda|qualcoder]   .qdpx written for that program (positions, line ends)
  import-qdpx PROJECT FILE.qdpx [--decisions FILE.json]                 import a REFI-QDA project (creates PROJECT if missing;
       "import PROJECT FILE.qdpx" does the same)
  import-qdc PROJECT FILE.qdc [--decisions FILE.json]                   merge a REFI-QDA codebook
  exchange-report FILE.qdpx [--json]                                    before importing: what will be imported, adapted, lost
  compare-codebooks A B [--out REPORT.html|REPORT.xlsx] [--json]       compare two codebooks (.tresse, .qdc, .qdpx)
  merge PROJECT OTHER.tresse|OTHER.qdpx [--decisions FILE.json] [--json]   merge a teammate's project
  agreement PROJECT --coders A,B[,C...] [--unit character|segment|document] [--code CODE]
       [--threshold 0.5] [--out FILE.xlsx|FILE.csv] [--json]           inter-coder agreement
  disagreements PROJECT --coders A,B [--code CODE] [--threshold 0.5] [--json]   list disagreements
  resolve PROJECT ID --coders A,B (--accept CODER | --keep-both | --discuss NOTE)   settle a disagreement
  done PROJECT [SOURCE...] [--coder NAME] [--undo]   mark "coding done" (without a source: list the marks)
  agreement-ratings PROJECT --attribute A --attribute B [...] --metric nominal|ordinal|interval|ratio
       [--samples 2000] [--json]      agreement between coders' ratings (one case attribute per coder), alpha and bootstrap CI
  matrix PROJECT [--type triangulation|participant|code-source|code-attribute|cooccurrence|frequencies|all]
       [--rows codes|themes|questions] [--cols kind|sets|ATTRIBUTE] [--case CASE] [--coder NAME] [--kind KIND]...
       [--attribute NAME=VALUE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--date-attribute ATTRIBUTE]
       [--format json|csv|xlsx|docx|html|svg|png] [--picture heatmap|network|bars|sunburst] [--min-count N] [--out FILE]
       [--row CODE --col COLUMN] [--valences] [--agreement] [--source-set SET] [--code-set SET]
                                      analysis matrices (--from/--to: coding date; --cols sets: one set of sources per column;
                                      --agreement: only the passages all coders, or those of --coder A,B, coded;
                                      --min-count: the network draws only pairs seen at least N times)
  synthesis PROJECT --row CODE --col COLUMN --text TEXT [--case CASE] [--cols ATTRIBUTE]   a cell's synthesis
  verdict PROJECT --row CODE convergence|complementarity|dissonance|none [--note TEXT] [--case CASE]
  question PROJECT list | add NAME --codes SC1,SC2 | set NAME --codes ... | remove NAME   research questions
  sets PROJECT [--json]                                                list the sets of sources and of codes
  set PROJECT add sources|codes NAME [MEMBER...] [--description TEXT]  create a set or add sources or codes to it
  set PROJECT remove sources|codes NAME MEMBER...   |   rename sources|codes NAME NEW_NAME   |   delete sources|codes NAME
  columns PROJECT [list | set KIND COLUMN | reset]                     the column each source kind feeds
  citation PROJECT ["{source}, {speaker}, § {paragraph}, {time}"]      how quoted excerpts are cited ("": the default)
  language PROJECT [fr|en]                                            language of the texts: search finds the forms of their words
  call [PROJECT] METHOD [JSON] [--out FILE]                            call any service method, argument and result as JSON
       (bytes: {"$bytes": "base64"}; without PROJECT, the methods that need none, e.g. listGrids)

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
  'cli.onlyCommon': {
    fr: '« {words} » : ces mots sont trop courants pour être cherchés ; ajoutez un mot plus précis, ou mettez l’expression entre guillemets.',
    en: '"{words}": these words are too common to search; add a more specific word, or put the phrase in quotes.',
  },
  'cli.commonLeftOut': {
    fr: 'Mots trop courants laissés de côté : {words} (entre guillemets, ils comptent).',
    en: 'Words too common to search, left out: {words} (in quotes, they count).',
  },
  'cli.hits': { fr: '{hits} dans {sources}', en: '{hits} in {sources}' },
  'cli.hitsLimited': {
    fr: '{shown}, limite atteinte (--limit {limit}) ; la requête trouve des passages dans {sources}.',
    en: '{shown}, limit reached (--limit {limit}); the query matches passages in {sources}.',
  },
  'cli.hitCount.one': { fr: '{count} résultat', en: '{count} hit' },
  'cli.hitCount.other': { fr: '{count} résultats', en: '{count} hits' },
  'cli.hitsShown.one': { fr: '{count} résultat affiché', en: '{count} hit shown' },
  'cli.hitsShown.other': { fr: '{count} résultats affichés', en: '{count} hits shown' },
  'cli.sourceCount.one': { fr: '{count} source', en: '{count} source' },
  'cli.sourceCount.other': { fr: '{count} sources', en: '{count} sources' },
  'cli.missingQuery': { fr: 'Il manque la requête.', en: 'The query is missing.' },
  'cli.sourceSize': { fr: '{length} car., {codings}', en: '{length} chars, {codings}' },
  'cli.codingCount.one': { fr: '{count} codage', en: '{count} coding' },
  'cli.codingCount.other': { fr: '{count} codages', en: '{count} codings' },
  'cli.sourceCases.one': { fr: 'cas : {cases}', en: 'case: {cases}' },
  'cli.sourceCases.other': { fr: 'cas : {cases}', en: 'cases: {cases}' },
  'cli.kind.interview': { fr: 'entretien', en: 'interview' },
  'cli.kind.observation': { fr: 'observation', en: 'observation' },
  'cli.kind.notebook': { fr: 'carnet', en: 'notebook' },
  'cli.kind.document': { fr: 'document', en: 'document' },
  'cli.kind.synthesis': { fr: 'synthèse', en: 'synthesis' },
  'cli.usageOf': { fr: 'Usage :', en: 'Usage:' },
  'cli.helpHint': { fr: 'Aide complète : tresse --help', en: 'Full help: tresse --help' },
  'cli.unknownOption': { fr: 'option {option} inconnue', en: 'unknown option {option}' },
  'cli.optionNeedsValue': { fr: 'l’option {option} attend une valeur', en: 'option {option} needs a value' },
  'cli.optionTakesNoValue': { fr: 'l’option {option} ne prend pas de valeur', en: 'option {option} takes no value' },
  'cli.optionValueDash': {
    fr: 'l’option {option} attend une valeur ; si la valeur commence par un tiret, écrivez {option}=-…',
    en: 'option {option} needs a value; if the value starts with a dash, write {option}=-…',
  },
  'cli.excerpts': { fr: '{count} extrait(s)', en: '{count} excerpt(s)' },
  'cli.internal': { fr: 'Erreur interne : {message}', en: 'Internal error: {message}' },
  'cli.codebookMerged': {
    fr: 'Livre de codes : {added} code(s) ajouté(s), {renamed} renommé(s), {moved} déplacé(s), {updated} modifié(s), {mapped} rapproché(s) d’un des vôtres, {ignored} écarté(s)',
    en: 'Codebook: {added} code(s) added, {renamed} renamed, {moved} moved, {updated} updated, {mapped} mapped onto one of yours, {ignored} left out',
  },
  'cli.projectMerged': {
    fr: 'Codeurs ajoutés : {coders}\nSources : {sourcesAdded} ajoutée(s), {sourcesMatched} déjà présente(s) (même texte)\nCas : {casesAdded} ajouté(s), {casesMatched} déjà présent(s) ; {values} valeur(s) d’attribut ajoutée(s)\nCodages : {codingsAdded} ajouté(s), {duplicates} déjà présent(s), {skipped} ignoré(s)\nMémos : {memosAdded} ajouté(s), {memosDuplicates} déjà présent(s)',
    en: 'Coders added: {coders}\nSources: {sourcesAdded} added, {sourcesMatched} already there (same text)\nCases: {casesAdded} added, {casesMatched} already there; {values} attribute value(s) added\nCodings: {codingsAdded} added, {duplicates} already there, {skipped} skipped\nMemos: {memosAdded} added, {memosDuplicates} already there',
  },
  'cli.none': { fr: 'aucun', en: 'none' },
  'cli.importWarnings': {
    fr: '{count} élément(s) non importé(s) ou modifié(s) :',
    en: '{count} item(s) not imported or changed:',
  },
  'cli.projectFromQdpx': { fr: 'Projet créé : {path} (depuis « {name} »)', en: 'Project created: {path} (from "{name}")' },
  'cli.mergingInto': { fr: 'Fusion dans le projet existant {path}', en: 'Merging into the existing project {path}' },
  'cli.noDisagreements': { fr: 'Aucun désaccord.', en: 'No disagreements.' },
  'cli.noDoneMarks': {
    fr: 'Aucune source marquée « codage terminé » : l’accord compare toutes les sources.',
    en: 'No source marked “coding done”: agreement compares every source.',
  },
  'cli.doneMark': { fr: '{source} : codage terminé par {coder}', en: '{source}: coding done by {coder}' },
  'cli.doneSet': { fr: 'Codage terminé : {source}', en: 'Coding done: {source}' },
  'cli.doneUnset': { fr: 'Marque « codage terminé » retirée : {source}', en: '“Coding done” mark removed: {source}' },
  'cli.disagreement': {
    fr: '[{id}] {source} · {code} ({start}–{end}) : codé par {with}, pas par {without}{status}',
    en: '[{id}] {source} · {code} ({start}–{end}): coded by {with}, not by {without}{status}',
  },
  'cli.reviewKept': { fr: ' [lectures gardées toutes deux]', en: ' [both readings kept]' },
  'cli.reviewDiscuss': { fr: ' [à discuter]', en: ' [to discuss]' },
  'cli.resolved': {
    fr: 'Désaccord réglé : {added} codage(s) ajouté(s), {removed} retiré(s), {memos} mémo(s) ajouté(s)',
    en: 'Disagreement settled: {added} coding(s) added, {removed} removed, {memos} memo(s) added',
  },
  'cli.pseudoMatches': {
    fr: '{count} occurrence(s) de noms réels ; appliquer : sans --dry-run (écarter une occurrence : --skip ID)',
    en: '{count} occurrence(s) of real names; to apply: without --dry-run (leave one out: --skip ID)',
  },
  'cli.pseudoAmbiguous': {
    fr: 'Forme partagée par plusieurs personnes, non remplacée : « {form} » ({pseudonyms})',
    en: 'Form shared by several people, not replaced: "{form}" ({pseudonyms})',
  },
  'cli.pseudoApplied': {
    fr: '{replaced} remplacement(s) : {sources} source(s), {fields} autre(s) champ(s) ; codages déplacés : {moved}, ajustés : {changed}',
    en: '{replaced} replacement(s): {sources} source(s), {fields} other field(s); codings moved: {moved}, adjusted: {changed}',
  },
  'cli.pseudoForgotten': { fr: 'Les noms réels ont été effacés de la table.', en: 'The real names were erased from the table.' },
  'cli.pseudoOldBackups': {
    fr: 'Attention : {count} sauvegarde(s) prise(s) avant (par exemple celle que l’application prend à l’ouverture du projet) contiennent encore les noms réels, dans {dir}. Supprimez-les avant de confier ce dossier à quelqu’un (définitif) :\n  {command}',
    en: 'Warning: {count} backup(s) taken before (for example the one the app takes when the project opens) still hold the real names, in {dir}. Delete them before handing that folder to anyone (cannot be undone):\n  {command}',
  },
  'cli.pseudoBeforeRestore': {
    fr: 'Le fichier mis de côté par une restauration, {file}, contient lui aussi les noms réels : supprimez-le de même.',
    en: 'The file kept aside by a restore, {file}, holds the real names too: delete it as well.',
  },
  'cli.editSummary': {
    fr: '« {name} » : {changes} modification(s) ; codages inchangés : {unchanged}, déplacés : {moved}, ajustés : {changed}, supprimés : {removed}',
    en: '"{name}": {changes} change(s); codings unchanged: {unchanged}, moved: {moved}, adjusted: {changed}, removed: {removed}',
  },
  'cli.editRemoved': { fr: 'Codages dont tout le texte disparaît :', en: 'Codings whose whole text disappears:' },
  'cli.editSaved': { fr: 'Nouveau texte enregistré.', en: 'New text saved.' },
  'cli.backupDone': { fr: 'Sauvegarde : {path}', en: 'Backup: {path}' },
  'cli.noBackups': { fr: 'Aucune sauvegarde.', en: 'No backups.' },
  'cli.backupDeleted': { fr: 'Sauvegarde supprimée : {file}', en: 'Backup deleted: {file}' },
  'cli.backupsDeleted': {
    fr: '{count} sauvegarde(s) supprimée(s) ; il en reste {left} dans {dir}.',
    en: '{count} backup(s) deleted; {left} left in {dir}.',
  },
  'cli.restored': {
    fr: 'Sauvegarde restaurée : {backup}. L’ancien fichier est gardé : {previous}',
    en: 'Backup restored: {backup}. The previous file is kept: {previous}',
  },
  'cli.synthesisSet': { fr: 'Synthèse enregistrée : {row} × {column}', en: 'Synthesis saved: {row} × {column}' },
  'cli.synthesisCleared': { fr: 'Synthèse effacée : {row} × {column}', en: 'Synthesis removed: {row} × {column}' },
  'cli.verdictSet': { fr: '{row} : verdict {verdict} (silence : {silent})', en: '{row}: verdict {verdict} (silence: {silent})' },
  'cli.questionAdded': { fr: 'Question « {name} » : {count} code(s)', en: 'Question "{name}": {count} code(s)' },
  'cli.questionRemoved': { fr: 'Question supprimée : {name}', en: 'Question removed: {name}' },
  'cli.noSets': { fr: 'Aucun ensemble.', en: 'No sets.' },
  'cli.setKind.sources': { fr: 'sources', en: 'sources' },
  'cli.setKind.codes': { fr: 'codes', en: 'codes' },
  'cli.setSaved': { fr: 'Ensemble de {kind} « {name} » : {count} membre(s)', en: 'Set of {kind} "{name}": {count} member(s)' },
  'cli.setDeleted': { fr: 'Ensemble supprimé : {name}', en: 'Set deleted: {name}' },
  'cli.similarQuery': {
    fr: 'Passages semblables à {source} [{start}–{end}] ({words})',
    en: 'Passages like {source} [{start}–{end}] ({words})',
  },
  'cli.similarOnlyStopWords': {
    fr: 'Rien à comparer : ce passage ne contient que des mots vides (articles, pronoms…), des nombres, des lettres isolées ou des noms de locuteurs.',
    en: 'Nothing to compare: this passage holds only stop words (articles, pronouns…), numbers, single letters or speakers’ names.',
  },
  'cli.similarNone': {
    fr: 'Aucun autre passage non codé ne partage un de ses mots.',
    en: 'No other uncoded passage shares any of its words.',
  },
  'cli.similarCount.one': { fr: '{count} passage, du plus semblable au moins semblable :', en: '{count} passage, most alike first:' },
  'cli.similarCount.other': { fr: '{count} passages, du plus semblable au moins semblable :', en: '{count} passages, most alike first:' },
  'cli.similarTurn': { fr: 'tour {turn}, {speaker}', en: 'turn {turn}, {speaker}' },
  'cli.similarShared': { fr: 'mots partagés : {words}', en: 'shared words: {words}' },
} as const satisfies Record<string, { fr: string; en: string }>;

export type CliMessage = keyof typeof cliMessages;

/** Messages that come in a singular and a plural form, named without their `.one`/`.other`. */
export type CliPluralMessage = CliMessage extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;

/** 'one' or 'other' by the language's rule: French says « 0 résultat », English "0 hits". */
export function pluralForm(lang: Lang, count: number): 'one' | 'other' {
  return new Intl.PluralRules(lang).select(count) === 'one' ? 'one' : 'other';
}
