import type { GaussianState } from '../gaussianState.js';
import { applyOnModes } from './applyOnModes.js';

/**
 * The map V → X V Xᵀ + Y with X = a·I and Y = b·I on the quadratures of the listed modes
 * (identity elsewhere): loss (a = √T, b = 1 − T), amplification (a = √G, b = G − 1) and
 * added noise (a = 1, b = ε) on several modes in one pass (O(k·N) instead of k full copies).
 * @internal
 */
export function diagonalOnModes(state: GaussianState, modes: readonly number[], a: number, b: number): GaussianState {
  const k = 2 * modes.length;
  const x = new Float64Array(k * k);
  const y = new Float64Array(k * k);
  for (let i = 0; i < k; i += 1) {
    x[i * k + i] = a;
    y[i * k + i] = b;
  }
  return applyOnModes(state, x, modes, y);
}
