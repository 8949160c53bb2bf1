import type { MnistSplit } from '../../data/loadMnist.js';
import { normalSamplerAfter } from '../../kernels/normalSampler.js';
import { InputRangeError } from '../../inputError.js';
import { encodePixels, type PixelEncoding } from '../encodePixels.js';
import { argmax, type BiasFreeNetwork } from '../noisyForward.js';
import { noisyLayer } from '../noisyLayer.js';
import { inverseNorm } from './inverseNorm.js';
import { pixelProducts } from './pixelProducts.js';

/** First index k in [0, n] at which unit (p, z) changes from `before` to its opposite along the sorted σ (the ReLU test p + σ_k·z > 0 is monotone in k). */
function switchIndex(sig: Float64Array, n: number, before: boolean, pj: number, zj: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pj + (sig[mid] as number) * zj > 0 === before) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The core of {@link accuracyCurve} over the images [from, to) of a split: the number of images
 * classified correctly at each point (indexed as `stds`, the per-layer noise standard deviations
 * of each point, all finite). The deviates are those of a run over the whole split from image 0:
 * the sampler skips the m₁ + Σ later rows deviates of every image before `from`, so ranges run
 * on worker threads add up to the whole split's counts exactly. `splitStart` is the run's number of
 * the split's first image (a worker gets only the images of its range).
 * @internal
 */
