import { describe, expect, it } from 'vitest';
import { compileTurnPatterns, DEFAULT_TURN_PATTERNS, detectTurns, matchTurnLabel, parseTimestamp } from '../../../exchange/import/turns.ts';
import { isTresseError } from '../../../i18n/error.ts';
import { sliceCodePoints } from '../../../text/offsets.ts';

const defaults = compileTurnPatterns();
const speakers = (text: string, detector = defaults) => detectTurns(text, detector).map((t) => t.speaker);

describe('speaker labels', () => {
  it.each([
    ['Enquêtrice : Bonjour.', 'Enquêtrice'],
    ['Enquêteur : Bonjour.', 'Enquêteur'],
    ['E1 : Bonjour.', 'E1'],
    ['E : Bonjour.', 'E'],
    ['Q : Depuis quand ?', 'Q'],
    ['R : Depuis 2019.', 'R'],
  ])('accepts the interviewer/respondent label in %j even when it appears once', (line, speaker) => {
    expect(speakers(`Introduction du carnet.\n${line}\nSuite du texte.`)).toEqual([speaker]);
  });

  it('reads names, roles in brackets, capitals and bracketed labels when they recur', () => {
    const text = [
      'Marie (coordinatrice) : Je coordonne le conseil.',
      'MARIE : Oui.',
      '[Paul] On se réunit tous les mois.',
      '[Paul] : Et on rédige un compte rendu.',
      'Jean de La Tour : Bonjour.',
      'Jean de La Tour : Au revoir.',
    ].join('\n');
    expect(speakers(text)).toEqual(['Marie', 'MARIE', 'Paul', 'Paul', 'Jean de La Tour', 'Jean de La Tour']);
    expect(matchTurnLabel('Marie (coordinatrice) : texte', defaults)?.role).toBe('coordinatrice');
  });

  it('accepts no space, a space, a no-break space or a narrow no-break space before the colon', () => {
    const text = ['Marie: un', 'Marie : deux', 'Marie\u00A0: trois', 'Marie\u202F: quatre'].join('\n');
    expect(speakers(text)).toEqual(['Marie', 'Marie', 'Marie', 'Marie']);
  });

  it('parses a leading timestamp, bracketed or bare, into milliseconds', () => {
    const text = '[00:12:35] Enquêtrice : Reprenons.\n00:12:41 Marie : Oui.\n(1:02:03.5) Marie : Bien sûr.';
    const turns = detectTurns(text, defaults);
    expect(turns.map((t) => [t.speaker, t.timestampMs])).toEqual([
      ['Enquêtrice', 755_000],
      ['Marie', 761_000],
      ['Marie', 3_723_500],
    ]);
  });

  it('does not take prose for turns', () => {
    const text = [
      'Il m’a dit :',
      '« on verra bien ».',
      'Date : 12 mars 2024',
      'Présents : la coordinatrice, le bailleur, deux infirmières.',
      'Remarque : la salle était trop petite.',
      'Remarque : personne n’a parlé du secret partagé.',
      'Nous avons constaté les points suivants :',
      'Une Phrase Qui Commence Par Des Majuscules Et Qui Est Bien Trop Longue : non.',
      'Ensuite : on passe au cas suivant.',
      'Le rendez-vous est à 10:30 : pas avant.',
      '[rires] oui.',
      'Paul explique : « c’est compliqué ».',
      'I : Contexte de l’étude',
      'II : Méthode',
    ].join('\n');
    expect(speakers(text)).toEqual([]);
  });

  it('in a transcript, also takes a person who speaks once, but not the header fields', () => {
    const text = [
      'Date : 12 mars',
      'Lieu : CCAS',
      'Enquêteur : Vous travaillez ici depuis longtemps ?',
      'Karim : Depuis six ans.',
      'Ce que je retiens : il a changé de poste.',
      'Enquêteur : Continuons.',
    ].join('\n');
    expect(speakers(text)).toEqual(['Enquêteur', 'Karim', 'Enquêteur']);
    const withThird = text.replace('Ce que je retiens', 'Sonia');
    expect(speakers(withThird)).toEqual(['Enquêteur', 'Karim', 'Sonia', 'Enquêteur']);
  });

  it('reads bold Markdown labels and a colon touching the first word after a space', () => {
    const text = ['**Enquêtrice :** Bonjour.', '**Marie (coordinatrice)** : Bonjour.', 'Enquêtrice :Et la cellule ?', 'Marie :Elle se réunit le mardi.'].join(
      '\n',
    );
    expect(speakers(text)).toEqual(['Enquêtrice', 'Marie', 'Enquêtrice', 'Marie']);
    expect(speakers('Rendez-vous à 10:30 demain.\nVoir http://exemple.fr\nVoir:ceci')).toEqual([]);
  });

  it('does not take the parts of a field notebook for speakers', () => {
    const notebook = [
      'Mardi : visite au CCAS avec l’équipe mobile.',
      'Matin : réunion de la cellule, ambiance tendue.',
      'Après-midi : entretien reporté.',
      'Mercredi : rien de neuf.',
      'Matin : appel du bailleur.',
      'Après-midi : relecture des notes.',
      'Citation : « on fait avec ce qu’on a ».',
      'Encadré : rappel du cadre légal.',
    ].join('\n');
    expect(speakers(notebook)).toEqual([]);
  });

  it('limits a speaker label to 40 characters', () => {
    const long = 'Anne-Sophie-Marguerite-Éléonore-Bénédicte-Clémentine';
    expect(speakers(`${long} : un\n${long} : deux`)).toEqual([]);
  });
});

