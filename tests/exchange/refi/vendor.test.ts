// Projects written the way other tools write them: GUIDs in braces and upper case, a capitalised
// Sources/ folder, a BOM, Windows line ends, UTF-16, decomposed accents, inline text, bare paths.
import { describe, expect, it } from 'vitest';
import { readProject } from '../../../exchange/refi/read-project.ts';
import { sliceCodePoints } from '../../../text/offsets.ts';
import { rangeOf, utf16leBom, utf8Bom, zip } from './fixtures.ts';

const USER = 'AAAAAAAA-1111-4111-8111-000000000001';
const CODE_PA = 'C0DE0000-2222-4222-8222-000000000001';
const CODE_AIDE = 'C0DE0000-2222-4222-8222-000000000002';
const SRC = 'B0B00000-3333-4333-8333-000000000001';
const FILE = 'F11E0000-4444-4444-8444-000000000001';
const CASE = 'CA5E0000-5555-4555-8555-000000000001';
const VAR_SECTEUR = 'FA110000-6666-4666-8666-000000000001';
const VAR_AGE = 'FA110000-6666-4666-8666-000000000002';

const lower = (g: string) => g.toLowerCase();

// A synthetic interview with Windows line ends, accents and an emoji.
const LINES = [
  'Enquêteur : Qu’est-ce qui facilite le travail avec les partenaires ?',
  'P03 : La réactivité, vraiment. Quand j’appelle le CMP, on me répond dans l’heure 📞.',
  'Enquêteur : Et ce qui freine ?',
  'P03 : Les cultures de travail différentes, le secret partagé qui fait peur.',
  'P03 : Et le suivi qui s’essouffle une fois la situation apaisée.',
];
const CRLF_TEXT = LINES.join('\r\n');
const LF_TEXT = LINES.join('\n');
const PASSAGES = ['La réactivité, vraiment', 'Les cultures de travail différentes', 'le suivi qui s’essouffle'];

interface Sel {
  start: number;
  end: number;
  name?: string;
  code?: string;
  noteRef?: string;
}

function selection(s: Sel, i: number): string {
  const name = s.name === undefined ? '' : ` name="${s.name}"`;
  const coding = s.code ? `<Coding guid="{C0D10000-7777-4777-8777-00000000000${i}}" creatingUser="{${USER}}"><CodeRef targetGUID="{${s.code}}"/></Coding>` : '';
  const note = s.noteRef ? `<NoteRef targetGUID="${s.noteRef}"/>` : '';
  return `<PlainTextSelection guid="{5E150000-8888-4888-8888-00000000000${i}}" startPosition="${s.start}" endPosition="${s.end}"${name}>${coding}${note}</PlainTextSelection>`;
}

