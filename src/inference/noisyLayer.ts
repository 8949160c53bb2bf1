import { integerAtLeast, nonNegative } from '../_internal/validate.js';
import { InputRangeError } from '../inputError.js';
import { inverseNorm } from './_internal/inverseNorm.js';

/**
 * One optical layer as the client sees it (docs/model.md#protocol, docs/model.md#accuracy): the input is
 * L2-normalised (x̂ = x/‖x‖; the norm stays with the client), then each of the M rows
 * of the weight matrix W (M × N, row-major) gives w_i·x̂ plus Gaussian noise of
 * standard deviation `noiseStd` (same units as w·x̂). A zero input vector is passed as
 * it is (all products 0).
 *
 * @param weights - W, row-major, length M·N
 * @param rows - M (outputs)
 * @param x - the input, length N
 * @param noiseStd - noise per output (from {@link outputNoiseStd}); 0 gives the noise-free products
 * @param normal - source of N(0, 1) deviates (e.g. {@link normalSampler})
 * @param out - where to write the M outputs @defaultValue a new Float64Array
 * @returns the M noisy products w_i·x̂ + noise
 * @throws RangeError when the sizes do not fit, noiseStd is negative, x is not finite or `out` shares x's memory
 * @example noisyLayer(Float64Array.from([1, 0, 0, 1]), 2, Float64Array.from([3, 4]), 0, () => 0)
 *   // returns Float64Array [0.6, 0.8] (x̂ = x/5, no noise)
 * @example noisyLayer(Float64Array.from([1, 1]), 1, Float64Array.from([0, 0]), 0, () => 0)
 *   // returns Float64Array [0] (zero input)
 * @public
 */
export function noisyLayer(weights: Float64Array, rows: number, x: Float64Array, noiseStd: number, normal: () => number, out?: Float64Array): Float64Array {
  const m = integerAtLeast('rows M', rows, 1);
  const n = x.length;
  if (weights.length !== m * n) throw new InputRangeError(`weights must have rows·inputs = ${m}·${n} = ${m * n} entries; received ${weights.length}`);
  const sigma = nonNegative('noise standard deviation', noiseStd);
  const y = out ?? new Float64Array(m);
  if (y.length !== m) throw new InputRangeError(`out must have ${m} entries; received ${y.length}`);
  if (y.buffer === x.buffer) throw new InputRangeError('out must not share memory with the input x (rows would overwrite it)');
  const scale = inverseNorm(x);
  // Four rows at a time (each x_j loaded once for four products: about twice as fast); every row's
  // sum still runs over j = 0 … N−1 in order, so the results are those of one row at a time, bit for bit.
  let i = 0;
  for (; i + 3 < m; i += 4) {
    let d0 = 0;
    let d1 = 0;
    let d2 = 0;
    let d3 = 0;
    const b0 = i * n;
    const b1 = b0 + n;
    const b2 = b1 + n;
    const b3 = b2 + n;
    for (let j = 0; j < n; j += 1) {
      const v = x[j] as number;
      d0 += (weights[b0 + j] as number) * v;
      d1 += (weights[b1 + j] as number) * v;
      d2 += (weights[b2 + j] as number) * v;
      d3 += (weights[b3 + j] as number) * v;
    }
    // Deviates in row order, as one row at a time draws them.
    y[i] = d0 * scale + (sigma > 0 ? sigma * normal() : 0);
    y[i + 1] = d1 * scale + (sigma > 0 ? sigma * normal() : 0);
    y[i + 2] = d2 * scale + (sigma > 0 ? sigma * normal() : 0);
    y[i + 3] = d3 * scale + (sigma > 0 ? sigma * normal() : 0);
  }
  for (; i < m; i += 1) {
    let dot = 0;
    const base = i * n;
    for (let j = 0; j < n; j += 1) dot += (weights[base + j] as number) * (x[j] as number);
    y[i] = dot * scale + (sigma > 0 ? sigma * normal() : 0);
  }
  return y;
}
