// What a REFI-QDA import could not bring over. The specification asks importers to tell the user
// which elements were discarded (section 7, "Data loss"); each warning carries its code and params
// for the interface, and both messages for logs and reports.
import { interpolate } from '../../i18n/lang.ts';

export const warningMessages = {
  'refi.sourceMissing': {
    fr: 'Source « {name} » absente de l’archive ({path}) : non importée, {codings} codage(s) ignoré(s).',
    en: 'Source "{name}" is not in the archive ({path}): not imported, {codings} coding(s) skipped.',
  },
  'refi.sourceUnsupported': {
    fr: 'Source « {name} » de type {type} : Tresse n’importe que du texte ; non importée, {codings} codage(s) ignoré(s).',
    en: 'Source "{name}" is of type {type}: Tresse imports text only; not imported, {codings} coding(s) skipped.',
  },
  'refi.pdfAsText': {
    fr: 'PDF « {name} » importé sous forme de texte ; {codings} codage(s) de zones de page ignoré(s).',
    en: 'PDF "{name}" imported as plain text; {codings} coding(s) of page areas skipped.',
  },
  'refi.sourceEncoding': {
    fr: 'Le texte de « {name} » n’est pas en UTF-8 ; lu comme {encoding}. Vérifiez les caractères accentués.',
    en: 'The text of "{name}" is not UTF-8; read as {encoding}. Check accented characters.',
  },
  'refi.lineEndingsGuessed': {
    fr: 'Dans « {name} », rien n’indique si les positions comptent les fins de ligne Windows pour 1 ou 2 caractères ; 2 retenu (lecture littérale du standard). Vérifiez quelques extraits.',
    en: 'In "{name}", nothing shows whether positions count Windows line ends as 1 or 2 characters; 2 assumed (literal reading of the standard). Check a few excerpts.',
  },
  'refi.selectionOutOfRange': {
    fr: '{count} passage(s) de « {name} » vides ou hors du texte : ignoré(s).',
    en: '{count} passage(s) of "{name}" are empty or fall outside the text: skipped.',
  },
  'refi.selectionWithoutCode': {
    fr: '{count} passage(s) de « {name} » ne portent aucun code : ignoré(s) (Tresse ne garde que des passages codés).',
    en: '{count} passage(s) of "{name}" carry no code: skipped (Tresse keeps coded passages only).',
  },
  'refi.codingUnknownCode': {
    fr: '{count} codage(s) de « {name} » renvoient à un code absent du livre de codes : ignoré(s).',
    en: '{count} coding(s) of "{name}" refer to a code missing from the codebook: skipped.',
  },
  'refi.codingsWithoutUser': {
    fr: '{count} codage(s) sans auteur connu : attribué(s) à l’utilisateur « {user} ».',
    en: '{count} coding(s) without a known author: assigned to the user "{user}".',
  },
  'refi.setsSkipped': {
    fr: '{count} ensemble(s) du livre de codes non importé(s) (Tresse importe les ensembles avec un projet .qdpx) : {names}.',
    en: '{count} codebook set(s) not imported (Tresse imports sets with a .qdpx project): {names}.',
  },
  'refi.graphsSkipped': {
    fr: '{count} graphe(s) non importé(s) : {names}.',
    en: '{count} graph(s) not imported: {names}.',
  },
  'refi.linksSkipped': {
    fr: '{count} lien(s) entre éléments non importé(s).',
    en: '{count} link(s) between elements not imported.',
  },
  'refi.caseRefsSkipped': {
    fr: 'Cas « {name} » : {count} rattachement(s) à des codes ou des passages non importé(s) (Tresse rattache les cas aux sources).',
    en: 'Case "{name}": {count} link(s) to codes or passages not imported (Tresse links cases to sources).',
  },
  'refi.memoDetached': {
    fr: 'Le mémo « {name} » était rattaché à un élément non importé : gardé comme mémo libre.',
    en: 'The memo "{name}" was attached to an element that was not imported: kept as a free memo.',
  },
  'refi.unknownVariable': {
    fr: '{count} valeur(s) d’attribut renvoient à une variable non déclarée : ignorée(s).',
    en: '{count} attribute value(s) refer to an undeclared variable: skipped.',
  },
  'refi.duplicateGuid': {
    fr: 'Identifiant en double ({kind} {guid}) : seul le premier élément est importé.',
    en: 'Duplicate identifier ({kind} {guid}): only the first element is imported.',
  },
  'refi.unsupportedElement': {
    fr: 'Élément <{element}> non pris en charge ({count}) : ignoré.',
    en: 'Unsupported element <{element}> ({count}): ignored.',
  },
  'refi.namespace': {
    fr: 'Espace de noms inattendu « {found} » : lu comme du REFI-QDA, vérifiez le résultat.',
    en: 'Unexpected namespace "{found}": read as REFI-QDA, check the result.',
  },
  'refi.positionReading': {
    fr: 'Positions de {count} source(s) lues comme {program} les compte, pas comme le standard : un emoji (ou autre caractère hors du plan multilingue de base) compte pour {astral}, une fin de ligne Windows pour {crlf} ({names}).',
    en: 'Positions in {count} source(s) read the way {program} counts them, not as the standard does: an emoji (or other character outside the Basic Multilingual Plane) counts as {astral}, a Windows line end as {crlf} ({names}).',
  },
  'refi.positionReadingFound': {
    fr: 'Positions de {count} source(s) comptées autrement que le standard, d’après les passages (noms, limites de mots) : un emoji (ou autre caractère hors du plan multilingue de base) compte pour {astral}, une fin de ligne Windows pour {crlf} ({names}).',
    en: 'Positions in {count} source(s) are counted unlike the standard, judging by the passages (names, word boundaries): an emoji (or other character outside the Basic Multilingual Plane) counts as {astral}, a Windows line end as {crlf} ({names}).',
  },
  'refi.positionUnitsGuessed': {
    fr: 'Dans « {name} », rien n’indique si les positions comptent un emoji (ou autre caractère hors du plan multilingue de base) pour 1 ou 2 ; 1 retenu (lecture du standard). Vérifiez les extraits qui suivent un emoji.',
    en: 'In "{name}", nothing shows whether positions count an emoji (or other character outside the Basic Multilingual Plane) as 1 or 2; 1 assumed (the standard). Check the excerpts that follow an emoji.',
  },
  'refi.selectionPastEnd': {
    fr: '{count} passage(s) de « {name} » finissent après la fin de son texte ({length} caractères ; par exemple {start}–{end}) : ignoré(s), les autres passages sont importés.',
    en: '{count} passage(s) of "{name}" end past the end of its text ({length} characters; for instance {start}–{end}): skipped, the other passages are imported.',
  },
  'refi.notKept': {
    fr: '<{element}> ({count}) : lu, mais Tresse ne le garde pas ; absent d’un export de ce projet.',
    en: '<{element}> ({count}): read, but Tresse does not keep it; missing from an export of this project.',
  },
  'refi.setMembersMissing': {
    fr: 'Ensemble « {name} » : {count} membre(s) ne renvoient à aucune source ni aucun code importé : ignoré(s) ; l’ensemble est gardé avec ses autres membres.',
    en: 'Set "{name}": {count} member(s) refer to no imported source or code: skipped; the set is kept with its other members.',
  },
  'refi.setSplit': {
    fr: 'Ensemble « {name} » : il mêlait des sources et des codes ; gardé comme deux ensembles du même nom, l’un de sources, l’autre de codes.',
    en: 'Set "{name}": it mixed sources and codes; kept as two sets of the same name, one of sources, one of codes.',
  },
  'refi.setNotesSkipped': {
    fr: 'Ensemble « {name} » : {count} mémo(s) membre(s) non gardé(s) (un ensemble de Tresse regroupe des sources ou des codes).',
    en: 'Set "{name}": {count} memo member(s) not kept (a Tresse set groups sources or codes).',
  },
  // What the reader adapts without losing anything, said so the import report lists it (issue 14).
  'refi.guidsNormalised': {
    fr: '{count} identifiant(s) (GUID) écrit(s) en majuscules ou entre accolades : lu(s) en minuscules, sans accolades.',
    en: '{count} identifier(s) (GUID) written in capitals or in braces: read in lower case, without braces.',
  },
  'refi.namesNormalised': {
    fr: '{count} nom(s) aux accents décomposés ou aux fins de ligne Windows : recomposé(s) (NFC) : {names}.',
    en: '{count} name(s) with decomposed accents or Windows line ends: normalised (NFC): {names}.',
  },
  'refi.lineEndsConverted': {
    fr: 'Fins de ligne Windows (CRLF) converties en fins de ligne simples dans {count} texte(s) : {names}.',
    en: 'Windows line ends (CRLF) turned into plain line ends in {count} text(s): {names}.',
  },
  'refi.textComposed': {
    fr: 'Accents décomposés (macOS) recomposés (NFC) dans {count} texte(s), les passages restent sur les mêmes caractères : {names}.',
    en: 'Decomposed accents (macOS) composed (NFC) in {count} text(s), passages stay on the same characters: {names}.',
  },
  'refi.textUtf16': {
    fr: '{count} texte(s) en UTF-16 lu(s) et enregistré(s) en UTF-8 : {names}.',
    en: '{count} text(s) in UTF-16 read and stored as UTF-8: {names}.',
  },
  'refi.codingsCreditedToCreator': {
    fr: '{count} codage(s) sans auteur : attribué(s) à l’auteur du projet ({user}).',
    en: '{count} coding(s) without an author: credited to the project’s author ({user}).',
  },
  'refi.usersUndeclared': {
    fr: '{count} auteur(s) cité(s) mais absent(s) de la liste des utilisateurs : ajouté(s), nommé(s) par leur identifiant : {names}.',
    en: '{count} author(s) named but missing from the list of users: added, named by their identifier: {names}.',
  },
  'refi.duplicateGuidNamed': {
    fr: 'Deux éléments ({kind}) portent l’identifiant {guid} : le premier est importé, « {name} » est laissé de côté avec ce qu’il contient.',
    en: 'Two elements ({kind}) share the identifier {guid}: the first is imported, "{name}" is left out with what it holds.',
  },
} as const satisfies Record<string, { fr: string; en: string }>;

