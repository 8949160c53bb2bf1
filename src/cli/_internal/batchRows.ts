import { isInputError } from '../../inputError.js';
import { UsageError } from './errors.js';
import { writeRoundTrip } from './formatRoundTrip.js';
import { parseCsvBlock, type CsvFile, type CsvRows } from './numericCsv.js';
import type { NumericValues } from './numericValues.js';

/**
 * One evaluation per row over whole columns: columns[j] is the header's column j, `out`
 * receives the results; returns the index of the first row it could not evaluate (that
 * row is then evaluated one by one, which names its error), or −1.
 * @internal
 */
export type ColumnsEvaluator = (columns: readonly Float64Array[], count: number, out: Float64Array) => number;

/**
 * Evaluate the parsed rows of one block (columns fill the options they name, flags the
 * rest) into `bits`, through `columnsEvaluator` when the command has one for this header
 * and these flags, else row by row. A row that fails validation is returned as a
 * UsageError naming its line (the block's first row is line `firstLine`); anything else
 * thrown is a bug and is thrown on.
 * @internal
 */
export function evaluateBlock(file: CsvFile, rows: CsvRows, flags: NumericValues, evaluate: (values: NumericValues) => number, columnsEvaluator: ColumnsEvaluator | undefined, firstLine: number, bits: Float64Array): UsageError | undefined {
  const values: Record<string, number | undefined> = { ...flags };
  const names = file.header;
  const one = (i: number): UsageError | undefined => {
    for (let j = 0; j < names.length; j += 1) values[names[j] as string] = (rows.columns[j] as Float64Array)[i];
    try {
      bits[i] = evaluate(values);
    } catch (e) {
      if (isInputError(e) || e instanceof UsageError) return new UsageError(`${file.where}, line ${firstLine + i}: ${e.message}`);
      throw e;
    }
    return undefined;
  };
  if (columnsEvaluator !== undefined) {
    const failed = columnsEvaluator(rows.columns, rows.rowCount, bits);
    if (failed < 0) return undefined;
    const error = one(failed);
    if (error === undefined) throw new Error(`line ${firstLine + failed} failed the column evaluation but passed the row evaluation`);
    return error;
  }
  for (let i = 0; i < rows.rowCount; i += 1) {
    const error = one(i);
    if (error !== undefined) return error;
  }
  return undefined;
}

/**
 * Output buffers used in turn: a buffer handed out by {@link OutputRing.take} is handed
 * out again {@link OUTPUT_RING} takes later, so whoever consumes the output must be done
 * with a buffer by then: true of an output file (commitOutput writes one part while the
 * next is computed), not of standard output (held, and written asynchronously). Memory
 * reused instead of fresh saves a page fault per 4 KiB, about 3 ms per MiB on the CI
 * machine (InputStream.chunks).
 * @internal
 */
export class OutputRing {
  private readonly buffers: Buffer[] = [];
  private next = 0;

  /** A buffer of at least `size` bytes (its content is whatever was there). */
  take(size: number): Buffer {
    const k = this.next;
    this.next = (k + 1) % OUTPUT_RING;
    let b = this.buffers[k];
    if (b === undefined || b.length < size) {
      // A quarter more than asked: blocks differ a little in size, and each new buffer is fresh memory again.
      b = Buffer.allocUnsafeSlow(Math.ceil(size * 1.25));
      this.buffers[k] = b;
    }
    return b;
  }
}

/** Buffers in an {@link OutputRing}. @internal */
export const OUTPUT_RING = 3;

/**
 * CSV output of one block: each row's bytes copied unchanged and `,` (when `echo`),
 * then the result with 17 significant digits (reads back to the same double), then a
 * line feed. The row copy moves four bytes at a time through DataView (integers, so
 * every byte pattern survives): ten times faster than a byte loop, and Buffer.copy's
 * per-call overhead dominates for rows of tens of bytes (measured in bench/). With a
 * `ring`, the output is written into its next buffer (valid until that buffer's turn comes again).
 * @internal
 */
export function formatCsvRows(bytes: Buffer, rows: CsvRows, bits: Float64Array, echo: boolean, ring?: OutputRing): Buffer {
  // A 17-digit double is at most 24 characters (-1.2345678901234567e-308), plus ',' and '\n'.
  let size = rows.rowCount * 26;
  if (echo) for (let i = 0; i < rows.rowCount; i += 1) size += (rows.rowEnd[i] as number) - (rows.rowStart[i] as number);
  const out = ring === undefined ? Buffer.allocUnsafe(size) : ring.take(size);
  return out.subarray(0, writeCsvRows(out, bytes, rows, bits, echo));
}

/**
 * The loop of {@link formatCsvRows}, in a function of its own (the code after a loop that
 * is compiled while it runs has no type feedback, and discarded the compiled code at the
 * end of each block); returns the bytes written.
 */
function writeCsvRows(out: Buffer, bytes: Buffer, rows: CsvRows, bits: Float64Array, echo: boolean): number {
  const src = bytes;
  const outView = new DataView(out.buffer, out.byteOffset, out.length);
  const srcView = new DataView(src.buffer, src.byteOffset, src.length);
  let o = 0;
  for (let i = 0; i < rows.rowCount; i += 1) {
    if (echo) {
      const end = rows.rowEnd[i] as number;
      let b = rows.rowStart[i] as number;
      for (; b + 4 <= end; b += 4, o += 4) outView.setUint32(o, srcView.getUint32(b));
      for (; b < end; b += 1) out[o++] = src[b] as number;
      out[o++] = 0x2c;
    }
    o = writeRoundTrip(bits[i] as number, out, o);
    out[o++] = 0x0a;
  }
  return o;
}

/**
 * One block of whole lines parsed, evaluated through `columnsEvaluator` and formatted as
 * CSV: its output and its number of rows, or undefined when a row does not evaluate. A
 * text error is thrown, with placeholder line numbers: this is the step of a block
 * processed out of order (a worker thread's, or this thread's beside them), and a block
 * that fails is processed again in order, which names its error (batch.ts).
 * @internal
 */
export function csvBlockOutput(file: CsvFile, bytes: Buffer, final: boolean, columnsEvaluator: ColumnsEvaluator, echo: boolean): { readonly bytes: Buffer; readonly rowCount: number } | undefined {
  const rows = parseCsvBlock(file, bytes, 0, bytes.length, final, 2);
  const bits = new Float64Array(rows.rowCount);
  if (rows.rowCount > 0 && columnsEvaluator(rows.columns, rows.rowCount, bits) >= 0) return undefined;
  return { bytes: formatCsvRows(bytes, rows, bits, echo), rowCount: rows.rowCount };
}

/** JSON output of one block: one object per row (the row's columns, non-finite as null, and `bits`), each line after the first of the file led by `,\n`. @internal */
export function formatJsonRows(file: CsvFile, rows: CsvRows, bits: Float64Array, first: boolean): string {
  const lines: string[] = [];
  for (let i = 0; i < rows.rowCount; i += 1) {
    const obj: Record<string, number | null> = {};
    file.header.forEach((h, j) => {
      const v = (rows.columns[j] as Float64Array)[i] as number;
      obj[h] = Number.isFinite(v) ? v : null;
    });
    obj.bits = bits[i] as number;
    lines.push(JSON.stringify(obj));
  }
  return lines.length === 0 ? '' : `${first ? '[' : ',\n'}${lines.join(',\n')}`;
}
