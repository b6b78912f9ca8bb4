// What a merge of a teammate's project (or an imported .qdpx) could not bring over, worded for the
// user in both languages. Same shape as the REFI-QDA reader's warnings, so the two lists are shown together.
import { interpolate } from '../i18n/lang.ts';

export const mergeWarningMessages = {
  'merge.sourceEmpty': {
    fr: 'Source « {name} » sans texte : non importée, {codings} codage(s) ignoré(s).',
    en: 'Source "{name}" has no text: not imported, {codings} coding(s) skipped.',
  },
  'merge.sourceGuidTaken': {
    fr: 'Source « {name} » : votre projet a déjà une source de même identifiant avec un autre texte (texte modifié ?) ; ajoutée comme source distincte.',
    en: 'Source "{name}": your project already has a source with the same identifier but another text (edited?); added as a separate source.',
  },
  'merge.codingsUnknownSource': {
    fr: '{count} codage(s) renvoient à une source absente : ignoré(s).',
    en: '{count} coding(s) refer to a missing source: skipped.',
  },
  'merge.codingsUnknownCode': {
    fr: '{count} codage(s) renvoient à un code absent du livre de codes : ignoré(s).',
    en: '{count} coding(s) refer to a code missing from the codebook: skipped.',
  },
  'merge.codingsIgnoredCode': {
    fr: '{count} codage(s) de codes que vous avez choisi de ne pas reprendre ({names}) : ignoré(s).',
    en: '{count} coding(s) of codes you chose not to bring over ({names}): skipped.',
  },
  'merge.codingsNotCodable': {
    fr: '{count} codage(s) du code « {name} », qui n’est pas codable dans votre projet : ignoré(s).',
    en: '{count} coding(s) of the code "{name}", which is not codable in your project: skipped.',
  },
  'merge.codingsOutOfRange': {
    fr: '{count} codage(s) de « {name} » tombent hors du texte : ignoré(s).',
    en: '{count} coding(s) of "{name}" fall outside the text: skipped.',
  },
  'merge.codingsInside': {
    fr: '{count} codage(s) tombent dans un passage que le même codeur a déjà codé avec le même code : non repris, pour ne pas compter ni citer deux fois les mêmes mots.',
    en: '{count} coding(s) fall inside a passage the same coder has already coded with the same code: not brought over, so the same words are not counted or quoted twice.',
  },
  'merge.codingsWidened': {
    fr: '{count} codage(s) contenus dans un passage plus large du même code et du même codeur ont été fondus dans celui-ci (leurs mémos gardés).',
    en: '{count} coding(s) inside a wider passage of the same code and coder were folded into it (their memos kept).',
  },
  'merge.attributeType': {
    fr: 'Attribut « {name} » : de type {theirs} chez l’autre, {mine} chez vous ; ses valeurs ne sont pas reprises.',
    en: 'Attribute "{name}": of type {theirs} in the other project, {mine} in yours; its values are not brought over.',
  },
  'merge.attributeValue': {
    fr: '{owner} : valeur « {value} » de l’attribut « {name} » invalide ({type}) : ignorée.',
    en: '{owner}: value "{value}" of the attribute "{name}" is not valid ({type}): skipped.',
  },
  'merge.attributeConflict': {
    fr: '{owner} : « {name} » vaut « {mine} » chez vous et « {theirs} » chez l’autre ; votre valeur est gardée.',
    en: '{owner}: "{name}" is "{mine}" in your project and "{theirs}" in the other; yours is kept.',
  },
  'merge.memoDetached': {
    fr: 'Le mémo « {name} » était rattaché à un élément non importé : gardé comme mémo du projet.',
    en: 'The memo "{name}" was attached to an element that was not imported: kept as a project memo.',
  },
} as const satisfies Record<string, { fr: string; en: string }>;

export type MergeWarningCode = keyof typeof mergeWarningMessages;

/** A warning from the REFI-QDA reader or from the merge. */
export interface TeamWarning {
  code: string;
  params: Record<string, string | number>;
  fr: string;
  en: string;
}

export function mergeWarning(code: MergeWarningCode, params: Record<string, string | number> = {}): TeamWarning {
  const m = mergeWarningMessages[code];
  return { code, params, fr: interpolate(m.fr, params), en: interpolate(m.en, params) };
}
