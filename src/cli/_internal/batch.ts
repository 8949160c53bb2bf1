import { csvBlockOutput, evaluateBlock, formatCsvRows, formatJsonRows, OutputRing, type ColumnsEvaluator } from './batchRows.js';
import { readCsvBlocks, type CsvBlock } from './csvBlocks.js';
import { UsageError } from './errors.js';
import { openInputStream } from './inputFile.js';
import { parseCsvBlock, rowsScratch, type CsvFile } from './numericCsv.js';
import type { NumericOption } from './numericOption.js';
import type { NumericValues } from './numericValues.js';
import { commitOutput, planOutput } from './outputFile.js';
import type { BlockResult } from './parallelBatch.js';
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
  /**
   * How worker threads rebuild `columnsEvaluator` (src/cli/evaluators/batchWorker.ts):
   * the evaluator's name and its settings, plain data. Absent: one thread.
   */
  readonly parallel?: { readonly evaluator: string; readonly settings: unknown };
  /** Threads that process blocks, this one included (--threads); undefined: 1. */
  readonly threads?: number;
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
  const { file, blocks } = await readCsvBlocks(input.chunks, where, req.options, input.headroom);
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
  // One thread unless --threads asks for more: on the 2-core machine worker threads gained 4 % at the median of six
  // bench runs at 3 000 000 rows (bench/run.mjs, `threads`) and lost at 300 000, as each takes about 60 ms to start,
  // as long again to compile its code, and a copy of its blocks (docs/cli.md#batch-mode).
  const threads = req.threads ?? 1;
  try {
    // An output file takes each part before the third after it is made (one write in flight): its buffers can be reused.
    const parts = batchOutput(file, blocks, { ...req, reuseOutput: plan !== undefined }, onRows, threads);
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
 *
 * With `threads` above 1, CSV output and a command whose rows are evaluated by column
 * (`parallel`), blocks are shared with `threads − 1` worker threads (parallelBatch.ts):
 * the bytes are the same, and from the first block that fails anywhere the rest is
 * processed here, in order, so that errors are those of a run on one thread.
 * @internal
 */
export async function* batchOutput(file: CsvFile, blocks: AsyncIterable<CsvBlock>, req: Pick<BatchRequest, 'flags' | 'evaluate' | 'columnsEvaluator' | 'json' | 'echo' | 'parallel'> & { readonly reuseOutput?: boolean }, onRows?: (rows: number, final: boolean) => void, threads = 1): AsyncGenerator<string | Buffer> {
  const columnsEvaluator = req.columnsEvaluator?.(file.header, req.flags);
  if (!req.json) yield req.echo ? `${file.header.join(',')},bits\n` : 'bits\n';
  let firstLine = 2;
  let rest: AsyncIterable<CsvBlock> = blocks;
  // The worker code (and node:worker_threads) is loaded only by a run that uses it.
  const parallel = threads > 1 && !req.json && columnsEvaluator !== undefined && req.parallel !== undefined ? await import('./parallelBatch.js') : undefined;
  const url = parallel?.batchWorkerUrl() ?? null;
  if (parallel !== undefined && url !== null && columnsEvaluator !== undefined && req.parallel !== undefined) {
    const workers = new parallel.BlockWorkers(url, { ...req.parallel, header: file.header, flags: req.flags, echo: req.echo, where: file.where }, threads - 1);
    const local = (block: CsvBlock): BlockResult | undefined => {
      try {
        return csvBlockOutput(file, block.bytes, block.final, columnsEvaluator, req.echo);
      } catch {
        return undefined; // redone below, in order, which names the error
      }
    };
    // Blocks wait in a queue (and may have to be processed again, in order, after a failure) longer than the
    // reader keeps their memory (InputStream.chunks): each is copied, and the queue holds the copies.
    const source = blocks[Symbol.asyncIterator]();
    const iterator: AsyncIterator<CsvBlock> = {
      next: async () => {
        const r = await source.next();
        return r.done === true ? r : { done: false, value: { bytes: Buffer.from(r.value.bytes), final: r.value.final } };
      },
    };
    let redo: CsvBlock[] | undefined;
    try {
      const ordered = parallel.inBlockOrder(iterator, local, workers);
      for (;;) {
        const r = await ordered.next();
        if (r.done === true) {
          redo = r.value;
          break;
        }
        if (r.value.result.rowCount > 0) yield r.value.result.bytes;
        firstLine += r.value.result.rowCount;
        onRows?.(firstLine - 2, r.value.block.final);
      }
    } finally {
      workers.close();
    }
    if (redo === undefined) return;
    rest = (async function* () {
      yield* redo;
      for (;;) {
        const r = await iterator.next();
        if (r.done === true) return;
        yield r.value;
      }
    })();
  }
  let evaluationError: UsageError | undefined;
  // Memory reused from block to block: parsed rows and results (used before the next block), output buffers when the consumer allows.
  const scratch = rowsScratch(file.header.length);
  let results = new Float64Array(0);
  const ring = req.reuseOutput === true ? new OutputRing() : undefined;
  for await (const block of rest) {
    const rows = parseCsvBlock(file, block.bytes, 0, block.bytes.length, block.final, firstLine, scratch);
    if (evaluationError === undefined && rows.rowCount > 0) {
      if (results.length < rows.rowCount) results = new Float64Array(Math.max(rows.rowCount, Math.ceil(results.length * 1.25)));
      const bits = results.subarray(0, rows.rowCount);
      evaluationError = evaluateBlock(file, rows, req.flags, req.evaluate, columnsEvaluator, firstLine, bits);
      if (evaluationError === undefined) yield req.json ? formatJsonRows(file, rows, bits, firstLine === 2) : formatCsvRows(block.bytes, rows, bits, req.echo, ring);
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
