// The exchange report is the reader's own account: counts from the snapshot the import would
// merge, every warning in one of three lists. A file written in another program's manner gets
// each of its oddities listed under the right heading, in French and English.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../../exchange/refi/read-project.ts';
import { exchangeReport } from '../../../exchange/refi/report.ts';
import { WARNING_CATEGORY } from '../../../exchange/refi/warning-categories.ts';
import { warningMessages, type ImportWarning } from '../../../exchange/refi/warnings.ts';
import { writeProject } from '../../../exchange/refi/write-project.ts';
import { sliceCodePoints } from '../../../text/offsets.ts';
import { sampleSnapshot, schemaErrors } from './fixtures.ts';
import { MESSY, MESSY_FIRST_TEXT, messyQdpx } from './report-fixture.ts';

const codes = (list: ImportWarning[]) => list.map((w) => w.code).sort();

describe('the exchange report of a file written in another program’s manner', () => {
  const read = readProject(messyQdpx(), { fileName: 'reseau.qdpx' });
  const report = exchangeReport(read, 'reseau.qdpx');

  it('counts what the import would bring, as the snapshot the import merges holds it', () => {
    const count = Object.fromEntries(report.counts.map((c) => [c.item, c.count]));
    // Two sources (the duplicate left out), two codes (likewise), two codings (the one past the end left out).
    expect(count).toMatchObject({ sources: 2, codes: 2, codings: 2, users: 1, cases: 0, variables: 0, memos: 0 });
    for (const [item, n] of Object.entries(count)) expect((read.snapshot as unknown as Record<string, unknown[]>)[item]).toHaveLength(n);
    expect(report).toMatchObject({ file: 'reseau.qdpx', name: 'Réseau local', origin: 'VendorQDA 2024' });
  });

  it('keeps the first of two elements sharing a GUID and lists the others as errors in the file', () => {
    const source = read.snapshot.sources.find((s) => s.guid === MESSY.source.toLowerCase())!;
    expect(source).toMatchObject({ name: 'Entretien P07', text: MESSY_FIRST_TEXT });
    expect(read.snapshot.codes.find((c) => c.guid === MESSY.trust.toLowerCase())!.name).toBe('Confiance');
    const duplicates = report.badInput.filter((w) => w.code === 'refi.duplicateGuidNamed');
    expect(duplicates.map((w) => w.params)).toEqual([
      { kind: 'code', guid: MESSY.trust.toLowerCase(), name: 'Confiance (copie)' },
      { kind: 'source', guid: MESSY.source.toLowerCase(), name: 'Entretien P07 (doublon)' },
    ]);
    // Unnamed in the message (the reader does not say which of two users it left out), but in the user's words.
    const user = report.badInput.find((w) => w.code === 'refi.duplicateGuid')!;
    expect(user.fr).toBe('Identifiant en double (utilisateur aaaaaaaa-1111-4111-8111-00000000000a) : seul le premier élément est importé.');
    expect(user.en).toBe('Duplicate identifier (user aaaaaaaa-1111-4111-8111-00000000000a): only the first element is imported.');
    expect(read.snapshot.users).toEqual([{ guid: MESSY.user.toLowerCase(), name: 'Ana P.', kept: true }]);
    expect(duplicates[1]!.fr).toBe(
      'Deux éléments (source) portent l’identifiant b0b00000-3333-4333-8333-00000000000a : le premier est importé, « Entretien P07 (doublon) » est laissé de côté avec ce qu’il contient.',
    );
  });

  it('lists the passage past the end of its text as an error and keeps the codings on their words', () => {
    const outside = report.badInput.find((w) => w.code === 'refi.selectionPastEnd')!;
    expect(outside.params).toMatchObject({ name: 'Entretien P07', count: 1 });
    expect(outside.fr).toContain('après la fin de son texte');
    expect(outside.en).toContain('past the end of its text');
    const excerpts = read.snapshot.codings.map((k) => sliceCodePoints(MESSY_FIRST_TEXT, k.start, k.end));
    expect(excerpts).toEqual([...MESSY.passages]);
  });

  it('lists what was adapted: GUIDs lowercased, line ends, encodings, decomposed accents, codings without an author', () => {
    expect(codes(report.adapted)).toEqual([
      'refi.codingsCreditedToCreator',
      'refi.guidsNormalised',
      'refi.lineEndsConverted',
      'refi.namesNormalised',
      'refi.textComposed',
      'refi.textUtf16',
    ]);
    const by = Object.fromEntries(report.adapted.map((w) => [w.code, w]));
    expect(by['refi.lineEndsConverted']!.params).toEqual({ count: 1, names: 'Entretien P07' });
    expect(by['refi.namesNormalised']!.params).toEqual({ count: 1, names: 'Réseau' });
    expect(by['refi.textComposed']!.params).toEqual({ count: 1, names: 'Notes de terrain' });
    expect(by['refi.textUtf16']!.en).toBe('1 text(s) in UTF-16 read and stored as UTF-8: Notes de terrain.');
    expect(read.snapshot.sources.find((s) => s.name === 'Notes de terrain')!.text).toBe(MESSY.secondText);
    expect(by['refi.codingsCreditedToCreator']!.params).toEqual({ count: 1, user: 'Ana P.' });
    expect(by['refi.codingsCreditedToCreator']!.fr).toBe('1 codage(s) sans auteur : attribué(s) à l’auteur du projet (Ana P.).');
    // Every GUID the file writes in capitals and braces, each counted once: user, 2 codes, 3 sources
    // and the missing set member, 4 selections, 4 codings, set, graph.
    expect(by['refi.guidsNormalised']!.params).toEqual({ count: 17 });
  });

  it('lists what cannot be kept: the picture, the set, the graph', () => {
    expect(codes(report.notKept)).toEqual(expect.arrayContaining(['refi.sourceUnsupported', 'refi.graphsSkipped']));
    expect(report.notKept.find((w) => w.code === 'refi.sourceUnsupported')!.en).toContain('"Plan du quartier" is of type picture');
    // Without sets in Tresse the set is skipped; with them, its missing member is an error in the file.
    expect([...report.notKept, ...report.badInput].some((w) => w.fr.includes('Vague 1'))).toBe(true);
  });

  it('sorts every warning into exactly one list', () => {
    expect(report.adapted.length + report.notKept.length + report.badInput.length).toBe(read.warnings.length + read.adaptations.length + read.notKept.length);
    expect(Object.keys(WARNING_CATEGORY).sort()).toEqual(Object.keys(warningMessages).sort());
  });
});

describe('the exchange report of Tresse’s own export', () => {
  it('has nothing adapted, lost or wrong, and counts the project as written', async () => {
    // A project's creator is not kept (so Tresse's exports do not write one).
    const { creatingUserGuid: _creator, ...snapshot } = sampleSnapshot();
    const bytes = writeProject(snapshot);
    expect(await schemaErrors(strFromU8(unzipSync(bytes)['project.qde']!), 'Project.xsd')).toEqual([]);
    const report = exchangeReport(readProject(bytes, { fileName: 'tresse.qdpx' }), 'tresse.qdpx');
    expect({ adapted: report.adapted, notKept: report.notKept, badInput: report.badInput }).toEqual({ adapted: [], notKept: [], badInput: [] });
    const count = Object.fromEntries(report.counts.map((c) => [c.item, c.count]));
    expect(count).toMatchObject({ users: 2, codes: 5, sources: 3, codings: 5, cases: 2, variables: 6, memos: 6 });
  });
});
