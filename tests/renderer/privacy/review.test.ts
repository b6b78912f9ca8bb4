// What the confidentiality views compute before asking the API: where a match is, the filters by
// person and place, which ids are sent, and how sizes, corrections and contexts are worded.
import { describe, expect, it } from 'vitest';
import { catalogue, translator } from '../../../i18n/catalogue.ts';
import { errorMessages } from '../../../i18n/errors.ts';
import { uiMessages } from '../../../i18n/ui.ts';
import { codingMessages } from '../../../i18n/ui-coding.ts';
import { privacyMessages } from '../../../i18n/ui-privacy.ts';
import { changeContext, ellipsed, formatSize, shiftKind } from '../../../renderer/panels/privacy/format.ts';
import { acceptedIds, filterMatches, placeLabel, placesOf, setTicked } from '../../../renderer/panels/privacy/matches.ts';
import type { PseudonymMatch } from '../../../service/pseudonymise.ts';
import type { CodingShift } from '../../../service/text-change.ts';

const interview = { kind: 'source' as const, sourceId: 2, name: 'entretien-P1' };
const observation = { kind: 'source' as const, sourceId: 1, name: 'observation-comite' };
const caseField = { kind: 'field' as const, table: 'cases', column: 'description', rowId: 4 };

function match(id: string, target: PseudonymMatch['target'], entryId: number, found: string): PseudonymMatch {
  return { id, target, start: 0, end: found.length, found, replacement: 'X', entryId, before: '', after: '' };
}

const MATCHES = [
  match('s1:10-20', observation, 1, 'Dupont'),
  match('s2:0-19', interview, 1, 'Marie-Claire Dupont'),
  match('s2:40-46', interview, 2, 'Bernard'),
  match('cases.description#4:0-6', caseField, 1, 'Dupont'),
];

describe('reviewing pseudonym matches', () => {
  it('filters by person, by place, and by both', () => {
    expect(filterMatches(MATCHES, { entryId: 1, place: null }).map((m) => m.id)).toEqual(['s1:10-20', 's2:0-19', 'cases.description#4:0-6']);
    expect(filterMatches(MATCHES, { entryId: null, place: 's2' }).map((m) => m.id)).toEqual(['s2:0-19', 's2:40-46']);
    expect(filterMatches(MATCHES, { entryId: 2, place: 's1' })).toEqual([]);
    expect(filterMatches(MATCHES, { entryId: null, place: null })).toHaveLength(4);
  });

  it('lists each place once with its count, in preview order', () => {
    expect(placesOf(MATCHES).map((p) => [p.key, p.count])).toEqual([
      ['s1', 1],
      ['s2', 2],
      ['cases.description#4', 1],
    ]);
  });

  it('names a source by its name and a field by what it belongs to, never by a row number, in the interface language', () => {
    const fr = (target: PseudonymMatch['target']) => placeLabel(target, translator('fr'));
    const en = (target: PseudonymMatch['target']) => placeLabel(target, translator('en'));
    expect(fr(interview)).toBe('entretien-P1');
    expect(fr({ ...caseField, name: 'P2' })).toBe('description de cas « P2 »');
    expect(en({ ...caseField, name: 'P2' })).toBe('case description "P2"');
    const memo = { kind: 'field' as const, table: 'memos', column: 'text', rowId: 1 };
    expect(fr({ ...memo, name: 'Suivi', parent: { kind: 'case', name: 'P2' } })).toBe('mémo « Suivi » (cas « P2 »)');
    expect(fr({ ...memo, parent: { kind: 'project', name: '' } })).toBe('mémo (projet)');
    expect(en({ ...memo, parent: { kind: 'source', name: 'entretien-P1' } })).toBe('memo (source "entretien-P1")');
    const speaker = { kind: 'field' as const, table: 'source_structure', column: 'speaker', rowId: 2, segment: 5 };
    expect(fr({ ...speaker, label: 'Marie Dupont', parent: { kind: 'source', name: 'entretien-P1' } })).toBe(
      'locuteur « Marie Dupont » (source « entretien-P1 »)',
    );
    // Only when the project could not say what the row is.
    expect(fr(caseField)).toBe('description de cas n° 4');
  });

  it('lists each speaker label of a source as its own place', () => {
    const speaker = (segment: number, label: string) =>
      match(`sp${segment}`, { kind: 'field', table: 'source_structure', column: 'speaker', rowId: 2, segment, label }, 1, label);
    const places = placesOf([speaker(0, 'Marie Dupont'), speaker(2, 'Marie Dupont'), speaker(3, 'Mme Dupont')]);
    expect(places.map((p) => p.count)).toEqual([2, 1]);
  });

  it('ticks or unticks only the matches shown, and sends the ticked ids in preview order', () => {
    let ticked = new Set(MATCHES.map((m) => m.id));
    const shownInInterview = filterMatches(MATCHES, { entryId: null, place: 's2' });
    ticked = setTicked(ticked, shownInInterview, false);
    expect(acceptedIds(MATCHES, ticked)).toEqual(['s1:10-20', 'cases.description#4:0-6']);
    ticked = setTicked(ticked, [MATCHES[2]!], true);
    expect(acceptedIds(MATCHES, ticked)).toEqual(['s1:10-20', 's2:40-46', 'cases.description#4:0-6']);
  });

  it('puts an ellipsis only where the text goes on beyond the context', () => {
    expect(ellipsed('P1 : ', ' coordonne\nla cellule', 40)).toEqual({ before: 'P1 : ', after: ' coordonne la cellule' });
    const long = 'x'.repeat(40);
    expect(ellipsed(long, long, 40)).toEqual({ before: `…${long}`, after: `${long}…` });
  });
});

describe('wording backups and corrections', () => {
  it('gives sizes in binary units, French and English', () => {
    expect(formatSize(512, 'fr')).toBe('512 octets');
    expect(formatSize(266_240, 'fr')).toBe('260 Kio');
    expect(formatSize(1_572_864, 'fr')).toBe('1,5 Mio');
    expect(formatSize(1_572_864, 'en')).toBe('1.5 MiB');
  });

  it('tells a coding that grew from one that shrank or only changed words', () => {
    const shift = (before: [number, number], after: [number, number]): CodingShift => ({
      codingId: 1,
      codeId: 1,
      codeName: 'CL1',
      coderName: 'Camille',
      before: { start: before[0], end: before[1], text: '' },
      after: { start: after[0], end: after[1], text: '' },
      hasMemo: false,
    });
    expect(shiftKind(shift([10, 40], [10, 44]))).toBe('grown');
    expect(shiftKind(shift([10, 40], [12, 36]))).toBe('shrunk');
    expect(shiftKind(shift([10, 40], [11, 41]))).toBe('reworded');
  });

  it('shows a change with the words around it, counted in code points', () => {
    const text = 'Qui coordone la cellule de cas complexes ? 🙂 fin';
    expect(changeContext(text, { start: 10, end: 10 }, 6)).toEqual({ before: '…coordo', after: 'ne la …' });
    const emoji = Array.from(text).indexOf('🙂');
    expect(changeContext(text, { start: emoji, end: emoji + 1 }, 4)).toEqual({ before: '…s ? ', after: ' fin' });
  });
});

describe('the confidentiality labels', () => {
  it('are all in the catalogue as written here, none hidden by or hiding another file’s key', () => {
    const elsewhere = { ...errorMessages, ...uiMessages, ...codingMessages };
    for (const [key, entry] of Object.entries(privacyMessages)) {
      expect(Object.hasOwn(elsewhere, key), key).toBe(false);
      expect((catalogue as Record<string, unknown>)[key], key).toBe(entry);
    }
  });
});
