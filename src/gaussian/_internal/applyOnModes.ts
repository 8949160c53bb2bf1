import type { GaussianState } from '../gaussianState.js';
import { quadratureIndices, stateOf } from './state.js';

/**
 * The Gaussian map (μ, V) → (X μ, X V Xᵀ + Y) where X (2k×2k, row-major) and Y (2k×2k,
 * symmetric, or undefined for 0) act on the quadratures of the k listed modes and the
 * identity acts on the rest. X symplectic and Y = 0 is a Gaussian unitary; pure loss,
 * amplification and added noise are the other cases the engine uses.
 *
 * Cost: one pass over the 2k rows that change, skipping zero entries of X
 * (nnz(X)·2N multiply-adds for the rows, nnz(X)·2k for the square block), then the
 * columns are filled in by symmetry; the result is symmetrised exactly
 * (V' = X V Xᵀ is symmetric in exact arithmetic; only the 2k×2k block can pick up
 * round-off asymmetry, so that block is averaged with its transpose).
 * @internal
 */
export function applyOnModes(state: GaussianState, x: Float64Array, modes: readonly number[], y?: Float64Array): GaussianState {
  const d = 2 * state.modes;
  const idx = quadratureIndices(modes);
  const k = idx.length;
  const mean = Float64Array.from(state.mean);
  for (let r = 0; r < k; r += 1) {
    let s = 0;
    for (let c = 0; c < k; c += 1) s += (x[r * k + c] as number) * (state.mean[idx[c] as number] as number);
    mean[idx[r] as number] = s;
  }
  // R = X · V[idx, :]  (k × d), row by row as sums of scaled rows of V.
  const v = state.cov;
  const rows = new Float64Array(k * d);
  for (let r = 0; r < k; r += 1) {
    const out = rows.subarray(r * d, (r + 1) * d);
    for (let c = 0; c < k; c += 1) {
      const a = x[r * k + c] as number;
      if (a === 0) continue;
      const at = (idx[c] as number) * d;
      const from = v.subarray(at, at + d);
      for (let j = 0; j < d; j += 1) out[j] = (out[j] as number) + a * (from[j] as number);
    }
  }
  const cov = Float64Array.from(v);
  // Rows and (by symmetry) columns outside the block: V'[idx, o] = R[:, o], V'[o, idx] = R[:, o]ᵀ.
  for (let r = 0; r < k; r += 1) {
    const row = idx[r] as number;
    for (let j = 0; j < d; j += 1) {
      const val = rows[r * d + j] as number;
      cov[row * d + j] = val;
      cov[j * d + row] = val;
    }
  }
  // The block: V'[idx, idx] = X · (R[:, idx])ᵀ  (= X V_ss Xᵀ, V_ss symmetric).
  // First Rᵀ restricted to the block, contiguous: rt[c, j] = R[j, idx[c]].
  const rt = new Float64Array(k * k);
  for (let j = 0; j < k; j += 1) {
    for (let c = 0; c < k; c += 1) rt[c * k + j] = rows[j * d + (idx[c] as number)] as number;
  }
  const block = new Float64Array(k * k);
  for (let r = 0; r < k; r += 1) {
    const out = block.subarray(r * k, (r + 1) * k);
    for (let c = 0; c < k; c += 1) {
      const a = x[r * k + c] as number;
      if (a === 0) continue;
      const from = rt.subarray(c * k, (c + 1) * k);
      for (let j = 0; j < k; j += 1) out[j] = (out[j] as number) + a * (from[j] as number);
    }
  }
  for (let r = 0; r < k; r += 1) {
    for (let c = 0; c < k; c += 1) {
      let val = ((block[r * k + c] as number) + (block[c * k + r] as number)) / 2;
      if (y !== undefined) val += y[r * k + c] as number;
      cov[(idx[r] as number) * d + (idx[c] as number)] = val;
    }
  }
  return stateOf(state.modes, mean, cov);
}
