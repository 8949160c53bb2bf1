import type { GaussianState } from '../gaussianState.js';
import { complementModes, quadratureIndices, stateOf } from './state.js';

/**
 * Condition the other modes of a state on a Gaussian measurement of one mode b whose
 * outcome r (2 entries) satisfies, jointly with the rest, the linear-Gaussian model with
 * "effective inverse" P (2×2, symmetric, row-major): the rest A becomes
 *
 *   μ_A' = μ_A + V_AB P (r − μ_B),   V_A' = V_A − V_AB P V_BA.
 *
 * Homodyne of q uses P = Π (Π V_B Π)^MP = diag(1/V_qq, 0); heterodyne uses
 * P = (V_B + I)⁻¹ (proofs/gaussian-engine.md §3). The result is symmetrised exactly.
 * Cost O(N²).
 * @internal
 */
export function conditionOnMode(state: GaussianState, mode: number, p: Float64Array, r: readonly [number, number]): GaussianState {
  const d = 2 * state.modes;
  const rest = quadratureIndices(complementModes(state.modes, [mode]));
  const k = rest.length;
  const b0 = 2 * mode;
  const b1 = b0 + 1;
  const dr0 = r[0] - (state.mean[b0] as number);
  const dr1 = r[1] - (state.mean[b1] as number);
  const p00 = p[0] as number;
  const p01 = p[1] as number;
  const p11 = p[3] as number;
  // G = V_AB P (k × 2)
  const g0 = new Float64Array(k);
  const g1 = new Float64Array(k);
  const mean = new Float64Array(k);
  for (let i = 0; i < k; i += 1) {
    const row = (rest[i] as number) * d;
    const c0 = state.cov[row + b0] as number;
    const c1 = state.cov[row + b1] as number;
    g0[i] = c0 * p00 + c1 * p01;
    g1[i] = c0 * p01 + c1 * p11;
    mean[i] = (state.mean[rest[i] as number] as number) + (g0[i] as number) * dr0 + (g1[i] as number) * dr1;
  }
  const cov = new Float64Array(k * k);
  for (let i = 0; i < k; i += 1) {
    const row = (rest[i] as number) * d;
    for (let j = i; j < k; j += 1) {
      const col = rest[j] as number;
      const cj0 = state.cov[col * d + b0] as number;
      const cj1 = state.cov[col * d + b1] as number;
      const v = (state.cov[row + col] as number) - (g0[i] as number) * cj0 - (g1[i] as number) * cj1;
      cov[i * k + j] = v;
      cov[j * k + i] = v;
    }
  }
  return stateOf(state.modes - 1, mean, cov);
}


/** (V_B + I)⁻¹ of mode m, row-major 2×2 (V_B + I ≥ 2I for physical states: always invertible). @internal */
export function heterodyneGain(state: GaussianState, mode: number): Float64Array {
  const d = 2 * state.modes;
  const i = 2 * mode;
  const a = (state.cov[i * d + i] as number) + 1;
  const b = state.cov[i * d + i + 1] as number;
  const c = (state.cov[(i + 1) * d + i + 1] as number) + 1;
  const det = a * c - b * b;
  return Float64Array.from([c / det, -b / det, -b / det, a / det]);
}