export type WarningCode = keyof typeof warningMessages;

export interface ImportWarning {
  code: WarningCode;
  params: Record<string, string | number>;
  fr: string;
  en: string;
}

/** The kinds of element a message may name (`{kind}`), in each language. */
const KINDS: Record<string, { fr: string; en: string }> = {
  user: { fr: 'utilisateur', en: 'user' },
  variable: { fr: 'variable', en: 'variable' },
  case: { fr: 'cas', en: 'case' },
  note: { fr: 'note', en: 'note' },
  source: { fr: 'source', en: 'source' },
  coding: { fr: 'codage', en: 'coding' },
  code: { fr: 'code', en: 'code' },
};

export function warning(code: WarningCode, params: Record<string, string | number> = {}): ImportWarning {
  const m = warningMessages[code];
  const kind = typeof params.kind === 'string' && Object.hasOwn(KINDS, params.kind) ? KINDS[params.kind] : undefined;
  const fr = kind ? { ...params, kind: kind.fr } : params;
  const en = kind ? { ...params, kind: kind.en } : params;
  return { code, params, fr: interpolate(m.fr, fr), en: interpolate(m.en, en) };
}

/** Names for a message: the first few, then how many more. */
export function nameList(names: string[], max = 5): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} (+${names.length - max})` : shown;
}
