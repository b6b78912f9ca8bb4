// A small hand-written codebook in the spirit of a field study, with the characters that break naive exports.
import type { Code } from '../../model/types.ts';
import type { CompareCode } from '../../codebooks/compare.ts';

let next = 1;
export function code(fields: Partial<Code> & { name: string }): Code {
  const id = fields.id ?? next++;
  return {
    id,
    guid: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    parentId: null,
    abbrev: null,
    color: '#0072b2',
    definition: '',
    inclusion: '',
    exclusion: '',
    example: '',
    codable: true,
    position: id,
    ...fields,
  };
}

export function tricky(): Code[] {
  return [
    code({
      id: 1,
      name: 'Cadre légal et place des usagers',
      abbrev: 'CL',
      color: '#009e73',
      codable: false,
      definition: 'Règles de droit, « secret », RGPD; place des usagers.',
    }),
    code({
      id: 2,
      parentId: 1,
      position: 2,
      name: 'Secret professionnel, secret partagé',
      abbrev: 'CL1',
      color: '#005f45',
      definition: 'Ce qui peut être dit, à qui, et comment.\nDeuxième ligne ; avec un point-virgule.',
      inclusion: 'Citer la "charte" du conseil',
      exclusion: '  espaces au bord  ',
      example: "« On ne dit que le nécessaire », dit l'infirmière.",
    }),
    code({
      id: 3,
      parentId: 1,
      position: 1,
      name: 'Soins sans consentement',
      abbrev: 'CL2',
      color: '#007e5c',
      definition: "Hospitalisation à la demande d'un tiers ou sur décision du représentant de l'État.",
    }),
    code({ id: 4, name: 'Travail en partenariat / réseau', abbrev: 'PA', color: '#cc79a7', definition: 'Un nom avec " / " dedans.' }),
    code({ id: 5, parentId: 4, name: 'Freins', abbrev: null, color: '#7a4964', definition: 'Deux lignes :\nla seconde, après un saut de ligne' }),
    code({ id: 6, parentId: 5, name: 'Cultures professionnelles', color: '#a36186', definition: '' }),
  ];
}

export const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** [id, parentId, name, guid number, extra fields] -> codes; ids are local to each codebook. */
export function book(rows: Array<[number, number | null, string, number, Partial<CompareCode>?]>): CompareCode[] {
  return rows.map(([id, parentId, name, g, extra]) => ({
    id,
    parentId,
    name,
    guid: guid(g),
    abbrev: null,
    color: '#0072b2',
    definition: '',
    inclusion: '',
    exclusion: '',
    example: '',
    codable: true,
    ...extra,
  }));
}

/** Two codebooks of the same study that drifted apart: one of each kind of difference. */
export const mine = book([
  [1, null, 'Cadre légal', 1],
  [2, 1, 'Secret partagé', 2],
  [3, 1, 'Soins sans consentement', 3, { definition: 'Hospitalisation sous contrainte.' }],
  [4, null, 'Sécurité', 4],
  [5, 4, 'Risques au domicile', 5],
  [6, null, 'Partenariat', 6, { color: '#cc79a7' }],
  [7, 6, 'Freins', 7],
  [8, 6, 'Ressources du territoire', 8],
  [9, null, 'Logement', 9],
]);

export const theirs = book([
  [1, null, 'Cadre légal et usagers', 1],
  [2, 1, 'Secret professionnel partagé', 102],
  [3, 1, 'Soins sans consentement', 3, { definition: 'Soins psychiatriques imposés.', example: '« On a dû appeler le maire. »' }],
  [4, null, 'Securite', 104],
  [5, 4, 'Risques au domicile', 105],
  [6, null, 'Partenariat', 6, { color: '#d55e00' }],
  [7, 1, 'Ressources du territoire', 108],
  [8, null, 'Difficultés', 110],
  [9, 8, 'Freins', 7],
  [10, null, 'Co-construction', 111],
]);
