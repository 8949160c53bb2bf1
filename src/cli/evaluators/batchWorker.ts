/**
 * Worker thread of a parallel bound table (`qsdl leak weight --input`, docs/cli.md#batch-mode):
 * may be started before the input's header is read (parallelBatch.ts, prestartBatchWorkers);
 * its first message is the setup, from which it builds the command's column evaluator
 * once and says whether it is ready; then for
 * each block of whole CSV lines it is sent parses it, evaluates it and formats its output,
 * and posts the bytes back (transferred, not copied). Any error, bad input or a bug, is
 * posted as `ok: false` without a message: the main thread then processes that block and
 * the rest itself, in order, which names the error exactly as a run on one thread does
 * (line numbers need the rows of every earlier block, which a worker does not know).
 * Shares its code with the main thread's path (parseCsvBlock, formatCsvRows,
 * weightColumnsEvaluator), so the bytes are the same.
 * @internal
 */
import { parentPort } from 'node:worker_threads';
import { presetWeightFactor } from '../../presets/weightFactors.js';
import { formatCsvRows } from '../_internal/batchRows.js';
import type { BlockReply, BlockRequest, WorkerSetup } from '../_internal/parallelBatch.js';
import { parseCsvBlock, type CsvFile } from '../_internal/numericCsv.js';
import type { NumericOption } from '../_internal/numericOption.js';
import { WEIGHT_MODELS, WEIGHT_OPTIONS, weightColumnsEvaluator, type WeightModel } from './weightEvaluator.js';

/** What `leak weight` sends in `workerData.settings`. @internal */
export interface WeightWorkerSettings {
  readonly model: WeightModel;
  readonly preset: string | null;
}

function start(setup: WorkerSetup): ((request: BlockRequest) => BlockReply) | null {
  if (setup.evaluator !== 'weight') return null;
  const settings = setup.settings as WeightWorkerSettings;
  if (!WEIGHT_MODELS.includes(settings.model)) return null;
  const columns = setup.header.map((h) => WEIGHT_OPTIONS.find((o) => o.name === h));
  if (columns.some((c) => c === undefined)) return null;
  const file: CsvFile = { where: setup.where, header: setup.header, columns: columns as NumericOption[] };
  const evaluate = weightColumnsEvaluator(setup.header, setup.flags, settings.model, settings.preset === null ? undefined : presetWeightFactor(settings.preset));
  if (evaluate === undefined) return null;
  return (request) => {
    const bytes = Buffer.from(request.bytes, 0, request.length);
    // The line numbers are placeholders: a block that fails is redone by the main thread.
    const rows = parseCsvBlock(file, bytes, 0, request.length, request.final, 2);
    const bits = new Float64Array(rows.rowCount);
    if (rows.rowCount > 0 && evaluate(rows.columns, rows.rowCount, bits) >= 0) return { id: request.id, ok: false };
    const out = formatCsvRows(bytes, rows, bits, setup.echo);
    // Transferred when the output has its memory to itself (Buffer.allocUnsafe pools only allocations below 4 KiB); else copied.
    const own = out.length >= 4096 && out.byteOffset === 0;
    const buffer = own ? out.buffer as ArrayBuffer : (out.buffer as ArrayBuffer).slice(out.byteOffset, out.byteOffset + out.length);
    return { id: request.id, ok: true, rowCount: rows.rowCount, bytes: buffer, length: out.length };
  };
}

let run: ((request: BlockRequest) => BlockReply) | null | undefined;
parentPort?.on('message', (message: { setup: WorkerSetup } | BlockRequest) => {
  if ('setup' in message) {
    try {
      run = start(message.setup);
    } catch {
      run = null;
    }
    parentPort?.postMessage({ ready: run !== null });
    return;
  }
  let reply: BlockReply;
  try {
    if (typeof run !== 'function') throw new Error('a block came before a valid setup');
    reply = run(message);
  } catch {
    reply = { id: message.id, ok: false };
  }
  parentPort?.postMessage(reply, reply.ok ? [reply.bytes] : []);
});
