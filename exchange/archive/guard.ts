// The one gate for every ZIP archive Tresse reads (.docx, .odt, .qdpx). Opening checks the whole
// central directory and every local header before a byte is inflated: entry count, names that
// escape the archive, encryption, compression method, declared sizes, expansion ratio, and data
// that overlaps or lies outside the file. Reading an entry then inflates it into at most its
// declared size and checks that size and its CRC-32, so an entry that lies about what it holds
// is refused without ever being held in memory whole.
import { crc32, inflateRawSync } from 'node:zlib';
import { TresseError } from '../../i18n/error.ts';
import { damaged, openDirectory, readLocalHeader, type ArchiveContext, type DirectoryEntry } from './directory.ts';
import type { ArchiveLimits } from './limits.ts';

export type { ArchiveContext } from './directory.ts';

export interface ArchiveEntry {
  /** Name as stored. */
  stored: string;
  /** Same with '/' as separator. */
  path: string;
  /** Uncompressed size the directory declares. */
  size: number;
}

interface Located extends DirectoryEntry {
  dataStart: number;
}

/** General-purpose flag bit 0 (traditional encryption) and bit 6 (strong encryption). */
const ENCRYPTED = 0x0001 | 0x0040;
/** Bit 3: CRC and sizes are in a data descriptor after the data, zero in the local header. */
const DATA_DESCRIPTOR = 0x0008;
const STORED = 0;
const DEFLATED = 8;
/** Method 99 is WinZip's AES encryption. */
const AES = 99;
/** The largest entry inflated into one buffer at once. */
const ONE_CHUNK = 64 * 1024 * 1024;

/** A path that stays inside the archive, with '/' separators; null for one that escapes it. */
export function safeEntryPath(stored: string): string | null {
  const path = stored.replace(/\\/g, '/');
  const segments = path.split('/');
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.includes('\0') || segments.includes('..')) return null;
  return path;
}

function megabytes(bytes: number): number {
  return Math.ceil(bytes / (1024 * 1024));
}

export class GuardedArchive {
  readonly entries: ArchiveEntry[] = [];
  private readonly located = new Map<string, Located>();

  constructor(
    private readonly bytes: Uint8Array,
    readonly ctx: ArchiveContext,
    limits: ArchiveLimits,
  ) {
    const directory = openDirectory(bytes, ctx);
    const refuse = (
      code:
        | 'archive.tooManyEntries'
        | 'archive.tooLarge'
        | 'archive.ratio'
        | 'archive.unsafePath'
        | 'archive.encrypted'
        | 'archive.method'
        | 'archive.sizeMismatch',
      params: Record<string, string | number>,
    ) => new TresseError(code, { file: ctx.file, format: ctx.format, ...params });
    if (directory.declaredCount > limits.maxEntries) throw refuse('archive.tooManyEntries', { count: directory.declaredCount, limit: limits.maxEntries });
    const listed = directory.read();

    let total = 0;
    for (const e of listed) total += e.size;
    if (total > limits.maxTotalBytes) throw refuse('archive.tooLarge', { size: megabytes(total), limit: megabytes(limits.maxTotalBytes) });

    const spans: Array<{ start: number; end: number; name: string }> = [];
    for (const e of listed) {
      const path = safeEntryPath(e.name);
      if (path === null) throw refuse('archive.unsafePath', { entry: e.name });
      if (this.located.has(e.name)) throw damaged(ctx, e.name);
      if (e.flags & ENCRYPTED || e.method === AES) throw refuse('archive.encrypted', { entry: e.name });
      if (e.method !== STORED && e.method !== DEFLATED) throw refuse('archive.method', { entry: e.name, method: e.method });
      if (e.method === STORED && e.compressedSize !== e.size) throw refuse('archive.sizeMismatch', { entry: e.name });
      const ratio = e.size / Math.max(e.compressedSize, 1);
      if (e.size > limits.ratioFloorBytes && ratio > limits.maxRatio) {
        throw refuse('archive.ratio', { entry: e.name, ratio: Math.round(ratio), limit: limits.maxRatio });
      }
      const local = readLocalHeader(bytes, e, ctx);
      if (local.flags & ENCRYPTED) throw refuse('archive.encrypted', { entry: e.name });
      if (local.method !== e.method) throw damaged(ctx, e.name);
      if (!(local.flags & DATA_DESCRIPTOR)) {
        // Zip64 entries saturate the local sizes to 0xffffffff and keep them in an extra field.
        const sameSize = (l: number, c: number) => l === c || l === 0xffffffff;
        if (local.crc !== e.crc || !sameSize(local.compressedSize, e.compressedSize) || !sameSize(local.size, e.size)) {
          throw refuse('archive.sizeMismatch', { entry: e.name });
        }
      }
      spans.push({ start: e.localOffset, end: local.dataStart + e.compressedSize, name: e.name });
      this.located.set(e.name, { ...e, dataStart: local.dataStart });
      if (!path.endsWith('/')) this.entries.push({ stored: e.name, path, size: e.size });
    }
    // Entries sharing their compressed data are how the largest zip bombs multiply their output.
    spans.sort((a, b) => a.start - b.start);
    for (let i = 1; i < spans.length; i++) if (spans[i]!.start < spans[i - 1]!.end) throw damaged(ctx, spans[i]!.name);
  }

  /** Uncompressed size the directory declares for an entry; undefined when absent. */
  sizeOf(stored: string): number | undefined {
    return stored.endsWith('/') ? undefined : this.located.get(stored)?.size;
  }

  has(stored: string): boolean {
    return this.located.has(stored) && !stored.endsWith('/');
  }

  /** Inflates one entry (by stored name) and checks it against the directory; undefined when absent. */
  read(stored: string): Uint8Array | undefined {
    const e = this.located.get(stored);
    if (!e || stored.endsWith('/')) return undefined;
    const raw = this.bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
    let data: Uint8Array;
    if (e.method === STORED) {
      data = raw;
    } else {
      try {
        // Output beyond the declared size stops inflating at once: an entry cannot lie its way in.
        // One chunk the declared size (and a byte) holds an honest entry whole, where 16 KiB
        // chunks were gathered, then copied into one buffer; bounded, so that a size declared
        // falsely large is not reserved before inflating shows it false.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(e.size, 1), chunkSize: Math.min(Math.max(e.size + 1, 64), ONE_CHUNK) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new TresseError('archive.sizeMismatch', { file: this.ctx.file, format: this.ctx.format, entry: stored });
        }
        throw damaged(this.ctx, stored);
      }
    }
    if (data.length !== e.size) throw new TresseError('archive.sizeMismatch', { file: this.ctx.file, format: this.ctx.format, entry: stored });
    if (crc32(data) >>> 0 !== e.crc) throw new TresseError('archive.checksum', { file: this.ctx.file, format: this.ctx.format, entry: stored });
    return data;
  }

  /** Inflates the given entries (by stored name); absent ones are left out. */
  extract(stored: Iterable<string>): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>();
    for (const name of new Set(stored)) {
      const data = this.read(name);
      if (data) out.set(name, data);
    }
    return out;
  }
}
