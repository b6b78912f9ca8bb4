import { describe, expect, it } from 'vitest';
import { diffTexts } from '../../text/diff.ts';
import { applyReplacements } from '../../text/remap.ts';

// Where diffTexts places a deleted or inserted stretch that could sit at several places: on whole
// lines when it can, so that the line that stays keeps all of its words (and its codings and turn).

const cut = (oldText: string, newText: string) => {
  const reps = diffTexts(oldText, newText);
  expect(applyReplacements(oldText, reps)).toBe(newText);
  const cps = Array.from(oldText);
  return reps.map((r) => ({ old: cps.slice(r.start, r.end).join(''), new: r.text }));
};

describe('diffTexts on lines that look alike', () => {
  it('deletes a whole line rather than the end of one and the start of the next', () => {
    const before = 'P4 : Oui.\nEnquêtrice : Et ensuite ?\nEnquêtrice : Et la cellule ?\n';
    expect(cut(before, 'P4 : Oui.\nEnquêtrice : Et la cellule ?\n')).toEqual([{ old: 'Enquêtrice : Et ensuite ?\n', new: '' }]);
  });

  it('inserts a whole line rather than across two', () => {
    const before = 'P4 : Oui.\nP4 : Le secret partagé.\n';
    expect(cut(before, 'P4 : Oui.\nP4 : Non.\nP4 : Le secret partagé.\n')).toEqual([{ old: '', new: 'P4 : Non.\n' }]);
  });

  it('deletes the last line with the line break before it', () => {
    expect(cut('P4 : Oui.\nP4 : Non.', 'P4 : Oui.')).toEqual([{ old: '\nP4 : Non.', new: '' }]);
  });

  it('deletes a speaker label from the start of its line', () => {
    expect(cut('P4 : Oui.\nEnquêtrice : Et ensuite ?\n', 'P4 : Oui.\nEt ensuite ?\n')).toEqual([{ old: 'Enquêtrice : ', new: '' }]);
  });

  it('still touches only the characters that differ inside a line', () => {
    expect(cut('On se recieve à la cellule.', 'On se receive à la cellule.')).toEqual([{ old: 'ie', new: 'ei' }]);
    expect(cut('le le secret', 'le secret')).toHaveLength(1);
  });
});

describe('diffTexts around a word the edit leaves alone', () => {
  it('keeps the word matched when a changed word elsewhere starts with it', () => {
    // The change at the end ("été40" → "mot1000") leaves "été4" after character trimming; that
    // fragment must not take the place of the real "été4", which only changes neighbours.
    const before = 'secret0 partagé1 été4.\ncellule2 été40\n';
    const after = 'secret0 ajout partagé1.\nété4 cellule2 mot1000\n';
    expect(cut(before, after)).toEqual([
      { old: '', new: 'ajout ' },
      { old: ' ', new: '.\n' },
      { old: '.\n', new: ' ' },
      { old: 'été4', new: 'mot100' },
    ]);
  });
});
