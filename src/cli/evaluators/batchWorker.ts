/**
 * Worker thread of a parallel bound table (`qsdl leak weight --input --threads N`,
 * docs/cli.md#batch-mode): its first message is the setup, from which it builds the
 * command's column evaluator once and says whether it is ready; then for each block of
 * whole CSV lines it is sent it parses, evaluates and formats it (csvBlockOutput) and
 * posts the bytes back (transferred, not copied). Any error, bad input or a bug, is
 * posted as `ok: false` without a message: the main thread then processes that block and
 * the rest itself, in order, which names the error exactly as a run on one thread does
 * (line numbers need the rows of every earlier block, which a worker does not know).
 * Shares its code with the main thread's path (csvBlockOutput, weightColumnsEvaluator),
 * so the bytes are the same.
 * @internal
 */
import { parentPort } from 'node:worker_threads';
import { presetWeightFactor } from '../../presets/weightFactors.js';
import { csvBlockOutput } from '../_internal/batchRows.js';
import type { BlockReply, BlockRequest, WorkerSetup } from '../_internal/parallelBatch.js';
import type { CsvFile } from '../_internal/numericCsv.js';
import type { NumericOption } from '../_internal/numericOption.js';
import { WEIGHT_MODELS, WEIGHT_OPTIONS, weightColumnsEvaluator, type WeightModel } from './weightEvaluator.js';

/** What `leak weight` sends as the setup's `settings`. @internal */
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
    const result = csvBlockOutput(file, Buffer.from(request.bytes, 0, request.length), request.final, evaluate, setup.echo);
    if (result === undefined) return { id: request.id, ok: false };
    const out = result.bytes;
    // Transferred when the output has its memory to itself (Buffer.allocUnsafe pools only allocations below 4 KiB); else copied.
    const own = out.length >= 4096 && out.byteOffset === 0;
    const buffer = own ? out.buffer as ArrayBuffer : (out.buffer as ArrayBuffer).slice(out.byteOffset, out.byteOffset + out.length);
    return { id: request.id, ok: true, rowCount: result.rowCount, bytes: buffer, length: out.length };
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
