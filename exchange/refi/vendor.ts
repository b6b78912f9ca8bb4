// Which program wrote a .qdpx, and how that program counts selection positions.
//
// REFI-QDA counts positions in code points over the text file as written (section 8.2). Programs do
// not all do so; what is known, and where it comes from:
// - NVivo for Windows counts UTF-16 code units: each character outside the Basic Multilingual Plane
//   (emoji...) shifts later selections by one. Seen on a real NVivo 12 export (Tresse issue 14, 13 of
//   303 codings off). Its .qde is written by .NET's XmlSerializer (xmlns:xsd declared, lower-case
//   GUIDs, origin "NVivo for Windows 12.6"), its text files keep Windows line ends, counted as two:
//   QualCoder's importer (ccbogel/QualCoder, qualcoder/refi.py, load_text_source) pads each line
//   end of a CRLF file to keep NVivo's positions.
// - ATLAS.ti writes CRLF text files but counts a line end as one character (same QualCoder function:
//   "Atlas stored correct positions ... as though it is \n one character"); it names each selection
//   after its first words.
// - MAXQDA: QualCoder's export offers "Add line ending for MAXQDA importation" (refi.py, export_project;
//   dialog ui_dialog_refi_export_endings), which writes CRLF text files and leaves the positions
//   counted over LF, so MAXQDA counts a line end as one. MAXQDA writes upper-case GUIDs and an origin
//   such as "MAXQDA 2020 (Release 20.2.1)".
// - QualCoder reads text files through Python's universal newlines (a line end is one character) and
//   writes its version as origin.
// - NVivo for Mac ("NVivo 12 For Mac"): code points; nothing is known of its line ends.
// Where nothing is known the evidence decides (positions.ts).

export const VENDORS = ['nvivo-windows', 'nvivo-mac', 'atlasti', 'maxqda', 'qualcoder', 'tresse', 'unknown'] as const;
export type Vendor = (typeof VENDORS)[number];

/** How positions count: an astral character as 1 (code points) or 2 (UTF-16 units), CRLF as 1 or 2. */
export interface PositionReading {
  astral: 1 | 2;
  crlf: 1 | 2;
}

/** What the standard says: code points in the file as written. */
export const STANDARD_READING: PositionReading = { astral: 1, crlf: 2 };

/**
 * A program's known way of counting; a dimension left out is not known and left to the evidence.
 * `certain` when Tresse wrote the file itself: then only a selection past the end or a selection
 * name can overrule it, never word boundaries.
 */
export interface KnownReading extends Partial<PositionReading> {
  certain?: boolean;
}

export const VENDOR_READING: Record<Vendor, KnownReading> = {
  'nvivo-windows': { astral: 2, crlf: 2 },
  'nvivo-mac': { astral: 1 },
  atlasti: { astral: 1, crlf: 1 },
  maxqda: { astral: 1, crlf: 1 },
  qualcoder: { astral: 1, crlf: 1 },
  tresse: { astral: 1, crlf: 2, certain: true },
  unknown: {},
};

/** Names for the import report (the same in both languages). */
export const VENDOR_NAMES: Record<Vendor, string> = {
  'nvivo-windows': 'NVivo (Windows)',
  'nvivo-mac': 'NVivo (Mac)',
  atlasti: 'ATLAS.ti',
  maxqda: 'MAXQDA',
  qualcoder: 'QualCoder',
  tresse: 'Tresse',
  unknown: '?',
};

/**
 * Programs an export can be written for. Only those whose reading differs from the standard change
 * the file: NVivo for Windows gets UTF-16 positions, MAXQDA CRLF text files (see above); the others
 * get the standard file.
 */
export const EXPORT_TARGETS = ['standard', 'nvivo-windows', 'nvivo-mac', 'atlasti', 'maxqda', 'qualcoder'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

/** How a file written for `target` counts its positions. */
export function targetReading(target: ExportTarget): PositionReading {
  if (target === 'nvivo-windows') return { astral: 2, crlf: 2 };
  if (target === 'maxqda') return { astral: 1, crlf: 1 };
  return STANDARD_READING;
}

/** The origin a Tresse export declares: it names the target, so Tresse reads its own file back right. */
export function exportOrigin(target: ExportTarget): string {
  return target === 'standard' ? 'Tresse' : `Tresse (${target})`;
}

const TRESSE_ORIGIN = /^Tresse\b(?:\s*\(([a-z-]+)\))?/i;

/** The export target a Tresse origin names ("Tresse (nvivo-windows)"), or null for another program. */
function tresseTarget(origin: string): ExportTarget | null {
  const m = TRESSE_ORIGIN.exec(origin.trim());
  if (!m) return null;
  const target = m[1]?.toLowerCase();
  return target && (EXPORT_TARGETS as readonly string[]).includes(target) ? (target as ExportTarget) : 'standard';
}

/**
 * The program that wrote a project, from its `origin` attribute and, for NVivo without a platform
 * ("NVivo 14"), from the way the .qde is written: the .NET serializer of NVivo for Windows declares
 * the xsd namespace prefix.
 */
export function detectVendor(origin: string | undefined, qde = ''): Vendor {
  const o = (origin ?? '').trim();
  if (tresseTarget(o) !== null) return 'tresse';
  if (/nvivo/i.test(o)) {
    if (/\bmac/i.test(o)) return 'nvivo-mac';
    if (/\bwin/i.test(o) || /xmlns:xsd\s*=/.test(qde.slice(0, 2000))) return 'nvivo-windows';
    return 'unknown';
  }
  if (/atlas\.?ti/i.test(o)) return 'atlasti';
  if (/maxqda/i.test(o)) return 'maxqda';
  if (/qualcoder/i.test(o)) return 'qualcoder';
  return 'unknown';
}

/** How the positions of a file from `vendor` are counted, as far as known; a Tresse export says for which target. */
export function knownReading(origin: string | undefined, vendor: Vendor): KnownReading {
  const target = vendor === 'tresse' ? tresseTarget(origin ?? '') : null;
  return target ? { ...targetReading(target), certain: true } : VENDOR_READING[vendor];
}

/** The program named in the import report when its reading is used. */
export function programName(origin: string | undefined, vendor: Vendor): string {
  const target = vendor === 'tresse' ? tresseTarget(origin ?? '') : null;
  return target && target !== 'standard' ? `Tresse → ${VENDOR_NAMES[target]}` : VENDOR_NAMES[vendor];
}
