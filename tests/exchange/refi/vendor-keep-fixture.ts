// A .qdpx written the way NVivo and MAXQDA write theirs, holding what a round trip through Tresse
// must keep: a user who coded nothing, selections carrying several codings (by two users), codes
// without a colour, empty and absent descriptions, a note referenced from several elements and
// linked to a case and a source, a variable that no one has a value for, upper-case braced GUIDs.
import { rangeOf, zip } from './fixtures.ts';

export const KEEP = {
  project: 'Habitat inclusif — vague 2',
  users: {
    ines: 'A1B2C3D4-0000-4000-8000-000000000001',
    marc: 'a1b2c3d4-0000-4000-8000-000000000002',
    // Supervisor: reads and annotates, codes nothing.
    sofia: 'a1b2c3d4-0000-4000-8000-000000000003',
  },
  codes: {
    lien: 'b0000000-0000-4000-8000-000000000001',
    voisinage: 'b0000000-0000-4000-8000-000000000002',
    isolement: 'b0000000-0000-4000-8000-000000000003',
    aides: 'b0000000-0000-4000-8000-000000000004',
    // No colour, empty description.
    divers: 'b0000000-0000-4000-8000-000000000005',
  },
  sources: { e1: 'c0000000-0000-4000-8000-000000000001', e2: 'c0000000-0000-4000-8000-000000000002' },
  selections: {
    // Two codes by two users on one selection, with a description.
    double: 'd0000000-0000-4000-8000-000000000001',
    single: 'd0000000-0000-4000-8000-000000000002',
    // Three codings on one selection.
    triple: 'd0000000-0000-4000-8000-000000000003',
    other: 'd0000000-0000-4000-8000-000000000004',
  },
  // A set of sources (with a description) and a set of codes, GUIDs in the vendor's capitals.
  sets: { wave: 'F0000000-0000-4000-8000-000000000001', question: 'F0000000-0000-4000-8000-000000000002' },
  codings: [
    'e0000000-0000-4000-8000-000000000001',
    'e0000000-0000-4000-8000-000000000002',
    'e0000000-0000-4000-8000-000000000003',
    'e0000000-0000-4000-8000-000000000004',
    'e0000000-0000-4000-8000-000000000005',
    'e0000000-0000-4000-8000-000000000006',
    'e0000000-0000-4000-8000-000000000007',
  ],
  cases: { p1: 'f0000000-0000-4000-8000-000000000001', p2: 'f0000000-0000-4000-8000-000000000002' },
  variables: {
    age: '90000000-0000-4000-8000-000000000001',
    site: '90000000-0000-4000-8000-000000000002',
    // Declared, no value anywhere yet.
    relance: '90000000-0000-4000-8000-000000000003',
  },
  notes: {
    // Referenced from a code and a source, linked to a case.
    shared: '80000000-0000-4000-8000-000000000001',
    onSelection: '80000000-0000-4000-8000-000000000002',
    free: '80000000-0000-4000-8000-000000000003',
  },
  links: { toCase: '70000000-0000-4000-8000-000000000001', toSource: '70000000-0000-4000-8000-000000000002' },
} as const;

export const TEXT_1 = [
  'Enquêteur : Comment se passe la vie dans la maison ?',
  'Habitante : On se voit le soir, on partage les repas, les voisins passent aussi.',
  'Avant j’étais seule, personne ne venait. L’aide à domicile vient deux fois par semaine.',
].join('\n');
export const TEXT_2 = 'Habitant : Le voisinage est calme. Je ne connais pas grand monde encore.';

const up = (g: string) => `{${g.toUpperCase()}}`;

