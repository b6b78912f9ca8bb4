// Writes a zip archive with Node's native deflate: fflate's JavaScript deflate took seconds on a
// large project, zlib takes tens of milliseconds. Plain zip (no zip64): up to 65,535 entries and
// 4 GiB, far beyond a qualitative project's text.
import { crc32, deflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const LIMIT = 0xffffffff;

/** zlib's output pieces: each is a return to the main thread. */
const OUTPUT_CHUNK = 256 * 1024;

interface Packed {
  name: string;
  crc: number;
  size: number;
  /** What is stored: the deflated data, or the data itself when deflate does not help. */
  body: Uint8Array;
  method: 0 | 8;
}

// Stored when deflate does not help (tiny or already compressed data).
const packed = (entry: ZipEntry, crc: number, deflated: Uint8Array): Packed =>
  deflated.length >= entry.data.length
    ? { name: entry.name, crc, size: entry.data.length, body: entry.data, method: 0 }
    : { name: entry.name, crc, size: entry.data.length, body: deflated, method: 8 };

export function writeZip(entries: readonly ZipEntry[], mtime: Date = new Date(), level = 6): Uint8Array {
  if (entries.length > 0xffff) throw new RangeError('too many zip entries');
  return archive(
    entries.map((e) => packed(e, crc32(e.data), deflateRawSync(e.data, { level }))),
    mtime,
  );
}

/**
 * An entry's bytes, written in place: one buffer that grows, taken from and given back to its
 * archive's pool. A large export writes a hundred megabytes of XML; in fresh buffers the kernel
 * handed over and zeroed every page of them (and the GC then freed them), which cost more than
 * writing them.
 */
export class EntryBuffer {
  buf: Buffer;
  at = 0;

  constructor(
    private readonly pool: BufferPool,
    private readonly done: (data: Buffer, release: () => void) => void,
  ) {
    this.buf = pool.take(ENTRY_START);
  }

  /** Room for `n` more bytes at `at`. */
  room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = this.pool.take(Math.max(2 * this.buf.length, this.at + n));
    this.buf.copy(bigger, 0, 0, this.at);
    this.pool.give(this.buf);
    this.buf = bigger;
  }

  write(piece: Uint8Array): void {
    this.room(piece.length);
    this.buf.set(piece, this.at);
    this.at += piece.length;
  }

  /** Text as UTF-8. */
  text(s: string): void {
    this.room(s.length * 3);
    this.at += this.buf.write(s, this.at, 'utf8');
  }

  end(): void {
    const buf = this.buf;
    this.done(buf.subarray(0, this.at), () => this.pool.give(buf));
  }
}

/** Bytes an entry's buffer starts with. */
const ENTRY_START = 1 << 20;

/** Buffers for entries being written or deflated, used again once an entry is deflated. */
class BufferPool {
  private readonly free: Buffer[] = [];

  take(size: number): Buffer {
    const i = this.free.findIndex((b) => b.length >= size);
    if (i >= 0) return this.free.splice(i, 1)[0]!;
    return Buffer.allocUnsafeSlow(Math.max(size, ENTRY_START));
  }

  give(buf: Buffer): void {
    // A few kept: the entries in flight at once.
    if (this.free.length < 8) this.free.push(buf);
  }
}

/**
 * An archive written entry by entry, each deflated on Node's thread pool while the caller builds
 * the next one (a large XLSX export: the sheets' XML is made in JavaScript, their deflate runs
 * beside it), and only the compressed entries kept.
 */
export class ZipStream {
  private readonly entries: Promise<Packed>[] = [];
  private readonly pool = new BufferPool();

  constructor(
    private readonly level = 6,
    private readonly mtime = new Date(),
  ) {}

  add(entry: ZipEntry): void {
    this.reserve()(this.pack(entry));
  }

  /**
   * Keeps the next place in the archive for an entry given later through the function returned,
   * which must be called before finish(): the entries added after it are deflated meanwhile (a
   * .qdpx's sources while its project file, which comes first, is being written).
   */
  later(): (entry: ZipEntry) => void {
    const fill = this.reserve();
    return (entry) => fill(this.pack(entry));
  }

