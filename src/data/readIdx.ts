import { readFileSync } from 'node:fs';
import { InputRangeError } from '../inputError.js';

/** An IDX array of unsigned bytes (the MNIST file format): its dimensions and data. @public */
export interface IdxArray {
  /** Sizes of the dimensions, outermost first (e.g. [10000, 28, 28]). */
  readonly dims: readonly number[];
  /** The values, row-major, as stored. */
  readonly data: Uint8Array;
}

/** IDX type code of unsigned bytes (the third byte of the magic number). */
const UBYTE = 0x08;

/**
 * Parse an IDX file of unsigned bytes (Y. LeCun's format, used by MNIST): a 4-byte magic
 * number 0x00 0x00 0x08 d (d dimensions), d big-endian 32-bit sizes, then the product of
 * the sizes in bytes. Every part is checked, so a corrupt or truncated file fails with
 * a message naming the file and what is wrong, never with a short read.
 *
 * @param bytes - the file's contents
 * @param name - the file's name, for messages
 * @param expectedDims - number of dimensions required (3 for images, 1 for labels)
 * @returns the dimensions and a view of the data (not a copy)
 * @throws RangeError naming the file when the magic number, the dimensions or the length are wrong
 * @example parseIdx(Buffer.from([0, 0, 8, 1, 0, 0, 0, 2, 7, 9]), 'x', 1).data // returns Uint8Array [7, 9]
 * @public
 */
export function parseIdx(bytes: Uint8Array, name: string, expectedDims: number): IdxArray {
  if (bytes.length < 4) throw new InputRangeError(`${name}: not an IDX file: ${bytes.length} bytes, fewer than the 4-byte magic number`);
  if (bytes[0] !== 0 || bytes[1] !== 0) throw new InputRangeError(`${name}: not an IDX file: magic number starts ${hex(bytes[0])} ${hex(bytes[1])}, expected 0x00 0x00`);
  if (bytes[2] !== UBYTE) throw new InputRangeError(`${name}: IDX type code ${hex(bytes[2])}, expected 0x08 (unsigned bytes)`);
  const d = bytes[3] as number;
  if (d !== expectedDims) throw new InputRangeError(`${name}: IDX file has ${d} dimensions, expected ${expectedDims}`);
  const headerLength = 4 + 4 * d;
  if (bytes.length < headerLength) throw new InputRangeError(`${name}: truncated IDX header: ${bytes.length} bytes, expected at least ${headerLength}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const dims: number[] = [];
  let size = 1;
  for (let k = 0; k < d; k += 1) {
    const n = view.getUint32(4 + 4 * k, false);
    dims.push(n);
    size *= n;
  }
  if (bytes.length !== headerLength + size) {
    throw new InputRangeError(`${name}: IDX data length ${bytes.length - headerLength} bytes does not match the dimensions ${dims.join(' × ')} = ${size} bytes`);
  }
  return { dims, data: bytes.subarray(headerLength) };
}

/**
 * Read and parse an IDX file of unsigned bytes ({@link parseIdx}).
 * @param path - the file
 * @param expectedDims - number of dimensions required
 * @throws Error naming the file when it cannot be read; RangeError when it is not a valid IDX file
 * @public
 */
export function readIdx(path: string, expectedDims: number): IdxArray {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new Error(`cannot read IDX file ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return parseIdx(bytes, path, expectedDims);
}

function hex(b: number | undefined): string {
  return `0x${(b ?? 0).toString(16).padStart(2, '0')}`;
}
