import { describe, expect, it } from 'vitest';
import { applyReplacements } from '../../text/remap.ts';
import { NameMatcher, nameForms, type NameEntry } from '../../text/name-match.ts';

// How a person's name is found in text to be pseudonymised: names given with a title or with
// initials match as a whole, never the bare title or a lone initial, and longer names win.

function replaced(entries: NameEntry[], text: string): string {
  const matches = new NameMatcher(entries).find(text);
  return applyReplacements(
    text,
    matches.map((m) => ({ start: m.start, end: m.end, text: m.replacement })),
  );
}

const found = (entries: NameEntry[], text: string) => new NameMatcher(entries).find(text).map((m) => m.found);

const monsieurB: NameEntry = { id: 1, realName: 'Monsieur B.', pseudonym: 'Monsieur K.' };

describe('names with a title', () => {
  it('matches "Monsieur B." as a whole, under any spelling of the title, and keeps the title found', () => {
    const text = 'Monsieur B. est venu ; j’ai revu monsieur B. puis M. B. au CCAS. MONSIEUR B. signe.';
    expect(found([monsieurB], text)).toEqual(['Monsieur B.', 'monsieur B.', 'M. B.', 'MONSIEUR B.']);
    expect(replaced([monsieurB], text)).toBe('Monsieur K. est venu ; j’ai revu monsieur K. puis M. K. au CCAS. MONSIEUR K. signe.');
  });

  it('never matches the bare title nor the lone initial', () => {
    const text = 'Le monsieur du troisième, Monsieur, a dit : « monsieur b. » n’est pas lui. Voir le point B. du rapport. Madame Roux aussi.';
    expect(found([monsieurB], text)).toEqual([]);
    // No form of a titled name is a title alone or an initial alone.
    for (const realName of ['Monsieur B.', 'Mme D.', 'Dr Roux', 'Madame Marie Roux']) {
      const forms = nameForms({ id: 1, realName, pseudonym: 'Paul K.' }).map((f) => f.form.toLowerCase());
      for (const bare of ['monsieur', 'madame', 'mme', 'dr', 'b.', 'd.', 'm.']) expect(forms, realName).not.toContain(bare);
    }
  });

  it('keeps the name part in the case written: "Madame Rose" is not the flower', () => {
    const rose: NameEntry = { id: 1, realName: 'Madame Rose', pseudonym: 'Madame Violette' };
    expect(replaced([rose], 'Madame Rose a offert une rose ; Mme Rose, madame Rose et MADAME ROSE.')).toBe(
      'Madame Violette a offert une rose ; Mme Violette, madame Violette et MADAME VIOLETTE.',
    );
  });

  it('replaces the whole titled name by a pseudonym without title', () => {
    const entry: NameEntry = { id: 1, realName: 'Docteur Marie Roux', pseudonym: 'Anne Petit' };
    expect(replaced([entry], 'Le Dr Marie Roux suit Mme X ; Marie Roux aussi.')).toBe('Le Anne Petit suit Mme X ; Anne Petit aussi.');
  });
});

describe('names with initials', () => {
  it('does not half-replace "Marie-Claire D." by the rule for another person’s "Marie"', () => {
    const entries: NameEntry[] = [
      { id: 1, realName: 'Marie-Claire D.', pseudonym: 'Louise M.' },
      { id: 2, realName: 'Marie Durand', pseudonym: 'Anne Petit' },
    ];
    expect(replaced(entries, 'Marie-Claire D. a appelé Marie. Marie D. aussi, puis Marie-Claire.')).toBe(
      'Louise M. a appelé Anne. Anne P. aussi, puis Louise.',
    );
  });

  it('matches initials only in capitals, and not a lone initial cut out of the name', () => {
    const entry: NameEntry = { id: 1, realName: 'Marie-Claire Dupont', pseudonym: 'Louise Martin' };
    expect(found([entry], 'M.-C. Dupont, MC Dupont, mc dupont, m.-c. Dupont')).toEqual(['M.-C. Dupont', 'MC Dupont', 'dupont', 'Dupont']);
    const initialsOnly: NameEntry = { id: 1, realName: 'M.-C. D.', pseudonym: 'L. M.' };
    expect(found([initialsOnly], 'M.-C. D. est là ; D. et C. ne sont pas elle ; m.-c. d. non plus.')).toEqual(['M.-C. D.']);
  });
});
