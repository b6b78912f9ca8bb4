// The "Méthode" page: what every figure counts and where it comes from, in words a methods course
// can cite, French first. One section per topic: agreement, the triangulation matrix, quotations.
import type { Lang } from './lang.ts';

interface Text {
  fr: string;
  en: string;
}

export interface MethodSection {
  id: string;
  title: Text;
  paragraphs: Text[];
}

export const METHOD_TITLE: Text = { fr: 'Méthode : définitions et références', en: 'Method: definitions and references' };

export const METHOD_SECTIONS: MethodSection[] = [
  {
    id: 'agreement-scope',
    title: { fr: 'Accord inter-codeurs : quelles sources comptent', en: 'Inter-coder agreement: which sources count' },
    paragraphs: [
      {
        fr: 'Chaque codeur marque « codage terminé » les sources qu’il a lues en entier et où il a codé tout ce qu’il y avait à coder. L’accord compare les sources que chaque codeur comparé a marquées. Si aucun d’eux n’a marqué de source, toutes les sources du projet comptent.',
        en: 'Each coder marks “done” the sources they read through and in which they coded all there was to code. Agreement compares the sources every compared coder marked. When none of them marked any source, every source of the project counts.',
      },
      {
        fr: 'Le codage ne décide jamais du périmètre : une source du périmètre où personne n’a codé compte, comme accord sur l’absence. Une source marquée par une partie des codeurs seulement est laissée de côté et nommée dans le rapport, qui liste aussi les sources comparées.',
        en: 'Coding never decides the scope: a source in scope where nobody coded counts, as agreement on absence. A source marked by only some of the coders is left out and named in the report, which also lists the sources compared.',
      },
    ],
  },
  {
    id: 'agreement-units',
    title: { fr: 'Unités d’analyse', en: 'Units of analysis' },
    paragraphs: [
      {
        fr: 'Caractère : chaque caractère (point de code) de chaque source du périmètre est une unité, pour chaque code ; la valeur d’un codeur est 1 s’il a posé le code sur ce caractère, 0 sinon. Les chiffres sont donnés par code et par source (comme NVivo), par code sur toutes les sources, et regroupés.',
        en: 'Character: every character (code point) of every source in scope is a unit, for each code; a coder’s value is 1 if they applied the code to that character, 0 otherwise. Figures are given per code and source (as NVivo does), per code over all sources, and pooled.',
      },
      {
        fr: 'Segment : les codages d’un codeur pour un code, fusionnés là où ils se chevauchent ou se touchent, forment ses segments. Chaque segment de chaque codeur est vérifié de son côté : il concorde quand chaque autre codeur a un segment du même code qui le recouvre au moins au seuil (intersection / union, en caractères) et que ces segments se recouvrent aussi deux à deux au seuil (règle de MAXQDA ; avec trois codeurs, une chaîne A–B–C ne suffit pas).',
        en: 'Segment: a coder’s codings of a code, merged where they overlap or touch, are their segments. Every segment of every coder is checked from its own side: it agrees when every other coder has a segment of the same code overlapping it at least to the threshold (intersection / union, in characters), and those segments also overlap each other pairwise at the threshold (MAXQDA’s rule; with three coders a chain A–B–C is not enough).',
      },
      {
        fr: 'Document : chaque source du périmètre est une unité, pour chaque code ; la valeur d’un codeur est 1 s’il a posé le code quelque part dans la source.',
        en: 'Document: every source in scope is a unit, for each code; a coder’s value is 1 if they applied the code anywhere in the source.',
      },
      {
        fr: 'Regroupement : la ligne « Ensemble des codes » compte chaque couple (unité, code) comme une unité et calcule une seule fois sur ce tableau ; ce n’est pas une moyenne des codes, les codes fréquents et les longues sources y pèsent davantage.',
        en: 'Pooling: the “All codes” row counts every (unit, code) pair as one unit and computes once on that table; it is not an average of the codes, so frequent codes and long sources weigh more.',
      },
    ],
  },
  {
    id: 'agreement-coefficients',
    title: { fr: 'Coefficients', en: 'Coefficients' },
    paragraphs: [
      {
        fr: 'Accord observé : part des unités (ou des segments) où les codeurs concordent. Au caractère et au document, l’absence du code compte comme accord : un code rare donne un accord observé élevé même quand les codeurs ne se rencontrent jamais. Il faut donc le lire avec un coefficient corrigé du hasard.',
        en: 'Percent agreement: share of units (or segments) on which the coders agree. At character and document level, absence of the code counts as agreement: a rare code gives high percent agreement even when the coders never meet. Read it with a chance-corrected coefficient.',
      },
      {
        fr: 'Kappa de Cohen (Cohen 1960), deux codeurs : (p_o − p_e) / (1 − p_e), le hasard p_e venant des proportions propres à chaque codeur. Kappa de Fleiss (Fleiss 1971), tout nombre de codeurs, le hasard venant des proportions communes. Alpha de Krippendorff (Krippendorff 2004, 2011), tout nombre de codeurs, nominal ici : 1 − D_o / D_e à partir de la matrice des coïncidences. Non défini (« n.d. ») quand une seule valeur apparaît.',
        en: 'Cohen’s kappa (Cohen 1960), two coders: (p_o − p_e) / (1 − p_e), chance p_e from each coder’s own proportions. Fleiss’ kappa (Fleiss 1971), any number of coders, chance from the pooled proportions. Krippendorff’s alpha (Krippendorff 2004, 2011), any number of coders, nominal here: 1 − D_o / D_e from the coincidence matrix. Undefined (“n/a”) when only one value occurs.',
      },
      {
        fr: 'Intervalle de confiance de l’alpha : bootstrap à 95 % selon Hayes et Krippendorff (2007) : des paires de valeurs tirées avec remise dans les coïncidences observées, D_e gardé, 2 000 tirages, graine fixe (le même rapport donne le même intervalle).',
        en: 'Alpha’s confidence interval: 95% bootstrap after Hayes and Krippendorff (2007): pairs of values drawn with replacement from the observed coincidences, D_e kept, 2,000 resamples, fixed seed (the same report gives the same interval).',
      },
      {
        fr: 'Au segment : accord observé (segments qui concordent / tous les segments) et kappa de Brennan et Prediger (1981) avec un hasard de 1/q, q étant le nombre de codes comparés, comme MAXQDA. Il n’existe pas d’unité « personne n’a codé » au segment : le kappa de Cohen et l’alpha n’y pourraient jamais être positifs, ils ne sont pas donnés.',
        en: 'At segment level: percent agreement (agreeing segments / all segments) and Brennan and Prediger’s (1981) kappa with chance 1/q, q the number of codes compared, as MAXQDA computes it. There is no “nobody coded it” unit at segment level: Cohen’s kappa and alpha could never be positive there and are not given.',
      },
      {
        fr: 'Notes attribuées par les codeurs (un attribut de cas par codeur) : alpha de Krippendorff au niveau choisi, nominal, ordinal, intervalle ou ratio, avec la fonction de différence propre à chaque niveau (Krippendorff 2011, exemple C : ,815 ordinal, ,849 intervalle, ,797 ratio) ; jamais de repli silencieux d’un niveau sur un autre. Une note manquante est une valeur manquante.',
        en: 'Ratings given by coders (one case attribute per coder): Krippendorff’s alpha at the chosen level, nominal, ordinal, interval or ratio, each with its own difference function (Krippendorff 2011, example C: .815 ordinal, .849 interval, .797 ratio); never a silent fallback from one level to another. A missing rating is a missing value.',
      },
      {
        fr: 'Alpha pour la segmentation d’un continu (u-alpha ; Krippendorff 1995, 2004 ; Krippendorff, Mathet, Bouvry et Widlöcher 2016), au caractère : les codages sont des segments d’un texte continu, non des caractères indépendants. uα juge segmentation et codage ensemble (tous les codes et les vides) ; |uα juge seulement où l’on a codé, codes confondus (par code : ce code contre tout le reste) ; cuα juge le code choisi là où les segments des codeurs se rencontrent, avec la part du texte concernée.',
        en: 'Alpha for unitizing continua (u-alpha; Krippendorff 1995, 2004; Krippendorff, Mathet, Bouvry and Widlöcher 2016), at character level: codings are stretches of a continuous text, not independent characters. uα judges unitizing and coding together (every code and the gaps); |uα judges only where coding happened, codes ignored (per code: that code against everything else); cuα judges the code chosen where the coders’ stretches meet, with the share of text concerned.',
      },
    ],
  },
  {
    id: 'triangulation',
    title: { fr: 'Matrice de triangulation : ce que compte une case', en: 'Triangulation matrix: what a cell counts' },
    paragraphs: [
      {
        fr: 'Une case croise un thème (ou une question de recherche) et un type de matériau (entretiens, observations, documents…). Elle compte des passages distincts, non des codages : un passage est une étendue du texte d’une source couverte sans interruption par les codages de la ligne (le code et ses sous-codes). Deux codages qui se recouvrent d’au moins un caractère forment un seul passage ; deux codages qui se touchent seulement restent deux passages. La case donne aussi le nombre de sources et de cas d’où viennent ses passages.',
        en: 'A cell crosses a theme (or research question) with a kind of material (interviews, observations, documents…). It counts distinct passages, not codings: a passage is a stretch of one source’s text covered without a gap by the row’s codings (the code and its sub-codes). Two codings overlapping by at least one character make one passage; two codings that only touch stay two. The cell also gives how many sources and cases its passages come from.',
      },
      {
        fr: 'Dans un projet d’équipe, la matrice dit quels codages elle compte, dans l’application, dans chaque export et dans le JSON : l’union de tous les codeurs (un passage codé par plusieurs codeurs compte une fois), ceux d’un seul codeur, ou l’accord seulement (les étendues que chaque codeur choisi a toutes codées avec le thème ; un codeur qui n’a rien codé à cet endroit l’écarte).',
        en: 'In a team project the matrix says whose codings it counts, in the app, every export and the JSON: the union of all coders (a passage coded by several coders counts once), one coder’s only, or agreement only (the stretches every chosen coder coded with the theme; a coder who coded nothing there removes it).',
      },
      {
        fr: 'Une case vide a deux sens, distingués partout : « silence » quand la sélection contient du matériau de ce type mais qu’aucun passage n’y porte le thème ; « aucun matériau » quand la sélection (le projet, ou ce qu’en laissent les filtres) ne contient aucune source de ce type. Seul le silence est un résultat.',
        en: 'An empty cell means one of two things, told apart everywhere: “silence” when the selection holds material of this kind but no passage in it carries the theme; “no material” when the selection (the project, or what the filters leave of it) holds no source of this kind. Only silence is a finding.',
      },
      {
        fr: 'Convergence, complémentarité, dissonance et silence sont des verdicts que le chercheur pose sur une ligne, avec sa synthèse : l’application ne les calcule pas, elle montre les passages sur lesquels ils s’appuient (Farmer et al. 2006 ; Flick 2018).',
        en: 'Convergence, complementarity, dissonance and silence are verdicts the researcher sets on a row, with their synthesis: the app does not compute them, it shows the passages they rest on (Farmer et al. 2006; Flick 2018).',
      },
    ],
  },
  {
    id: 'quotations',
    title: { fr: 'Citations', en: 'Quotations' },
    paragraphs: [
      {
        fr: 'Un extrait est cité comme dans une thèse, jamais par positions de caractères : par défaut « … » (E8, coordinatrice, Amina, § 12, 00:08:55), selon le format {source}, {case}, {speaker}, § {paragraph}, {time}. Le format est un réglage du projet ; ses repères sont {source} (nom de la source), {case} (cas), {speaker} (locuteur), {turn} (numéro du tour de parole), {paragraph} (numéro du paragraphe, une ligne non vide du texte) et {time} (horodatage du transcript, s’il en a). Un repère sans valeur disparaît avec le texte qui le précède.',
        en: 'An excerpt is cited as a thesis cites it, never by character positions: by default “…” (E8, coordinator, Amina, § 12, 00:08:55), from the format {source}, {case}, {speaker}, § {paragraph}, {time}. The format is a project setting; its placeholders are {source} (source name), {case}, {speaker}, {turn} (speaker turn number), {paragraph} (paragraph number, a non-empty line of the text) and {time} (the transcript’s timestamp, when it has one). A placeholder with no value disappears with the text before it.',
      },
      {
        fr: 'Seuls les propos verbatim vont entre guillemets ; une paraphrase du chercheur, une non-réponse ou l’intitulé d’une question n’en ont pas. Un extrait déjà entre guillemets n’en reçoit pas une seconde paire ; les guillemets intérieurs deviennent “ ”. Quand l’extrait coupe une phrase de la source, […] le signale.',
        en: 'Only verbatim speech goes between quotation marks; a researcher’s paraphrase, a non-answer or a question label get none. An excerpt already in quotation marks does not get a second pair; inner marks become ‘ ’. Where the excerpt cuts a sentence of the source, […] says so.',
      },
    ],
  },
  {
    id: 'agreement-references',
    title: { fr: 'Références', en: 'References' },
    paragraphs: [
      {
        fr: 'Brennan, R. L. & Prediger, D. J. (1981). Coefficient kappa: Some uses, misuses, and alternatives. Educational and Psychological Measurement, 41, 687–699.',
        en: '',
      },
      { fr: 'Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological Measurement, 20, 37–46.', en: '' },
      {
        fr: 'Farmer, T., Robinson, K., Elliott, S. J. & Eyles, J. (2006). Developing and implementing a triangulation protocol for qualitative health research. Qualitative Health Research, 16, 377–394.',
        en: '',
      },
      { fr: 'Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin, 76, 378–382.', en: '' },
      {
        fr: 'Flick, U. (2018). Doing Triangulation and Mixed Methods (2e éd.). Sage.',
        en: 'Flick, U. (2018). Doing Triangulation and Mixed Methods (2nd ed.). Sage.',
      },
      {
        fr: 'Hayes, A. F. & Krippendorff, K. (2007). Answering the call for a standard reliability measure for coding data. Communication Methods and Measures, 1, 77–89.',
        en: '',
      },
      { fr: 'Krippendorff, K. (1995). On the reliability of unitizing continuous data. Sociological Methodology, 25, 47–76.', en: '' },
      {
        fr: 'Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology (2e éd.). Sage.',
        en: 'Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology (2nd ed.). Sage.',
      },
      { fr: 'Krippendorff, K. (2011). Computing Krippendorff’s Alpha-Reliability. Annenberg School for Communication, University of Pennsylvania.', en: '' },
      {
        fr: 'Krippendorff, K., Mathet, Y., Bouvry, S. & Widlöcher, A. (2016). On the reliability of unitizing textual continua: Further developments. Quality & Quantity, 50, 2347–2364.',
        en: '',
      },
      {
        fr: 'VERBI. MAXQDA, manuel : « Intercoder agreement » (accord au niveau des segments, seuil de recouvrement).',
        en: 'VERBI. MAXQDA manual: “Intercoder agreement” (segment-level agreement, overlap threshold).',
      },
    ],
  },
];

/** A paragraph in the user's language; a reference is the same in both unless given twice. */
export function methodText(t: Text, lang: Lang): string {
  return t[lang] || t.fr;
}
