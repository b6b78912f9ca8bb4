// .qdpx files built in memory the way each program writes them (see exchange/refi/vendor.ts for the
// sources): origin, GUID case, folder name, BOM, line ends, decomposed accents, selection names, and
// above all how positions are counted. The texts hold emoji and other characters outside the Basic
// Multilingual Plane, so a position counted in the wrong unit lands on other words.
import { OffsetIndex } from '../../../text/offsets.ts';
import { utf8Bom, zip } from './fixtures.ts';

export type Manner = 'nvivo-windows' | 'nvivo-14-windows' | 'nvivo-mac' | 'atlasti' | 'maxqda' | 'qualcoder';

interface Style {
  origin: string;
  upperGuids: boolean;
  folder: 'sources' | 'Sources';
  bom: boolean;
  crlf: boolean;
  nfd: boolean;
  /** How the program counts: an astral character as 1 or 2, CRLF as 1 or 2. */
  astral: 1 | 2;
  crlfCount: 1 | 2;
  /** Selections named after their first words (ATLAS.ti), or left with an empty name (NVivo). */
  names: 'first-words' | 'empty' | 'none';
  /** Declares xmlns:xsd, as .NET's XmlSerializer (NVivo for Windows) and QualCoder do. */
  xsd: boolean;
}

const STYLES: Record<Manner, Style> = {
  'nvivo-windows': {
    origin: 'NVivo for Windows 12.6',
    upperGuids: false,
    folder: 'sources',
    bom: true,
    crlf: true,
    nfd: false,
    astral: 2,
    crlfCount: 2,
    names: 'empty',
    xsd: true,
  },
  // A later NVivo that no longer names its platform: the .NET serializer's xsd prefix gives it away.
  'nvivo-14-windows': {
    origin: 'NVivo 14',
    upperGuids: false,
    folder: 'sources',
    bom: true,
    crlf: true,
    nfd: false,
    astral: 2,
    crlfCount: 2,
    names: 'empty',
    xsd: true,
  },
  'nvivo-mac': {
    origin: 'NVivo 12 For Mac',
    upperGuids: true,
    folder: 'sources',
    bom: false,
    crlf: false,
    nfd: true,
    astral: 1,
    crlfCount: 2,
    names: 'none',
    xsd: false,
  },
  atlasti: {
    origin: 'ATLAS.ti 9.1.3 (Windows)',
    upperGuids: true,
    folder: 'Sources',
    bom: true,
    crlf: true,
    nfd: false,
    astral: 1,
    crlfCount: 1,
    names: 'first-words',
    xsd: false,
  },
  maxqda: {
    origin: 'MAXQDA 2020 (Release 20.2.1)',
    upperGuids: true,
    folder: 'Sources',
    bom: false,
    crlf: true,
    nfd: false,
    astral: 1,
    crlfCount: 1,
    names: 'none',
    xsd: false,
  },
  qualcoder: {
    origin: 'QualCoder 3.5',
    upperGuids: false,
    folder: 'Sources',
    bom: true,
    crlf: false,
    nfd: false,
    astral: 1,
    crlfCount: 2,
    names: 'none',
    xsd: true,
  },
};

export interface FixturePassage {
  /** The words the coder selected, as the text shows them (NFC). */
  words: string;
  occurrence?: number;
  code: 'aide' | 'frein';
}

export interface FixtureSource {
  name: string;
  /** The text as the user sees it: LF line ends, NFC. */
  text: string;
  passages: FixturePassage[];
  /** Raw selections added as they are, for bad input. */
  extra?: { start: number; end: number }[];
}

// Three interviews: emoji (one of them a ZWJ sequence), a mathematical letter and a CJK extension B
// character (outside the BMP too), accents, and several lines, so both units and line ends matter.
export const SOURCES: FixtureSource[] = [
  {
    name: 'Entretien 01 – Zsófia',
    text: [
      'Kérdező: Mit gondol a kötelező oltásról? 🤔',
      'Zsófia: Szerintem mindenki maga dönt 💉 a saját testéről.',
      'Senkit nem lehet kötelezni semmire 🙅‍♀️, ez alapjog.',
      'Kérdező: És a közösség védelme?',
      'Zsófia: Az fontos, de a bizalom 🤝 többet ér a kényszernél.',
    ].join('\n'),
    passages: [
      { words: 'mindenki maga dönt', code: 'frein' },
      { words: 'Senkit nem lehet kötelezni semmire', code: 'frein' },
      { words: 'a bizalom 🤝 többet ér a kényszernél', code: 'aide' },
    ],
  },
  {
    name: 'Entretien 02 – Léa',
    text: [
      'Enquêtrice : Qu’est-ce qui aide la coordination ? 📞',
      'Léa : La réactivité des partenaires 😀, vraiment.',
      'On note les variables 𝒳 et 𝒴 dans le tableau 𠀀 partagé.',
      'Ce qui freine : le secret partagé qui fait peur 😟 aux équipes.',
    ].join('\n'),
    passages: [
      { words: 'La réactivité des partenaires', code: 'aide' },
      { words: 'le tableau 𠀀 partagé', code: 'aide' },
      { words: 'le secret partagé qui fait peur', code: 'frein' },
    ],
  },
  {
    name: 'Note de terrain',
    text: 'Réunion du 12 mars 🗓️.\nLe bailleur monopolise la parole 😶 ; la médiatrice se tait.',
    passages: [{ words: 'la médiatrice se tait', code: 'frein' }],
  },
];

