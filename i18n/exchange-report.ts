// The exchange report (tresse exchange-report, the import preview): its headings and how each
// list of a project is counted. A list the reader learns to return later (sets, selections) that
// has no line here is shown by its name.
import { interpolate, type Lang } from './lang.ts';

export const exchangeReportMessages = {
  'exchange.report.title': { fr: 'Avant d’importer « {file} » (projet « {name} »)', en: 'Before importing "{file}" (project "{name}")' },
  'exchange.report.origin': { fr: 'Écrit par : {origin}', en: 'Written by: {origin}' },
  'exchange.report.imported': { fr: 'Sera importé', en: 'Will be imported' },
  'exchange.report.adapted': { fr: 'Sera adapté', en: 'Will be adapted' },
  'exchange.report.notKept': { fr: 'Ne peut pas être gardé', en: 'Cannot be kept' },
  'exchange.report.badInput': { fr: 'Erreurs dans le fichier (le reste est importé)', en: 'Errors in the file (the rest is imported)' },
  'exchange.report.nothing': { fr: 'rien', en: 'nothing' },
  'exchange.report.nothingWritten': {
    fr: 'Rien n’a encore été écrit : importez le fichier pour l’ajouter au projet.',
    en: 'Nothing has been written yet: import the file to add it to the project.',
  },
  'exchange.count.users': { fr: '{count} utilisateur(s)', en: '{count} user(s)' },
  'exchange.count.codes': { fr: '{count} code(s)', en: '{count} code(s)' },
  'exchange.count.sources': { fr: '{count} source(s)', en: '{count} source(s)' },
  'exchange.count.codings': { fr: '{count} codage(s)', en: '{count} coding(s)' },
  'exchange.count.selections': { fr: '{count} sélection(s)', en: '{count} selection(s)' },
  'exchange.count.cases': { fr: '{count} cas', en: '{count} case(s)' },
  'exchange.count.variables': { fr: '{count} variable(s)', en: '{count} variable(s)' },
  'exchange.count.memos': { fr: '{count} note(s) (mémos)', en: '{count} note(s) (memos)' },
  'exchange.count.sets': { fr: '{count} ensemble(s)', en: '{count} set(s)' },
  'exchange.count.done': { fr: '{count} liste(s) « codage terminé » (une par codeur)', en: '{count} "coding done" list(s) (one per coder)' },
  'exchange.count.links': { fr: '{count} lien(s) entre éléments', en: '{count} link(s) between elements' },
} as const satisfies Record<string, { fr: string; en: string }>;

type Key = keyof typeof exchangeReportMessages;

export function exchangeReportLabel(key: Key, lang: Lang, params: Record<string, string | number> = {}): string {
  return interpolate(exchangeReportMessages[key][lang], params);
}

/** One count of the report in words: "12 codage(s)", or "sets: 2" for a list without a line here. */
export function countLabel(item: string, count: number, lang: Lang): string {
  const key = `exchange.count.${item}`;
  return Object.hasOwn(exchangeReportMessages, key) ? exchangeReportLabel(key as Key, lang, { count }) : `${item}: ${count}`;
}
