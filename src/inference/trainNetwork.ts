import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { inLeftOpen, integerAtLeast, positive, seed32 } from '../_internal/validate.js';
import type { BiasFreeNetwork } from './noisyForward.js';
import { InputRangeError } from '../inputError.js';

/** Training settings of {@link trainNetwork}; the defaults are the recipe of docs/model.md#accuracy (Adam, lr 1e-3, batch 64). @public */
export interface TrainingOptions {
  /** Hidden width. @defaultValue 784 */
  readonly hidden?: number;
  /** Number of classes. @defaultValue 10 */
  readonly classes?: number;
  /** Passes over the training set. @defaultValue 8 */
  readonly epochs?: number;
  /** Mini-batch size. @defaultValue 64 */
  readonly batchSize?: number;
  /** Adam learning rate. @defaultValue 1e-3 */
  readonly learningRate?: number;
  /** Seed of the initial weights and the shuffles, an integer in [−2^31, 2^31). @defaultValue 1 */
  readonly seed?: number;
  /** Called after every batch with the number of samples seen and the batch's mean loss (nats). */
  readonly onProgress?: (samplesSeen: number, samplesTotal: number, batchLoss: number) => void;
}

/** Adam's constants (Kingma & Ba 2015, also PyTorch's defaults). */
const BETA1 = 0.9;
const BETA2 = 0.999;
const ADAM_EPS = 1e-8;

/**
 * Train the paper's bias-free ReLU network (inputs → hidden → classes, docs/model.md#accuracy) by
 * mini-batch Adam on the softmax cross-entropy, deterministic under `seed`: weights start
 * uniform in ±1/√fan_in (PyTorch's default for linear layers), each epoch visits the
 * samples in a seeded Fisher–Yates order. Inputs are used as given (the per-layer
 * normalisation of the optical encoding changes no argmax, so it is not part of training).
 *
 * @param inputs - training inputs, sample after sample (count × n, e.g. {@link encodePixels} output)
 * @param labels - class of each sample (0 … classes − 1)
 * @param n - inputs per sample
 * @param options - {@link TrainingOptions}
 * @returns the trained network (two layers)
 * @throws RangeError on inconsistent sizes, labels out of range or bad options
 * @public
 */
