// Codebooks travel as trees (grids, JSON, CSV) but are stored as flat lists linked by parentId.
// This module holds the tree shape and the checks every import must pass, whatever its format.
import type { Code } from '../model/types.ts';
import { TresseError } from '../i18n/error.ts';

export interface GridCode {
  name: string;
  abbrev: string | null;
  /** #rrggbb, lower case. */
  color: string;
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
  codable: boolean;
  children: GridCode[];
}

/** A code read from a file: guid kept when the file had one, so codings can follow it. */
export type ImportedCode = GridCode & { guid: string | null; children: ImportedCode[] };

export const TEXT_FIELDS = ['definition', 'inclusion', 'exclusion', 'example'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/**
 * Deepest nesting of codes a file may have. Real grids have three or four levels; a file nesting
 * thousands (damaged or made to block the app) would overflow the stack or take hours to check.
 */
export const MAX_CODE_DEPTH = 100;

/** The refusal for a file whose codes nest deeper than MAX_CODE_DEPTH. */
export function tooDeepError(format: string): TresseError {
  return formatError(format, `les codes sont imbriqués sur plus de ${MAX_CODE_DEPTH} niveaux, ce qu’aucun livre de codes réel ne fait`, { reason: 'depth' });
}

/** Colour given to a code whose file says nothing, when it has no parent to inherit from. */
export const DEFAULT_COLOR = '#999999';

const COLOR = /^#[0-9a-f]{6}$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isColor(value: string): boolean {
  return COLOR.test(value);
}

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

export function formatError(format: string, detail: string, extra: Record<string, string | number> = {}): TresseError {
  return new TresseError('codebook.format', { format, detail, ...extra });
}

/** Nested view of a stored codebook, siblings in their stored order. */
export function treeFromFlat(codes: readonly Code[]): ImportedCode[] {
  const byParent = new Map<number | null, Code[]>();
  const ids = new Set(codes.map((c) => c.id));
  for (const code of codes) {
    // A dangling parent would silently drop a branch from the export; that is corrupt data, not user input.
    if (code.parentId !== null && !ids.has(code.parentId)) throw new Error(`Code ${code.id} has unknown parent ${code.parentId}`);
    const list = byParent.get(code.parentId) ?? [];
    list.push(code);
    byParent.set(code.parentId, list);
  }
  let placed = 0;
  const build = (parentId: number | null): ImportedCode[] =>
    (byParent.get(parentId) ?? [])
      .sort((a, b) => a.position - b.position || a.id - b.id)
      .map((c) => {
        placed++;
        return {
          guid: c.guid,
          name: c.name,
          abbrev: c.abbrev,
          color: c.color.toLowerCase(),
          definition: c.definition,
          inclusion: c.inclusion,
          exclusion: c.exclusion,
          example: c.example,
          codable: c.codable,
          children: build(c.id),
        };
      });
  const roots = build(null);
  if (placed !== codes.length) throw new Error('Codebook has a parent cycle');
  return roots;
}

/** Depth-first, parents before children, with each code's names from the root. */
export function* walk<T extends { name: string; children: T[] }>(roots: readonly T[], path: string[] = []): Generator<{ code: T; path: string[] }> {
  for (const code of roots) {
    const here = [...path, code.name];
    yield { code, path: here };
    yield* walk(code.children, here);
  }
}

/**
 * Checks that hold across the whole tree: unique guids, unique abbreviations, no two siblings with
 * the same name (paths would then be ambiguous). `where` names a code for the error message.
 */
export function checkTree(format: string, roots: readonly ImportedCode[], where: (code: ImportedCode, path: string[]) => string): void {
  const guids = new Map<string, string>();
  const abbrevs = new Map<string, string>();
  const check = (siblings: readonly ImportedCode[], path: string[]) => {
    const names = new Set<string>();
    for (const code of siblings) {
      const here = [...path, code.name];
      const at = where(code, here);
      const key = code.name.normalize('NFC').toLocaleLowerCase('fr');
      if (names.has(key)) throw formatError(format, `${at} : deux codes frères s’appellent « ${code.name} »`, { reason: 'duplicateName' });
      names.add(key);
      if (code.guid !== null) {
        const guid = code.guid.toLowerCase();
        const first = guids.get(guid);
        if (first !== undefined) throw formatError(format, `${at} : identifiant ${code.guid} déjà utilisé par ${first}`, { reason: 'duplicateGuid' });
        guids.set(guid, at);
      }
      if (code.abbrev !== null) {
        const first = abbrevs.get(code.abbrev);
        if (first !== undefined) throw formatError(format, `${at} : abréviation « ${code.abbrev} » déjà utilisée par ${first}`, { reason: 'duplicateAbbrev' });
        abbrevs.set(code.abbrev, at);
      }
      check(code.children, here);
    }
  };
  check(roots, []);
}
