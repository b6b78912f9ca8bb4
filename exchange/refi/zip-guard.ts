// Opening a .qdpx that came from someone else. Everything is checked from the central directory
// before a single byte is inflated, and only the entries the project needs are inflated at all.
// fflate inflates an entry into a buffer of the size the directory declares, so an entry that lies
// about its size is cut short, never larger.
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { TresseError } from '../../i18n/error.ts';

export const ZIP_LIMITS = {
  /** Sum of declared uncompressed sizes: 1 GiB, well above a thesis corpus with its PDFs and pictures. */
  maxTotalBytes: 1024 * 1024 * 1024,
  /** Entries in the archive: a project with thousands of sources stays far below. */
  maxEntries: 10_000,
  /** Expansion ratio above which an entry is taken for a zip bomb. XML and text reach about 20. */
  maxRatio: 200,
  /** Small entries may compress very well (a file of spaces); the ratio applies above this size. */
  ratioFloorBytes: 1024 * 1024,
} as const;

export interface ZipEntry {
  /** Name as stored. */
  stored: string;
  /** Same with '/' as separator. */
  path: string;
  originalSize: number;
}

/** A path that stays inside the archive, with '/' separators; throws on one that escapes it. */
export function safeEntryPath(stored: string): string {
  const path = stored.replace(/\\/g, '/');
  const segments = path.split('/');
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.includes('\0') || segments.includes('..')) {
    throw new TresseError('refi.unsafePath', { entry: stored });
  }
  return path;
}

function megabytes(bytes: number): number {
  return Math.ceil(bytes / (1024 * 1024));
}

function unzipGuarded(bytes: Uint8Array, fileName: string, filter: (f: UnzipFileInfo) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter });
  } catch (e) {
    if (e instanceof TresseError) throw e;
    throw new TresseError('refi.notZip', { file: fileName, detail: e instanceof Error ? e.message : String(e) });
  }
}

export class GuardedZip {
  readonly entries: ZipEntry[] = [];

  constructor(
    private readonly bytes: Uint8Array,
    private readonly fileName: string,
    limits: typeof ZIP_LIMITS = ZIP_LIMITS,
  ) {
    let total = 0;
    unzipGuarded(bytes, fileName, (f) => {
      if (this.entries.length + 1 > limits.maxEntries) {
        throw new TresseError('refi.tooManyEntries', { count: `> ${limits.maxEntries}`, limit: limits.maxEntries });
      }
      const path = safeEntryPath(f.name);
      total += f.originalSize;
      if (total > limits.maxTotalBytes) {
        throw new TresseError('refi.tooLarge', { size: `> ${megabytes(total)}`, limit: megabytes(limits.maxTotalBytes) });
      }
      const ratio = f.originalSize / Math.max(f.size, 1);
      if (f.originalSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
        throw new TresseError('refi.compressionRatio', { entry: f.name, ratio: Math.round(ratio), limit: limits.maxRatio });
      }
      if (f.compression !== 0 && f.compression !== 8) {
        throw new TresseError('refi.notZip', { file: fileName, detail: `unsupported compression method ${f.compression} for ${f.name}` });
      }
      if (!path.endsWith('/')) this.entries.push({ stored: f.name, path, originalSize: f.originalSize });
      return false;
    });
  }

  /** Inflates the given entries (by stored name) in one pass over the archive. */
  extract(stored: Iterable<string>): Map<string, Uint8Array> {
    const wanted = new Set(stored);
    const files = unzipGuarded(this.bytes, this.fileName, (f) => wanted.has(f.name));
    return new Map(Object.entries(files));
  }
}
