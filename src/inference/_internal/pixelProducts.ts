import type { PixelEncoding } from '../encodePixels.js';

/**
 * The first layer's products W·x for an image given as pixels, using what the pixel encodings
 * share: a blank pixel (value 0; about 81 % of an MNIST image) encodes as exactly 0 (`unit`) or
 * exactly −1 (`pm1`). With the columns of W stored contiguously (Wᵀ) the product is a sum of
 * columns over the inked pixels only — about 5× fewer multiply-adds than the dense product.
 *
 * - `unit`: y_i = Σ_{j inked} W_ij·x_j, accumulated in increasing j with one sum per row; the
 *   dense sum adds only exact zeros besides, so the result is the dense product's, bit for bit.
 * - `pm1`: x_j = −1 + e_j with e_j = x_j + 1 (0 at blank pixels), so y_i = Σ_{j inked} W_ij·e_j − R_i
 *   with the row sums R_i = Σ_j W_ij computed once. The order of the sums differs from the dense
 *   product; the difference is at most γ_{N+2}·Σ_j |W_ij|·(1 + |x_j| + |x_j + 1|) with
 *   γ_k = k·2⁻⁵³/(1 − k·2⁻⁵³) (proofs/batched-inference.md; a test pins it on MNIST).
 * @internal
 */
export interface PixelProducts {
  /** Writes W·x (unnormalised, length rows) for one image: `pixels` its bytes, `x` its encoding (encodePixels). */
  (pixels: Uint8Array, x: Float64Array, out: Float64Array): Float64Array;
}

const transposed = new WeakMap<Float64Array, { wt: Float64Array; rowSums: Float64Array }>();

/** Wᵀ and the row sums R_i (summed in increasing j), cached per weight array. */
function columns(weights: Float64Array, rows: number, inputs: number): { wt: Float64Array; rowSums: Float64Array } {
  const hit = transposed.get(weights);
  if (hit !== undefined && hit.wt.length === weights.length && hit.rowSums.length === rows) return hit;
  const wt = new Float64Array(weights.length);
  const rowSums = new Float64Array(rows);
  for (let i = 0; i < rows; i += 1) {
    let s = 0;
    for (let j = 0; j < inputs; j += 1) {
      const w = weights[i * inputs + j] as number;
      wt[j * rows + i] = w;
      s += w;
    }
    rowSums[i] = s;
  }
  const entry = { wt, rowSums };
  transposed.set(weights, entry);
  return entry;
}

/**
 * The {@link PixelProducts} of a layer (W: rows × inputs, row-major) for an encoding.
 * @internal
 */
export function pixelProducts(weights: Float64Array, rows: number, inputs: number, encoding: PixelEncoding): PixelProducts {
  const { wt, rowSums } = columns(weights, rows, inputs);
  const m = rows;
  const pm1 = encoding === 'pm1';
  const offsets = new Int32Array(inputs);
  const coefficients = new Float64Array(inputs);
  return (pixels, x, out) => {
    let k = 0;
    for (let j = 0; j < inputs; j += 1) {
      if (pixels[j] === 0) continue;
      offsets[k] = j * m;
      coefficients[k] = pm1 ? (x[j] as number) + 1 : (x[j] as number);
      k += 1;
    }
    out.fill(0, 0, m);
    // Eight columns per pass over the outputs: each output is loaded and stored once per eight
    // columns (about 3× faster than one column at a time), and still receives its terms one at a
    // time in increasing j, so the sums are those of one column at a time, bit for bit.
    let t = 0;
    for (; t + 7 < k; t += 8) {
      const c0 = coefficients[t] as number, c1 = coefficients[t + 1] as number, c2 = coefficients[t + 2] as number, c3 = coefficients[t + 3] as number; // prettier-ignore
      const c4 = coefficients[t + 4] as number, c5 = coefficients[t + 5] as number, c6 = coefficients[t + 6] as number, c7 = coefficients[t + 7] as number; // prettier-ignore
      const j0 = offsets[t] as number, j1 = offsets[t + 1] as number, j2 = offsets[t + 2] as number, j3 = offsets[t + 3] as number; // prettier-ignore
      const j4 = offsets[t + 4] as number, j5 = offsets[t + 5] as number, j6 = offsets[t + 6] as number, j7 = offsets[t + 7] as number; // prettier-ignore
      for (let i = 0; i < m; i += 1) {
        let a = out[i] as number;
        a += c0 * (wt[j0 + i] as number);
        a += c1 * (wt[j1 + i] as number);
        a += c2 * (wt[j2 + i] as number);
        a += c3 * (wt[j3 + i] as number);
        a += c4 * (wt[j4 + i] as number);
        a += c5 * (wt[j5 + i] as number);
        a += c6 * (wt[j6 + i] as number);
        a += c7 * (wt[j7 + i] as number);
        out[i] = a;
      }
    }
    for (; t < k; t += 1) {
      const c = coefficients[t] as number;
      const o = offsets[t] as number;
      for (let i = 0; i < m; i += 1) out[i] = (out[i] as number) + c * (wt[o + i] as number);
    }
    if (pm1) for (let i = 0; i < m; i += 1) out[i] = (out[i] as number) - (rowSums[i] as number);
    return out;
  };
}
