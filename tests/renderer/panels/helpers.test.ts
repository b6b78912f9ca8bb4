// What the panels compute before asking the API: attribute values typed in the cases table, the
// code tree with counts that include sub-codes, and the kind guessed from a file's name.
import { describe, expect, it } from 'vitest';
import type { CodeWithCount } from '../../../service/codebook.ts';
import { buildCodeTree, flattenTree, isWithin } from '../../../renderer/app/code-tree.ts';
import { formatValues, parseValues } from '../../../renderer/panels/cases/attribute-values.ts';
import { guessKind } from '../../../renderer/panels/sources/source-kinds.ts';

const yesNo = { yes: 'oui', no: 'non' };

describe('attribute values in the cases table', () => {
  it('reads several values separated by semicolons, as a person holding two roles', () => {
    expect(parseValues(' infirmière ; coordinatrice;; ', 'text', yesNo)).toEqual(['infirmière', 'coordinatrice']);
  });

  it('reads numbers written the French way', () => {
    expect(parseValues('12,5 ; 3', 'number', yesNo)).toEqual([12.5, 3]);
    expect(parseValues('1 200', 'number', yesNo)).toEqual([1200]);
  });

  it('passes an unreadable number on as typed, for the service to refuse with its own message', () => {
    expect(parseValues('douze', 'number', yesNo)).toEqual(['douze']);
  });

  it('reads yes/no in the interface language or as true/false', () => {
    expect(parseValues('oui', 'boolean', yesNo)).toEqual([true]);
    expect(parseValues('NON', 'boolean', yesNo)).toEqual([false]);
    expect(parseValues('yes', 'boolean', { yes: 'yes', no: 'no' })).toEqual([true]);
  });

  it('shows what it reads back the same way, and an empty cell for an unknown value', () => {
    const shown = formatValues([true, 'CMP', 4], yesNo);
    expect(shown).toBe('oui ; CMP ; 4');
    expect(formatValues(undefined, yesNo)).toBe('');
    expect(parseValues(formatValues(['a', 'b'], yesNo), 'text', yesNo)).toEqual(['a', 'b']);
  });
});

function code(id: number, parentId: number | null, position: number, codingCount: number): CodeWithCount {
  return {
    id,
    parentId,
    position,
    codingCount,
    guid: `g${id}`,
    name: `code ${id}`,
    abbrev: null,
    color: '#0072b2',
    definition: '',
    inclusion: '',
    exclusion: '',
    example: '',
    codable: true,
  };
}

describe('the code tree', () => {
  // 1 ─┬─ 3 ── 4
  //    └─ 2
  // 5
  const codes = [code(5, null, 1, 7), code(1, null, 0, 1), code(3, 1, 0, 2), code(2, 1, 1, 0), code(4, 3, 0, 5)];

  it('orders siblings by position and counts codings with their sub-codes', () => {
    const tree = buildCodeTree(codes);
    expect(flattenTree(tree).map((n) => [n.code.id, n.depth, n.totalCount])).toEqual([
      [1, 0, 8],
      [3, 1, 7],
      [4, 2, 5],
      [2, 1, 0],
      [5, 0, 7],
    ]);
  });

  it('leaves out the children of closed branches', () => {
    const tree = buildCodeTree(codes);
    expect(flattenTree(tree, (id) => id !== 3).map((n) => n.code.id)).toEqual([1, 3, 2, 5]);
  });

  it('knows which codes lie inside another, to refuse a drop that would make a cycle', () => {
    expect(isWithin(codes, 4, 1)).toBe(true);
    expect(isWithin(codes, 1, 1)).toBe(true);
    expect(isWithin(codes, 1, 4)).toBe(false);
    expect(isWithin(codes, 5, 1)).toBe(false);
  });
});

describe('the kind guessed from a file name', () => {
  it.each([
    ['Entretien_03_assistante-sociale.docx', 'interview'],
    ['observation-comite-pilotage.txt', 'observation'],
    ['Réunion cellule 9 avril.odt', 'observation'],
    ['carnet-de-bord.md', 'notebook'],
    ['Synthèse colloque.pdf', 'synthesis'],
    ['appel-visio.vtt', 'interview'],
    ['rapport-activite-2025.pdf', 'document'],
  ])('%s → %s', (name, kind) => {
    expect(guessKind(name)).toBe(kind);
  });
});
