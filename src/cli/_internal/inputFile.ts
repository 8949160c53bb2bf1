import { closeSync, createReadStream, fstatSync, openSync, read, readSync, statSync, type Stats } from 'node:fs';
import { promisify } from 'node:util';
import { errnoCode } from './errnoText.js';
import { UsageError } from './errors.js';
import { fileKind, identityOf, type FileIdentity } from './fileIdentity.js';
import { fileError } from './outputFile.js';

/** An input file read whole. @internal */
export interface InputData {
  readonly bytes: Buffer;
  /** Device and inode of a regular file (for the output-is-not-an-input check), null for a pipe or terminal. */
  readonly identity: FileIdentity | null;
}

/** "1.5 MiB" for messages. @internal */
export function byteSize(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  return `${Number(v.toPrecision(3))} ${units[u] as string}`;
}

function tooLarge(what: string, limit: number, size?: number): UsageError {
  return new UsageError(`${what} is ${size === undefined ? 'larger than' : `${byteSize(size)},`} ${size === undefined ? byteSize(limit) : `above the limit of ${byteSize(limit)}`} (qsdl reads it whole into memory; split it into smaller files)`);
}

/** Read a stream (pipe, FIFO, device) to its end, failing as soon as it passes `limit` bytes. The stream owns `fd` and closes it (unless it is standard input). */
async function readStream(fd: number, what: string, limit: number, closeFd: boolean): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = createReadStream('', { fd, autoClose: closeFd, highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) {
      const b = chunk as Buffer;
      total += b.length;
      if (total > limit) throw tooLarge(what, limit);
      chunks.push(b);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw fileError(e, `cannot read ${what}`);
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, total);
}

/** An input read in chunks, never held whole. @internal */
export interface InputStream {
  /**
   * Its bytes, in chunks of up to 256 KiB; a read error is thrown as an error naming the
   * input. The memory of a chunk is reused: it stays valid until the second chunk after
   * it is handed out (copy what must live longer).
   */
  readonly chunks: AsyncIterable<Buffer>;
  /**
   * Bytes just before each chunk, in the chunk's own ArrayBuffer (from its byteOffset
   * back), that the reader never writes: a consumer may put there the end of a line
   * carried from the previous chunk, making one block of it without copying the chunk.
   * 0 when there are none (pipes and standard input, whose chunks share memory).
   */
  readonly headroom: number;
  /** Device and inode of a regular file (for the output-is-not-an-input check), null for a pipe or terminal. */
  readonly identity: FileIdentity | null;
  /** Size of a regular file as stat gives it (0 for files of /proc), undefined for a stream. */
  readonly size: number | undefined;
}

/** Bytes per read of a streamed input: few enough reads, and a block small enough to stay in cache while it is parsed, evaluated and formatted (256 KiB measured 20–30 ms faster than 1 MiB on the 300 000-row table: less memory touched for the first time, see INPUT_RING; 128 KiB the same as 256). */
const STREAM_CHUNK_BYTES = 1 << 18;

/**
 * Buffers that a regular file is read into in turn, one read ahead of the chunk in use
 * (InputStream.chunks): reused instead of fresh, because memory touched for
 * the first time costs a page fault per 4 KiB, about 3 ms per MiB on the 2-core CI
 * machine (measured: filling 20 MB the first time 54–74 ms, the second 1.4 ms), which
 * was a sixth of a 300 000-row bound table when every read had a fresh buffer.
 * @internal
 */
const INPUT_RING = 3;

/** Bytes free before each chunk of a regular file, in its buffer ({@link InputStream.headroom}). */
const CHUNK_HEADROOM = 4096;

const readAsync = promisify(read);

/**
 * Open an input to read it in chunks: a regular file, a FIFO or device, or standard input
 * for `-`; a folder is refused. Errors name the input, as {@link readInput}'s do. The
 * caller must read `chunks` to the end or stop iterating, which closes the file.
 * @param path - a path, or `-` for standard input
 * @param what - how messages name it, e.g. `input CSV "points.csv"`
 * @internal
 */
