import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { catchUpSearchIndex } from '../../db/search.ts';
import { addText, newProject } from '../helpers/project.ts';

// What the word index stores, row for row, as the index written before its hot loop was sped up
// (db/search-index.ts): the search reads these bytes, and projects already hold them.

/** A seeded text of `tokens` words over a vocabulary with accents, ligatures, capitals and emoji. */
function generatedText(tokens: number, seed: number): string {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const syllables = ['ra', 'té', 'mi', 'cœ', 'pon', 'Dé', 'tri', 'ça', 'SÉ', 'vou', 'ge', 'ment', 'æ', 'ble', 'ër', '😀', 'in', 'ai'];
  const vocabulary = Array.from({ length: 3000 }, () => {
    let w = '';
    for (let n = 1 + Math.floor(next() * 4); n > 0; n--) w += syllables[Math.floor(next() * syllables.length)];
    return w;
  });
  const words: string[] = [];
  // A Zipf-like draw: a few words everywhere, most rare; long postings split rows into parts.
  for (let i = 0; i < tokens; i++) words.push(vocabulary[Math.floor(vocabulary.length * next() ** 3)]!);
  return words.join(next() < 0.5 ? ' ' : ', ');
}

function storedRows(db: ReturnType<typeof newProject>['db']): { words: unknown[]; sources: unknown[] } {
  return {
    words: db.prepare('SELECT source_id, head, part, words, hex(postings) AS postings FROM search_words ORDER BY head, source_id, part').all(),
    sources: db.prepare('SELECT source_id, tokens, hex(places) AS places FROM search_sources ORDER BY source_id').all(),
  };
}

describe('the word index rows', () => {
  it('are the known rows of a short text', () => {
    const ctx = newProject();
    addText(ctx, 'court', 'Le cœur, le CŒUR et l’été 😀 ete ; Été, e\u0301te\u0301 CMP2.');
    catchUpSearchIndex(ctx.db);
    expect(storedRows(ctx.db)).toEqual(KNOWN_SHORT);
  });

  it('are the known rows of long seeded texts, their parts and checkpoints included', () => {
    const ctx = newProject();
    for (let s = 1; s <= 4; s++) addText(ctx, `long-${s}`, generatedText(20_000, s));
    catchUpSearchIndex(ctx.db);
    const rows = storedRows(ctx.db);
    expect(rows.words.length).toBe(KNOWN_LONG.rows);
    expect(rows.words.some((r) => (r as { part: number }).part > 0)).toBe(true);
    expect(createHash('sha256').update(JSON.stringify(rows)).digest('hex')).toBe(KNOWN_LONG.sha256);
  });
});

const KNOWN_SHORT = {
  words: [
    { source_id: 1, head: 'cm', part: 0, words: 'cmp2', postings: '01010A' },
    { source_id: 1, head: 'co', part: 0, words: 'coeur', postings: '02020102' },
    { source_id: 1, head: 'et', part: 0, words: 'et ete', postings: '010104040406010101' },
    { source_id: 1, head: 'l', part: 0, words: 'l', postings: '010105' },
    { source_id: 1, head: 'le', part: 0, words: 'le', postings: '02020002' },
  ],
  sources: [{ source_id: 1, tokens: 11, places: '0000' }],
};
const KNOWN_LONG = { rows: 231, sha256: '2fbee0f50f1b56b5c23c38def109d6aa552dddcb71fbf1acebae447a0ecd85f8' };