function qde(opts: { sels: Sel[]; ns?: string; source?: string; extra?: string; path?: string }): string {
  const ns = opts.ns ?? 'urn:QDA-XML:project:1.0';
  const source =
    opts.source ??
    `<TextSource guid="{${SRC}}" name="Entretien P03" plainTextPath="${opts.path ?? `internal://${FILE}.txt`}" creatingUser="{${USER}}">
      ${opts.sels.map(selection).join('\n')}
    </TextSource>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="${ns}" name="Évaluation CLSM" origin="VendorQDA 2024" creatingUserGUID="{${USER}}">
  <Users><User guid="{${USER}}" name="Léa R."/></Users>
  <CodeBook><Codes>
    <Code guid="{${CODE_PA}}" name="PA – Partenariat" isCodable="true" color="#336699">
      <Code guid="{${CODE_AIDE}}" name="Ce qui aide" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Variables>
    <Variable guid="{${VAR_SECTEUR}}" name="Secteur" typeOfVariable="Text"/>
    <Variable guid="${lower(VAR_AGE)}" name="Âge" typeOfVariable="Integer"/>
  </Variables>
  <Cases>
    <Case guid="{${CASE}}" name="P03">
      <VariableValue><VariableRef targetGUID="${lower(VAR_SECTEUR)}"/><TextValue>psychiatrie</TextValue></VariableValue>
      <VariableValue><VariableRef targetGUID="{${VAR_AGE}}"/><IntegerValue>47</IntegerValue></VariableValue>
      <SourceRef targetGUID="{${SRC}}"/>
    </Case>
  </Cases>
  <Sources>
    ${source}
  </Sources>
  ${opts.extra ?? ''}
</Project>`;
}

/** Selections over `text` for the passages, named after their first words the way ATLAS.ti does. */
function selsOver(text: string, named: boolean): Sel[] {
  return PASSAGES.map((p, i) => ({
    ...rangeOf(text, text.includes(p) ? p : p.normalize('NFD')),
    code: i === 0 ? CODE_AIDE : CODE_PA,
    ...(named ? { name: `${p.slice(0, 12)}…` } : {}),
  }));
}

function passages(result: ReturnType<typeof readProject>): string[] {
  const { sources, codings } = result.snapshot;
  return codings.map((c) => sliceCodePoints(sources.find((s) => s.guid === c.sourceGuid)!.text, c.start, c.end));
}

describe('REFI-QDA import from other tools', () => {
  it('reads braced upper-case GUIDs, Sources/, a BOM and CRLF text with positions counted over CRLF', () => {
    const archive = zip({ 'Project.qde': qde({ sels: selsOver(CRLF_TEXT, true) }), [`Sources/${FILE}.txt`]: utf8Bom(CRLF_TEXT) });
    const result = readProject(archive);
    const { snapshot, warnings } = result;
    expect(warnings).toEqual([]);
    expect(snapshot.sources).toHaveLength(1);
    expect(snapshot.sources[0]).toMatchObject({ guid: lower(SRC), name: 'Entretien P03', text: LF_TEXT, creatingUserGuid: lower(USER) });
    expect(passages(result)).toEqual(PASSAGES);
    expect(snapshot.codings.map((c) => c.codeGuid)).toEqual([lower(CODE_AIDE), lower(CODE_PA), lower(CODE_PA)]);
    expect(snapshot.codings.every((c) => c.coderGuid === lower(USER))).toBe(true);
    expect(snapshot.cases).toEqual([
      { guid: lower(CASE), name: 'P03', description: '', attributes: { Secteur: ['psychiatrie'], Âge: [47] }, sourceGuids: [lower(SRC)] },
    ]);
    expect(snapshot.variables).toEqual([
      { guid: lower(VAR_SECTEUR), name: 'Secteur', type: 'text', scope: 'case' },
      { guid: lower(VAR_AGE), name: 'Âge', type: 'number', scope: 'case' },
    ]);
  });

  it('recognises a tool that counted CRLF as one character, from the selection names', () => {
    const archive = zip({ 'Project.qde': qde({ sels: selsOver(LF_TEXT, true) }), [`sources/${FILE}.txt`]: CRLF_TEXT });
    const result = readProject(archive);
    expect(passages(result)).toEqual(PASSAGES);
    // The report says which reading was used, since it is not the standard one.
    expect(result.warnings.map((w) => [w.code, w.params.astral, w.params.crlf])).toEqual([['refi.positionReadingFound', 1, 1]]);
  });

  it('without names, prefers the reading under which selections fall on word boundaries', () => {
    for (const counted of [CRLF_TEXT, LF_TEXT]) {
      const result = readProject(zip({ 'Project.qde': qde({ sels: selsOver(counted, false) }), [`sources/${FILE}.txt`]: CRLF_TEXT }));
      expect(passages(result)).toEqual(PASSAGES);
    }
  });

  it('warns when nothing tells the two readings apart, and keeps the literal one', () => {
    // "a\r\nb\r\nc": [3,4] is "b" counting CRLF as 2, the line end before "c" counting it as 1;
    // both start and end on boundaries, and the selection has no name.
    const result = readProject(zip({ 'Project.qde': qde({ sels: [{ start: 3, end: 4, code: CODE_PA }] }), [`sources/${FILE}.txt`]: 'a\r\nb\r\nc' }));
    expect(passages(result)).toEqual(['b']);
    expect(result.warnings.map((w) => w.code)).toEqual(['refi.lineEndingsGuessed']);
  });

  it('reads UTF-16 text with a BOM', () => {
    const result = readProject(zip({ 'Project.qde': qde({ sels: selsOver(LF_TEXT, true) }), [`Sources/${FILE}.txt`]: utf16leBom(LF_TEXT) }));
    expect(result.snapshot.sources[0]!.text).toBe(LF_TEXT);
    expect(passages(result)).toEqual(PASSAGES);
  });

  it('maps positions counted over decomposed accents (NFD) onto the NFC text', () => {
    const nfd = LF_TEXT.normalize('NFD');
    const result = readProject(zip({ 'Project.qde': qde({ sels: selsOver(nfd, false) }), [`Sources/${FILE}.txt`]: nfd }));
    expect(result.snapshot.sources[0]!.text).toBe(LF_TEXT);
    expect(passages(result)).toEqual(PASSAGES);
  });

  it('reads text written inline in PlainTextContent', () => {
    const source = `<TextSource guid="{${SRC}}" name="Note de terrain"><PlainTextContent>${LF_TEXT}</PlainTextContent>${selsOver(LF_TEXT, false).map(selection).join('')}</TextSource>`;
    const result = readProject(zip({ 'project.qde': qde({ sels: [], source }) }));
    expect(passages(result)).toEqual(PASSAGES);
  });

  it('finds text files given by a bare relative path, an external path packed anyway, or stored with backslashes', () => {
    for (const [path, entry] of [
      [`sources/${FILE}.txt`, `sources/${FILE}.txt`],
      [`relative:///Transcriptions/${FILE}.txt`, `Sources/${FILE}.txt`],
      [`internal://${FILE}.txt`, `sources\\${FILE}.txt`],
    ] as const) {
      const result = readProject(zip({ 'project.qde': qde({ sels: selsOver(LF_TEXT, true), path }), [entry]: LF_TEXT }));
      expect(passages(result), path).toEqual(PASSAGES);
    }
  });

  it('reads a Windows-1252 text file and says so', () => {
    const bytes = new Uint8Array([...'Réunion'].map((c) => c.charCodeAt(0)));
    const result = readProject(zip({ 'project.qde': qde({ sels: [{ start: 0, end: 7, code: CODE_PA }] }), [`sources/${FILE}.txt`]: bytes }));
    expect(passages(result)).toEqual(['Réunion']);
    expect(result.warnings.map((w) => w.code)).toEqual(['refi.sourceEncoding']);
  });

  it('skips a missing source with a warning that counts its codings, and drops the case link to it', () => {
    const result = readProject(zip({ 'project.qde': qde({ sels: selsOver(LF_TEXT, true) }) }));
    expect(result.snapshot.sources).toEqual([]);
    expect(result.snapshot.codings).toEqual([]);
    expect(result.snapshot.cases[0]!.sourceGuids).toEqual([]);
    expect(result.warnings.map((w) => [w.code, w.params.codings])).toEqual([['refi.sourceMissing', 3]]);
  });

  it('reports passages it cannot keep: outside the text, without a code, or with an unknown code', () => {
    const sels: Sel[] = [
      { start: 0, end: 5, code: CODE_PA },
      { start: 5, end: 100_000, code: CODE_PA },
      { start: 10, end: 10, code: CODE_PA },
      { start: 0, end: 10 },
      { start: 0, end: 10, code: 'DEADBEEF-0000-4000-8000-000000000000' },
    ];
    const result = readProject(zip({ 'project.qde': qde({ sels }), [`sources/${FILE}.txt`]: LF_TEXT }));
    expect(result.snapshot.codings).toHaveLength(1);
    expect(result.warnings.map((w) => [w.code, w.params.count])).toEqual([
      ['refi.selectionPastEnd', 1],
      ['refi.selectionOutOfRange', 1],
      ['refi.selectionWithoutCode', 1],
      ['refi.codingUnknownCode', 1],
    ]);
  });

  it('reads any namespace version, and warns about a file with no REFI-QDA namespace', () => {
    const files = (ns: string) => zip({ 'project.qde': qde({ sels: selsOver(LF_TEXT, true), ns }), [`sources/${FILE}.txt`]: LF_TEXT });
    const later = readProject(files('urn:QDA-XML:project:1.5'));
    expect(later.namespace).toBe('urn:QDA-XML:project:1.5');
    expect(later.warnings).toEqual([]);
    expect(passages(later)).toEqual(PASSAGES);
    const none = readProject(files(''));
    expect(none.warnings.map((w) => w.code)).toEqual(['refi.namespace']);
    expect(passages(none)).toEqual(PASSAGES);
  });

  it('attaches notes: on a selection to its coding, through a link to a case; notes on pictures are kept free', () => {
    const note = (g: string, name: string) => `<Note guid="${g}" name="${name}"><PlainTextContent>texte de ${name}</PlainTextContent></Note>`;
    const N1 = '{0E000000-9999-4999-8999-000000000001}';
    const N2 = '0e000000-9999-4999-8999-000000000002';
    const N3 = '0E000000-9999-4999-8999-000000000003';
    const sels = selsOver(LF_TEXT, true);
    sels[1]!.noteRef = N1;
    const picture = `<PictureSource guid="{${FILE.replace('F11E', 'F12E')}}" name="photo.jpg" path="internal://x.jpg"><NoteRef targetGUID="${N3}"/></PictureSource>`;
    const source = `<TextSource guid="{${SRC}}" name="Entretien P03" plainTextPath="internal://${FILE}.txt">${sels.map(selection).join('')}</TextSource>${picture}`;
    const extra = `<Notes>${note(N1, 'sur le passage')}${note(N2, 'sur P03')}${note(N3, 'sur la photo')}</Notes>
      <Links><Link guid="11111111-2222-4333-8444-555555555555" originGUID="${N2}" targetGUID="{${CASE}}" direction="OneWay"/></Links>`;
    const result = readProject(zip({ 'project.qde': qde({ sels: [], source, extra }), [`sources/${FILE}.txt`]: LF_TEXT }));
    const memos = result.snapshot.memos;
    expect(memos.map((m) => [m.name, m.target?.kind])).toEqual([
      ['sur le passage', 'coding'],
      ['sur P03', 'case'],
      ['sur la photo', undefined],
    ]);
    expect(memos[0]!.target!.guid).toBe(result.snapshot.codings[1]!.guid);
    expect(result.warnings.map((w) => w.code)).toEqual(['refi.sourceUnsupported', 'refi.memoDetached']);
  });

  it('imports a PDF through its plain-text representation, and reports its page-area codings', () => {
    const text = 'Compte rendu du comité de pilotage.\nLes partenaires demandent une équipe mobile.';
    const sel = { ...rangeOf(text, 'une équipe mobile'), code: CODE_PA, name: 'une équipe mobile' };
    const source = `<PDFSource guid="{${SRC}}" name="CR COPIL.pdf" path="internal://${FILE}.pdf">
      <PDFSelection guid="5E150000-8888-4888-8888-0000000000aa" page="0" firstX="1" firstY="1" secondX="9" secondY="9">
        <Coding guid="C0D10000-7777-4777-8777-0000000000aa"><CodeRef targetGUID="${CODE_PA}"/></Coding>
      </PDFSelection>
      <Representation guid="{${FILE}}" name="Representation_for_CR COPIL.pdf"><PlainTextContent>${text}</PlainTextContent>${selection(sel, 1)}</Representation>
    </PDFSource>`;
    const result = readProject(zip({ 'project.qde': qde({ sels: [], source }) }));
    expect(result.snapshot.sources.map((x) => [x.guid, x.name, x.kind])).toEqual([[lower(SRC), 'CR COPIL.pdf', 'document']]);
    expect(passages(result)).toEqual(['une équipe mobile']);
    expect(result.snapshot.cases[0]!.sourceGuids).toEqual([lower(SRC)]);
    expect(result.warnings.map((w) => [w.code, w.params.codings])).toEqual([['refi.pdfAsText', 1]]);
  });

  it('reads source variables as source attributes; a VariableValue without value means unknown', () => {
    const source = `<TextSource guid="{${SRC}}" name="Entretien P03" plainTextPath="internal://${FILE}.txt">
      <VariableValue><VariableRef targetGUID="{${VAR_SECTEUR}}"/><TextValue>logement</TextValue></VariableValue>
      <VariableValue><VariableRef targetGUID="{${VAR_AGE}}"/></VariableValue>
      <VariableValue><VariableRef targetGUID="{DEADBEEF-0000-4000-8000-000000000000}"/><TextValue>?</TextValue></VariableValue>
    </TextSource>`;
    const xml = qde({ sels: [], source }).replace(/<Cases>[\s\S]*<\/Cases>/, '');
    const result = readProject(zip({ 'project.qde': xml, [`sources/${FILE}.txt`]: LF_TEXT }));
    expect(result.snapshot.sources[0]!.attributes).toEqual({ Secteur: ['logement'] });
    expect(result.snapshot.variables.map((v) => [v.name, v.scope])).toEqual([
      ['Secteur', 'source'],
      ['Âge', 'case'],
    ]);
    expect(result.warnings.map((w) => [w.code, w.params.count])).toEqual([['refi.unknownVariable', 1]]);
  });

  it('keeps a code that is both a parent and codable, with its codings', () => {
    const result = readProject(zip({ 'project.qde': qde({ sels: selsOver(LF_TEXT, true) }), [`sources/${FILE}.txt`]: LF_TEXT }));
    const pa = result.snapshot.codes.find((c) => c.name === 'PA – Partenariat')!;
    expect(pa).toMatchObject({ codable: true, parentGuid: null, color: '#336699' });
    expect(result.snapshot.codes.find((c) => c.name === 'Ce qui aide')!.parentGuid).toBe(pa.guid);
    expect(result.snapshot.codings.filter((c) => c.codeGuid === pa.guid)).toHaveLength(2);
  });
});
