import { isInputError } from '../../inputError.js';
import { UsageError } from './errors.js';
import { formatRoundTrip } from './formatRoundTrip.js';
import { parseCsvRows, type CsvFile, type CsvRows } from './numericCsv.js';
import type { NumericValues } from './numericValues.js';

/**
 * Parse the rows of a CSV file and evaluate each (columns fill the options they name,
 * flags the rest); return the rows and their results. A row that fails validation
 * raises a UsageError naming its line. `onProgress` is told every 4096 rows. @internal
 */
export function evaluateRows(file: CsvFile, flags: NumericValues, evaluate: (values: NumericValues) => number, onProgress?: (done: number, total: number) => void): { rows: CsvRows; bits: Float64Array } {
  const rows = parseCsvRows(file);
  const bits = new Float64Array(rows.rowCount);
  const values: Record<string, number | undefined> = { ...flags };
  const names = file.header;
  for (let i = 0; i < rows.rowCount; i += 1) {
    for (let j = 0; j < names.length; j += 1) values[names[j] as string] = (rows.columns[j] as Float64Array)[i];
    try {
      bits[i] = evaluate(values);
    } catch (e) {
      if (isInputError(e) || e instanceof UsageError) {
        throw new UsageError(`${file.where}, line ${i + 2}: ${e.message}`);
      }
      throw e;
    }
    if (onProgress !== undefined && (i & 4095) === 4095) onProgress(i + 1, rows.rowCount);
  }
  return { rows, bits };
}

/**
 * CSV output: each input row's bytes copied unchanged and `,` (when `echo`),
 * then the result with 17 significant digits (reads back to the same double), then a
 * line feed. The row copy moves four bytes at a time through DataView (integers, so
 * every byte pattern survives): ten times faster than a byte loop, and Buffer.copy's
 * per-call overhead dominates for rows of tens of bytes (measured in bench/).
 * @internal
 */
export function formatCsvRows(file: CsvFile, rows: CsvRows, bits: Float64Array, echo: boolean): Buffer {
  // A 17-digit double is at most 24 characters (-1.2345678901234567e-308), plus ',' and '\n'.
  let size = rows.rowCount * 26;
  if (echo) for (let i = 0; i < rows.rowCount; i += 1) size += (rows.rowEnd[i] as number) - (rows.rowStart[i] as number);
  const out = Buffer.allocUnsafe(size);
  const src = file.bytes;
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
    const s = formatRoundTrip(bits[i] as number);
    for (let c = 0; c < s.length; c += 1) out[o++] = s.charCodeAt(c);
    out[o++] = 0x0a;
  }
  return out.subarray(0, o);
}