export function openInputStream(path: string, what: string): InputStream {
  const stdin = path === '-';
  let fd: number;
  try {
    fd = stdin ? 0 : openSync(path, 'r');
  } catch (e) {
    throw fileError(e, `cannot read ${what}`);
  }
  let st: Stats;
  try {
    st = fstatSync(fd);
    if (st.isDirectory()) throw new UsageError(`cannot read ${what}: is a folder`);
  } catch (e) {
    if (!stdin) closeSync(fd);
    if (e instanceof UsageError) throw e;
    throw fileError(e, `cannot read ${what}`);
  }
  const regular = st.isFile();
  async function* fileChunks(): AsyncGenerator<Buffer> {
    const ring = Array.from({ length: INPUT_RING }, () => Buffer.allocUnsafeSlow(CHUNK_HEADROOM + STREAM_CHUNK_BYTES));
    const readInto = (buffer: Buffer) => readAsync(fd, buffer, CHUNK_HEADROOM, STREAM_CHUNK_BYTES, null).then((r) => r.bytesRead, (e: unknown) => {
      throw fileError(e, `cannot read ${what}`);
    });
    // One read ahead: the next chunk is read while this one is used (so a chunk handed out is overwritten by the read issued when the second after it is handed out).
    let next: Promise<number> | undefined = readInto(ring[0] as Buffer);
    try {
      for (let k = 0; ; k += 1) {
        const n = await next;
        next = undefined;
        if (n === 0) return;
        next = readInto(ring[(k + 1) % INPUT_RING] as Buffer);
        yield (ring[k % INPUT_RING] as Buffer).subarray(CHUNK_HEADROOM, CHUNK_HEADROOM + n);
      }
    } finally {
      // A read still in flight finishes before the file is closed (its error, if any, no longer matters).
      if (next !== undefined) await next.catch(() => undefined);
      closeSync(fd);
    }
  }
  // Pipes, FIFOs, devices and standard input go through a stream (fresh buffers), which also handles their readiness.
  async function* chunks(): AsyncGenerator<Buffer> {
    const stream = createReadStream('', { fd, autoClose: !stdin, highWaterMark: STREAM_CHUNK_BYTES });
    try {
      for await (const chunk of stream) yield chunk as Buffer;
    } catch (e) {
      throw fileError(e, `cannot read ${what}`);
    } finally {
      stream.destroy();
    }
  }
  const file = regular && !stdin;
  return { chunks: file ? fileChunks() : chunks(), headroom: file ? CHUNK_HEADROOM : 0, identity: regular ? identityOf(st, what) : null, size: regular ? st.size : undefined };
}

/**
 * Read an input whole: a regular file (its size checked before reading), a FIFO or
 * device (read to the end, up to the limit), or standard input for `-`. A folder is
 * refused. Errors name the input: a missing path is a UsageError, a refused read an
 * IoError.
 * @param path - a path, or `-` for standard input
 * @param what - how messages name it, e.g. `input CSV "points.csv"`
 * @param limit - largest size read, in bytes
 * @param regularOnly - refuse anything but a regular file (a FIFO would wait for a writer)
 * @internal
 */
export async function readInput(path: string, what: string, limit: number, regularOnly = false): Promise<InputData> {
  const stdin = path === '-';
  if (regularOnly) {
    let st: Stats;
    try {
      st = statSync(path);
    } catch (e) {
      throw fileError(e, `cannot read ${what}`);
    }
    if (!st.isFile()) throw new UsageError(`cannot read ${what}: it is a ${fileKind(st)}, not a regular file`);
  }
  let fd: number;
  try {
    fd = stdin ? 0 : openSync(path, 'r');
  } catch (e) {
    throw fileError(e, `cannot read ${what}`);
  }
  let owned = !stdin; // closed here, unless a stream takes it over
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new UsageError(`cannot read ${what}: is a folder`);
    if (!st.isFile()) {
      owned = false;
      return { bytes: await readStream(fd, what, limit, !stdin), identity: null };
    }
    if (st.size > limit) throw tooLarge(what, limit, st.size);
    // Read to the end, not to the size stat gives: files of /proc report 0 bytes and have content.
    let bytes = Buffer.allocUnsafe(Math.max(st.size + 1, 1 << 16)); // one byte more than stat says: the read that finds the end needs no new buffer
    let n = 0;
    for (;;) {
      if (n === bytes.length) {
        if (n >= limit + 1) throw tooLarge(what, limit);
        const bigger = Buffer.allocUnsafe(Math.min(limit + 1, 2 * bytes.length));
        bytes.copy(bigger, 0, 0, n);
        bytes = bigger;
      }
      const r = readSync(fd, bytes, n, bytes.length - n, null);
      if (r === 0) break;
      n += r;
    }
    if (n > limit) throw tooLarge(what, limit);
    return { bytes: bytes.subarray(0, n), identity: identityOf(st, what) };
  } catch (e) {
    if (e instanceof UsageError || errnoCode(e) === undefined) throw e;
    throw fileError(e, `cannot read ${what}`);
  } finally {
    if (owned) closeSync(fd);
  }
}