export function keepQde(): string {
  const { users: U, codes: C, sources: S, selections: L, codings: K, cases: P, variables: V, notes: N, links: LK, sets: ST } = KEEP;
  const r1 = rangeOf(TEXT_1, 'On se voit le soir, on partage les repas');
  const r2 = rangeOf(TEXT_1, 'les voisins passent aussi');
  const r3 = rangeOf(TEXT_1, 'Avant j’étais seule, personne ne venait.');
  const r4 = rangeOf(TEXT_2, 'Je ne connais pas grand monde encore.');
  return `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="${KEEP.project}" origin="MAXQDA 24" creatingUserGUID="${up(U.ines)}" creationDateTime="2026-02-01T08:00:00Z">
  <Users>
    <User guid="${up(U.ines)}" name="Inès"/>
    <User guid="${U.marc}" name="Marc"/>
    <User guid="${U.sofia}" name="Sofia (direction)"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="${C.lien}" name="Lien social" isCodable="true" color="#1f77b4">
        <Description>Relations entre habitants et avec l’extérieur.</Description>
        <NoteRef targetGUID="${N.shared}"/>
        <Code guid="${C.voisinage}" name="Voisinage" isCodable="true">
          <Description></Description>
        </Code>
        <Code guid="${C.isolement}" name="Isolement" isCodable="true" color="#D62728"/>
      </Code>
      <Code guid="${C.aides}" name="Aides à domicile" isCodable="true" color="#2ca02c"/>
      <Code guid="${C.divers}" name="Divers" isCodable="false">
        <Description/>
      </Code>
    </Codes>
  </CodeBook>
  <Variables>
    <Variable guid="${V.age}" name="Âge" typeOfVariable="Integer"/>
    <Variable guid="${V.site}" name="Site" typeOfVariable="Text"/>
    <Variable guid="${V.relance}" name="Relancé" typeOfVariable="Boolean"/>
  </Variables>
  <Cases>
    <Case guid="${P.p1}" name="Habitante 1">
      <Description></Description>
      <VariableValue><VariableRef targetGUID="${V.age}"/><IntegerValue>78</IntegerValue></VariableValue>
      <SourceRef targetGUID="${S.e1}"/>
    </Case>
    <Case guid="${P.p2}" name="Habitant 2">
      <VariableValue><VariableRef targetGUID="${V.age}"/><IntegerValue>81</IntegerValue></VariableValue>
      <SourceRef targetGUID="${S.e2}"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="${up(S.e1)}" name="Entretien habitante 1" plainTextPath="internal://${S.e1}.txt" creatingUser="${up(U.ines)}" creationDateTime="2026-02-02T09:00:00Z">
      <PlainTextSelection guid="${up(L.double)}" name="On se voit le soir" startPosition="${r1.start}" endPosition="${r1.end}" creatingUser="${up(U.ines)}" creationDateTime="2026-02-03T10:00:00Z">
        <Description>Repas partagés : moment clé.</Description>
        <Coding guid="${K[0]}" creatingUser="${up(U.ines)}" creationDateTime="2026-02-03T10:00:00Z"><CodeRef targetGUID="${C.lien}"/></Coding>
        <Coding guid="${K[1]}" creatingUser="${U.marc}" creationDateTime="2026-02-04T11:00:00Z"><CodeRef targetGUID="${C.voisinage}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${L.single}" name="les voisins passent" startPosition="${r2.start}" endPosition="${r2.end}" creatingUser="${U.marc}" creationDateTime="2026-02-04T11:05:00Z">
        <Coding guid="${K[2]}" creatingUser="${U.marc}" creationDateTime="2026-02-04T11:05:00Z"><CodeRef targetGUID="${C.voisinage}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${L.triple}" name="Avant j’étais seule" startPosition="${r3.start}" endPosition="${r3.end}" creatingUser="${up(U.ines)}" creationDateTime="2026-02-03T10:10:00Z">
        <Coding guid="${K[3]}" creatingUser="${up(U.ines)}" creationDateTime="2026-02-03T10:10:00Z"><CodeRef targetGUID="${C.isolement}"/></Coding>
        <Coding guid="${K[4]}" creatingUser="${up(U.ines)}" creationDateTime="2026-02-03T10:10:00Z"><CodeRef targetGUID="${C.lien}"/></Coding>
        <Coding guid="${K[5]}" creatingUser="${U.marc}" creationDateTime="2026-02-04T11:10:00Z"><CodeRef targetGUID="${C.isolement}"/></Coding>
      </PlainTextSelection>
      <NoteRef targetGUID="${N.shared}"/>
      <VariableValue><VariableRef targetGUID="${V.site}"/><TextValue>Lyon</TextValue></VariableValue>
    </TextSource>
    <TextSource guid="${S.e2}" name="Entretien habitant 2" plainTextPath="internal://${S.e2}.txt" creatingUser="${U.marc}" creationDateTime="2026-02-05T09:00:00Z">
      <Description></Description>
      <PlainTextSelection guid="${L.other}" startPosition="${r4.start}" endPosition="${r4.end}" creatingUser="${U.marc}" creationDateTime="2026-02-05T09:30:00Z">
        <Coding guid="${K[6]}" creatingUser="${U.marc}" creationDateTime="2026-02-05T09:30:00Z"><CodeRef targetGUID="${C.isolement}"/></Coding>
        <NoteRef targetGUID="${N.onSelection}"/>
      </PlainTextSelection>
      <VariableValue><VariableRef targetGUID="${V.site}"/><TextValue>Grenoble</TextValue></VariableValue>
    </TextSource>
  </Sources>
  <Notes>
    <Note guid="${N.shared}" name="Repères de la vague 2" creatingUser="${U.sofia}" creationDateTime="2026-02-06T08:00:00Z">
      <PlainTextContent>Comparer avec la vague 1 : la sociabilité des repas.</PlainTextContent>
    </Note>
    <Note guid="${N.onSelection}" name="À relancer" creatingUser="${U.sofia}">
      <PlainTextContent>Demander qui il connaît déjà.</PlainTextContent>
    </Note>
    <Note guid="${N.free}" name="Idées" creatingUser="${U.sofia}">
      <PlainTextContent>Un troisième entretien ?</PlainTextContent>
    </Note>
  </Notes>
  <Links>
    <Link guid="${LK.toCase}" name="Mémo" direction="OneWay" originGUID="${N.shared}" targetGUID="${P.p1}"/>
    <Link guid="${LK.toSource}" name="Mémo" direction="OneWay" originGUID="${N.shared}" targetGUID="${S.e2}"/>
  </Links>
  <Sets>
    <Set guid="${ST.wave}" name="Vague 2 — site Nord">
      <Description>Entretiens menés à Lille</Description>
      <MemberSource targetGUID="${S.e1}"/>
      <MemberSource targetGUID="${S.e2}"/>
    </Set>
    <Set guid="${ST.question}" name="Question 1 : le lien social">
      <MemberCode targetGUID="${C.lien}"/>
      <MemberCode targetGUID="${C.isolement}"/>
    </Set>
  </Sets>
</Project>
`;
}

export function keepQdpx(): Uint8Array {
  return zip({ 'project.qde': keepQde(), [`sources/${KEEP.sources.e1}.txt`]: TEXT_1, [`sources/${KEEP.sources.e2}.txt`]: TEXT_2 });
}
