// The layout of a ZIP file, read by hand: fflate reports neither the flags (encryption) nor the
// CRC-32 of an entry, and trusts every offset it reads. Each field read here is bounds-checked, so
// a damaged or forged archive ends in a TresseError, never in a RangeError or an out-of-range read.
// Format: PKWARE APPNOTE 6.3 (end of central directory, zip64 records, central and local headers).
import { TresseError } from '../../i18n/error.ts';

export interface ArchiveContext {
  /** The archive's file name, as the user knows it. */
  file: string;
  /** The format as users name it: "Word (.docx)", "OpenDocument (.odt)", "REFI-QDA (.qdpx)". */
  format: string;
}

export interface DirectoryEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface LocalHeader {
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's data, just after the local header. */
  dataStart: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;
/** General-purpose flag bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;

/** Raised for structure faults; the guard words them for the user with the file's name. */
export function notZip(ctx: ArchiveContext): TresseError {
  return new TresseError('archive.notZip', { file: ctx.file, format: ctx.format });
}

export function truncated(ctx: ArchiveContext): TresseError {
  return new TresseError('archive.truncated', { file: ctx.file, format: ctx.format });
}

export function damaged(ctx: ArchiveContext, entry?: string): TresseError {
  return entry === undefined
    ? new TresseError('archive.damaged', { file: ctx.file, format: ctx.format })
    : new TresseError('archive.entryDamaged', { file: ctx.file, format: ctx.format, entry });
}

function startsLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7) && bytes[3] === bytes[2] + 1;
}

class Reader {
  private readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    private readonly fail: () => TresseError,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private check(at: number, length: number): void {
    if (!Number.isSafeInteger(at) || at < 0 || at + length > this.bytes.length) throw this.fail();
  }
  u16(at: number): number {
    this.check(at, 2);
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    this.check(at, 4);
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    this.check(at, 8);
    const value = this.view.getBigUint64(at, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw this.fail();
    return Number(value);
  }
  slice(at: number, length: number): Uint8Array {
    this.check(at, length);
    return this.bytes.subarray(at, at + length);
  }
}

function findEndRecord(bytes: Uint8Array, reader: Reader): number {
  const last = bytes.length - 22;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && reader.u32(at) === EOCD) return at;
  }
  return -1;
}

function decodeName(raw: Uint8Array, flags: number): string {
  if (flags & UTF8_NAME) return new TextDecoder('utf-8').decode(raw);
  // Without the flag the standard says code page 437, but many tools write UTF-8 anyway.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder('latin1').decode(raw);
  }
}

export interface Directory {
  /** Entry count the end record declares, checked before the entries are read. */
  declaredCount: number;
  read(): DirectoryEntry[];
}

/** Finds the central directory. Does not read the entries yet: their count is checked first. */
export function openDirectory(bytes: Uint8Array, ctx: ArchiveContext): Directory {
  const whole = new Reader(bytes, () => truncated(ctx));
  const eocd = bytes.length >= 22 ? findEndRecord(bytes, whole) : -1;
  if (eocd < 0) throw startsLikeZip(bytes) ? truncated(ctx) : notZip(ctx);
  const disk = whole.u16(eocd + 4);
  const cdDisk = whole.u16(eocd + 6);
  let count = whole.u16(eocd + 10);
  let cdSize = whole.u32(eocd + 12);
  let cdOffset = whole.u32(eocd + 16);
  let cdLimit = eocd;
  const zip64 = eocd >= 20 && whole.u32(eocd - 20) === ZIP64_LOCATOR;
  if (zip64) {
    const record = whole.u64(eocd - 20 + 8);
    if (record + 56 > eocd - 20 || whole.u32(record) !== ZIP64_EOCD) throw damaged(ctx);
    count = whole.u64(record + 32);
    cdSize = whole.u64(record + 40);
    cdOffset = whole.u64(record + 48);
    cdLimit = record;
  } else if (disk !== 0 || cdDisk !== 0) {
    // A split archive (.z01, .z02...): only one part was given.
    throw damaged(ctx);
  }
  if (cdOffset + cdSize > cdLimit) throw startsLikeZip(bytes) ? truncated(ctx) : damaged(ctx);
  const cd = new Reader(bytes.subarray(0, cdOffset + cdSize), () => damaged(ctx));

  return {
    declaredCount: count,
    read(): DirectoryEntry[] {
      const entries: DirectoryEntry[] = [];
      let at = cdOffset;
      for (let i = 0; i < count; i++) {
        if (cd.u32(at) !== CENTRAL) throw damaged(ctx);
        const flags = cd.u16(at + 8);
        const method = cd.u16(at + 10);
        const crc = cd.u32(at + 16);
        let compressedSize = cd.u32(at + 20);
        let size = cd.u32(at + 24);
        const nameLength = cd.u16(at + 28);
        const extraLength = cd.u16(at + 30);
        const commentLength = cd.u16(at + 32);
        let localOffset = cd.u32(at + 42);
        const name = decodeName(cd.slice(at + 46, nameLength), flags);
        const extra = at + 46 + nameLength;
        // Zip64: the sizes and offset saturated to 0xffffffff are in extra field 0x0001, in this order.
        if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
          let field = extra;
          const end = extra + extraLength;
          while (field + 4 <= end && cd.u16(field) !== 0x0001) field += 4 + cd.u16(field + 2);
          if (field + 4 > end) throw damaged(ctx, name);
          let value = field + 4;
          const next = (): number => {
            if (value + 8 > field + 4 + cd.u16(field + 2)) throw damaged(ctx, name);
            const v = cd.u64(value);
            value += 8;
            return v;
          };
          if (size === 0xffffffff) size = next();
          if (compressedSize === 0xffffffff) compressedSize = next();
          if (localOffset === 0xffffffff) localOffset = next();
        }
        entries.push({ name, flags, method, crc, compressedSize, size, localOffset });
        at = extra + extraLength + commentLength;
      }
      return entries;
    },
  };
}

/** The local header an entry points to, and where its data lies (checked to lie inside the file). */
export function readLocalHeader(bytes: Uint8Array, entry: DirectoryEntry, ctx: ArchiveContext): LocalHeader {
  const reader = new Reader(bytes, () => truncated(ctx));
  if (reader.u32(entry.localOffset) !== LOCAL) throw damaged(ctx, entry.name);
  const at = entry.localOffset;
  const header: LocalHeader = {
    flags: reader.u16(at + 6),
    method: reader.u16(at + 8),
    crc: reader.u32(at + 14),
    compressedSize: reader.u32(at + 18),
    size: reader.u32(at + 22),
    dataStart: at + 30 + reader.u16(at + 26) + reader.u16(at + 28),
  };
  if (header.dataStart + entry.compressedSize > bytes.length) throw truncated(ctx);
  return header;
}