export function curveCounts(network: BiasFreeNetwork, split: MnistSplit, stds: readonly (readonly number[])[], seed: number, encoding: PixelEncoding, from: number, to: number, onProgress?: (done: number, total: number) => void, splitStart = 0): Int32Array {
  const layers = network.layers;
  const points = stds.length;
  // Points in increasing σ₁ (all layers' σ scale together for one spec).
  const order = Array.from({ length: points }, (_, k) => k).sort((a, b) => (stds[a]?.[0] as number) - (stds[b]?.[0] as number));
  const sig = Float64Array.from(order, (k) => stds[k]?.[0] as number);
  const first = layers[0] as (typeof layers)[number];
  const second = layers[1];
  const m1 = first.rows;
  const m2 = second?.rows ?? 0;
  const size = split.rows * split.cols;
  const rowsAfter = layers.slice(1).reduce((s, l) => s + l.rows, 0);
  const x = new Float64Array(size);
  const p = new Float64Array(m1);
  const z1 = new Float64Array(m1);
  const zRest = new Float64Array(rowsAfter);
  // Per point: m2 sums A, m2 sums B, then C, D, E; `up` for units that switch on at a point
  // (cumulated forwards), `down` for units active below a point (cumulated backwards).
  const width = 2 * m2 + 3;
  const always = new Float64Array(width);
  const up = new Float64Array((points + 1) * width);
  const down = new Float64Array((points + 1) * width);
  const buffers = layers.map((l) => new Float64Array(l.rows));
  const y = new Float64Array(Math.max(m1, m2));
  const correct = new Int32Array(points);
  const touchedUp = new Uint8Array(points + 1);
  const touchedDown = new Uint8Array(points + 1);
  const upRef = new Int32Array(points);
  const downRef = new Int32Array(points);
  const active = new Float64Array(width);
  const secondStd = Float64Array.from(stds, (l) => l[1] ?? 0);
  const normal = normalSamplerAfter(seed, from * (m1 + rowsAfter)); // past the deviates of the images before `from`
  if (first.weights.length !== m1 * size) throw new InputRangeError(`weights must have rows·inputs = ${m1}·${size} = ${m1 * size} entries; received ${first.weights.length}`);
  const products = pixelProducts(first.weights, m1, size, encoding);
  const img0 = (img: number) => split.images.subarray((img - splitStart) * size, (img - splitStart + 1) * size);

  const addUnit = (target: Float64Array, at: number, j: number, pj: number, zj: number) => {
    const w = (second as (typeof layers)[number]).weights;
    const o = at * width;
    for (let i = 0; i < m2; i += 1) {
      const wij = w[i * m1 + j] as number;
      target[o + i] = (target[o + i] as number) + wij * pj;
      target[o + m2 + i] = (target[o + m2 + i] as number) + wij * zj;
    }
    target[o + 2 * m2] = (target[o + 2 * m2] as number) + pj * pj;
    target[o + 2 * m2 + 1] = (target[o + 2 * m2 + 1] as number) + pj * zj;
    target[o + 2 * m2 + 2] = (target[o + 2 * m2 + 2] as number) + zj * zj;
  };

  for (let img = from; img < to; img += 1) {
    encodePixels(img0(img), encoding, x);
    products(img0(img), x, p);
    const scale = inverseNorm(x);
    for (let r = 0; r < m1; r += 1) p[r] = (p[r] as number) * scale + 0; // as noisyLayer with no noise
    for (let r = 0; r < m1; r += 1) z1[r] = normal();
    for (let r = 0; r < rowsAfter; r += 1) zRest[r] = normal();
    const label = split.labels[img - splitStart];
    if (second === undefined) {
      for (let q = 0; q < points; q += 1) {
        const s = sig[q] as number;
        for (let r = 0; r < m1; r += 1) y[r] = (p[r] as number) + s * (z1[r] as number);
        if (argmax(y) === label) correct[order[q] as number] = (correct[order[q] as number] as number) + 1;
      }
    } else {
      always.fill(0);
      for (let j = 0; j < m1; j += 1) {
        const pj = p[j] as number;
        const zj = z1[j] as number;
        if (zj === 0 || (pj > 0 && zj > 0) || (pj <= 0 && zj < 0)) {
          // never switches (zj = 0 included): active at every point or at none
          if (pj + (sig[0] as number) * zj > 0 && pj + (sig[points - 1] as number) * zj > 0) addUnit(always, 0, j, pj, zj);
        } else if (zj > 0) {
          const at = switchIndex(sig, points, false, pj, zj); // off, then on from this point
          addUnit(up, at, j, pj, zj);
          touchedUp[at] = 1;
        } else {
          const end = switchIndex(sig, points, true, pj, zj); // on below this point
          if (end > 0) {
            addUnit(down, end - 1, j, pj, zj);
            touchedDown[end - 1] = 1;
          }
        }
      }
      // Cumulate `up` forwards and `down` backwards over the rows that received a unit only (a row
      // of zeros adds nothing); upRef[q] / downRef[q] name the row holding the sum for point q, −1 for none.
      let prev = -1;
      for (let q = 0; q < points; q += 1) {
        if (touchedUp[q] === 1) {
          if (prev >= 0) for (let t = 0; t < width; t += 1) up[q * width + t] = (up[q * width + t] as number) + (up[prev * width + t] as number);
          prev = q;
        }
        upRef[q] = prev;
      }
      let next = -1;
      for (let q = points - 1; q >= 0; q -= 1) {
        if (touchedDown[q] === 1) {
          if (next >= 0) for (let t = 0; t < width; t += 1) down[q * width + t] = (down[q * width + t] as number) + (down[next * width + t] as number);
          next = q;
        }
        downRef[q] = next;
      }
      const y2 = buffers[1] as Float64Array;
      let lastUp = -2;
      let lastDown = -2;
      for (let q = 0; q < points; q += 1) {
        const k = order[q] as number;
        const s = sig[q] as number;
        const uo = upRef[q] as number;
        const dn = downRef[q] as number;
        // Σ over the active units = always + up + down, added in that order (a missing row adds 0).
        if (uo !== lastUp || dn !== lastDown) {
          // The sums change only where a unit switches (most points share them with the point before).
          for (let t = 0; t < width; t += 1) active[t] = (always[t] as number) + (uo >= 0 ? (up[uo * width + t] as number) : 0) + (dn >= 0 ? (down[dn * width + t] as number) : 0);
          lastUp = uo;
          lastDown = dn;
        }
        const c = 2 * m2;
        const norm2 = (active[c] as number) + 2 * s * (active[c + 1] as number) + s * s * (active[c + 2] as number);
        const scale = norm2 > 0 ? 1 / Math.sqrt(norm2) : 0;
        const s2 = secondStd[k] as number;
        for (let i = 0; i < m2; i += 1) y2[i] = ((active[i] as number) + s * (active[m2 + i] as number)) * scale + s2 * (zRest[i] as number);
        let input = y2;
        let zi = m2;
        for (let l = 2; l < layers.length; l += 1) {
          for (let r = 0; r < input.length; r += 1) if ((input[r] as number) < 0) input[r] = 0; // ReLU of the layer before
          const layer = layers[l] as (typeof layers)[number];
          input = noisyLayer(layer.weights, layer.rows, input, (stds[k] as number[])[l] as number, () => zRest[zi++] as number, buffers[l]);
        }
        if (argmax(input) === label) correct[k] = (correct[k] as number) + 1;
      }
      for (let q = 0; q < points; q += 1) {
        if (touchedUp[q] === 1) up.fill(0, q * width, (q + 1) * width);
        if (touchedDown[q] === 1) down.fill(0, q * width, (q + 1) * width);
      }
      touchedUp.fill(0);
      touchedDown.fill(0);
    }
    if ((img + 1 - from) % 100 === 0 || img + 1 === to) onProgress?.(img + 1 - from, to - from);
  }
  return correct;
}
