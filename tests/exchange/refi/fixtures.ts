// Shared by the REFI-QDA tests: schema validation with the official XSDs, a synthetic French project
// whose texts hold emoji and combining marks (so code points, UTF-16 units and bytes all differ),
// and helpers to build archives by hand.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { OffsetIndex } from '../../../text/offsets.ts';
import type { ProjectSnapshot } from '../../../exchange/refi/snapshot.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const refiDir = path.resolve(repoRoot, '..', 'shared', 'refi-qda');

export async function schemaErrors(xml: string, schema: 'Project.xsd' | 'Codebook.xsd'): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: schema === 'Project.xsd' ? 'project.qde' : 'codebook.qdc', contents: xml }],
    schema: [{ fileName: schema, contents: fs.readFileSync(path.join(refiDir, schema), 'utf8') }],
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage ?? e.message);
}

/** Code-point range of the `occurrence`-th appearance of `needle` in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 1): { start: number; end: number } {
  let at = -1;
  for (let k = 0; k < occurrence; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture: "${needle}" not found`);
  }
  const index = new OffsetIndex(text);
  return { start: index.toCodePoint(at), end: index.toCodePoint(at + needle.length) };
}

export function zip(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(files)) entries[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(entries, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
}

export function utf8Bom(text: string): Uint8Array {
  return new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(text)]);
}

export function utf16leBom(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = c & 0xff;
    out[3 + 2 * i] = c >> 8;
  }
  return out;
}

const G = {
  camille: '0d9a1c52-3b7e-4f60-9a51-6e2c8b1d4f01',
  yanis: '0d9a1c52-3b7e-4f60-9a51-6e2c8b1d4f02',
  sm: '1b2c3d4e-0000-4000-8000-000000000001',
  sm1: '1b2c3d4e-0000-4000-8000-000000000002',
  sc: '1b2c3d4e-0000-4000-8000-000000000003',
  sc1: '1b2c3d4e-0000-4000-8000-000000000004',
  st: '1b2c3d4e-0000-4000-8000-000000000005',
  e01: '2c3d4e5f-0000-4000-8000-000000000001',
  obs: '2c3d4e5f-0000-4000-8000-000000000002',
  carnet: '2c3d4e5f-0000-4000-8000-000000000003',
  caseA: '3d4e5f60-0000-4000-8000-000000000001',
  caseB: '3d4e5f60-0000-4000-8000-000000000002',
  role: '4e5f6071-0000-4000-8000-000000000001',
  seniority: '4e5f6071-0000-4000-8000-000000000002',
  trained: '4e5f6071-0000-4000-8000-000000000003',
  date: '4e5f6071-0000-4000-8000-000000000004',
  weight: '4e5f6071-0000-4000-8000-000000000005',
  mode: '4e5f6071-0000-4000-8000-000000000006',
} as const;
export const GUIDS = G;

// Synthetic interview: emoji (astral), a ZWJ sequence, and q + U+0303 (no precomposed form, so NFC
// keeps two code points). Any position counted in UTF-16 units or bytes would land elsewhere.
export const INTERVIEW = [
  'Enquêtrice : Comment se passent les réunions de concertation ? 🙂',
  'Coordinatrice : Au début c’était compliqué, chacun arrivait avec sa culture de travail 👩‍⚕️.',
  'Maintenant on partage le secret professionnel avec prudence ; le « q̃ » du dossier reste anonymisé.',
  'Ce qui aide : la réactivité des partenaires, et la confiance 🤝 qui s’est construite.',
].join('\n');

export const OBSERVATION =
  'Réunion du 12 mars.\nPrésents : bailleur social, infirmière de secteur, médiatrice pair.\nLa médiatrice parle peu ; le bailleur monopolise la parole 😶.';
export const NOTEBOOK = '3 avril — Relu l’entretien 01. Penser à croiser avec le compte rendu de réunion.';

export function sampleSnapshot(): ProjectSnapshot {
  const c1 = rangeOf(INTERVIEW, 'chacun arrivait avec sa culture de travail 👩‍⚕️');
  const c2 = rangeOf(INTERVIEW, 'le « q̃ » du dossier reste anonymisé');
  const c3 = rangeOf(INTERVIEW, 'la confiance 🤝 qui s’est construite');
  const c4 = rangeOf(OBSERVATION, 'le bailleur monopolise la parole 😶');
  return {
    name: 'Conseil local de santé mentale — étude « Tresse » 🧵',
    origin: 'Tresse',
    creatingUserGuid: G.camille,
    users: [
      { guid: G.camille, name: 'Camille Martin' },
      { guid: G.yanis, name: 'Yanis B.' },
    ],
    codes: [
      {
        guid: G.sm,
        parentGuid: null,
        name: 'SM – Santé mentale',
        color: '#1f77b4',
        definition: 'Profil, contact avec les personnes concernées.',
        codable: false,
      },
      { guid: G.sm1, parentGuid: G.sm, name: 'Formation en santé mentale', color: '#aec7e8', definition: '', codable: true },
      {
        guid: G.sc,
        parentGuid: null,
        name: 'SC – Situations complexes',
        color: '#ff7f0e',
        definition: 'Ce qui rend une situation « complexe ».\nInclure : isolement, refus.\nExclure : <urgence ponctuelle> & "crise".',
        codable: true,
      },
      { guid: G.sc1, parentGuid: G.sc, name: 'Apports des réunions', color: '#ffbb78', definition: '', codable: true },
      { guid: G.st, parentGuid: null, name: 'ST – Stigmatisation 🚫', color: '#d62728', definition: '', codable: true },
    ],
    sources: [
      {
        guid: G.e01,
        name: 'Entretien 01 – coordinatrice',
        kind: 'interview',
        text: INTERVIEW,
        attributes: { 'Mode d’entretien': ['visio'] },
        creatingUserGuid: G.camille,
        createdAt: '2026-03-14T09:30:00Z',
      },
      { guid: G.obs, name: 'Réunion RCP 12/03', kind: 'observation', text: OBSERVATION, attributes: { 'Mode d’entretien': ['présentiel'] } },
      { guid: G.carnet, name: 'Carnet de bord', kind: 'notebook', text: NOTEBOOK, attributes: {} },
    ],
    codings: [
      {
        guid: '5f607182-0000-4000-8000-000000000001',
        sourceGuid: G.e01,
        codeGuid: G.sc,
        ...c1,
        coderGuid: G.camille,
        createdAt: '2026-03-15T10:00:00Z',
        memo: 'Différentes cultures de travail :\n« un facteur facilitant peut aussi être une difficulté ».',
      },
      { guid: '5f607182-0000-4000-8000-000000000002', sourceGuid: G.e01, codeGuid: G.sm1, ...c2, coderGuid: G.yanis, memo: null },
      {
        guid: '5f607182-0000-4000-8000-000000000003',
        sourceGuid: G.e01,
        codeGuid: G.sc1,
        ...c3,
        coderGuid: G.camille,
        createdAt: '2026-03-15T10:05:00Z',
        memo: null,
      },
      // Same passage, second code, second coder: codes overlap freely.
      { guid: '5f607182-0000-4000-8000-000000000004', sourceGuid: G.e01, codeGuid: G.st, ...c3, coderGuid: G.yanis, memo: null },
      { guid: '5f607182-0000-4000-8000-000000000005', sourceGuid: G.obs, codeGuid: G.st, ...c4, coderGuid: G.camille, memo: null },
    ],
    cases: [
      {
        guid: G.caseA,
        name: 'P01 (coordinatrice)',
        description: 'Coordinatrice du conseil, 1re ligne.',
        attributes: {
          Rôle: ['coordinatrice', 'infirmière'],
          Ancienneté: [12],
          'Formé·e en santé mentale': [true],
          'Date d’entretien': ['2026-03-14'],
          'Temps de travail': [0.8],
        },
        sourceGuids: [G.e01],
      },
      {
        guid: G.caseB,
        name: 'P02 (bailleur)',
        description: '',
        attributes: { Rôle: ['bailleur social'], 'Formé·e en santé mentale': [false] },
        sourceGuids: [G.obs],
      },
    ],
    variables: [
      { guid: G.role, name: 'Rôle', type: 'text', scope: 'case' },
      { guid: G.seniority, name: 'Ancienneté', type: 'number', scope: 'case' },
      { guid: G.trained, name: 'Formé·e en santé mentale', type: 'boolean', scope: 'case' },
      { guid: G.date, name: 'Date d’entretien', type: 'date', scope: 'case' },
      { guid: G.weight, name: 'Temps de travail', type: 'number', scope: 'case' },
      { guid: G.mode, name: 'Mode d’entretien', type: 'text', scope: 'source' },
    ],
    memos: [
      {
        guid: '6a718293-0000-4000-8000-000000000001',
        name: 'Question de recherche',
        text: 'Comment les réunions de concertation\nmodifient-elles le partenariat ?',
        target: { kind: 'project' },
      },
      {
        guid: '6a718293-0000-4000-8000-000000000002',
        name: 'Contexte de l’entretien',
        text: 'Entretien en visio, coupure à 23 min.',
        target: { kind: 'source', guid: G.e01 },
      },
      { guid: '6a718293-0000-4000-8000-000000000003', name: 'Profil P01', text: 'Ancienne infirmière de secteur.', target: { kind: 'case', guid: G.caseA } },
      { guid: '6a718293-0000-4000-8000-000000000004', name: 'Sur le code SC', text: 'Revoir la frontière avec DI.', target: { kind: 'code', guid: G.sc } },
      {
        guid: '6a718293-0000-4000-8000-000000000005',
        name: 'Confiance',
        text: 'À croiser avec l’observation du 12 mars 🤝.',
        target: { kind: 'coding', guid: '5f607182-0000-4000-8000-000000000003' },
      },
      { guid: '6a718293-0000-4000-8000-000000000006', name: 'Idées en vrac', text: 'Équipe mobile ? Habitat partagé ?' },
    ],
  };
}
