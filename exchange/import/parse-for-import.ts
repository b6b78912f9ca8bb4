// Where a file to import is parsed. The worker (worker-host.ts) contains what a parser could do on a
// hostile file: the office and PDF readers inflate archives, walk XML and run pdf.js, and those
// are where a hang, a memory blow-up or a stray rejection was ever found. Plain text, Markdown and
// subtitles are read by our own linear code, with our own turn patterns: a transcript of a few
// hundred kilobytes is read in a millisecond or two, about what the round trip to the worker costs,
// and the first import no longer waits for the worker to start. A large text file, or turn patterns
// the user wrote (a regular expression can backtrack without end), still go to the worker.
import type { ParsedSource } from '../../model/types.ts';
import { importFormatOf } from './formats.ts';
import type { ImportOptions } from './index.ts';
import { parseInWorker } from './worker-host.ts';

/** Ten times a long transcript: read in place within tens of milliseconds on an old laptop. */
export const IN_PLACE_MAX_BYTES = 2 * 1024 * 1024;

const IN_PLACE_FORMATS = new Set(['txt', 'md', 'vtt', 'srt']);

/** Whether this file is parsed in this thread rather than in the import worker. */
export function parsesInPlace(fileName: string, size: number, options: ImportOptions): boolean {
  const format = importFormatOf(fileName);
  return format !== null && IN_PLACE_FORMATS.has(format) && size <= IN_PLACE_MAX_BYTES && options.turnPatterns === undefined;
}

/** Parses a file to import, in place or in the worker (see above); the same answer either way. */
export async function parseForImport(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ParsedSource> {
  if (!parsesInPlace(fileName, bytes.length, options)) return parseInWorker(bytes, fileName, options);
  const { parseSourceFile } = await import('./index.ts');
  return parseSourceFile(bytes, fileName, options);
}
