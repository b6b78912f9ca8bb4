// A synthetic French interview, written for these tests, as a real DOCX file.
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

export const INTERVIEW_TURNS: Array<[speaker: string, text: string]> = [
  ['Enquêtrice', 'Pouvez-vous me présenter votre poste et votre structure ?'],
  ['P1', 'Je suis infirmier au centre médico-psychologique depuis neuf ans. Je vais surtout à domicile, chez des personnes très isolées.'],
  ['Enquêtrice', 'Comment se passent les réunions de la cellule de cas complexes ?'],
  [
    'P1',
    'La réunion a lieu tous les mois. Chacun apporte une situation anonymisée et on cherche ensemble qui peut intervenir. Le secret partagé ne me gêne pas : on ne dit que ce qui est utile.',
  ],
  ['Enquêtrice', 'Qu’est-ce qui freine le travail en commun ?'],
  ['P1', 'Les cultures de travail sont très différentes entre le bailleur et nous. Et quand la personne refuse tout contact, on attend, parfois des années.'],
];

export async function makeInterviewDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Entretien avec P1, infirmier de CMP')] }),
          ...INTERVIEW_TURNS.map(([speaker, text]) => new Paragraph({ children: [new TextRun(`${speaker} : ${text}`)] })),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
