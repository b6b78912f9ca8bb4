// Words of the team reports (codebook comparison, agreement tables), French first. Kept beside the
// services that write the reports so the command line and, later, the interface share them.
import { interpolate, type Lang } from './lang.ts';

export const teamLabels = {
  added: { fr: 'Ajouté', en: 'Added' },
  removed: { fr: 'Absent de B', en: 'Not in B' },
  renamed: { fr: 'Renommé', en: 'Renamed' },
  proposedRename: { fr: 'Renommage proposé (à confirmer)', en: 'Proposed rename (to confirm)' },
  moved: { fr: 'Déplacé', en: 'Moved' },
  redefined: { fr: 'Redéfini', en: 'Redefined' },
  recoloured: { fr: 'Couleur changée', en: 'Recoloured' },
  change: { fr: 'Changement', en: 'Change' },
  codeA: { fr: 'Code dans A', en: 'Code in A' },
  codeB: { fr: 'Code dans B', en: 'Code in B' },
  detail: { fr: 'Détail', en: 'Detail' },
  decisionId: { fr: 'Identifiant (pour --decisions)', en: 'Id (for --decisions)' },
  similarity: { fr: 'similarité {score}', en: 'similarity {score}' },
  fields: { fr: 'champs : {fields}', en: 'fields: {fields}' },
  compareTitle: { fr: 'Comparaison de livres de codes', en: 'Codebook comparison' },
  compareSummary: {
    fr: '{added} ajouté(s), {removed} absent(s) de B, {renamed} renommé(s) dont {proposed} proposé(s), {moved} déplacé(s), {redefined} redéfini(s), {recoloured} recoloré(s)',
    en: '{added} added, {removed} not in B, {renamed} renamed ({proposed} proposed), {moved} moved, {redefined} redefined, {recoloured} recoloured',
  },
  noDifference: { fr: 'Aucune différence.', en: 'No difference.' },
  definition: { fr: 'définition', en: 'definition' },
  inclusion: { fr: 'inclusion', en: 'inclusion' },
  exclusion: { fr: 'exclusion', en: 'exclusion' },
  example: { fr: 'exemple', en: 'example' },
  code: { fr: 'Code', en: 'Code' },
  overall: { fr: 'Ensemble des codes', en: 'All codes' },
  units: { fr: 'Unités', en: 'Units' },
  presentFor: { fr: 'Présent ({coder})', en: 'Present ({coder})' },
  percent: { fr: 'Accord observé', en: 'Percent agreement' },
  cohen: { fr: 'Kappa de Cohen', en: "Cohen's kappa" },
  fleiss: { fr: 'Kappa de Fleiss', en: "Fleiss' kappa" },
  alpha: { fr: 'Alpha de Krippendorff', en: "Krippendorff's alpha" },
  unitCharacter: { fr: 'caractère', en: 'character' },
  unitSegment: { fr: 'segment', en: 'segment' },
  unitDocument: { fr: 'document', en: 'document' },
  agreementTitle: { fr: 'Accord inter-codeurs', en: 'Inter-coder agreement' },
  agreementHead: {
    fr: 'Codeurs : {coders} · unité : {unit}{threshold} · {sources} source(s) comparée(s)',
    en: 'Coders: {coders} · unit: {unit}{threshold} · {sources} source(s) compared',
  },
  thresholdNote: { fr: ' (seuil de recouvrement {value})', en: ' (overlap threshold {value})' },
  excluded: {
    fr: 'Sources exclues (tous les codeurs n’y ont pas codé) : {names}',
    en: 'Sources left out (not every coder coded them): {names}',
  },
  undefinedValue: { fr: 'n.d.', en: 'n/a' },
} as const satisfies Record<string, { fr: string; en: string }>;

export type TeamLabel = keyof typeof teamLabels;

export function teamLabel(key: TeamLabel, lang: Lang, params: Record<string, string | number> = {}): string {
  return interpolate(teamLabels[key][lang], params);
}