describe('turn ranges', () => {
  it('runs from the label line to the next turn, in code points, across emoji and accents', () => {
    const text = 'Notes 😊 préalables\nEnquêtrice : Vous êtes là 😊 ?\nsuite de la question\nMarie : Oui 👍🏽.\nMarie : Encore.';
    const turns = detectTurns(text, defaults);
    expect(turns.map((t) => sliceCodePoints(text, t.start, t.end))).toEqual([
      'Enquêtrice : Vous êtes là 😊 ?\nsuite de la question\n',
      'Marie : Oui 👍🏽.\n',
      'Marie : Encore.',
    ]);
  });

  it('stops a turn at the next heading and never reads a heading line as a turn', () => {
    const text = 'Marie : un\nMarie : deux\nTitre : suite\nMarie : trois';
    const headingStart = text.indexOf('Titre');
    const turns = detectTurns(text, defaults, [headingStart]);
    expect(turns.map((t) => t.speaker)).toEqual(['Marie', 'Marie', 'Marie']);
    expect(turns[1]!.end).toBe(headingStart);
    expect(turns[2]!.start).toBe(text.indexOf('Marie : trois'));
  });
});

describe('custom patterns', () => {
  it('replace the defaults and are trusted without the recurrence rule', () => {
    const detector = compileTurnPatterns([String.raw`--\s*(?<speaker>\w+)\s*--`]);
    const text = '-- Lucie -- Bonjour.\nEnquêtrice : pas reconnue ici.\n-- Karim -- Salut.';
    expect(speakers(text, detector)).toEqual(['Lucie', 'Karim']);
  });

  it('can carry their own timestamp group', () => {
    const detector = compileTurnPatterns([String.raw`(?<speaker>[A-Z]\w+) \((?<time>\d\d:\d\d:\d\d)\)`]);
    expect(detectTurns('Lucie (00:01:02) bonjour', detector)[0]!.timestampMs).toBe(62_000);
  });

  it('an empty list finds no turns', () => {
    expect(speakers('Enquêtrice : Bonjour.\nMarie : Bonjour.', compileTurnPatterns([]))).toEqual([]);
  });

  it.each(['(?<speaker>[a-z', '(\\w+) :'])('refuses the invalid pattern %j with import.pattern', (pattern) => {
    try {
      compileTurnPatterns([pattern]);
      expect.unreachable();
    } catch (e) {
      expect(isTresseError(e) && e.code === 'import.pattern' && e.params['pattern'] === pattern).toBe(true);
    }
  });

  it('exports the defaults as regular-expression sources with a speaker group', () => {
    for (const source of DEFAULT_TURN_PATTERNS) expect(source).toContain('(?<speaker>');
  });
});

describe('parseTimestamp', () => {
  it.each([
    ['00:12:35', 755_000],
    ['12:35', 755_000],
    ['75:30', 4_530_000],
    ['1:02:03,250', 3_723_250],
    ['00:00:01.5', 1_500],
  ])('%s is %d ms', (value, ms) => expect(parseTimestamp(value)).toBe(ms));

  it.each(['12:75', '1:60:00', 'midi', '12h30'])('%s is not a time', (value) => expect(parseTimestamp(value)).toBeNull());
});
