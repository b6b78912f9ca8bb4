// A .qdpx written the way another program writes it, with something of every kind the exchange
// report sorts: upper-case braced GUIDs, Windows line ends, a text in UTF-16 and decomposed accents,
// a name in decomposed accents, codings
// without an author (credited to the project's author), a picture, a set naming a missing source,
// a graph; and bad input: a passage past the end of its text, two sources, two codes and two users
// sharing a GUID. Shared by the report's tests (reader, contract, command line, browser).
import { rangeOf, utf16leBom, utf8Bom, zip } from './fixtures.ts';

export const MESSY = {
  user: 'AAAAAAAA-1111-4111-8111-00000000000A',
  trust: 'C0DE0000-2222-4222-8222-00000000000A',
  network: 'C0DE0000-2222-4222-8222-00000000000B',
  source: 'B0B00000-3333-4333-8333-00000000000A',
  other: 'B0B00000-3333-4333-8333-00000000000B',
  missing: 'B0B00000-3333-4333-8333-0000000000FF',
  firstText: [
    'Enquêtrice : Comment travaillez-vous avec le réseau ?',
    'P07 : On se fait confiance, on s’appelle directement.',
    'P07 : Le réseau tient grâce aux réunions.',
  ].join('\r\n'),
  secondText: 'Notes de terrain : réunion du réseau, douze présents.',
  duplicateText: 'Un autre texte sous le même identifiant.',
  /** The passages the codings on the first source select, in the text as Tresse keeps it (LF). */
  passages: ['On se fait confiance', 'Le réseau tient grâce aux réunions'],
} as const;

/** The first source's text as Tresse stores it. */
export const MESSY_FIRST_TEXT = MESSY.firstText.replace(/\r\n/g, '\n');

function selection(guid: string, range: { start: number; end: number }, code: string, user?: string): string {
  const by = user ? ` creatingUser="{${user}}"` : '';
  return `<PlainTextSelection guid="{${guid}}" startPosition="${range.start}" endPosition="${range.end}"><Coding guid="{${guid.replace(/^5E/, 'C1')}}"${by}><CodeRef targetGUID="{${code}}"/></Coding></PlainTextSelection>`;
}

export function messyQde(): string {
  const m = MESSY;
  // Positions counted in the file as written (CRLF = 2), as the standard reads it.
  const trust = rangeOf(m.firstText, m.passages[0]);
  const network = rangeOf(m.firstText, m.passages[1]);
  const past = { start: 400, end: 420 };
  return `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Réseau local" origin="VendorQDA 2024" creatingUserGUID="{${m.user}}">
  <Users><User guid="{${m.user}}" name="Ana P."/><User guid="{${m.user}}" name="Ana (ancien compte)"/></Users>
  <CodeBook><Codes>
    <Code guid="{${m.trust}}" name="Confiance" isCodable="true" color="#AA3300"/>
    <Code guid="{${m.trust}}" name="Confiance (copie)" isCodable="true"/>
    <Code guid="{${m.network}}" name="${'Re\u0301seau'}" isCodable="true"/>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="{${m.source}}" name="Entretien P07" plainTextPath="internal://p07.txt">
      ${selection('5E000000-8888-4888-8888-000000000001', trust, m.trust)}
      ${selection('5E000000-8888-4888-8888-000000000002', network, m.network, m.user)}
      ${selection('5E000000-8888-4888-8888-000000000003', past, m.trust, m.user)}
    </TextSource>
    <TextSource guid="{${m.other}}" name="Notes de terrain" plainTextPath="internal://notes.txt"/>
    <TextSource guid="{${m.source}}" name="Entretien P07 (doublon)" plainTextPath="internal://doublon.txt">
      ${selection('5E000000-8888-4888-8888-000000000004', { start: 0, end: 9 }, m.trust, m.user)}
    </TextSource>
    <PictureSource guid="{B0B00000-3333-4333-8333-0000000000AA}" name="Plan du quartier" path="internal://plan.png"/>
  </Sources>
  <Sets><Set guid="{5E700000-9999-4999-8999-000000000001}" name="Vague 1"><MemberSource targetGUID="{${m.source}}"/><MemberSource targetGUID="{${m.missing}}"/></Set></Sets>
  <Graphs><Graph guid="{6A000000-9999-4999-8999-000000000001}" name="Carte du réseau"/></Graphs>
</Project>`;
}

export function messyQdpx(): Uint8Array {
  return zip({
    'project.qde': messyQde(),
    'sources/p07.txt': utf8Bom(MESSY.firstText),
    // UTF-16 with decomposed accents, as some Windows and macOS exports write them.
    'sources/notes.txt': utf16leBom(MESSY.secondText.normalize('NFD')),
    'sources/doublon.txt': MESSY.duplicateText,
  });
}
