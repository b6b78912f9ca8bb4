import { describe, expect, it } from 'vitest';
import { parseSourceFile } from '../../../exchange/import/index.ts';
import { utf8 } from '../../fixtures/import/make.ts';
import { covered, expectWellFormed, sectionsOf, turnsOf } from './helpers.ts';

const NOTES = [
  '# Carnet de bord',
  'Semaine 1 : premiers contacts 🙂.',
  '## Lundi 4 mars',
  'Appel à la coordinatrice, rendez-vous fixé.',
  '### Remarques',
  'Elle semble *très* disponible.',
  '## Mardi 5 mars ##',
  '```',
  '# pas un titre : code collé',
  '```',
  '# Entretien 1',
  '[00:00:04] Enquêtrice : On peut commencer ?',
  'Marie : Oui.',
  '#### Trop court pour un titre ?',
  '#sans-espace n’est pas un titre',
].join('\n');

describe('markdown', () => {
  it('keeps the markdown as written and turns # headings into nested sections', async () => {
    const r = await parseSourceFile(utf8(NOTES), 'carnet.md');
    expect(r.format).toBe('md');
    expect(r.text).toBe(NOTES);
    const sections = sectionsOf(r);
    expect(sections.map((s) => [s.heading, s.level])).toEqual([
      ['Carnet de bord', 1],
      ['Lundi 4 mars', 2],
      ['Remarques', 3],
      ['Mardi 5 mars', 2],
      ['Entretien 1', 1],
      ['Trop court pour un titre ?', 4],
    ]);
    // A section runs to the next heading of the same or a higher level.
    expect(covered(r, sections[1]!)).toBe('## Lundi 4 mars\nAppel à la coordinatrice, rendez-vous fixé.\n### Remarques\nElle semble *très* disponible.\n');
    expect(covered(r, sections[0]!)).toBe(NOTES.slice(0, NOTES.indexOf('# Entretien 1')));
    expect(covered(r, sections[3]!)).toBe('## Mardi 5 mars ##\n```\n# pas un titre : code collé\n```\n');
    expect(sections[4]!.end).toBe([...NOTES].length);
    expectWellFormed(r);
  });

  it('ends a turn at the next heading', async () => {
    const r = await parseSourceFile(utf8(NOTES), 'carnet.markdown');
    expect(turnsOf(r).map((t) => [t.speaker, t.timestampMs, covered(r, t)])).toEqual([
      ['Enquêtrice', 4000, '[00:00:04] Enquêtrice : On peut commencer ?\n'],
      ['Marie', null, 'Marie : Oui.\n'],
    ]);
    // Sections come before turns that start at the same place, and everything is in text order.
    const starts = r.structure.map((s) => s.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});
