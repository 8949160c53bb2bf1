import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MnistSplit } from '../data/loadMnist.js';
import { integerAtLeast } from '../_internal/validate.js';
import type { PixelEncoding } from './encodePixels.js';
import type { BiasFreeNetwork } from './noisyForward.js';
import type { OutputNoiseSpec } from './outputNoiseStd.js';
import type { AccuracyResult } from './testAccuracy.js';
import { runInferenceTask, type InferenceTask } from './_internal/inferenceTask.js';
import { accuracyPoints, accuracyResults, curveNoiseStds, layerNoiseStds } from './_internal/noiseLevels.js';
import { InputRangeError } from '../inputError.js';

declare const __QSDL_BUNDLE__: boolean | undefined;

/** Options of {@link testAccuracyParallel} and {@link accuracyCurveParallel}. @public */
export interface ParallelAccuracyOptions {
  /** Seed of the noise, an integer in [−2^31, 2^31). @defaultValue 1 */
  readonly seed?: number;
  /** Pixel encoding. @defaultValue 'pm1' (the paper's) */
  readonly encoding?: PixelEncoding;
  /** Worker threads, an integer in [1, 64]; 1 computes in this thread. @defaultValue the machine's cores, at most 8 */
  readonly workers?: number;
  /** Called as images are done with (image evaluations done, image evaluations in all). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Images below which the work stays in this thread (starting workers costs ~50 ms). */
const MIN_PARALLEL_IMAGES = 1000;

/** The worker script beside this module (the CLI bundle ships dist/inference-worker.mjs), or null under a TypeScript test runner. */
function workerUrl(): URL | null {
  const url = typeof __QSDL_BUNDLE__ !== 'undefined' && __QSDL_BUNDLE__ ? new URL('./inference-worker.mjs', import.meta.url) : new URL('./inferenceWorker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

/** A copy of the weights in shared memory (sent to every worker without copying again). */
function sharedCopy(a: Float64Array): Float64Array {
  const out = new Float64Array(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}

/** Image ranges [from, to) that split `count` images into `parts` nearly equal pieces. */
function ranges(count: number, parts: number): [number, number][] {
  const n = Math.max(1, Math.min(parts, count));
  return Array.from({ length: n }, (_, k) => [Math.floor((k * count) / n), Math.floor(((k + 1) * count) / n)] as [number, number]).filter(([a, b]) => b > a);
}

/**
 * Run tasks on `workers` threads (each gets the network once, in shared memory, and each task its images),
 * or in this thread when workers is 1, the split is small or the worker script is absent.
 * Returns each task's counts in task order; the result does not depend on the number of workers.
 */
async function runTasks(network: BiasFreeNetwork, split: MnistSplit, tasks: InferenceTask[], workers: number, total: number, onProgress?: (done: number, total: number) => void): Promise<(number | Int32Array)[]> {
  let done = 0;
  const tick = (n: number) => {
    done += n;
    onProgress?.(done, total);
  };
  const url = workerUrl();
  const n = Math.min(workers, tasks.length);
  if (url === null || n <= 1 || split.count < MIN_PARALLEL_IMAGES) {
    return tasks.map((t) => {
      let last = 0;
      return runInferenceTask(network, split, t, (d) => {
        tick(d - last);
        last = d;
      });
    });
  }
  // Workers start first (about 50 ms each), while the weights are copied to shared memory.
  const pool = Array.from({ length: n }, () => new Worker(url));
  const shared = { layers: network.layers.map((l) => ({ weights: sharedCopy(l.weights), rows: l.rows })) };
  const size = split.rows * split.cols;
  // Each task gets its own images only (a copy of its range), numbered from its `from`.
  const slice = (t: InferenceTask): MnistSplit => ({ count: t.to - t.from, rows: split.rows, cols: split.cols, images: new Uint8Array(split.images.subarray(t.from * size, t.to * size)), labels: new Uint8Array(split.labels.subarray(t.from, t.to)) });
  const out = new Array<number | Int32Array>(tasks.length);
  let next = 0;
  try {
    await Promise.all(pool.map(async (w) => {
      w.postMessage({ network: shared });
      while (next < tasks.length) {
        const id = next;
        next += 1;
        out[id] = await new Promise<number | Int32Array>((resolve, reject) => {
          const onMessage = (m: { id: number; progress?: number; counts?: number | Int32Array; error?: string }) => {
            if (m.progress !== undefined) return tick(m.progress);
            w.off('message', onMessage);
            w.off('error', reject);
            if (m.error !== undefined) reject(new Error(`inference worker: ${m.error}`));
            else resolve(m.counts!);
          };
          w.on('message', onMessage);
          w.once('error', reject);
          const task = tasks[id]!;
          w.postMessage({ id, task: { ...task, splitStart: task.from }, split: slice(task) });
        });
      }
    }));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return out;
}

/** Worker threads, an integer in [1, 64] (default: the machine's cores, at most 8). */
function workerCount(value: number | undefined): number {
  if (value === undefined) return Math.max(1, Math.min(8, availableParallelism()));
  const w = integerAtLeast('workers', value, 1);
  if (w > 64) throw new InputRangeError(`workers must be an integer in [1, 64]; received ${w}`);
  return w;
}

/**
 * {@link testAccuracy} at several noise levels, on worker threads: the images of each point are
 * split into ranges that run in parallel (each range starts the seeded deviates where a run from
 * image 0 would be), so every result equals testAccuracy(network, split, noise, seed, encoding),
 * count for count, whatever the number of workers (a test checks it).
 *
 * @param network - the trained network
 * @param split - MNIST images and labels
 * @param noises - one noise specification per point, or null for none
 * @param options - seed, encoding, workers, progress
 * @returns one {@link AccuracyResult} per point, in the order given
 * @throws RangeError for an empty list, a bad seed, encoding or worker count
 * @example (await testAccuracyParallel(network, loadMnist('test'), [{ model: 'physical', mu: 4, gain: 2 }]))[0].accuracyPercent // returns 97.36 for the committed weights
 * @public
 */
export async function testAccuracyParallel(network: BiasFreeNetwork, split: MnistSplit, noises: readonly (OutputNoiseSpec | null)[], options: ParallelAccuracyOptions = {}): Promise<AccuracyResult[]> {
  const { seed, encoding, stds } = accuracyPoints(network, noises, options, (net, list) => list.map((noise) => layerNoiseStds(net, noise)));
  const workers = workerCount(options.workers);
  const points = noises.length;
  const perPoint = Math.max(1, Math.ceil(workers / points));
  const tasks: InferenceTask[] = [];
  stds.forEach((noiseStds, point) => {
    for (const [from, to] of ranges(split.count, perPoint)) tasks.push({ kind: 'accuracy', point, noiseStds, seed, encoding, from, to, splitStart: 0 });
  });
  const counts = await runTasks(network, split, tasks, workers, points * split.count, options.onProgress);
  const correct = new Array<number>(points).fill(0);
  tasks.forEach((t, k) => {
    if (t.kind === 'accuracy') correct[t.point] = (correct[t.point] as number) + (counts[k] as number);
  });
  return accuracyResults(correct, split.count, stds);
}

/**
 * {@link accuracyCurve} on worker threads: the images are split into one range per worker, each
 * starting the seeded deviates where a run from image 0 would be, so the counts equal
 * accuracyCurve's exactly, whatever the number of workers (a test checks it).
 *
 * @param network - the trained network
 * @param split - MNIST images and labels
 * @param noises - one noise specification per point; each must give finite noise
 * @param options - seed, encoding, workers, progress (images done of images in all)
 * @returns one {@link AccuracyResult} per point, in the order given
 * @throws RangeError for an empty list, a bad seed, encoding or worker count, or a point with infinite noise
 * @example (await accuracyCurveParallel(network, loadMnist('test'), [{ model: 'notebook', f: 8 }]))[0].accuracyPercent // returns 97.36 for the committed weights
 * @public
 */
export async function accuracyCurveParallel(network: BiasFreeNetwork, split: MnistSplit, noises: readonly OutputNoiseSpec[], options: ParallelAccuracyOptions = {}): Promise<AccuracyResult[]> {
  const { seed, encoding, stds } = accuracyPoints(network, noises, options, curveNoiseStds);
  const workers = workerCount(options.workers);
  const points = noises.length;
  const tasks: InferenceTask[] = ranges(split.count, workers).map(([from, to]) => ({ kind: 'curve', stds, seed, encoding, from, to, splitStart: 0 }));
  const counts = await runTasks(network, split, tasks, workers, split.count, options.onProgress);
  const correct = new Int32Array(points);
  for (const c of counts) for (let k = 0; k < points; k += 1) correct[k] = (correct[k] as number) + ((c as Int32Array)[k] as number);
  return accuracyResults(correct, split.count, stds);
}
