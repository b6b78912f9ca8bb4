// Finding a code from a few typed letters: accent- and case-insensitive fuzzy search over names,
// abbreviations and definitions, every word of the query required somewhere.
import Fuse, { type Expression, type IFuseOptions } from 'fuse.js';
import type { CodeWithCount } from '../../service/contract/index.ts';

/** "Sécurité" and "securite" fold to the same text. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Query words, folded, without the characters Fuse would read as operators. */
export function queryWords(query: string): string[] {
  return fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

type SearchKey = 'name' | 'abbrev' | 'definition';
const KEYS: readonly SearchKey[] = ['name', 'abbrev', 'definition'];

const OPTIONS: IFuseOptions<CodeWithCount> = {
  keys: [
    { name: 'name', weight: 0.6 },
    { name: 'abbrev', weight: 0.3 },
    { name: 'definition', weight: 0.1 },
  ],
  // Index folded text; each query word is folded the same way before searching.
  getFn: (code, path) => {
    const key = (Array.isArray(path) ? path[0] : path) as SearchKey;
    return fold(code[key] ?? '');
  },
  // 0.3 = about one typo per three or four letters of a word: "secrte" still finds "Secret" and
  // "partenarait" finds "Partenariat", while words of two or three letters ("de", "sc2") must match
  // as typed, so short words do not match half the definitions in the codebook.
  threshold: 0.3,
  // A word may sit anywhere in a name or a long definition, not only near its start.
  ignoreLocation: true,
  includeScore: true,
};

export class CodeSearch {
  private readonly fuse: Fuse<CodeWithCount>;

  constructor(readonly codes: readonly CodeWithCount[]) {
    this.fuse = new Fuse(codes, OPTIONS);
  }

  /**
   * Codes matching every word of the query, best first: exact abbreviation or name first, then by
   * fuzzy score.
   */
  search(query: string): CodeWithCount[] {
    const words = queryWords(query);
    if (words.length === 0) return [];
    const whole = fold(query).trim();
    const exact = this.codes.filter((c) => fold(c.abbrev ?? '') === whole || fold(c.name) === whole);
    const expression: Expression = {
      $and: words.map((w): Expression => ({ $or: KEYS.map((key): Expression => ({ [key]: w })) })),
    };
    const fuzzy = this.fuse.search(expression).map((r) => r.item);
    return [...new Set([...exact, ...fuzzy])];
  }

  /** The code whose name (or abbreviation) is exactly what was typed, ignoring case and accents. */
  exact(name: string): CodeWithCount | undefined {
    const wanted = fold(name).trim();
    return this.codes.find((c) => fold(c.name).trim() === wanted || (c.abbrev !== null && fold(c.abbrev) === wanted));
  }
}
