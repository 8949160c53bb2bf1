import { renameSync, writeFileSync } from 'node:fs';
import { CliError } from './cliError.js';
import { readNumericCsv } from './numericCsv.js';
import type { NumericOption } from './numericOption.js';

/** Values of the numeric options for one evaluation, keyed by option name (kebab-case). @internal */
export type NumericValues = Readonly<Record<string, number | undefined>>;

/** What a batch run needs: the CSV, the options its columns may name, constant flag values, and the per-row computation. @internal */
export interface BatchRequest {
  readonly inputPath: string;
  readonly options: readonly NumericOption[];
  readonly flagValues: NumericValues;
  readonly compute: (values: NumericValues) => number;
  readonly json: boolean;
  /** File to write, or undefined for stdout. */
  readonly outputPath: string | undefined;
  /** Where to write stdout text. */
  readonly stdout: (text: string) => void;
}

/**
 * Evaluate one result per CSV row: each row's columns fill the options they name,
 * flags fill the rest (a value given both ways is an error). Output is the input row
 * followed by a `bits` column (CSV), or an array of objects (JSON). Nothing is
 * written unless every row succeeds; a file is written whole (temp file, then rename).
 * @internal
 */
export function runBatch(req: BatchRequest): number {
  const names = req.options.map((o) => o.name);
  const csv = readNumericCsv(req.inputPath, names);
  for (const h of csv.header) {
    if (req.flagValues[h] !== undefined) throw new CliError(`${h} is given both as a column of ${JSON.stringify(req.inputPath)} and as the flag --${h}; give it once`);
  }
  const bits = new Float64Array(csv.rowCount);
  const values: Record<string, number | undefined> = { ...req.flagValues };
  for (let i = 0; i < csv.rowCount; i += 1) {
    for (let j = 0; j < csv.header.length; j += 1) values[csv.header[j] as string] = (csv.columns[j] as Float64Array)[i];
    try {
      bits[i] = req.compute(values);
    } catch (e) {
      if (e instanceof RangeError || e instanceof TypeError || e instanceof CliError) {
        throw new CliError(`input CSV ${JSON.stringify(req.inputPath)}, line ${i + 2}: ${e.message}`);
      }
      throw e;
    }
  }
  let text: string;
  if (req.json) {
    const parts: string[] = new Array<string>(csv.rowCount);
    for (let i = 0; i < csv.rowCount; i += 1) {
      const obj: Record<string, number | null> = {};
      csv.header.forEach((h, j) => {
        const v = (csv.columns[j] as Float64Array)[i] as number;
        obj[h] = Number.isFinite(v) ? v : null;
      });
      obj.bits = bits[i] as number;
      parts[i] = JSON.stringify(obj);
    }
    text = `[${parts.join(',\n')}]\n`;
  } else {
    const parts: string[] = new Array<string>(csv.rowCount + 1);
    parts[0] = `${csv.header.join(',')},bits`;
    for (let i = 0; i < csv.rowCount; i += 1) parts[i + 1] = `${csv.lines[i] as string},${bits[i] as number}`;
    text = `${parts.join('\n')}\n`;
  }
  if (req.outputPath === undefined) req.stdout(text);
  else writeWhole(req.outputPath, text);
  return csv.rowCount;
}

/** Write a file whole: to a temporary name beside it, then rename (no half-written output). @internal */
export function writeWhole(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new CliError(`cannot write output ${JSON.stringify(path)}: ${code === 'ENOENT' ? 'no such directory' : code}`);
  }
}
