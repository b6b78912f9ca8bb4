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
  alphaLow: { fr: 'α : IC 95 % bas', en: 'α: 95% CI low' },
  alphaHigh: { fr: 'α : IC 95 % haut', en: 'α: 95% CI high' },
  unitizing: { fr: 'u-alpha (|uα par code, uα ensemble)', en: 'Unitizing alpha (|uα per code, uα all codes)' },
  brennanPrediger: { fr: 'Kappa de Brennan et Prediger', en: "Brennan & Prediger's kappa" },
  unitsOf: { fr: 'Unités ({unit})', en: 'Units ({unit})' },
  segmentsFor: { fr: 'Segments ({coder})', en: 'Segments ({coder})' },
  unitCharacter: { fr: 'caractère', en: 'character' },
  unitSegment: { fr: 'segment', en: 'segment' },
  unitDocument: { fr: 'document', en: 'document' },
  agreementTitle: { fr: 'Accord inter-codeurs', en: 'Inter-coder agreement' },
  perSourceTitle: { fr: 'Par source', en: 'Per source' },
  source: { fr: 'Source', en: 'Source' },
  descCoders: { fr: 'Codeurs comparés : {coders}.', en: 'Coders compared: {coders}.' },
  descUnitCharacter: {
    fr: 'Unité : le caractère. Chaque caractère de chaque source du périmètre est une unité, par code : chaque codeur y a posé le code (1) ou non (0).',
    en: 'Unit: the character. Every character of every source in scope is one unit, per code: each coder applied the code there (1) or not (0).',
  },
  descUnitSegment: {
    fr: 'Unité : le segment codé. Chaque segment de chaque codeur (ses codages d’un code, fusionnés là où ils se chevauchent) est vérifié de son propre côté : il concorde quand chaque autre codeur a un segment du même code qui le recouvre au moins au seuil, ces segments se recouvrant aussi deux à deux (règle de MAXQDA).',
    en: 'Unit: the coded segment. Every segment of every coder (their codings of a code, merged where they overlap) is checked from its own side: it agrees when every other coder has a segment of the same code overlapping it at least to the threshold, those segments also overlapping each other pairwise (MAXQDA’s rule).',
  },
  descUnitDocument: {
    fr: 'Unité : la source. Pour chaque code, chaque codeur l’a posé quelque part dans la source (1) ou nulle part (0).',
    en: 'Unit: the source. For each code, each coder applied it somewhere in the source (1) or nowhere (0).',
  },
  descScopeDone: {
    fr: 'Périmètre : {count} source(s) que chaque codeur comparé a marquée(s) « codage terminé » : {names}. Une source du périmètre sans codage compte (accord sur l’absence).',
    en: 'Scope: {count} source(s) every compared coder marked “done”: {names}. A source in scope without codings counts (agreement on absence).',
  },
  descScopeAll: {
    fr: 'Périmètre : aucune source n’est marquée « codage terminé » par ces codeurs, donc toutes les sources du projet ({count}) : {names}. Une source sans codage compte (accord sur l’absence).',
    en: 'Scope: no source is marked “done” by these coders, so every source of the project ({count}): {names}. A source without codings counts (agreement on absence).',
  },
  descThreshold: {
    fr: 'Seuil de recouvrement : {value} (intersection / union, en caractères, pour chaque paire de codeurs).',
    en: 'Overlap threshold: {value} (intersection / union, in characters, for every pair of coders).',
  },
  descNoThreshold: { fr: 'Seuil de recouvrement : sans objet à cette unité.', en: 'Overlap threshold: not used at this unit.' },
  descPooling: {
    fr: 'Regroupement : une ligne par code ; la ligne « Ensemble des codes » compte chaque couple (unité, code) comme une unité et calcule une fois sur ce tableau regroupé (ce n’est pas une moyenne des codes).',
    en: 'Pooling: one row per code; the “All codes” row counts every (unit, code) pair as one unit and computes once on that pooled table (not an average of the codes).',
  },
  descPerSource: {
    fr: 'Par source : les mêmes chiffres pour chaque source du périmètre, par code et regroupés (comme NVivo).',
    en: 'Per source: the same figures for each source in scope, per code and pooled (as NVivo reports them).',
  },
  descChance: {
    fr: 'Accord observé : part des unités où les codeurs concordent, absence comprise (il est donc élevé quand un code est rare). Kappa de Cohen (1960, deux codeurs), kappa de Fleiss (1971) et alpha de Krippendorff (nominal, 2004/2011) retranchent l’accord attendu du hasard ; intervalle de l’alpha : bootstrap à 95 % (Hayes et Krippendorff 2007).',
    en: 'Percent agreement: share of units where the coders agree, absence included (so it is high when a code is rare). Cohen’s kappa (1960, two coders), Fleiss’ kappa (1971) and Krippendorff’s alpha (nominal, 2004/2011) remove the agreement expected by chance; alpha’s interval: 95% bootstrap (Hayes & Krippendorff 2007).',
  },
  descUnitizing: {
    fr: 'u-alpha (Krippendorff 2004 ; Krippendorff, Mathet, Bouvry et Widlöcher 2016) traite les codages comme des segments d’un texte continu : |uα par code, uα pour l’ensemble ({u}) ; |uα codes confondus {binary} ; cuα {cu} (sur {coverage} du texte).',
    en: 'Unitizing alpha (Krippendorff 2004; Krippendorff, Mathet, Bouvry & Widlöcher 2016) treats codings as stretches of a continuous text: |uα per code, uα for all codes ({u}); |uα codes ignored {binary}; cuα {cu} (over {coverage} of the text).',
  },
  descSegmentCoefficients: {
    fr: 'Accord observé : part des segments qui concordent. Kappa de Brennan et Prediger (1981) avec un hasard de 1/q, q = {codes} code(s) comparé(s), comme MAXQDA. Ni kappa de Cohen ni alpha ici : sans unité « personne n’a codé », ils ne pourraient jamais être positifs.',
    en: 'Percent agreement: share of segments that agree. Brennan & Prediger’s kappa (1981) with chance 1/q, q = {codes} code(s) compared, as MAXQDA computes it. No Cohen’s kappa or alpha here: without a “nobody coded it” unit they could never be positive.',
  },
  descMethod: { fr: 'Définitions et références : page « Méthode » de Tresse.', en: 'Definitions and references: Tresse’s “Method” page.' },
  excluded: {
    fr: 'Sources laissées de côté (marquées « codage terminé » par une partie des codeurs seulement) : {names}',
    en: 'Sources left out (marked “done” by only some of the coders): {names}',
  },
  undefinedValue: { fr: 'n.d.', en: 'n/a' },
} as const satisfies Record<string, { fr: string; en: string }>;

export type TeamLabel = keyof typeof teamLabels;

export function teamLabel(key: TeamLabel, lang: Lang, params: Record<string, string | number> = {}): string {
  return interpolate(teamLabels[key][lang], params);
}
