import { TresseError } from '../i18n/error.ts';
import { SOURCE_KINDS, type SourceKind } from './types.ts';

const ALIASES: Record<string, SourceKind> = {
  entretien: 'interview',
  interview: 'interview',
  observation: 'observation',
  reunion: 'observation',
  meeting: 'observation',
  carnet: 'notebook',
  'carnet de bord': 'notebook',
  notebook: 'notebook',
  document: 'document',
  synthese: 'synthesis',
  synthesis: 'synthesis',
  colloque: 'synthesis',
};

/** Reads a source kind as a user writes it, in French or English, with or without accents. */
export function parseSourceKind(input: string): SourceKind {
  const key = input.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
  const kind = ALIASES[key];
  if (!kind) throw new TresseError('source.kind', { kind: input });
  return kind;
}

export function isSourceKind(value: unknown): value is SourceKind {
  return typeof value === 'string' && (SOURCE_KINDS as readonly string[]).includes(value);
}
