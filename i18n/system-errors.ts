// What the operating system or SQLite refused, said in the user's language with the file named:
// Node's own text ("EACCES: permission denied, open '…'") and SQLite's ("unable to open database
// file") are English and name no file. i18n/node-errors.ts picks the entry from the error's code.
// Kept apart from node-errors.ts so that errors.ts can spread these without an import cycle.
export const systemErrorMessages = {
  'system.notFound': {
    fr: '{path} est introuvable : le fichier ou son dossier n’existe pas.',
    en: '{path} cannot be found: the file or its folder does not exist.',
  },
  'system.denied': {
    fr: 'Accès refusé à {path} : vous n’avez pas le droit de lire ou d’écrire à cet endroit. Vérifiez ses permissions, ou choisissez un autre emplacement.',
    en: 'Access to {path} refused: you may not read or write there. Check its permissions, or choose another place.',
  },
  'system.notADirectory': {
    fr: 'Le chemin {path} passe par un fichier comme si c’était un dossier : vérifiez le chemin.',
    en: 'The path {path} goes through a file as if it were a folder: check the path.',
  },
  'system.diskFull': {
    fr: 'Plus de place sur le disque pour écrire {path} : libérez de la place, puis recommencez.',
    en: 'No space left on the disk to write {path}: free some space, then try again.',
  },
  'system.readOnly': {
    fr: '{path} est sur un disque ou dans un dossier en lecture seule : choisissez un autre emplacement.',
    en: '{path} is on a read-only disk or folder: choose another place.',
  },
  'system.exists': { fr: 'Un fichier existe déjà à cet endroit : {path}', en: 'A file already exists at {path}' },
  'system.nameTooLong': {
    fr: 'Le chemin {path} est trop long pour le système de fichiers : choisissez un nom ou un dossier plus court.',
    en: 'The path {path} is too long for the file system: choose a shorter name or folder.',
  },
  'system.tooManyFiles': {
    fr: 'Trop de fichiers sont ouverts pour lire ou écrire {path} : fermez d’autres programmes, puis recommencez.',
    en: 'Too many files are open to read or write {path}: close other programs, then try again.',
  },
  'system.busy': {
    fr: '{path} est occupé par un autre programme : réessayez dans un instant.',
    en: '{path} is busy in another program: try again in a moment.',
  },
  'system.io': {
    fr: 'Erreur du disque en lisant ou en écrivant {path} : le disque ou la clé est peut-être débranché ou endommagé.',
    en: 'Disk error while reading or writing {path}: the disk or stick may be unplugged or damaged.',
  },
  'system.loop': {
    fr: 'Le chemin {path} tourne en rond (liens symboliques qui se désignent l’un l’autre).',
    en: 'The path {path} goes round in circles (symbolic links pointing at each other).',
  },
  'system.cantOpen': {
    fr: 'Impossible d’ouvrir ou de créer {path} : son dossier n’existe pas, ou vous n’avez pas le droit d’y écrire.',
    en: 'Cannot open or create {path}: its folder does not exist, or you may not write there.',
  },
  'system.other': {
    fr: 'Opération impossible sur {path} (erreur du système : {code}).',
    en: 'Operation not possible on {path} (system error: {code}).',
  },
  'api.internal': {
    fr: 'Erreur interne de Tresse : l’opération a échoué. Si elle se reproduit, signalez-la avec ce détail technique : {detail}',
    en: 'Internal error in Tresse: the operation failed. If it happens again, report it with this technical detail: {detail}',
  },
} as const;
