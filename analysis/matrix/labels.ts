// Every word the matrices, their exports and their pictures show, French first.
import { interpolate, type Lang } from '../../i18n/lang.ts';

export const matrixLabels = {
  'title.triangulation': { fr: 'Matrice de triangulation', en: 'Triangulation matrix' },
  'title.participant': { fr: 'Grille par participant — {case}', en: 'Per-participant grid — {case}' },
  'title.code-source': { fr: 'Codes × sources', en: 'Codes × sources' },
  'title.code-attribute': { fr: 'Codes × {attribute}', en: 'Codes × {attribute}' },
  'title.cooccurrence': { fr: 'Cooccurrences des codes', en: 'Code co-occurrence' },
  'title.frequencies': { fr: 'Fréquences des codes', en: 'Code frequencies' },
  'title.network': { fr: 'Réseau des cooccurrences', en: 'Co-occurrence network' },
  'title.codebook': { fr: 'Livre de codes, taille selon l’usage', en: 'Codebook, sized by use' },
  'sheet.triangulation': { fr: 'Triangulation', en: 'Triangulation' },
  'sheet.participant': { fr: 'Grille {case}', en: 'Grid {case}' },
  'sheet.code-source': { fr: 'Codes × sources', en: 'Codes × sources' },
  'sheet.code-attribute': { fr: 'Codes × {attribute}', en: 'Codes × {attribute}' },
  'sheet.cooccurrence': { fr: 'Cooccurrences', en: 'Co-occurrence' },
  'sheet.frequencies': { fr: 'Fréquences', en: 'Frequencies' },
  'sheet.excerpts': { fr: 'Extraits {sheet}', en: 'Excerpts {sheet}' },
  'column.total': { fr: 'Total', en: 'Total' },
  'column.kind.documents': { fr: 'Documents', en: 'Documents' },
  'column.kind.interviews': { fr: 'Entretiens', en: 'Interviews' },
  'column.kind.observations': { fr: 'Observations', en: 'Observations' },
  'value.true': { fr: 'oui', en: 'yes' },
  'value.false': { fr: 'non', en: 'no' },
  'column.unknown': { fr: 'Non renseigné', en: 'Not recorded' },
  'header.row': { fr: 'Thème / question', en: 'Theme / question' },
  'header.code': { fr: 'Code', en: 'Code' },
  'header.verdict': { fr: 'Verdict', en: 'Verdict' },
  'header.note': { fr: 'Note', en: 'Note' },
  'header.excerpts': { fr: 'Passages distincts', en: 'Distinct passages' },
  'header.sources': { fr: 'Sources', en: 'Sources' },
  'header.cases': { fr: 'Cas', en: 'Cases' },
  'header.source': { fr: 'Source', en: 'Source' },
  'header.case': { fr: 'Cas', en: 'Case' },
  'header.reference': { fr: 'Référence', en: 'Reference' },
  'header.text': { fr: 'Texte', en: 'Text' },
  'header.coder': { fr: 'Codeur', en: 'Coder' },
  'header.column': { fr: 'Colonne', en: 'Column' },
  'header.presence': { fr: 'Présence (cas)', en: 'Presence (cases)' },
  'verdict.convergence': { fr: 'convergence', en: 'convergence' },
  'verdict.complementarity': { fr: 'complémentarité', en: 'complementarity' },
  'verdict.dissonance': { fr: 'dissonance', en: 'dissonance' },
  'verdict.silence': { fr: 'silence', en: 'silence' },
  'verdict.silenceIn': { fr: 'silence : {columns}', en: 'silence: {columns}' },
  'cell.synthesis': { fr: 'Synthèse : {text}', en: 'Synthesis: {text}' },
  'cell.counts': {
    fr: '{count} passage(s) distinct(s) ({codings} codage(s)), {sources} source(s), {cases} cas',
    en: '{count} distinct passage(s) ({codings} coding(s)), {sources} source(s), {cases} case(s)',
  },
  'cell.coders.union': { fr: 'union de {coders}', en: 'union of {coders}' },
  'cell.coders.coder': { fr: 'codages de {coders}', en: 'codings by {coders}' },
  'cell.coders.agreement': { fr: 'accord de {coders}', en: 'agreement of {coders}' },
  'note.coders.union': {
    fr: 'Codages comptés : union de tous les codeurs ({coders}) ; un passage codé par plusieurs codeurs compte une fois.',
    en: 'Codings counted: union of all coders ({coders}); a passage coded by several coders counts once.',
  },
  'note.coders.coder': { fr: 'Codages comptés : ceux de {coders} seulement.', en: 'Codings counted: those by {coders} only.' },
  'note.coders.agreement': {
    fr: 'Codages comptés : accord seulement, les passages que {coders} ont tous codés avec le thème.',
    en: 'Codings counted: agreement only, the passages that {coders} all coded with the theme.',
  },
  'note.passages': {
    fr: 'Les nombres comptent des passages distincts : des codages d’une même source qui se recouvrent (même partiellement) forment un seul passage.',
    en: 'Numbers count distinct passages: codings of one source that overlap (even partly) form a single passage.',
  },
  'cell.valences': { fr: 'valence : {positive} +, {negative} −', en: 'valence: {positive} +, {negative} −' },
  'quote.valence': { fr: 'valence {valence}', en: 'valence {valence}' },
  'cell.more': { fr: '… et {count} autre(s) extrait(s), non reproduit(s) ici', en: '… and {count} more excerpt(s), not shown here' },
  'cell.silence': { fr: '∅ silence', en: '∅ silence' },
  'cell.noMaterial': { fr: '— aucun matériau de ce type', en: '— no material of this kind' },
  'cell.cooccurrence': { fr: '{overlaps} chevauchement(s), {sameTurn} même tour', en: '{overlaps} overlap(s), {sameTurn} same turn' },
  'note.synthesisKind': {
    fr: 'Les synthèses d’événements (colloques, consultations) alimentent la colonne « {column} ».',
    en: 'Event syntheses (conferences, consultations) feed the "{column}" column.',
  },
  'note.multiValued': {
    fr: 'Attribut à plusieurs valeurs : un extrait compte dans chaque colonne de ses valeurs.',
    en: 'Multi-valued attribute: an excerpt counts in each column of its values.',
  },
  'note.multiSet': {
    fr: 'Une source de plusieurs ensembles : ses extraits comptent dans la colonne de chacun.',
    en: 'A source in several sets: its excerpts count in the column of each.',
  },
  'note.participant': {
    fr: 'La colonne « {column} » ne montre que les sources du cas {case} ; les autres colonnes, tout le corpus.',
    en: 'The "{column}" column shows only the sources of case {case}; the other columns, the whole corpus.',
  },
  'note.cooccurrence': {
    fr: 'Paires de codages d’un même codeur : chevauchement dans le texte, ou début dans le même tour de parole.',
    en: 'Pairs of codings by the same coder: overlapping in the text, or starting in the same speaker turn.',
  },
  'note.caseFilter': {
    fr: 'Un filtre sur les cas écarte les sources rattachées à aucun cas retenu (documents, carnet…) : leur silence vient du filtre.',
    en: 'A filter on cases leaves out the sources linked to no kept case (documents, notebook…): their silence comes from the filter.',
  },
  'filter.coder': { fr: 'codeur', en: 'coder' },
  'filter.kinds': { fr: 'types de source', en: 'source kinds' },
  'filter.sourceSet': { fr: 'ensemble de sources', en: 'set of sources' },
  'filter.codeSet': { fr: 'ensemble de codes', en: 'set of codes' },
  'filter.codingDate': { fr: 'date de codage', en: 'coding date' },
  'note.filter': { fr: 'Filtres : {filters}', en: 'Filters: {filters}' },
  'axis.codings': { fr: 'Nombre de passages codés (distincts)', en: 'Number of coded passages (distinct)' },
  'legend.silence': { fr: '∅ hachuré : silence (aucun extrait)', en: '∅ hatched: silence (no excerpt)' },
  'legend.noMaterial': {
    fr: '— gris : aucun matériau de ce type dans la sélection (ni silence ni preuve)',
    en: '— grey: no material of this kind in the selection (neither silence nor evidence)',
  },
  'legend.heat': { fr: 'Plus foncé : plus d’extraits (nombre inscrit dans la case)', en: 'Darker: more excerpts (number in the cell)' },
  'legend.network': {
    fr: 'Épaisseur du trait : nombre de cooccurrences (inscrit sur le trait)',
    en: 'Line width: number of co-occurrences (written on the line)',
  },
  'network.empty': { fr: 'Aucune cooccurrence entre codes différents.', en: 'No co-occurrence between different codes.' },
  'network.emptyThreshold': {
    fr: 'Aucune paire de codes n’atteint {count} cooccurrences.',
    en: 'No pair of codes reaches {count} co-occurrences.',
  },
  'legend.threshold': {
    fr: 'Traits à partir de {count} cooccurrences : {shown} codes sur {total}',
    en: 'Lines from {count} co-occurrences on: {shown} of {total} codes',
  },
  'legend.cooccurring': {
    fr: 'Seuls les {shown} codes sur {total} qui apparaissent avec au moins un autre ; ordre du regroupement hiérarchique (codes souvent ensemble côte à côte)',
    en: 'Only the {shown} of {total} codes that occur with at least one other; in hierarchical clustering order (codes often used together side by side)',
  },
  'legend.cooccurrenceHeat': {
    fr: 'Plus foncé : plus de cooccurrences (nombre inscrit quand il tient ; case vide : aucune)',
    en: 'Darker: more co-occurrences (number written where it fits; empty cell: none)',
  },
  'report.title': { fr: 'Grille d’analyse', en: 'Analysis grid' },
  'report.generated': { fr: 'Produit par Tresse le {date}', en: 'Produced by Tresse on {date}' },
} as const satisfies Record<string, { fr: string; en: string }>;

export type MatrixLabel = keyof typeof matrixLabels;

export function label(key: MatrixLabel, lang: Lang = 'fr', params: Record<string, unknown> = {}): string {
  return interpolate(matrixLabels[key][lang], params);
}
