import { describe, expect, it } from 'vitest';
import { foldLigatures, ligatureSpellings } from '../../text/ligatures.ts';

describe('œ/æ spellings', () => {
  it('writes the ligatures out as two letters, keeping the length of everything else', () => {
    expect(foldLigatures('Œuvre, cœur, Ætna, æther')).toBe('OEuvre, coeur, AEtna, aether');
  });

  it('swaps oe/œ and ae/æ both ways, the typed spelling first', () => {
    expect(ligatureSpellings('coeur')).toEqual(['coeur', 'cœur']);
    expect(ligatureSpellings('cœur')).toEqual(['cœur', 'coeur']);
    expect(ligatureSpellings('vitae')).toEqual(['vitae', 'vitæ']);
    expect(ligatureSpellings('secret partage')).toEqual(['secret partage']);
  });

  it('gives every mix for a few ligatures, and at most 8 spellings, all-plain and all-ligature among them', () => {
    expect(ligatureSpellings('sœur et coeur').sort()).toEqual(['soeur et coeur', 'soeur et cœur', 'sœur et coeur', 'sœur et cœur']);
    const many = ligatureSpellings('oe oe oe oe oe');
    expect(many).toHaveLength(8);
    expect(new Set(many).size).toBe(8);
    expect(many.slice(0, 2)).toEqual(['oe oe oe oe oe', 'œ œ œ œ œ']);
    expect(ligatureSpellings('œ oe œ oe').slice(0, 3)).toEqual(['œ oe œ oe', 'oe oe oe oe', 'œ œ œ œ']);
  });

  it('lets a prefix end in the first letter of a ligature', () => {
    expect(ligatureSpellings('co', { prefix: true })).toEqual(['co', 'cœ']);
    expect(ligatureSpellings('co')).toEqual(['co']);
  });
});
