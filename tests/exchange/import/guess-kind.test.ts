// The kind guessed from a file's content, on texts as researchers write them, parsed by the real
// importers (so the speaker turns are the ones the import would find).
import { describe, expect, it } from 'vitest';
import { parseSourceFile } from '../../../exchange/import/index.ts';
import { defaultSourceName, guessSourceKind } from '../../../exchange/import/guess-kind.ts';

const enc = (s: string) => new TextEncoder().encode(s);

async function guess(fileName: string, text: string) {
  const parsed = await parseSourceFile(enc(text), fileName);
  return guessSourceKind({ text: parsed.text, structure: parsed.structure });
}

const INTERVIEW_FR = `Entretien avec P3, coordinatrice du CLSM — 14 mars 2024, en visioconférence

Enquêtrice : Pouvez-vous me parler de votre rôle dans la cellule de cas complexes ?
P3 : Je coordonne les réunions, je reçois les fiches d'alerte et je prépare l'ordre du jour.
Enquêtrice : Qu'est-ce qui rend une situation complexe, selon vous ?
P3 : L'isolement surtout, et le refus d'aide. Plusieurs acteurs sont là mais aucun ne peut agir seul.
Enquêtrice : Et le secret professionnel ?
P3 : On parle de secret partagé, les situations sont anonymisées.
`;

const INTERVIEW_EN = `Interview R2, housing officer

Interviewer: How did you first hear about the case-review meetings?
R2: A colleague from the social services told me about them.
Interviewer: What did they change for you?
R2: I know who to call now. Before, I was alone with the neighbours' complaints.
`;

const NOTEBOOK_FR = `Carnet de bord

12 mars 2024 — Premier contact avec la coordinatrice. Elle accepte que j'observe les réunions.

Lundi 18 mars 2024 : appel au bailleur social, rendez-vous fixé pour avril.

2 avril 2024 — Entretien avec l'infirmière du CMP, beaucoup d'hésitations sur le secret partagé.
Remarque : penser à relancer la mairie.

15/04/2024 Relu les deux premières transcriptions, premières idées de codes.
`;

const NOTEBOOK_EN = `Field journal

March 4, 2024 — Met the network coordinator; she agreed to let me sit in on the meetings.

Monday 11 March 2024: phone call with the housing office.

2024-03-20 First interview transcribed. Long silences when asked about consent.
`;

const OBSERVATION_FR = `Cellule de cas complexes — observation
Date : 21 mars 2024
Présents : coordinatrice, infirmière CMP, bailleur social, assistante sociale, médiateur pair
Ordre du jour : trois situations, dont une nouvelle

La coordinatrice ouvre la séance et rappelle la règle de l'anonymat.
Le bailleur parle longtemps ; l'infirmière intervient peu. Posture d'écoute du médiateur.
`;

const OBSERVATION_EN = `Steering committee
Date: 21 March 2024
Attendees: coordinator, CMP nurse, housing officer
Agenda: annual report, new referral form

The coordinator opens the meeting. The housing officer speaks most of the time.
`;

const DOCUMENT_FR = `Rapport d'activité 2023 du Conseil local de santé mentale

Le conseil réunit les acteurs du territoire autour de la santé mentale. En 2023, la cellule de cas
complexes s'est réunie dix fois et a examiné vingt-deux situations.

Perspectives : une équipe mobile est à l'étude avec le centre hospitalier.
`;

describe('the kind guessed from a file', () => {
  it('calls a transcript with speaker turns an interview, in French and in English', async () => {
    expect(await guess('E8-partenord.txt', INTERVIEW_FR)).toBe('interview');
    expect(await guess('R2.md', INTERVIEW_EN)).toBe('interview');
  });

  it('calls a run of dated entries a field notebook, in French and in English', async () => {
    expect(await guess('notes.txt', NOTEBOOK_FR)).toBe('notebook');
    expect(await guess('notes-en.txt', NOTEBOOK_EN)).toBe('notebook');
  });

  it('calls meeting notes with who was present and the agenda an observation', async () => {
    expect(await guess('cellule-21-03.txt', OBSERVATION_FR)).toBe('observation');
    expect(await guess('committee.txt', OBSERVATION_EN)).toBe('observation');
  });

  it('calls plain prose a document, even with one date or one "Label :" line in it', async () => {
    expect(await guess('rapport.txt', DOCUMENT_FR)).toBe('document');
  });

  it('falls back on the file name only when the content says nothing', () => {
    expect(guessSourceKind({ text: DOCUMENT_FR, structure: [], fileName: 'entretien-P4.txt' })).toBe('interview');
    expect(guessSourceKind({ text: NOTEBOOK_FR, structure: [], fileName: 'entretien-P4.txt' })).toBe('notebook');
  });
});

describe('the default name of a source', () => {
  it('drops the extension and a trailing encoding suffix', () => {
    expect(defaultSourceName('E8-partenord.cp1252.txt')).toBe('E8-partenord');
    expect(defaultSourceName('entretien P3.utf-8.md')).toBe('entretien P3');
    expect(defaultSourceName('carnet.windows-1252.txt')).toBe('carnet');
    expect(defaultSourceName('Rapport 2023.latin1.txt')).toBe('Rapport 2023');
  });

  it('keeps dots that are part of the name, and drops a folder', () => {
    expect(defaultSourceName('Mme D. - entretien.docx')).toBe('Mme D. - entretien');
    expect(defaultSourceName('C:\\corpus\\E1.docx')).toBe('E1');
    expect(defaultSourceName('corpus/E2.odt')).toBe('E2');
  });
});
