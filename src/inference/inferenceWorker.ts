/**
 * Worker thread of the parallel accuracy computations ({@link testAccuracyParallel},
 * {@link accuracyCurveParallel}): receives the network and the images once (shared memory), then
 * runs tasks — ranges of images — and posts their correct counts, with progress on the way.
 * @internal
 */
import { parentPort } from 'node:worker_threads';
import type { MnistSplit } from '../data/loadMnist.js';
import type { BiasFreeNetwork } from './noisyForward.js';
import { runInferenceTask, type InferenceTask } from './_internal/inferenceTask.js';

let data: { network: BiasFreeNetwork; split: MnistSplit } | null = null;

parentPort?.on('message', (msg: { init: { network: BiasFreeNetwork; split: MnistSplit } } | { id: number; task: InferenceTask }) => {
  if ('init' in msg) {
    data = msg.init;
    return;
  }
  try {
    if (data === null) throw new Error('inference worker: a task arrived before the data');
    let last = 0;
    const counts = runInferenceTask(data.network, data.split, msg.task, (done) => {
      parentPort!.postMessage({ id: msg.id, progress: done - last });
      last = done;
    });
    parentPort!.postMessage({ id: msg.id, counts });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
});
