// Source importers: file bytes in, normalised text and the structure found in it out. Pure
// functions (no database, no file system) so the desktop app, the command line and the tests
// share them. The extension picks the parser; the content is still checked, because students
// rename files ("entretien.docx" that is really a .doc, a PDF saved as .txt).

import type { ImportNote } from '../../model/types.ts';
import type { ParsedSource } from '../../model/types.ts';
import { TresseError } from '../../i18n/error.ts';
import { parseMarkdown } from './markdown.ts';
import { parsePdf } from './pdf.ts';
import { ensureNormalised, type ParsedText } from './structure.ts';
import { parseSubtitles } from './subtitles.ts';
import { compileTurnPatterns } from './turns.ts';
import { parseTxt } from './txt.ts';
import { baseName, importFormatOf } from './formats.ts';

export { DEFAULT_TURN_PATTERNS, detectTurns, compileTurnPatterns } from './turns.ts';
export { IMPORT_FORMATS, importFormatOf, type ImportFormat } from './formats.ts';

export interface ImportOptions {
  /**
   * Regular-expression sources for speaker labels at the start of a line, each with a named group
   * `speaker` and optionally `role` and `time`. They replace the defaults (an empty list finds no
   * turns), and every match counts: the defaults' safeguards against prose do not apply.
   */
  turnPatterns?: string[];
  /** Largest file accepted, in bytes. */
  maxBytes?: number;
}

/**
 * 50 MB: ten times a long transcript with embedded photos or a scanned-and-OCRed report, and
 * still small enough to parse in memory on a student's laptop. Plain-text transcripts weigh
 * about 150 KB.
 */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** A DOCX/ODT may not inflate to more than this many times the size limit (zip bombs). */
const INFLATE_RATIO = 20;

export async function parseSourceFile(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ParsedSource> {
  const file = baseName(fileName);
  const format = importFormatOf(fileName);
  if (format === null) throw new TresseError('import.format', { file });
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new TresseError('import.tooLarge', { file, size: megabytes(bytes.length), limit: megabytes(maxBytes) });
  }
  if (bytes.length === 0) throw new TresseError('import.empty', { file });
  const detector = compileTurnPatterns(options.turnPatterns);
  const maxInflated = Math.max(maxBytes, DEFAULT_MAX_BYTES) * INFLATE_RATIO;

  let parsed: ParsedText;
  switch (format) {
    case 'txt':
      parsed = parseTxt(bytes, file, detector);
      break;
    case 'md':
      parsed = parseMarkdown(bytes, file, detector);
      break;
    // The zip and XML readers are loaded for these files only, not by every `tresse` call.
    case 'docx':
      parsed = (await import('./docx.ts')).parseDocx(bytes, file, detector, maxInflated);
      break;
    case 'odt':
      parsed = (await import('./odt.ts')).parseOdt(bytes, file, detector, maxInflated);
      break;
    case 'pdf':
      parsed = await parsePdf(bytes, file, detector);
      break;
    case 'vtt':
    case 'srt':
      parsed = parseSubtitles(bytes, file, format, detector);
      break;
  }
  const normalised = ensureNormalised(parsed);
  if (normalised.text.trim() === '') throw new TresseError('import.empty', { file });
  return { ...normalised, format, notes: [...normalised.notes, ...structureNotes(normalised)] };
}

function structureNotes(parsed: ParsedText): ImportNote[] {
  const notes: ImportNote[] = [];
  const sections = parsed.structure.filter((s) => s.kind === 'section').length;
  if (sections > 0) notes.push({ key: 'sections', count: sections });
  // Subtitle cues without a speaker are turns only to carry their timestamp: not speaker turns.
  const turns = parsed.structure.filter((s) => s.kind === 'turn').filter((t) => t.speaker !== '');
  if (turns.length > 0) {
    notes.push({ key: 'turns', count: turns.length, speakers: [...new Set(turns.map((t) => t.speaker))] });
  }
  return notes;
}

/** Size in megabytes (MiB, as file managers show them) with one decimal. */
function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