const USER = 'a1b2c3d4-0000-4000-8000-00000000000a';
const CODES = { aide: 'c0de0000-0000-4000-8000-000000000001', frein: 'c0de0000-0000-4000-8000-000000000002' } as const;

/** Where `words` sit in the file, counted the way the program counts. */
function positionsOf(raw: string, style: Style, words: string, occurrence: number): { start: number; end: number } {
  const counted = style.crlfCount === 1 ? raw.replace(/\r\n/g, '\n') : raw;
  const needle = style.nfd ? words.normalize('NFD') : words;
  let at = -1;
  for (let k = 0; k < occurrence; k++) {
    at = counted.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture: "${words}" not found`);
  }
  if (style.astral === 2) return { start: at, end: at + needle.length };
  const index = new OffsetIndex(counted);
  return { start: index.toCodePoint(at), end: index.toCodePoint(at + needle.length) };
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function guidOf(style: Style, g: string): string {
  return style.upperGuids ? g.toUpperCase() : g;
}

/** The file text as the program writes it, and the .qdpx. */
export function vendorQdpx(manner: Manner, sources: FixtureSource[] = SOURCES): Uint8Array {
  const style = STYLES[manner];
  const g = (x: string) => guidOf(style, x);
  const files: Record<string, string | Uint8Array> = {};
  const sourceXml = sources.map((src, i) => {
    const guid = `5005ce00-0000-4000-8000-00000000000${i}`;
    let raw = style.nfd ? src.text.normalize('NFD') : src.text;
    if (style.crlf) raw = raw.replace(/\n/g, '\r\n');
    files[`${style.folder}/${g(guid)}.txt`] = style.bom ? utf8Bom(raw) : raw;
    const selections = [
      ...src.passages.map((p) => ({ ...positionsOf(raw, style, p.words, p.occurrence ?? 1), words: p.words, code: p.code as string | null })),
      ...(src.extra ?? []).map((e) => ({ ...e, words: '', code: 'frein' as string | null })),
    ];
    const selXml = selections.map((s, k) => {
      const name =
        style.names === 'first-words'
          ? ` name="${escape(s.words.length > 20 ? `${s.words.slice(0, 20)}...` : s.words)}"`
          : style.names === 'empty'
            ? ' name=""'
            : '';
      const selGuid = g(`5e1e0000-0000-4000-8000-0000000${i}${String(k).padStart(4, '0')}`);
      const codingGuid = g(`c0d10000-0000-4000-8000-0000000${i}${String(k).padStart(4, '0')}`);
      const code = CODES[(s.code ?? 'frein') as keyof typeof CODES];
      return `<PlainTextSelection guid="${selGuid}"${name} startPosition="${s.start}" endPosition="${s.end}" creatingUser="${g(USER)}" creationDateTime="2024-05-02T10:00:00Z">
        <Coding guid="${codingGuid}" creatingUser="${g(USER)}" creationDateTime="2024-05-02T10:00:00Z"><CodeRef targetGUID="${g(code)}"/></Coding>
      </PlainTextSelection>`;
    });
    const rich = manner.startsWith('nvivo') ? ` richTextPath="internal://${g(guid)}.docx"` : '';
    return `<TextSource guid="${g(guid)}" name="${escape(src.name)}"${rich} plainTextPath="internal://${g(guid)}.txt" creatingUser="${g(USER)}" creationDateTime="2024-05-01T09:00:00Z">
      ${selXml.join('\n      ')}
    </TextSource>`;
  });
  const xsd = style.xsd ? ' xmlns:xsd="http://www.w3.org/2001/XMLSchema"' : '';
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project${xsd} name="Vaccination" origin="${style.origin}" creatingUserGUID="${g(USER)}" creationDateTime="2024-05-01T09:00:00Z" basePath="" xmlns="urn:QDA-XML:project:1.0">
  <Users><User guid="${g(USER)}" name="Coder"/></Users>
  <CodeBook><Codes>
    <Code guid="${g(CODES.aide)}" name="Ce qui aide" isCodable="true" color="#33AA33"/>
    <Code guid="${g(CODES.frein)}" name="Ce qui freine" isCodable="true" color="#AA3333"/>
  </Codes></CodeBook>
  <Sources>
    ${sourceXml.join('\n    ')}
  </Sources>
</Project>`;
  files['project.qde'] = style.bom ? utf8Bom(qde) : qde;
  return zip(files);
}
