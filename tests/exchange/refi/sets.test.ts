// Sets as other tools write them (NVivo sets, MAXQDA document and code sets, ATLAS.ti groups):
// GUIDs in braces and upper case, a set naming a member that is nowhere, a set mixing sources and
// codes, a memo as a member, two sets with one GUID. Then a round trip of the snapshot through the
// writer, checked against the official schema.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../../exchange/refi/read-project.ts';
import { codesHalfGuid } from '../../../exchange/refi/read-sets.ts';
import { DONE_SET } from '../../../exchange/refi/snapshot.ts';
import { writeProject } from '../../../exchange/refi/write-project.ts';
import { schemaErrors, zip } from './fixtures.ts';

const USER = 'AAAAAAAA-1111-4111-8111-000000000001';
const CODE_A = 'C0DE0000-2222-4222-8222-000000000001';
const CODE_B = 'C0DE0000-2222-4222-8222-000000000002';
const SRC_1 = 'B0B00000-3333-4333-8333-000000000001';
const SRC_2 = 'B0B00000-3333-4333-8333-000000000002';
const NOTE = 'D0C00000-9999-4999-8999-000000000001';
const GONE = 'DEAD0000-0000-4000-8000-000000000000';
const SET_SITE = '5E700000-aaaa-4aaa-8aaa-000000000001';
const SET_MIXED = '5E700000-aaaa-4aaa-8aaa-000000000002';
const SET_CODES = '5E700000-aaaa-4aaa-8aaa-000000000003';
const SET_EMPTY = '5E700000-aaaa-4aaa-8aaa-000000000004';

const lower = (g: string) => g.toLowerCase();

function vendorFile(): Uint8Array {
  const source = (guid: string, name: string) =>
    `<TextSource guid="{${guid}}" name="${name}" plainTextPath="internal://${guid}.txt" creatingUser="{${USER}}"/>`;
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Vagues" origin="MAXQDA 2022" creatingUserGUID="{${USER}}">
  <Users><User guid="{${USER}}" name="Léa R."/></Users>
  <CodeBook><Codes>
    <Code guid="{${CODE_A}}" name="Partenariat" isCodable="true"/>
    <Code guid="{${CODE_B}}" name="Freins" isCodable="true"/>
  </Codes></CodeBook>
  <Sources>${source(SRC_1, 'Entretien Lyon')}${source(SRC_2, 'Entretien Brest')}</Sources>
  <Notes><Note guid="{${NOTE}}" name="Journal"><PlainTextContent>Réunion.</PlainTextContent></Note></Notes>
  <Sets>
    <Set guid="{${SET_SITE}}" name="Site Lyon">
      <Description>Vague de mars</Description>
      <MemberSource targetGUID="{${SRC_1}}"/>
      <MemberSource targetGUID="{${GONE}}"/>
    </Set>
    <Set guid="{${SET_MIXED}}" name="Question 1">
      <MemberCode targetGUID="{${CODE_A}}"/>
      <MemberSource targetGUID="{${SRC_2}}"/>
      <MemberNote targetGUID="{${NOTE}}"/>
    </Set>
    <Set guid="{${SET_CODES}}" name="Freins et leviers">
      <MemberCode targetGUID="{${CODE_A}}"/>
      <MemberCode targetGUID="{${CODE_B}}"/>
    </Set>
    <Set guid="{${SET_CODES}}" name="Doublon"><MemberCode targetGUID="{${CODE_B}}"/></Set>
    <Set guid="{${SET_EMPTY}}" name="À trier"/>
  </Sets>
</Project>`;
  return zip({ 'project.qde': qde, [`sources/${SRC_1}.txt`]: 'Premier entretien, à Lyon.', [`sources/${SRC_2}.txt`]: 'Second entretien, à Brest.' });
}

describe('REFI-QDA sets', () => {
  it('imports sets of sources and of codes with their GUIDs, names, descriptions and members', () => {
    const { snapshot, warnings } = readProject(vendorFile());
    expect(snapshot.sets).toEqual([
      { guid: lower(SET_SITE), name: 'Site Lyon', description: 'Vague de mars', kind: 'sources', memberGuids: [lower(SRC_1)] },
      // Sources and codes in one set: two sets of the same name, the sources one keeping the GUID.
      { guid: lower(SET_MIXED), name: 'Question 1', description: '', kind: 'sources', memberGuids: [lower(SRC_2)] },
      { guid: codesHalfGuid(lower(SET_MIXED)), name: 'Question 1', description: '', kind: 'codes', memberGuids: [lower(CODE_A)] },
      { guid: lower(SET_CODES), name: 'Freins et leviers', description: '', kind: 'codes', memberGuids: [lower(CODE_A), lower(CODE_B)] },
      { guid: lower(SET_EMPTY), name: 'À trier', description: '', kind: 'sources', memberGuids: [] },
    ]);
    expect(warnings.map((w) => [w.code, w.params])).toEqual([
      ['refi.setMembersMissing', { name: 'Site Lyon', count: 1 }],
      ['refi.setNotesSkipped', { name: 'Question 1', count: 1 }],
      ['refi.setSplit', { name: 'Question 1' }],
      ['refi.duplicateGuid', { kind: 'set', guid: lower(SET_CODES) }],
    ]);
    expect(warnings[0]!.fr).toBe(
      'Ensemble « Site Lyon » : 1 membre(s) ne renvoient à aucune source ni aucun code importé : ignoré(s) ; l’ensemble est gardé avec ses autres membres.',
    );
    expect(warnings[2]!.en).toBe('Set "Question 1": it mixed sources and codes; kept as two sets of the same name, one of sources, one of codes.');
    // Nothing else of the file is lost on the way.
    expect(snapshot.sources).toHaveLength(2);
    expect(snapshot.memos.map((m) => m.name)).toEqual(['Journal']);
  });

  it('writes them back, schema-valid, and reads back the same sets; the "coding done" sets stay done marks', async () => {
    const { snapshot } = readProject(vendorFile());
    snapshot.done = [{ userGuid: lower(USER), sourceGuids: [lower(SRC_1)] }];
    const bytes = writeProject(snapshot);
    const qde = strFromU8(unzipSync(bytes)['project.qde']!);
    expect(await schemaErrors(qde, 'Project.xsd')).toEqual([]);
    expect(qde.match(/<Set /g)).toHaveLength(6);
    expect(qde).toContain(`<Set guid="${DONE_SET.guidOf(lower(USER))}"`);
    const again = readProject(bytes);
    expect(again.snapshot.sets).toEqual(snapshot.sets);
    expect(again.snapshot.done).toEqual(snapshot.done);
    expect(again.warnings).toEqual([]);
  });
});
