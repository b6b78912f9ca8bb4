// A synthetic corpus the size of a large study, generated from a seed so every run measures the
// same material: French-like interview transcripts with speaker turns.

/** Small seeded PRNG (mulberry32): every run measures the same data. */
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

const COMMON = (
  'le la les un une des de du et ou mais donc car ne pas plus très bien alors enfin euh voilà ' +
  "on nous ils elles c'est qu'il j'ai l'équipe d'abord toujours souvent parfois jamais depuis avant après quand " +
  'secret partagé professionnel sécurité logement bailleur santé mentale psychiatrie infirmière coordinatrice ' +
  'cellule réunion situation complexe partenaires confiance hébergement urgence isolement précarité addiction ' +
  'syndrome Diogène voisinage mairie hygiène salubrité consentement hospitalisation sectorisation équipe mobile ' +
  'stigmatisation représentation usagers participation médiateur pair formation accompagnement orientation ' +
  'personne famille enfant médecin généraliste travailleur social CCAS CMP CLSM police pompiers tribunal juge'
).split(' ');

const SYLLABLES = ['ra', 'to', 'mi', 'lé', 'pon', 'dé', 'tri', 'ca', 'sé', 'vou', 'ge', 'ment', 'tion', 'ble', 'er', 'in', 'ai', 'ré', 'con', 'par'];

/**
 * Words drawn with a Zipf law over a few thousand forms, as in real speech: a handful of words
 * everywhere, most of the vocabulary rare. (A tiny vocabulary would put every word in every
 * interview, which no real corpus does.)
 */
function vocabulary(rnd: () => number, size: number): { words: string[]; cumulative: Float64Array } {
  const words = [...COMMON];
  const seen = new Set(words);
  while (words.length < size) {
    let w = '';
    const n = 2 + Math.floor(rnd() * 3);
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let i = 0; i < size; i++) cumulative[i] = sum += 1 / Math.pow(i + 1, 1.05);
  for (let i = 0; i < size; i++) cumulative[i]! /= sum;
  return { words, cumulative };
}

function pick(rnd: () => number, vocab: { words: string[]; cumulative: Float64Array }): string {
  const x = rnd();
  let lo = 0;
  let hi = vocab.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (vocab.cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return vocab.words[lo]!;
}

/** One interview of about `words` words, in turns "Enquêtrice :" / "P12 :". */
export function interviewText(rnd: () => number, vocab: ReturnType<typeof vocabulary>, index: number, words: number): string {
  const lines: string[] = [];
  let count = 0;
  let turn = 0;
  while (count < words) {
    const speaker = turn % 2 === 0 ? 'Enquêtrice' : `P${index}`;
    const n = turn % 2 === 0 ? 8 + Math.floor(rnd() * 15) : 40 + Math.floor(rnd() * 160);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(pick(rnd, vocab));
    lines.push(`${speaker} : ${parts.join(' ')}${turn % 2 === 0 ? ' ?' : '.'}`);
    count += n;
    turn++;
  }
  return lines.join('\n') + '\n';
}

export function generateInterviews(count: number, words: number, seed = 20261123): string[] {
  const rnd = mulberry32(seed);
  const vocab = vocabulary(rnd, 8000);
  return Array.from({ length: count }, (_, i) => interviewText(rnd, vocab, i + 1, words));
}
