import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseSourceFile } from '../../../exchange/import/index.ts';
import { makeOdt, ODT_CONTENT } from '../../fixtures/import/make.ts';
import { covered, expectWellFormed, failure, sectionsOf, turnsOf, noteTexts } from './helpers.ts';

describe('odt', () => {
  it('reads headings, paragraphs, spans, spaces, tabs, line breaks, lists and tables', async () => {
    const r = await parseSourceFile(makeOdt(), 'reunion.odt');
    expect(r.format).toBe('odt');
    expect(r.encoding).toBeNull();
    expect(r.text.split('\n')).toEqual([
      'Réunion de concertation',
      'Date : 4 avril. Lieu : mairie annexe.',
      'Tour de table',
      // Collapsed white space in character data, three spaces from " " + <text:s text:c="2"/>.
      'Coordinatrice : Nous commençons par la situation de M.   B.',
      'Bailleur :\tLe logement est encombré, les voisins se plaignent.',
      'Coordinatrice : Qui peut faire une visite ?',
      'Avant vendredi 🙂 si possible.',
      'visite à domicile',
      'appel au médecin traitant',
      'Décisions',
      'Action\tQui',
      'Visite\tInfirmière de secteur',
      'Bailleur : D’accord.',
    ]);
    expectWellFormed(r);
  });

  it('turns text:h outline levels into sections and finds the turns', async () => {
    const r = await parseSourceFile(makeOdt(), 'reunion.odt');
    expect(sectionsOf(r).map((s) => [s.heading, s.level])).toEqual([
      ['Réunion de concertation', 1],
      ['Tour de table', 2],
      ['Décisions', 2],
    ]);
    const turns = turnsOf(r);
    expect(turns.map((t) => t.speaker)).toEqual(['Coordinatrice', 'Bailleur', 'Coordinatrice', 'Bailleur']);
    expect(covered(r, turns[2]!)).toBe(
      'Coordinatrice : Qui peut faire une visite ?\nAvant vendredi 🙂 si possible.\nvisite à domicile\nappel au médecin traitant\n',
    );
  });

  it('leaves notes and comments out and says so', async () => {
    const r = await parseSourceFile(makeOdt(), 'reunion.odt');
    expect(r.text).not.toContain('anonymisé');
    expect(r.text).not.toContain('à vérifier');
    expect(noteTexts(r)).toEqual(expect.arrayContaining(['1 note de bas de page non importée', '1 commentaire non importé']));
  });

  it('keeps text-box paragraphs after their anchor and leaves image titles and the table of contents out', async () => {
    const content = ODT_CONTENT.replace(
      '<text:h text:outline-level="1">Réunion de concertation</text:h>',
      '<text:table-of-content><text:index-body><text:p>Réunion de concertation 1</text:p></text:index-body></text:table-of-content>' +
        '<text:h text:outline-level="1">Réunion de concertation</text:h>' +
        '<text:p>Plan de la salle<draw:frame xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"><svg:title>Photo de la salle</svg:title>' +
        '<draw:text-box><text:p>Légende : table ronde</text:p></draw:text-box></draw:frame> affiché.</text:p>',
    );
    const r = await parseSourceFile(makeOdt(content), 'cadre.odt');
    expect(r.text.split('\n').slice(0, 3)).toEqual(['Réunion de concertation', 'Plan de la salle affiché.', 'Légende : table ronde']);
    expect(r.text).not.toContain('Photo');
    expect(noteTexts(r)).toContain('Table des matières non importée (elle répète les titres).');
  });

  it('refuses another OpenDocument type, a zip without content.xml, malformed XML and truncation', async () => {
    const sheet = await failure(parseSourceFile(makeOdt(ODT_CONTENT, 'application/vnd.oasis.opendocument.spreadsheet'), 'tableur.odt'));
    expect(sheet).toMatchObject({ code: 'import.otherOdf', params: { mimetype: 'application/vnd.oasis.opendocument.spreadsheet' } });
    const noContent = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text') });
    expect(await failure(parseSourceFile(noContent, 'x.odt'))).toMatchObject({
      code: 'import.missingPart',
      params: { part: 'content.xml', format: 'OpenDocument (.odt)' },
    });
    const malformed = makeOdt(ODT_CONTENT.replace('</text:h>', ''));
    expect((await failure(parseSourceFile(malformed, 'x.odt'))).code).toBe('xml.malformed');
    const whole = makeOdt();
    expect((await failure(parseSourceFile(whole.subarray(0, whole.length - 30), 'x.odt'))).code).toBe('archive.truncated');
  });
});