export function trainNetwork(inputs: Float64Array, labels: Uint8Array, n: number, options: TrainingOptions = {}): BiasFreeNetwork {
  const nIn = integerAtLeast('inputs per sample', n, 1);
  const h = integerAtLeast('hidden width', options.hidden ?? 784, 1);
  const c = integerAtLeast('classes', options.classes ?? 10, 2);
  const epochs = integerAtLeast('epochs', options.epochs ?? 8, 1);
  const batch = integerAtLeast('batch size', options.batchSize ?? 64, 1);
  const lr = positive('learning rate', options.learningRate ?? 1e-3);
  const seed = seed32('seed', options.seed ?? 1);
  const count = labels.length;
  if (inputs.length !== count * nIn) throw new InputRangeError(`inputs must hold labels.length × n = ${count} × ${nIn} values; received ${inputs.length}`);
  labels.forEach((l, i) => {
    if (l >= c) throw new InputRangeError(`label ${l} at sample ${i} is not a class in [0, ${c - 1}]`);
  });
  inLeftOpen('learning rate', lr, 0, 1);

  const rng = xoroshiro128plus(seed);
  const init = (fanIn: number, size: number) => {
    const bound = 1 / Math.sqrt(fanIn);
    const w = new Float64Array(size);
    for (let i = 0; i < size; i += 1) w[i] = (2 * uniformFloat64(rng) - 1) * bound;
    return w;
  };
  const w1 = init(nIn, h * nIn);
  const w2 = init(h, c * h);
  const adam = (w: Float64Array) => ({ w, g: new Float64Array(w.length), m: new Float64Array(w.length), v: new Float64Array(w.length) });
  const p1 = adam(w1);
  const p2 = adam(w2);
  const hid = new Float64Array(batch * h);
  const dHid = new Float64Array(batch * h);
  const logits = new Float64Array(c);
  const dLogits = new Float64Array(batch * c);
  const order = Int32Array.from({ length: count }, (_, i) => i);
  let step = 0;
  const total = epochs * count;
  let seen = 0;

  for (let e = 0; e < epochs; e += 1) {
    for (let i = count - 1; i > 0; i -= 1) {
      const j = Math.floor(uniformFloat64(rng) * (i + 1));
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    for (let start = 0; start < count; start += batch) {
      const bs = Math.min(batch, count - start);
      let loss = 0;
      // Forward and the gradient at the logits (softmax − one-hot, averaged over the batch).
      for (let b = 0; b < bs; b += 1) {
        const s = order[start + b] as number;
        const xo = s * nIn;
        for (let i = 0; i < h; i += 1) {
          let acc = 0;
          const wo = i * nIn;
          for (let j = 0; j < nIn; j += 1) acc += (w1[wo + j] as number) * (inputs[xo + j] as number);
          hid[b * h + i] = acc > 0 ? acc : 0;
        }
        let max = -Infinity;
        for (let k = 0; k < c; k += 1) {
          let acc = 0;
          for (let i = 0; i < h; i += 1) acc += (w2[k * h + i] as number) * (hid[b * h + i] as number);
          logits[k] = acc;
          if (acc > max) max = acc;
        }
        let z = 0;
        for (let k = 0; k < c; k += 1) z += Math.exp((logits[k] as number) - max);
        const label = labels[s] as number;
        loss += Math.log(z) + max - (logits[label] as number);
        for (let k = 0; k < c; k += 1) dLogits[b * c + k] = (Math.exp((logits[k] as number) - max) / z - (k === label ? 1 : 0)) / bs;
      }
      // Backward: gradients of W2 and of the hidden layer, then of W1 (rows with a zero ReLU derivative skipped).
      p2.g.fill(0);
      p1.g.fill(0);
      for (let b = 0; b < bs; b += 1) {
        for (let k = 0; k < c; k += 1) {
          const d = dLogits[b * c + k] as number;
          const go = k * h;
          for (let i = 0; i < h; i += 1) p2.g[go + i] = (p2.g[go + i] as number) + d * (hid[b * h + i] as number);
        }
        for (let i = 0; i < h; i += 1) {
          let acc = 0;
          if ((hid[b * h + i] as number) > 0) for (let k = 0; k < c; k += 1) acc += (dLogits[b * c + k] as number) * (w2[k * h + i] as number);
          dHid[b * h + i] = acc;
        }
        const xo = (order[start + b] as number) * nIn;
        for (let i = 0; i < h; i += 1) {
          const d = dHid[b * h + i] as number;
          if (d === 0) continue;
          const go = i * nIn;
          for (let j = 0; j < nIn; j += 1) p1.g[go + j] = (p1.g[go + j] as number) + d * (inputs[xo + j] as number);
        }
      }
      step += 1;
      const c1 = 1 - BETA1 ** step;
      const c2 = 1 - BETA2 ** step;
      for (const p of [p1, p2]) {
        for (let q = 0; q < p.w.length; q += 1) {
          const g = p.g[q] as number;
          const m = BETA1 * (p.m[q] as number) + (1 - BETA1) * g;
          const v = BETA2 * (p.v[q] as number) + (1 - BETA2) * g * g;
          p.m[q] = m;
          p.v[q] = v;
          p.w[q] = (p.w[q] as number) - (lr * (m / c1)) / (Math.sqrt(v / c2) + ADAM_EPS);
        }
      }
      seen += bs;
      options.onProgress?.(seen, total, loss / bs);
    }
  }
  return { layers: [{ weights: w1, rows: h }, { weights: w2, rows: c }] };
}
