// Error messages, French first. Each entry keeps both languages side by side so they cannot drift.
// `{name}` placeholders are filled from the error's params.
import { agreementMathErrorMessages } from './agreement-math-errors.ts';
import { systemErrorMessages } from './system-errors.ts';

export const errorMessages = {
  'project.notFound': { fr: 'Projet introuvable : {path}', en: 'Project not found: {path}' },
  'project.exists': { fr: 'Un fichier existe déjà à cet endroit : {path}', en: 'A file already exists at {path}' },
  'project.notTresse': {
    fr: "Ce fichier n'est pas un projet Tresse : {path}. Il n'a pas été modifié.",
    en: 'This file is not a Tresse project: {path}. It was left untouched.',
  },
  'project.tooNew': {
    fr: 'Ce projet a été créé par une version plus récente de Tresse (format {found}, cette version lit jusqu’au format {supported}). Mettez Tresse à jour ; le fichier n’a pas été modifié.',
    en: 'This project was made by a newer version of Tresse (format {found}; this version reads up to format {supported}). Update Tresse; the file was left untouched.',
  },
  'project.locked': {
    fr: 'Ce projet est déjà ouvert ailleurs (sur « {host} », processus {pid}, depuis {since}). Fermez-le là-bas avant de le rouvrir. Si ce programme ne tourne plus, supprimez le fichier de verrou : {lock}',
    en: 'This project is already open elsewhere (on "{host}", process {pid}, since {since}). Close it there first. If that program is no longer running, delete the lock file: {lock}',
  },
  'project.busy': {
    fr: 'Le projet {path} est occupé par un autre programme. Réessayez dans un instant.',
    en: 'The project {path} is busy in another program. Try again in a moment.',
  },
  'project.none': { fr: 'Aucun projet n’est ouvert.', en: 'No project is open.' },
  'project.folderMissing': {
    fr: 'Le dossier {folder} n’existe pas : créez-le d’abord, ou choisissez un autre emplacement. Rien n’a été créé.',
    en: 'The folder {folder} does not exist: create it first, or choose another place. Nothing was created.',
  },
  'coder.unknown': { fr: 'Codeur inconnu : {name}', en: 'Unknown coder: {name}' },
  'coder.empty': {
    fr: 'Indiquez votre nom de codeur ou codeuse : chaque codage porte le nom de la personne qui l’a fait.',
    en: 'Enter your coder name: every coding carries the name of the person who made it.',
  },
  'source.notFound': { fr: 'Source introuvable : {ref}', en: 'Source not found: {ref}' },
  'source.ambiguous': { fr: 'Plusieurs sources s’appellent « {ref} » ; utilisez leur numéro.', en: 'Several sources are named "{ref}"; use their number.' },
  'source.kind': {
    fr: 'Type de source inconnu : {kind} (attendu : entretien, observation, carnet, document, synthèse)',
    en: 'Unknown source kind: {kind} (expected: interview, observation, notebook, document, synthesis)',
  },
  'import.duplicate': {
    fr: '« {file} » a le même texte que la source « {existing} », déjà importée. Rien n’a été ajouté.',
    en: '"{file}" has the same text as the source "{existing}", already imported. Nothing was added.',
  },
  'import.empty': { fr: '« {file} » ne contient aucun texte.', en: '"{file}" contains no text.' },
  'import.tooLarge': {
    fr: '« {file} » est trop volumineux ({size} Mo ; limite : {limit} Mo).',
    en: '"{file}" is too large ({size} MB; limit: {limit} MB).',
  },
  'import.binary': {
    fr: '« {file} » n’est pas un fichier texte lisible (format non reconnu).',
    en: '"{file}" is not a readable text file (unrecognised format).',
  },
  'import.encoding': {
    fr: 'Impossible de reconnaître l’encodage de « {file} ». Enregistrez-le en UTF-8 puis réessayez.',
    en: 'Cannot recognise the encoding of "{file}". Save it as UTF-8 and try again.',
  },
  'import.corrupt': {
    fr: '« {file} » est endommagé ou n’est pas un document {format} valide : {detail}',
    en: '"{file}" is damaged or not a valid {format} document: {detail}',
  },
  'import.notPdf': {
    fr: '« {file} » n’est pas un fichier PDF (son début ne porte pas la signature %PDF).',
    en: '"{file}" is not a PDF file (it does not start with the %PDF signature).',
  },
  'import.pdfLocked': {
    fr: '« {file} » est protégé par un mot de passe : enregistrez-le sans mot de passe, puis réessayez.',
    en: '"{file}" is protected by a password: save it without one, then try again.',
  },
  'import.pdfDamaged': {
    fr: '« {file} » est un PDF endommagé : sa structure est illisible (fichier tronqué ou abîmé).',
    en: '"{file}" is a damaged PDF: its structure cannot be read (the file is cut short or damaged).',
  },
  'import.noCues': {
    fr: '« {file} » n’est pas un fichier {format} valide : aucun sous-titre horodaté (ligne « 00:00:01.000 --> 00:00:04.000 ») n’a été trouvé.',
    en: '"{file}" is not a valid {format} file: no timed subtitle (a line such as "00:00:01.000 --> 00:00:04.000") was found.',
  },
  'import.oldWord': {
    fr: '« {file} » est un ancien document Word (.doc) ou un document protégé par un mot de passe : enregistrez-le au format .docx sans mot de passe, puis réessayez.',
    en: '"{file}" is an old Word document (.doc) or a password-protected one: save it as .docx without a password, then try again.',
  },
  'import.missingPart': {
    fr: '« {file} » n’est pas un document {format} valide : la partie {part} manque.',
    en: '"{file}" is not a valid {format} document: the part {part} is missing.',
  },
  'import.otherOdf': {
    fr: '« {file} » est un autre type de document OpenDocument ({mimetype}) : seuls les textes (.odt) s’importent.',
    en: '"{file}" is another kind of OpenDocument file ({mimetype}): only text documents (.odt) can be imported.',
  },
  'import.textTooLong': {
    fr: '« {file} » donnerait un texte de plus de {limit} millions de caractères : ce n’est pas un document que Tresse peut importer.',
    en: '"{file}" would yield a text of more than {limit} million characters: not a document Tresse can import.',
  },
  'import.format': {
    fr: 'Format non pris en charge : « {file} » (formats acceptés : .txt, .md, .docx, .odt, .pdf, .vtt, .srt)',
    en: 'Unsupported format: "{file}" (accepted: .txt, .md, .docx, .odt, .pdf, .vtt, .srt)',
  },
  'import.noTextLayer': {
    fr: '« {file} » ne contient pas de texte (PDF scanné ?). Faites-le passer par un logiciel de reconnaissance de caractères.',
    en: '"{file}" has no text layer (a scanned PDF?). Run it through character recognition first.',
  },
  'import.tooSlow': {
    fr: 'La lecture de « {file} » a été arrêtée au bout de {seconds} secondes : le fichier est sans doute endommagé ou construit pour bloquer un logiciel. Rien n’a été ajouté au projet.',
    en: 'Reading "{file}" was stopped after {seconds} seconds: the file is probably damaged or built to stall software. Nothing was added to the project.',
  },
  'import.tooHeavy': {
    fr: 'La lecture de « {file} » a été arrêtée : elle demandait plus de {limit} Mo de mémoire (fichier endommagé ou démesuré). Rien n’a été ajouté au projet.',
    en: 'Reading "{file}" was stopped: it needed more than {limit} MB of memory (a damaged or outsized file). Nothing was added to the project.',
  },
  'import.crashed': {
    fr: 'Le lecteur de « {file} » s’est arrêté sur une erreur : le fichier est sans doute endommagé. Rien n’a été ajouté au projet.',
    en: 'The reader of "{file}" stopped on an error: the file is probably damaged. Nothing was added to the project.',
  },
  'import.failedOne': {
    fr: '1 fichier sur {total} n’a pas pu être importé.',
    en: '1 of {total} files could not be imported.',
  },
  'import.failedMany': {
    fr: '{failed} fichiers sur {total} n’ont pas pu être importés.',
    en: '{failed} of {total} files could not be imported.',
  },
  'file.notFound': { fr: 'Le fichier {path} n’existe pas.', en: 'The file {path} does not exist.' },
  'file.isDirectory': { fr: '{path} est un dossier, pas un fichier.', en: '{path} is a folder, not a file.' },
  'file.unreadable': { fr: 'Impossible de lire {path} ({detail}).', en: 'Cannot read {path} ({detail}).' },
  'import.pattern': { fr: 'Motif de tour de parole invalide : {pattern}', en: 'Invalid speaker-turn pattern: {pattern}' },
  'case.notFound': { fr: 'Cas introuvable : {ref}', en: 'Case not found: {ref}' },
  'case.exists': { fr: 'Un cas s’appelle déjà « {name} ».', en: 'A case named "{name}" already exists.' },
  'set.notFound': { fr: 'Ensemble introuvable : {ref}', en: 'Set not found: {ref}' },
  'set.exists': {
    fr: 'Un ensemble de {kind} s’appelle déjà « {name} ».',
    en: 'A set of {kind} named "{name}" already exists.',
  },
  'set.nameEmpty': { fr: 'Donnez un nom à l’ensemble.', en: 'Give the set a name.' },
  'set.wrongKind': {
    fr: 'L’ensemble « {name} » regroupe des {kind}, pas des {other}.',
    en: 'The set "{name}" groups {kind}, not {other}.',
  },
  // One key per attribute type, so that the type is named in the user's language.
  'attribute.type.number': {
    fr: 'La valeur « {value} » ne convient pas à l’attribut « {name} » (type nombre) : tapez un nombre, par exemple 10 ou 2,5.',
    en: 'The value "{value}" does not fit the attribute "{name}" (type number): type a number, such as 10 or 2.5.',
  },
  'attribute.type.date': {
    fr: 'La valeur « {value} » ne convient pas à l’attribut « {name} » (type date) : tapez une date, par exemple 12/03/2026.',
    en: 'The value "{value}" does not fit the attribute "{name}" (type date): type a date, such as 2026-03-12.',
  },
  'attribute.type.boolean': {
    fr: 'La valeur « {value} » ne convient pas à l’attribut « {name} » (type oui/non) : tapez oui ou non.',
    en: 'The value "{value}" does not fit the attribute "{name}" (type yes/no): type yes or no.',
  },
  'attribute.type.text': {
    fr: 'La valeur « {value} » ne convient pas à l’attribut « {name} » (type texte) : le texte ne peut pas être vide.',
    en: 'The value "{value}" does not fit the attribute "{name}" (type text): the text cannot be empty.',
  },
  'attribute.typeConflict.number': {
    fr: 'L’attribut « {name} » existe déjà, de type nombre.',
    en: 'The attribute "{name}" already exists, of type number.',
  },
  'attribute.typeConflict.date': {
    fr: 'L’attribut « {name} » existe déjà, de type date.',
    en: 'The attribute "{name}" already exists, of type date.',
  },
  'attribute.typeConflict.boolean': {
    fr: 'L’attribut « {name} » existe déjà, de type oui/non.',
    en: 'The attribute "{name}" already exists, of type yes/no.',
  },
  'attribute.typeConflict.text': {
    fr: 'L’attribut « {name} » existe déjà, de type texte.',
    en: 'The attribute "{name}" already exists, of type text.',
  },
  'attribute.notFound': { fr: 'Attribut introuvable : {name}', en: 'Attribute not found: {name}' },
  'attribute.idNotFound': {
    fr: 'Cet attribut (n° {id}) n’existe plus : il a peut-être été supprimé entre-temps. Rien n’a été modifié.',
    en: 'This attribute (no. {id}) no longer exists: it may have been deleted meanwhile. Nothing was changed.',
  },
  'attribute.nameTaken': {
    fr: 'Un attribut s’appelle déjà « {name} ». Choisissez un autre nom ; rien n’a été modifié.',
    en: 'An attribute named "{name}" already exists. Choose another name; nothing was changed.',
  },
  'attribute.nameEmpty': { fr: 'Donnez un nom à l’attribut.', en: 'Give the attribute a name.' },
  'code.notFound': { fr: 'Code introuvable : {ref}', en: 'Code not found: {ref}' },
  'code.ambiguous': {
    fr: 'Plusieurs codes correspondent à « {ref} » : {matches}. Précisez le chemin (Parent/Enfant).',
    en: 'Several codes match "{ref}": {matches}. Give the path (Parent/Child).',
  },
  'code.exists': { fr: 'Le code « {name} » existe déjà à cet endroit.', en: 'The code "{name}" already exists there.' },
  'code.cycle': {
    fr: 'Impossible de placer « {name} » sous lui-même ou sous l’un de ses sous-codes.',
    en: 'Cannot move "{name}" under itself or one of its sub-codes.',
  },
  'code.mergeSelf': { fr: 'Un code ne peut pas être fusionné avec lui-même.', en: 'A code cannot be merged into itself.' },
  'code.color': { fr: 'Couleur invalide : {color} (attendu : #rrggbb)', en: 'Invalid colour: {color} (expected #rrggbb)' },
  'code.notCodable': {
    fr: 'Le code « {name} » est une rubrique : il ne peut pas être appliqué à un passage.',
    en: 'The code "{name}" is a heading: it cannot be applied to a passage.',
  },
  'code.deleteNeedsConfirm': {
    fr: 'Le code « {name} » porte {count} codage(s). Confirmez la suppression pour les supprimer aussi.',
    en: 'The code "{name}" has {count} coding(s). Confirm the deletion to delete them too.',
  },
  'code.usedSinceCreated': {
    fr: 'Le code « {name} » a servi depuis sa création (autres codages, sous-codes ou mémo) : rien n’est annulé.',
    en: 'The code "{name}" has been used since it was created (other codings, sub-codes or a memo): nothing was undone.',
  },
  'codebook.format': { fr: 'Livre de codes illisible ({format}) : {detail}', en: 'Unreadable codebook ({format}): {detail}' },
  'codebook.unknownGrid': { fr: 'Grille inconnue : {name} (disponibles : {available})', en: 'Unknown grid: {name} (available: {available})' },
  'suggest.noTurn': {
    fr: '« {source} » n’a pas de tour (ni de paragraphe) numéro {turn}.',
    en: '"{source}" has no turn (nor paragraph) number {turn}.',
  },
  'coding.range': {
    fr: 'Passage invalide : {start}–{end} (la source compte {length} caractères).',
    en: 'Invalid passage: {start}–{end} (the source has {length} characters).',
  },
  'coding.notFound': { fr: 'Codage introuvable : {ref}', en: 'Coding not found: {ref}' },
  'coding.alreadyCoded': {
    fr: 'Ce passage est déjà dans l’un de vos codages « {code} » (« {text} ») : rien n’a été ajouté.',
    en: 'This passage is already inside one of your "{code}" codings ("{text}"): nothing was added.',
  },
  'coding.overlaps': {
    fr: 'Ce passage chevauche {count} de vos codages « {code} » : rien n’a été ajouté. Pour n’en garder qu’un, étendez le codage existant à « {text} » (--extend en ligne de commande).',
    en: 'This passage overlaps {count} of your "{code}" codings: nothing was added. To keep one, extend the existing coding to "{text}" (--extend on the command line).',
  },
  'coding.textNotFound': { fr: 'Passage introuvable dans « {source} » : « {text} »', en: 'Passage not found in "{source}": "{text}"' },
  'coding.textAmbiguous': {
    fr: 'Le passage « {text} » apparaît {count} fois dans « {source} » ; précisez --occurrence N.',
    en: 'The passage "{text}" occurs {count} times in "{source}"; add --occurrence N.',
  },
  'coding.occurrence': {
    fr: 'Occurrence {occurrence} demandée, mais le passage n’apparaît que {count} fois.',
    en: 'Occurrence {occurrence} requested, but the passage occurs only {count} times.',
  },
  'search.empty': { fr: 'Recherche vide.', en: 'Empty search.' },
  'memo.notFound': { fr: 'Mémo introuvable : {ref}', en: 'Memo not found: {ref}' },
  'value.invalid': { fr: 'Valeur invalide pour {field} : {value}', en: 'Invalid value for {field}: {value}' },
  'agreement.coders': {
    fr: 'Choisissez au moins deux codeurs différents (au plus 30) pour mesurer l’accord ({count} choisi(s)).',
    en: 'Choose at least two different coders (at most 30) to measure agreement ({count} chosen).',
  },
  'agreement.unit': {
    fr: 'Unité d’analyse inconnue : {value} (attendu : character, segment ou document).',
    en: 'Unknown unit of analysis: {value} (expected character, segment or document).',
  },
  'agreement.threshold': {
    fr: 'Seuil de recouvrement invalide : {value} (attendu : un nombre supérieur à 0 et au plus 1).',
    en: 'Invalid overlap threshold: {value} (expected a number above 0 and at most 1).',
  },
  // Every ZIP archive (.docx, .odt, .qdpx) goes through one guard; {format} names the kind of file.
  'archive.notZip': {
    fr: '« {file} » n’est pas un fichier {format} lisible : ce n’est pas une archive ZIP (un autre type de fichier, ou un fichier renommé).',
    en: '"{file}" is not a readable {format} file: it is not a ZIP archive (another kind of file, or a renamed one).',
  },
  'archive.truncated': {
    fr: '« {file} » est incomplet : l’archive {format} s’arrête avant sa fin (copie ou téléchargement interrompu ?).',
    en: '"{file}" is incomplete: the {format} archive stops before its end (an interrupted copy or download?).',
  },
  'archive.damaged': {
    fr: '« {file} » est endommagé : la structure de l’archive {format} est incohérente.',
    en: '"{file}" is damaged: the structure of the {format} archive is inconsistent.',
  },
  'archive.entryDamaged': {
    fr: '« {file} » est endommagé : l’élément « {entry} » de l’archive {format} est illisible (données compressées invalides).',
    en: '"{file}" is damaged: the entry "{entry}" of the {format} archive cannot be read (invalid compressed data).',
  },
  'archive.checksum': {
    fr: '« {file} » est endommagé : l’élément « {entry} » ne correspond pas à sa somme de contrôle (CRC-32).',
    en: '"{file}" is damaged: the entry "{entry}" does not match its checksum (CRC-32).',
  },
  'archive.sizeMismatch': {
    fr: '« {file} » est refusé : l’élément « {entry} » n’a pas la taille que l’archive annonce (archive endommagée ou falsifiée).',
    en: '"{file}" is refused: the entry "{entry}" is not the size the archive declares (a damaged or forged archive).',
  },
  'archive.encrypted': {
    fr: '« {file} » est protégé par un mot de passe (élément « {entry} » chiffré) : enregistrez-le sans mot de passe, puis réessayez.',
    en: '"{file}" is protected by a password (entry "{entry}" is encrypted): save it without a password, then try again.',
  },
  'archive.method': {
    fr: '« {file} » utilise une méthode de compression que Tresse ne lit pas (méthode {method}, élément « {entry} ») : enregistrez-le de nouveau depuis le logiciel qui l’a créé.',
    en: '"{file}" uses a compression method Tresse cannot read (method {method}, entry "{entry}"): save it again from the program that made it.',
  },
  'archive.unsafePath': {
    fr: '« {file} » est refusé : l’élément « {entry} » pointe hors de l’archive (chemin absolu ou « .. »).',
    en: '"{file}" is refused: the entry "{entry}" points outside the archive (absolute path or "..").',
  },
  'archive.tooLarge': {
    fr: '« {file} » est refusé : une fois décompressé il ferait {size} Mo (limite pour un fichier {format} : {limit} Mo).',
    en: '"{file}" is refused: uncompressed it would take {size} MB (limit for a {format} file: {limit} MB).',
  },
  'archive.tooManyEntries': {
    fr: '« {file} » est refusé : l’archive contient {count} éléments (limite pour un fichier {format} : {limit}).',
    en: '"{file}" is refused: the archive holds {count} entries (limit for a {format} file: {limit}).',
  },
  'archive.ratio': {
    fr: '« {file} » est refusé : l’élément « {entry} » se décompresse {ratio} fois plus gros (limite : {limit}), signe d’une « bombe de décompression ».',
    en: '"{file}" is refused: the entry "{entry}" expands {ratio} times (limit: {limit}), the mark of a "zip bomb".',
  },
  // Every XML read from a user's file goes through one guarded parser; {file} may name a part: "x.docx (word/document.xml)".
  'xml.malformed': {
    fr: '« {file} » est endommagé : son contenu XML est mal formé (ligne {line}, colonne {column}).',
    en: '"{file}" is damaged: its XML content is malformed (line {line}, column {column}).',
  },
  'xml.empty': {
    fr: '« {file} » est endommagé : il ne contient aucun élément XML.',
    en: '"{file}" is damaged: it holds no XML element.',
  },
  'xml.encoding': {
    fr: '« {file} » est endommagé : son contenu XML n’est pas un texte UTF-8 ou UTF-16 lisible.',
    en: '"{file}" is damaged: its XML content is not readable UTF-8 or UTF-16 text.',
  },
  'xml.tooDeep': {
    fr: '« {file} » est refusé : ses éléments XML sont imbriqués sur plus de {limit} niveaux, ce qu’aucun document réel ne fait (fichier endommagé ou fabriqué pour bloquer le logiciel).',
    en: '"{file}" is refused: its XML elements are nested more than {limit} levels deep, which no real document does (a damaged file, or one made to stall the program).',
  },
  'xml.tooLarge': {
    fr: '« {file} » est refusé : son contenu XML dépasse {limit} millions de caractères.',
    en: '"{file}" is refused: its XML content exceeds {limit} million characters.',
  },
  'xml.doctype': {
    fr: '« {file} » est refusé : il contient une déclaration DOCTYPE ou ENTITY, que ce format n’utilise pas et qui peut servir à une attaque.',
    en: '"{file}" is refused: it contains a DOCTYPE or ENTITY declaration, which this format does not use and which can carry an attack.',
  },
  'json.syntax': {
    fr: '« {file} » n’est pas un fichier JSON valide : erreur de syntaxe ligne {line}, colonne {column}.',
    en: '"{file}" is not a valid JSON file: syntax error at line {line}, column {column}.',
  },
  'json.invalid': {
    fr: '« {file} » n’est pas un fichier JSON valide (erreur de syntaxe).',
    en: '"{file}" is not a valid JSON file (syntax error).',
  },
  'json.truncated': {
    fr: '« {file} » n’est pas un fichier JSON valide : il s’arrête avant la fin (fichier incomplet ?).',
    en: '"{file}" is not a valid JSON file: it stops before its end (an incomplete file?).',
  },
  'refi.unexpectedContent': {
    fr: '« {file} » contient des données inattendues que Tresse ne sait pas lire. Le projet n’a pas été modifié.',
    en: '"{file}" holds unexpected data that Tresse cannot read. The project was left untouched.',
  },
  'refi.noProjectFile': {
    fr: 'Aucun fichier .qde à la racine de l’archive : ce n’est pas un projet REFI-QDA.',
    en: 'No .qde file at the root of the archive: this is not a REFI-QDA project.',
  },
  'refi.severalProjectFiles': {
    fr: 'Plusieurs fichiers .qde à la racine de l’archive ({files}) : impossible de savoir lequel lire.',
    en: 'Several .qde files at the root of the archive ({files}): cannot tell which one to read.',
  },
  'refi.emptyCodebook': {
    fr: 'Le livre de codes est vide : le format REFI-QDA (.qdc) exige au moins un code.',
    en: 'The codebook is empty: the REFI-QDA format (.qdc) requires at least one code.',
  },
  'refi.wrongRoot': {
    fr: '« {file} » n’est pas un {expected} REFI-QDA (élément racine : {found}).',
    en: '"{file}" is not a REFI-QDA {expected} (root element: {found}).',
  },
  'api.token': {
    fr: 'Accès refusé : jeton de session absent ou incorrect. Ouvrez l’adresse complète affichée au démarrage de Tresse (avec #token=…).',
    en: 'Access refused: missing or wrong session token. Open the full address printed when Tresse started (with #token=…).',
  },
  'api.forbidden': {
    fr: 'Requête refusée : elle ne vient pas de la page de Tresse ({reason}).',
    en: 'Request refused: it does not come from the Tresse page ({reason}).',
  },
  'api.unknownMethod': { fr: 'Opération inconnue : {method}', en: 'Unknown operation: {method}' },
  'api.tooLarge': {
    fr: 'Requête trop volumineuse (limite : {limit} Mo). Importez les très gros fichiers en ligne de commande.',
    en: 'Request too large (limit: {limit} MB). Import very large files with the command line.',
  },
  'api.postOnly': {
    fr: 'Requête refusée : seule la méthode POST est acceptée ici (reçu : {method}).',
    en: 'Request refused: only the POST method is accepted here (received: {method}).',
  },
  'api.jsonOnly': {
    fr: 'Requête refusée : son contenu doit être du JSON (Content-Type: application/json).',
    en: 'Request refused: its content must be JSON (Content-Type: application/json).',
  },
  'api.badJson': {
    fr: 'Requête illisible : son contenu n’est pas du JSON valide (ligne {line}, colonne {column}).',
    en: 'Unreadable request: its content is not valid JSON (line {line}, column {column}).',
  },
  'api.badJsonEnd': {
    fr: 'Requête illisible : son contenu s’arrête avant la fin du JSON (envoi interrompu ?).',
    en: 'Unreadable request: its content stops before the end of the JSON (an interrupted upload?).',
  },
  'api.notJson': { fr: 'Requête illisible : son contenu n’est pas du JSON valide.', en: 'Unreadable request: its content is not valid JSON.' },
  'api.badBytes': {
    fr: 'Requête illisible : un fichier joint n’est pas codé en base64 valide.',
    en: 'Unreadable request: an attached file is not valid base64.',
  },
  'api.argExpected': {
    fr: 'Requête illisible : un objet {"arg": …} est attendu.',
    en: 'Unreadable request: an object {"arg": …} is expected.',
  },
  // Paths the page may use (service/path-policy.ts): how to proceed is the user's next step.
  'api.pathNotChosen': {
    fr: 'Tresse n’utilise que les fichiers choisis dans une fenêtre Ouvrir ou Enregistrer : {path} n’a pas été choisi ainsi. Choisissez le fichier avec Ouvrir… (ou Nouveau projet…), ou ouvrez-le depuis les projets récents.',
    en: 'Tresse only uses files chosen in an Open or Save window: {path} was not chosen that way. Choose the file with Open… (or New project…), or open it from the recent projects.',
  },
  'api.pathOutsideWorkspace': {
    fr: '{path} est en dehors du dossier de travail : le mode navigateur n’utilise que les fichiers de {folder} et les projets récents. Placez le fichier dans {folder}, ou ouvrez le projet au démarrage (--project CHEMIN).',
    en: '{path} is outside the working folder: the browser mode only uses the files in {folder} and the recent projects. Put the file in {folder}, or open the project at start-up (--project PATH).',
  },
  'api.projectExtension': {
    fr: 'Le nom d’un nouveau projet doit finir par .tresse : {path}. Rien n’a été créé.',
    en: 'A new project’s name must end in .tresse: {path}. Nothing was created.',
  },
  'question.notFound': { fr: 'Question de recherche introuvable : {ref}', en: 'Research question not found: {ref}' },
  'question.exists': { fr: 'La question « {name} » existe déjà.', en: 'The question "{name}" already exists.' },
  'question.noCodes': {
    fr: 'La question « {name} » doit regrouper au moins un code.',
    en: 'The question "{name}" must group at least one code.',
  },
  'matrix.verdict': { fr: 'Verdict inconnu : {verdict} (possibles : {allowed})', en: 'Unknown verdict: {verdict} (allowed: {allowed})' },
  'matrix.attributeRequired': {
    fr: 'Ce tableau croisé demande un attribut en colonnes (--cols ATTRIBUT).',
    en: 'This crosstab needs an attribute as columns (--cols ATTRIBUTE).',
  },
  'matrix.caseRequired': { fr: 'La grille par participant demande un cas (--case CAS).', en: 'The per-participant grid needs a case (--case CASE).' },
  'matrix.column': { fr: 'Colonne inconnue : {column} (colonnes : {columns})', en: 'Unknown column: {column} (columns: {columns})' },
  'matrix.row': { fr: 'Ligne inconnue dans cette matrice : {row}', en: 'Unknown row in this matrix: {row}' },
  'citation.placeholder': {
    fr: 'Élément inconnu dans le format des citations : {name}. Éléments possibles : {known}. Le format n’a pas été modifié.',
    en: 'Unknown part in the citation format: {name}. Possible parts: {known}. The format was not changed.',
  },
  'citation.brace': {
    fr: 'Accolade isolée dans le format des citations « {template} » : chaque élément s’écrit entre { et }, parmi {known}. Le format n’a pas été modifié.',
    en: 'Unmatched brace in the citation format "{template}": each part is written between { and }, among {known}. The format was not changed.',
  },
  'citation.empty': {
    fr: 'Le format des citations doit contenir au moins un élément parmi {known}. Le format n’a pas été modifié.',
    en: 'The citation format must hold at least one of {known}. The format was not changed.',
  },
  'citation.tooLong': {
    fr: 'Le format des citations dépasse {max} caractères. Le format n’a pas été modifié.',
    en: 'The citation format is longer than {max} characters. The format was not changed.',
  },
  'export.png': {
    fr: 'Impossible de produire l’image PNG : le dessin SVG est illisible ({detail}). Aucun fichier n’a été écrit.',
    en: 'Cannot produce the PNG picture: the SVG drawing cannot be read ({detail}). No file was written.',
  },
  'export.pngFont': {
    fr: 'Impossible de produire l’image PNG : la police livrée avec Tresse est introuvable ({file}). Réinstallez Tresse.',
    en: 'Cannot produce the PNG picture: the font shipped with Tresse is missing ({file}). Reinstall Tresse.',
  },
  'edit.empty': {
    fr: 'Le nouveau texte de « {source} » est vide : rien n’a été modifié.',
    en: 'The new text of "{source}" is empty: nothing was changed.',
  },
  'edit.removalNeedsConfirm': {
    fr: 'Cette modification efface tout le texte de {count} codage(s) de « {source} ». Vérifiez la liste puis confirmez (--yes) ; rien n’a été modifié.',
    en: 'This edit deletes the whole text of {count} coding(s) in "{source}". Check the list, then confirm (--yes); nothing was changed.',
  },
  'pseudonym.empty': { fr: 'Nom réel ou pseudonyme vide (ligne {line}).', en: 'Empty real name or pseudonym (line {line}).' },
  'pseudonym.conflict': {
    fr: '« {realName} » a déjà le pseudonyme « {existing} » : une même personne garde le même pseudonyme partout.',
    en: '"{realName}" already has the pseudonym "{existing}": the same person keeps the same pseudonym everywhere.',
  },
  'pseudonym.taken': {
    fr: 'Le pseudonyme « {pseudonym} » est déjà celui d’une autre personne.',
    en: 'The pseudonym "{pseudonym}" already belongs to another person.',
  },
  'pseudonym.stale': {
    fr: 'Le projet a changé depuis l’aperçu ({count} occurrence(s) introuvable(s)) : refaites l’aperçu. Rien n’a été modifié.',
    en: 'The project changed since the preview ({count} match(es) not found): preview again. Nothing was changed.',
  },
  'pseudonym.mapFormat': {
    fr: 'Table de pseudonymes illisible ({file}) : {detail}. Attendu : CSV « nom réel;pseudonyme[;cas] » ou JSON [{"realName", "pseudonym", "case"}].',
    en: 'Unreadable pseudonym table ({file}): {detail}. Expected: CSV "real name;pseudonym[;case]" or JSON [{"realName", "pseudonym", "case"}].',
  },
  'backup.notFound': { fr: 'Sauvegarde introuvable : {file}', en: 'Backup not found: {file}' },
  // SQLite's own wording (integrity_check, "file is not a database") is English only: not shown.
  'backup.invalid': {
    fr: 'La sauvegarde {file} est endommagée ou n’est pas un projet Tresse : le projet n’a pas été modifié.',
    en: 'The backup {file} is damaged or not a Tresse project: the project was left untouched.',
  },
  'backup.busy': {
    fr: 'Sauvegarde impossible pendant une modification en cours ; elle sera faite ensuite.',
    en: 'Cannot back up during a change in progress; it will be done afterwards.',
  },
  'team.fileKind': {
    fr: '« {file} » : type de fichier non pris en charge ici (attendu : {expected}).',
    en: '"{file}": file type not supported here (expected: {expected}).',
  },
  'team.coderNotInDisagreement': {
    fr: '{coder} ne fait pas partie des codeurs comparés dans ce désaccord.',
    en: '{coder} is not one of the coders compared in this disagreement.',
  },
  'team.decisions': {
    fr: 'Fichier de décisions illisible ({file}) : {detail}. Attendu : une liste JSON de {"id": "...", "choice": "..."}.',
    en: 'Unreadable decisions file ({file}): {detail}. Expected a JSON list of {"id": "...", "choice": "..."}.',
  },
  'team.disagreementNotFound': {
    fr: 'Désaccord introuvable : {id} (listez-les avec « tresse disagreements » ; la liste change quand les codages changent).',
    en: 'Disagreement not found: {id} (list them with "tresse disagreements"; the list changes when codings change).',
  },
  'team.sameProject': {
    fr: '« {file} » est le projet ouvert : choisissez le projet d’un ou d’une collègue.',
    en: '"{file}" is the open project: choose a teammate’s project.',
  },
  'pseudonym.applied': {
    fr: '« {pseudonym} » a déjà été appliqué dans les textes : il ne peut plus être modifié (les textes le portent déjà).',
    en: '"{pseudonym}" has already been applied to the texts: it can no longer be changed (the texts already carry it).',
  },
  'pseudonym.collision': {
    fr: 'Remplacer les noms donnerait « {value} », qui est déjà le nom d’un autre cas, code, attribut ou d’une autre question : renommez l’un des deux, puis appliquez de nouveau. Rien n’a été modifié.',
    en: 'Replacing the names would give "{value}", already the name of another case, code, attribute or question: rename one of them, then apply again. Nothing was changed.',
  },
  'pseudonym.notAName': {
    fr: '« {realName} » ne désigne personne à lui seul (un titre ou une initiale) : écrivez le nom tel qu’il apparaît, par exemple « Monsieur B. » ou « Marie D. ».',
    en: '"{realName}" does not name anyone on its own (a title or an initial): write the name as it appears, for example "Monsieur B." or "Marie D.".',
  },
  // Node and SQLite failures worded for the user (i18n/node-errors.ts).
  ...systemErrorMessages,
  // The agreement coefficients' own refusals and the agreement over attribute ratings.
  ...agreementMathErrorMessages,
} as const satisfies Record<string, { fr: string; en: string }>;

export type ErrorCode = keyof typeof errorMessages;
