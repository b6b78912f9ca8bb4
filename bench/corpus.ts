// A synthetic corpus the size of a large study, generated from a seed so every run measures the
// same material: French-like interview transcripts with speaker turns.

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'le la les un une des de du et ou mais donc car ne pas plus très bien alors enfin euh voilà ' +
  'secret partagé professionnel sécurité logement bailleur santé mentale psychiatrie infirmière coordinatrice ' +
  'cellule réunion situation complexe partenaires confiance hébergement urgence isolement précarité addiction ' +
  'syndrome Diogène voisinage mairie hygiène salubrité consentement hospitalisation sectorisation équipe mobile ' +
  'stigmatisation représentation usagers participation médiateur pair formation accompagnement orientation ' +
  "on nous ils elles c'est qu'il j'ai l'équipe d'abord toujours souvent parfois jamais depuis avant après quand " +
  'personne famille enfant médecin généraliste travailleur social CCAS CMP CLSM police pompiers tribunal juge'
).split(' ');

/** One interview of about `words` words, in turns "Enquêtrice :" / "P12 :". */
export function interviewText(rnd: () => number, index: number, words: number): string {
  const lines: string[] = [];
  let count = 0;
  let turn = 0;
  while (count < words) {
    const speaker = turn % 2 === 0 ? 'Enquêtrice' : `P${index}`;
    const n = turn % 2 === 0 ? 8 + Math.floor(rnd() * 15) : 40 + Math.floor(rnd() * 160);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(WORDS[Math.floor(rnd() * WORDS.length)]!);
    lines.push(`${speaker} : ${parts.join(' ')}${turn % 2 === 0 ? ' ?' : '.'}`);
    count += n;
    turn++;
  }
  return lines.join('\n') + '\n';
}

export function generateInterviews(count: number, words: number, seed = 20261123): string[] {
  const rnd = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => interviewText(rnd, i + 1, words));
}
