import { accessSync, closeSync, constants, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { evaluateRows, formatCsvRows } from './batchRows.js';
import { CliError } from './cliError.js';
import { readCsvFile, type CsvFile, type CsvRows } from './numericCsv.js';
import type { NumericOption } from './numericOption.js';
import type { NumericValues } from './numericValues.js';

/** What a batch run needs. @internal */
export interface BatchRequest {
  readonly inputPath: string;
  /** The options whose names the CSV columns may use. */
  readonly options: readonly NumericOption[];
  /** Values of the options given as flags (constant over the rows). */
  readonly flags: NumericValues;
  /** One evaluation: option values in, bits per symbol out; throws RangeError/TypeError/CliError on bad values. */
  readonly evaluate: (values: NumericValues) => number;
  readonly json: boolean;
  /** CSV output repeats each input row before its result (default); false writes the `bits` column alone. */
  readonly echo: boolean;
  /** File to write, or undefined for stdout. */
  readonly outputPath: string | undefined;
  /** Where to write stdout. */
  readonly stdout: (text: string | Buffer) => void;
}

/**
 * Evaluate one result per CSV row: each row's columns fill the options they name,
 * flags fill the rest (a value given both ways is an error). Output is the input row
 * followed by a `bits` column (CSV), or an array of objects (JSON). Nothing is
 * written unless every row succeeds; a file is written whole (temp file, then rename).
 * @internal
 */
export function runBatch(req: BatchRequest): number {
  const file = readCsvFile(req.inputPath, req.options);
  for (const h of file.header) {
    if (req.flags[h] !== undefined) throw new CliError(`${h} is given both as a column of ${JSON.stringify(req.inputPath)} and as the flag --${h}; give it once`);
  }
  const { rows, bits } = evaluateRows(file, req.flags, req.evaluate);
  const head = req.echo ? `${file.header.join(',')},bits\n` : 'bits\n';
  const parts = req.json ? [jsonRows(file, rows, bits)] : [head, formatCsvRows(file, rows, bits, req.echo)];
  if (req.outputPath === undefined) for (const p of parts) req.stdout(p);
  else writeWhole(req.outputPath, parts);
  return rows.rowCount;
}

/** JSON array of row objects: the row's columns (non-finite as null) and `bits`. */
function jsonRows(file: CsvFile, rows: CsvRows, bits: Float64Array): string {
  const parts: string[] = new Array<string>(rows.rowCount);
  for (let i = 0; i < rows.rowCount; i += 1) {
    const obj: Record<string, number | null> = {};
    file.header.forEach((h, j) => {
      const v = (rows.columns[j] as Float64Array)[i] as number;
      obj[h] = Number.isFinite(v) ? v : null;
    });
    obj.bits = bits[i] as number;
    parts[i] = JSON.stringify(obj);
  }
  return `[${parts.join(',\n')}]\n`;
}

/** Write a file whole: the parts in order to a temporary name beside it, then rename (no half-written output). @internal */
export function writeWhole(path: string, parts: readonly (string | Buffer)[]): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      for (const p of parts) writeFileSync(fd, p);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new CliError(`cannot write output ${JSON.stringify(path)}: ${code === 'ENOENT' ? 'no such directory' : code}`);
  }
}

/** Fail now, before a long computation, if `path` could not be written later (missing folder, no permission). @internal */
export function checkWritable(path: string): void {
  const dir = dirname(resolve(path));
  try {
    accessSync(dir, constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new CliError(`cannot write output ${JSON.stringify(path)}: ${code === 'ENOENT' ? 'no such directory' : code}`);
  }
}
