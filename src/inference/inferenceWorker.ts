/**
 * Worker thread of the parallel accuracy computations ({@link testAccuracyParallel},
 * {@link accuracyCurveParallel}): receives the network once (shared memory), then tasks — a range
 * of images with those images — and posts their correct counts, with progress on the way.
 * @internal
 */
import { parentPort } from 'node:worker_threads';
import type { MnistSplit } from '../data/loadMnist.js';
import type { BiasFreeNetwork } from './noisyForward.js';
import { runInferenceTask, type InferenceTask } from './_internal/inferenceTask.js';

let network: BiasFreeNetwork | null = null;

parentPort?.on('message', (msg: { network: BiasFreeNetwork } | { id: number; task: InferenceTask; split: MnistSplit }) => {
  if ('network' in msg) {
    network = msg.network;
    return;
  }
  try {
    if (network === null) throw new Error('inference worker: a task arrived before the network');
    let last = 0;
    const counts = runInferenceTask(network, msg.split, msg.task, (done) => {
      parentPort!.postMessage({ id: msg.id, progress: done - last });
      last = done;
    });
    parentPort!.postMessage({ id: msg.id, counts });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
});
