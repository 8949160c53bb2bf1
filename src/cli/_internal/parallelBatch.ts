import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CsvBlock } from './csvBlocks.js';
import type { NumericValues } from './numericValues.js';

declare const __QSDL_BUNDLE__: boolean | undefined;

/** What a batch worker thread is told first (its `setup` message). @internal */
export interface WorkerSetup {
  /** Which command's column evaluator to build: 'weight' (`leak weight`). */
  readonly evaluator: string;
  /** That evaluator's settings (model, preset), plain data. */
  readonly settings: unknown;
  readonly header: readonly string[];
  readonly flags: NumericValues;
  readonly echo: boolean;
  readonly where: string;
}

/** One block sent to a worker: its bytes (a copy, transferred). @internal */
export interface BlockRequest {
  readonly id: number;
  readonly bytes: ArrayBuffer;
  readonly length: number;
  readonly final: boolean;
}

/** A worker's answer: the block's CSV output (transferred), or `ok: false` when anything failed. @internal */
export type BlockReply =
  | { readonly id: number; readonly ok: true; readonly rowCount: number; readonly bytes: ArrayBuffer; readonly length: number }
  | { readonly id: number; readonly ok: false };

/** A block's output and its number of rows. @internal */
export interface BlockResult {
  readonly bytes: Buffer;
  readonly rowCount: number;
}

/** Blocks in flight per worker: one being processed, one waiting, so that a worker never idles between messages. */
const PER_WORKER = 2;
/** Blocks smaller than this stay in this thread (a line completed across two reads): copying and posting them costs more than they do. */
const SMALL_BLOCK_BYTES = 64 * 1024;

interface Slot {
  readonly worker: Worker;
  ready: boolean;
  broken: boolean;
  /** Blocks answered: a worker gets a second block in flight only once it has answered one (its first runs before its code is compiled, several times slower). */
  answered: number;
  readonly waiting: Map<number, (reply: BlockReply) => void>;
}

/**
 * Worker threads that process blocks of a batch CSV (dist/batch-worker.mjs). A worker takes
 * blocks only once it has said it is ready, so a slow start never holds the output back;
 * a worker that fails to start or dies answers its blocks with `ok: false`.
 * @internal
 */
export class BlockWorkers {
  private readonly slots: Slot[] = [];
  private nextId = 0;

  constructor(url: URL, setup: WorkerSetup, count: number) {
    for (let k = 0; k < count; k += 1) {
      const worker = new Worker(url);
      const slot: Slot = { worker, ready: false, broken: false, answered: 0, waiting: new Map() };
      const fail = () => {
        slot.broken = true;
        for (const [id, resolve] of slot.waiting) resolve({ id, ok: false });
        slot.waiting.clear();
        slot.worker.unref();
      };
      slot.worker.on('message', (m: BlockReply | { ready: boolean }) => {
        if ('ready' in m) {
          if (m.ready) slot.ready = true;
          else fail();
          return;
        }
        const resolve = slot.waiting.get(m.id);
        slot.waiting.delete(m.id);
        slot.answered += 1;
        if (slot.waiting.size === 0) slot.worker.unref();
        resolve?.(m);
      });
      slot.worker.on('error', fail);
      slot.worker.on('exit', fail);
      worker.postMessage({ setup });
      // Held only while it has blocks: an idle worker never keeps the process alive (a block out keeps it alive until the answer).
      slot.worker.unref();
      this.slots.push(slot);
    }
  }

  /** The number of worker threads. */
  get size(): number {
    return this.slots.length;
  }

  /** A worker that is ready and has room for a block, the least busy first; undefined if none. */
  free(): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.slots) {
      if (!s.ready || s.broken || s.waiting.size >= (s.answered === 0 ? 1 : PER_WORKER)) continue;
      if (best === undefined || s.waiting.size < best.waiting.size) best = s;
    }
    return best;
  }

  /** Send a block (its bytes copied) to `slot`; resolves with the worker's answer. */
  send(slot: Slot, block: CsvBlock): Promise<BlockReply> {
    const id = this.nextId;
    this.nextId += 1;
    const copy = new Uint8Array(block.bytes.length);
    copy.set(block.bytes);
    return new Promise<BlockReply>((resolve) => {
      if (slot.waiting.size === 0) slot.worker.ref();
      slot.waiting.set(id, resolve);
      const request: BlockRequest = { id, bytes: copy.buffer, length: copy.length, final: block.final };
      slot.worker.postMessage(request, [copy.buffer]);
    });
  }

  /** Stop every worker (blocks still out are dropped). */
  close(): void {
    for (const s of this.slots) {
      s.broken = true;
      s.waiting.clear();
      void s.worker.terminate();
    }
  }
}

/** The worker script beside the CLI bundle (dist/batch-worker.mjs), or null (a TypeScript test runner, or a copy of qsdl.mjs alone): then one thread does everything. @internal */
export function batchWorkerUrl(): URL | null {
  if (typeof __QSDL_BUNDLE__ === 'undefined' || !__QSDL_BUNDLE__) return null;
  const url = new URL('./batch-worker.mjs', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

interface Pending {
  readonly block: CsvBlock;
  /** The block's output; null when it failed; undefined while a worker has it. */
  result?: BlockResult | null;
  done?: Promise<void>;
}

/**
 * Process blocks in this thread (`local`) and on the workers, which take a block whenever
 * they have room, and yield the results in block order. Memory holds at most a few blocks
 * per thread. At the first block that fails (here or on a worker), stop and return the
 * blocks from that one on that were read but not output: the caller processes them, and
 * the rest of `blocks`, in one thread and in order, which names the error as a run on one
 * thread does. Returns undefined when every block was output.
 * @param local - one block processed in this thread; undefined when it fails
 * @internal
 */
export async function* inBlockOrder(blocks: AsyncIterator<CsvBlock>, local: (block: CsvBlock) => BlockResult | undefined, workers: BlockWorkers): AsyncGenerator<{ readonly result: BlockResult; readonly block: CsvBlock }, CsvBlock[] | undefined> {
  const ahead = 4 + PER_WORKER * workers.size;
  const queue: Pending[] = [];
  let ended = false;
  for (;;) {
    while (queue.length > 0 && (queue[0] as Pending).result !== undefined) {
      const head = queue[0] as Pending;
      if (head.result === null) return queue.map((p) => p.block);
      queue.shift();
      yield { result: head.result as BlockResult, block: head.block };
    }
    if (ended || queue.length >= ahead) {
      if (queue.length === 0) return undefined;
      await (queue[0] as Pending).done;
      continue;
    }
    const next = await blocks.next();
    if (next.done === true) {
      ended = true;
      continue;
    }
    const p: Pending = { block: next.value };
    queue.push(p);
    const slot = next.value.bytes.length >= SMALL_BLOCK_BYTES ? workers.free() : undefined;
    if (slot === undefined) p.result = local(next.value) ?? null;
    else {
      p.done = workers.send(slot, next.value).then((reply) => {
        p.result = reply.ok ? { bytes: Buffer.from(reply.bytes, 0, reply.length), rowCount: reply.rowCount } : null;
      });
    }
  }
}
