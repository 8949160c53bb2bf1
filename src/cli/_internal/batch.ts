import { evaluateBlock, formatCsvRows, formatJsonRows, type ColumnsEvaluator } from './batchRows.js';
import { readCsvBlocks, type CsvBlock } from './csvBlocks.js';
import { UsageError } from './errors.js';
import { openInputStream } from './inputFile.js';
import { parseCsvBlock, type CsvFile } from './numericCsv.js';
import type { NumericOption } from './numericOption.js';
import type { NumericValues } from './numericValues.js';
import { commitOutput, planOutput } from './outputFile.js';
import { progressOn } from './progress.js';
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
  /** The same evaluations over whole columns, for this header and these flags, when the command has them (undefined: row by row). */
  readonly columnsEvaluator?: (header: readonly string[], flags: NumericValues) => ColumnsEvaluator | undefined;
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
 * Output to standard output is held until it passes this size (bytes), so that a batch
 * whose output is smaller writes nothing when a row fails, as a file output never does;
 * a larger one streams, keeping memory flat (docs/cli.md#batch-mode).
 */
const STDOUT_HOLD_BYTES = 16 * 1024 * 1024;

/**
 * Evaluate one result per CSV row: each row's columns fill the options they name,
 * flags fill the rest (a value given both ways is an error). Output is the input row
 * followed by a `bits` column (CSV), or an array of objects (JSON). The input is read,
 * evaluated and written in blocks, so memory stays flat in the number of rows. A file
 * output is written whole or not at all (see planOutput), and never over the input;
 * standard output gets nothing from a failing batch whose output is below 16 MiB.
 * @internal
 */
export async function runBatch(req: BatchRequest): Promise<number> {
  const where = req.inputPath === '-' ? 'input CSV (standard input)' : `input CSV ${describeValue(req.inputPath)}`;
  const toFile = req.outputPath !== undefined && req.outputPath !== '-';
  const input = openInputStream(req.inputPath, where);
  const plan = toFile ? planOutput(req.outputPath as string, { what: `--output ${describeValue(req.outputPath)}`, inputs: input.identity === null ? [] : [{ ...input.identity, what: `--input ${describeValue(req.inputPath)}` }] }) : undefined;
  const { file, blocks } = await readCsvBlocks(input.chunks, where, req.options);
  for (const h of file.header) {
    if (req.flags[h] !== undefined) throw new UsageError(`${h} is given both as a column of ${where} and as the flag --${h}; give it once`);
  }
  // Rows cost from microseconds (χ_W) to a tenth of a second (the photon-number Holevo bound at M = 1e10): a bar on a terminal.
  // The total is a guess (rows of about 20 bytes) until the file has been read.
  const guess = Math.max(1, Math.round((input.size ?? 0) / 20));
  const bar = progressOn(req.quiet).bar('batch [{bar}] {percentage}% | {value}/{total} rows | eta {eta_formatted}', guess);
  let rows = 0;
  const onRows = (done: number, final: boolean) => {
    rows = done;
    bar.setTotal(final ? done : Math.max(done, guess));
    bar.update(done);
  };
  try {
    const parts = batchOutput(file, blocks, req, onRows);
    if (plan === undefined) await writeHeld(parts, req.stdout);
    else await commitOutput(plan, `--output ${describeValue(req.outputPath)}`, parts);
  } finally {
    bar.stop();
  }
  return rows;
}

/**
 * The output of a batch, block by block: the header, then each block's rows. A row that
 * fails evaluation stops the output, but the rest of the file is still parsed: an error
 * in the text of a later row is reported first, as when the whole file was parsed before
 * any row was evaluated. `onRows` is told the rows read so far after each block.
 * @internal
 */
export async function* batchOutput(file: CsvFile, blocks: AsyncIterable<CsvBlock>, req: Pick<BatchRequest, 'flags' | 'evaluate' | 'columnsEvaluator' | 'json' | 'echo'>, onRows?: (rows: number, final: boolean) => void): AsyncGenerator<string | Buffer> {
  const columnsEvaluator = req.columnsEvaluator?.(file.header, req.flags);
  if (!req.json) yield req.echo ? `${file.header.join(',')},bits\n` : 'bits\n';
  let firstLine = 2;
  let evaluationError: UsageError | undefined;
  for await (const block of blocks) {
    const rows = parseCsvBlock(file, block.bytes, 0, block.bytes.length, block.final, firstLine);
    if (evaluationError === undefined && rows.rowCount > 0) {
      const bits = new Float64Array(rows.rowCount);
      evaluationError = evaluateBlock(file, rows, req.flags, req.evaluate, columnsEvaluator, firstLine, bits);
      if (evaluationError === undefined) yield req.json ? formatJsonRows(file, rows, bits, firstLine === 2) : formatCsvRows(block.bytes, rows, bits, req.echo);
    }
    firstLine += rows.rowCount;
    onRows?.(firstLine - 2, block.final);
  }
  if (evaluationError !== undefined) throw evaluationError;
  if (req.json) yield firstLine === 2 ? '[]\n' : ']\n';
}

/** Write parts to standard output, holding them until they pass STDOUT_HOLD_BYTES or end. */
async function writeHeld(parts: AsyncIterable<string | Buffer>, stdout: (text: string | Buffer) => void): Promise<void> {
  const held: (string | Buffer)[] = [];
  let heldBytes = 0;
  let streaming = false;
  for await (const part of parts) {
    if (streaming) {
      stdout(part);
      continue;
    }
    held.push(part);
    heldBytes += part.length;
    if (heldBytes > STDOUT_HOLD_BYTES) {
      for (const p of held) stdout(p);
      held.length = 0;
      streaming = true;
    }
  }
  for (const p of held) stdout(p);
}
