import { evaluateRows, formatCsvRows } from './batchRows.js';
import { UsageError } from './errors.js';
import { readInput } from './inputFile.js';
import { CSV_LIMITS, csvFile, type CsvFile, type CsvRows } from './numericCsv.js';
import type { NumericOption } from './numericOption.js';
import type { NumericValues } from './numericValues.js';
import { commitOutput, planOutput } from './outputFile.js';
import { progressOn, withBar } from './progress.js';
import { describeValue } from '../../_internal/validate.js';

/** What a batch run needs. @internal */
export interface BatchRequest {
  /** CSV path, or `-` for standard input. */
  readonly inputPath: string;
  /** The options whose names the CSV columns may use. */
  readonly options: readonly NumericOption[];
  /** Values of the options given as flags (constant over the rows). */
  readonly flags: NumericValues;
  /** One evaluation: option values in, bits per symbol out; throws an input error on bad values. */
  readonly evaluate: (values: NumericValues) => number;
  readonly json: boolean;
  /** CSV output repeats each input row before its result (default); false writes the `bits` column alone. */
  readonly echo: boolean;
  /** File to write, or undefined (or `-`) for standard output. */
  readonly outputPath: string | undefined;
  /** Where to write stdout. */
  readonly stdout: (text: string | Buffer) => void;
  /** No progress bar even on a terminal. */
  readonly quiet: boolean;
}

/**
 * Evaluate one result per CSV row: each row's columns fill the options they name,
 * flags fill the rest (a value given both ways is an error). Output is the input row
 * followed by a `bits` column (CSV), or an array of objects (JSON). Nothing is
 * written unless every row succeeds; a file is written whole (see planOutput), and
 * never over the input.
 * @internal
 */
export async function runBatch(req: BatchRequest): Promise<number> {
  const where = req.inputPath === '-' ? 'input CSV (standard input)' : `input CSV ${describeValue(req.inputPath)}`;
  const toFile = req.outputPath !== undefined && req.outputPath !== '-';
  // Paths first (a wrong output path fails before anything is read), then the input's identity.
  const input = await readInput(req.inputPath, where, CSV_LIMITS.bytes);
  const plan = toFile ? planOutput(req.outputPath as string, { what: `--output ${describeValue(req.outputPath)}`, inputs: input.identity === null ? [] : [{ ...input.identity, what: `--input ${describeValue(req.inputPath)}` }] }) : undefined;
  const file = csvFile(where, input.bytes, req.options);
  for (const h of file.header) {
    if (req.flags[h] !== undefined) throw new UsageError(`${h} is given both as a column of ${where} and as the flag --${h}; give it once`);
  }
  // Rows cost from microseconds (χ_W) to a tenth of a second (the photon-number Holevo bound at M = 1e10): a bar on a terminal.
  const { rows, bits } = withBar(progressOn(req.quiet), 'batch [{bar}] {percentage}% | {value}/{total} rows | eta {eta_formatted}', Math.max(1, Math.round(input.bytes.length / 20)), (bar) =>
    evaluateRows(file, req.flags, req.evaluate, (done, total) => {
      bar.setTotal(total);
      bar.update(done);
    }));
  const head = req.echo ? `${file.header.join(',')},bits\n` : 'bits\n';
  const parts = req.json ? jsonRows(file, rows, bits) : [head, formatCsvRows(file, rows, bits, req.echo)];
  if (plan === undefined) for (const p of parts) req.stdout(p);
  else await commitOutput(plan, `--output ${describeValue(req.outputPath)}`, parts);
  return rows.rowCount;
}

/** Rows per piece of JSON text: one string for all rows could pass V8's longest string (2^29 − 24 characters) at the row limit. */
const JSON_ROWS_PER_PART = 1 << 14;

/** JSON array of row objects: the row's columns (non-finite as null) and `bits`, as consecutive pieces of text. */
function jsonRows(file: CsvFile, rows: CsvRows, bits: Float64Array): string[] {
  const parts: string[] = [];
  let piece: string[] = [];
  for (let i = 0; i < rows.rowCount; i += 1) {
    const obj: Record<string, number | null> = {};
    file.header.forEach((h, j) => {
      const v = (rows.columns[j] as Float64Array)[i] as number;
      obj[h] = Number.isFinite(v) ? v : null;
    });
    obj.bits = bits[i] as number;
    piece.push(JSON.stringify(obj));
    if (piece.length === JSON_ROWS_PER_PART || i === rows.rowCount - 1) {
      parts.push(`${parts.length === 0 ? '[' : ',\n'}${piece.join(',\n')}`);
      piece = [];
    }
  }
  parts.push(parts.length === 0 ? '[]\n' : ']\n');
  return parts;
}
