import { InputRangeError } from '../../inputError.js';

/**
 * The products y_{b,i} = Σ_j W_ij·x_{b,j} of a block of inputs with a weight matrix (W: rows ×
 * inputs, row-major; x: count × inputs, one input per row; y: count × rows), as a blocked
 * matrix product: tiles of 4 rows × 4 inputs keep 16 sums in registers, so every weight and
 * input value loaded serves four products instead of one (measured 1.5× the one-input-at-a-time
 * loop of {@link noisyLayer} on the 784 × 784 layer; bench/accuracy.mjs).
 *
 * Every sum runs over j = 0 … inputs−1 in order with one accumulator, as in noisyLayer, so the
 * results are those of one input and one row at a time, bit for bit (test/inference.batch.test.ts).
 * @internal
 */
export function blockProducts(weights: Float64Array, rows: number, inputs: number, xs: Float64Array, count: number, out: Float64Array): Float64Array {
  const n = inputs;
  const m = rows;
  if (weights.length !== m * n) throw new InputRangeError(`weights must have rows·inputs = ${m}·${n} entries; received ${weights.length}`);
  if (xs.length < count * n) throw new InputRangeError(`inputs must hold ${count}·${n} entries; received ${xs.length}`);
  if (out.length < count * m) throw new InputRangeError(`out must hold ${count}·${m} entries; received ${out.length}`);
  let b = 0;
  for (; b + 3 < count; b += 4) {
    const x0 = b * n;
    const x1 = x0 + n;
    const x2 = x1 + n;
    const x3 = x2 + n;
    const o0 = b * m;
    const o1 = o0 + m;
    const o2 = o1 + m;
    const o3 = o2 + m;
    let i = 0;
    for (; i + 3 < m; i += 4) {
      const w0 = i * n;
      const w1 = w0 + n;
      const w2 = w1 + n;
      const w3 = w2 + n;
      let a00 = 0, a01 = 0, a02 = 0, a03 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0; // prettier-ignore
      let a20 = 0, a21 = 0, a22 = 0, a23 = 0, a30 = 0, a31 = 0, a32 = 0, a33 = 0; // prettier-ignore
      for (let j = 0; j < n; j += 1) {
        const v0 = xs[x0 + j] as number;
        const v1 = xs[x1 + j] as number;
        const v2 = xs[x2 + j] as number;
        const v3 = xs[x3 + j] as number;
        let w = weights[w0 + j] as number;
        a00 += w * v0; a01 += w * v1; a02 += w * v2; a03 += w * v3; // prettier-ignore
        w = weights[w1 + j] as number;
        a10 += w * v0; a11 += w * v1; a12 += w * v2; a13 += w * v3; // prettier-ignore
        w = weights[w2 + j] as number;
        a20 += w * v0; a21 += w * v1; a22 += w * v2; a23 += w * v3; // prettier-ignore
        w = weights[w3 + j] as number;
        a30 += w * v0; a31 += w * v1; a32 += w * v2; a33 += w * v3; // prettier-ignore
      }
      out[o0 + i] = a00; out[o1 + i] = a01; out[o2 + i] = a02; out[o3 + i] = a03; // prettier-ignore
      out[o0 + i + 1] = a10; out[o1 + i + 1] = a11; out[o2 + i + 1] = a12; out[o3 + i + 1] = a13; // prettier-ignore
      out[o0 + i + 2] = a20; out[o1 + i + 2] = a21; out[o2 + i + 2] = a22; out[o3 + i + 2] = a23; // prettier-ignore
      out[o0 + i + 3] = a30; out[o1 + i + 3] = a31; out[o2 + i + 3] = a32; out[o3 + i + 3] = a33; // prettier-ignore
    }
    for (; i < m; i += 1) {
      const w0 = i * n;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0; // prettier-ignore
      for (let j = 0; j < n; j += 1) {
        const w = weights[w0 + j] as number;
        a0 += w * (xs[x0 + j] as number);
        a1 += w * (xs[x1 + j] as number);
        a2 += w * (xs[x2 + j] as number);
        a3 += w * (xs[x3 + j] as number);
      }
      out[o0 + i] = a0; out[o1 + i] = a1; out[o2 + i] = a2; out[o3 + i] = a3; // prettier-ignore
    }
  }
  for (; b < count; b += 1) {
    const x0 = b * n;
    const o0 = b * m;
    for (let i = 0; i < m; i += 1) {
      const w0 = i * n;
      let a = 0;
      for (let j = 0; j < n; j += 1) a += (weights[w0 + j] as number) * (xs[x0 + j] as number);
      out[o0 + i] = a;
    }
  }
  return out;
}
