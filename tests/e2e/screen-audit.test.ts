// The leftover detector the screen walk relies on: it must catch a label of the other language,
// a filled-in template and an interface word, and leave the user's own French alone.
import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/catalogue.ts';
import { Leftovers } from './screen-audit.ts';

const stored = ['Entretien 1 — coordinatrice du CLSM', 'Le secret partagé ne me gêne pas, aucun souci.'];
const userData = { values: new Set(stored), names: stored, whole: stored.join('\n') };
const fr = translator('fr');
const en = translator('en');

describe('leftovers of the other language', () => {
  it('in English, flags French labels, filled French templates and French interface words', () => {
    const check = new Leftovers('en', userData);
    expect(check.check(fr('app.close'))).toBe('catalogue');
    expect(check.check(fr('app.coderIs', { name: 'Camille' }))).toBe('catalogue template');
    expect(check.check('Voir les extraits du code')).toMatch(/^word/);
    expect(check.check(en('app.close'))).toBeNull();
    expect(check.check(en('app.coderIs', { name: 'Camille' }))).toBeNull();
  });

  it('in French, flags English labels and leaves French ones', () => {
    const check = new Leftovers('fr', userData);
    expect(check.check(en('app.close'))).toBe('catalogue');
    expect(check.check('Delete this code')).toMatch(/^word/);
    expect(check.check(fr('app.close'))).toBeNull();
  });

  it('never counts what the user wrote: names, snippets of their text, labels quoting them', () => {
    const check = new Leftovers('en', userData);
    expect(check.check('Entretien 1 — coordinatrice du CLSM')).toBeNull();
    expect(check.check('…ne me gêne pas, aucun souci.')).toBeNull();
    expect(check.check('Entretien 1 — coordinatrice du CLSM — …ne me gêne pas, aucun')).toBeNull();
    expect(check.check('Text of “Entretien 1 — coordinatrice du CLSM”')).toBeNull();
    expect(check.check('Projects in /home/moi/projet/backups')).toBeNull();
  });
});