  /** An entry written in place (EntryBuffer), deflated once complete, in its place among the entries. */
  open(name: string): EntryBuffer {
    const fill = this.reserve();
    return new EntryBuffer(this.pool, (data, release) => fill(this.pack({ name, data }, release)));
  }

  /** The next place among the entries, filled when its entry is packed. */
  private reserve(): (entry: Promise<Packed>) => void {
    if (this.entries.length >= 0xffff) throw new RangeError('too many zip entries');
    let fill!: (entry: Promise<Packed>) => void;
    this.entries.push(new Promise<Packed>((resolve) => (fill = resolve)));
    return fill;
  }

  /**
   * One job on the thread pool for the whole entry: a deflate stream returns to the main thread
   * for every input chunk, and while the main thread builds the next sheet nothing answers it,
   * so the deflate waited for the end. `release`, for data in a pooled buffer: called once the
   * data is no longer needed.
   */
  private pack(entry: ZipEntry, release?: () => void): Promise<Packed> {
    const crc = crc32(entry.data);
    const done = new Promise<Packed>((resolve, reject) =>
      deflateRaw(entry.data, { level: this.level, chunkSize: OUTPUT_CHUNK }, (error, deflated) => {
        if (error) reject(error);
        else {
          const p = packed(entry, crc, deflated);
          // Pooled data stored as is is copied: its buffer goes back to the pool.
          resolve(release && p.body === entry.data ? { ...p, body: Buffer.from(entry.data) } : p);
        }
        release?.();
      }),
    );
    // A failure is reported by finish(); until then it is not an unhandled rejection.
    done.catch(() => {});
    return done;
  }

  async finish(): Promise<Uint8Array> {
    return archive(await Promise.all(this.entries), this.mtime);
  }
}

function archive(entries: readonly Packed[], mtime: Date): Uint8Array {
  const time = (mtime.getHours() << 11) | (mtime.getMinutes() << 5) | (mtime.getSeconds() >> 1);
  const date = ((Math.max(1980, mtime.getFullYear()) - 1980) << 9) | ((mtime.getMonth() + 1) << 5) | mtime.getDate();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const { body, crc } = entry;
    if (body.length > LIMIT || entry.size > LIMIT || offset > LIMIT) throw new RangeError('zip entry too large');
    const fields = { method: entry.method, crc, compressed: body.length, size: entry.size };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeCommon(local, 4, fields, time, date, name.length);
    parts.push(local, name, body);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // made by: version 2.0
    writeCommon(dir, 6, fields, time, date, name.length);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += local.length + name.length + body.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  const whole = Buffer.concat([...parts, ...central, end]);
  // A plain Uint8Array that owns its memory. A large archive already does (copying it again cost
  // as much as writing it); a small one may sit in Node's shared pool, and is copied out of it.
  const own = whole.byteOffset === 0 && whole.buffer.byteLength === whole.length;
  return own ? new Uint8Array(whole.buffer, 0, whole.length) : new Uint8Array(whole);
}

/** The fields local headers and central-directory entries share, from "version needed" on. */
function writeCommon(
  buf: Buffer,
  at: number,
  f: { method: number; crc: number; compressed: number; size: number },
  time: number,
  date: number,
  nameLength: number,
): void {
  buf.writeUInt16LE(20, at); // version needed: 2.0
  buf.writeUInt16LE(0x0800, at + 2); // names in UTF-8
  buf.writeUInt16LE(f.method, at + 4);
  buf.writeUInt16LE(time, at + 6);
  buf.writeUInt16LE(date, at + 8);
  buf.writeUInt32LE(f.crc >>> 0, at + 10);
  buf.writeUInt32LE(f.compressed, at + 14);
  buf.writeUInt32LE(f.size, at + 18);
  buf.writeUInt16LE(nameLength, at + 22);
}
