import { describe, expect, it } from 'vitest';
import { foldLigatures } from '../../text/ligatures.ts';

describe('œ/æ spellings', () => {
  it('writes the ligatures out as two letters, keeping the length of everything else', () => {
    expect(foldLigatures('Œuvre, cœur, Ætna, æther')).toBe('OEuvre, coeur, AEtna, aether');
  });
});
