import type { MnistSplit } from '../../data/loadMnist.js';
import type { PixelEncoding } from '../encodePixels.js';
import type { BiasFreeNetwork } from '../noisyForward.js';
import { accuracyCounts } from './accuracyCounts.js';
import { curveCounts } from './curveCounts.js';

/**
 * One piece of an accuracy computation: the images [from, to) of a run at one noise level
 * (`accuracy`) or at every point of a curve (`curve`). `splitStart` is the run's number of the
 * first image of the split the task is given (0 for the whole split; `from` when a worker gets
 * only the task's images).
 * @internal
 */
export type InferenceTask =
  | { readonly kind: 'accuracy'; readonly point: number; readonly noiseStds: readonly number[]; readonly seed: number; readonly encoding: PixelEncoding; readonly from: number; readonly to: number; readonly splitStart: number }
  | { readonly kind: 'curve'; readonly stds: readonly (readonly number[])[]; readonly seed: number; readonly encoding: PixelEncoding; readonly from: number; readonly to: number; readonly splitStart: number };

/** Correct counts of a task: one number for `accuracy`, one per point for `curve`. @internal */
export function runInferenceTask(network: BiasFreeNetwork, split: MnistSplit, task: InferenceTask, onProgress?: (done: number) => void): number | Int32Array {
  const progress = onProgress === undefined ? undefined : (done: number) => onProgress(done);
  return task.kind === 'accuracy'
    ? accuracyCounts(network, split, task.noiseStds, task.seed, task.encoding, task.from, task.to, progress, task.splitStart)
    : curveCounts(network, split, task.stds, task.seed, task.encoding, task.from, task.to, progress, task.splitStart);
}
