import { describeValue, inClosed } from '../_internal/validate.js';
import type { GaussianState } from './gaussianState.js';
import { stateOf } from './_internal/state.js';
import { InputTypeError } from '../inputError.js';

/**
 * Largest variance V accepted by {@link twoModeSqueezedVacuum} (SNU): keeps V and
 * √(V² − 1) far from overflow (V² would overflow near 1e154). @public
 */
export const MAX_TMSV_VARIANCE = 1e150;
/** Largest |r| accepted: cosh 2r ≈ e^{2r}/2 stays below {@link MAX_TMSV_VARIANCE} (e^{340}/2 ≈ 1e147). @public */
export const MAX_TMSV_SQUEEZING = 170;

/**
 * The two-mode squeezed vacuum (EPR state) on modes (0, 1), shot-noise units:
 *
 *   V = [[V·I, c·Z], [c·Z, V·I]],  Z = diag(1, −1),  V = cosh 2r,  c = sinh 2r = √(V² − 1),
 *
 * given either by the variance V ≥ 1 of each arm (each arm alone is thermal with
 * n̄ = (V − 1)/2 = sinh² r) or by the squeezing parameter r (r < 0 flips the sign of c).
 * Heterodyne of one arm prepares the other in a coherent state drawn from a Gaussian
 * ensemble of modulation variance V − 1 (the EPR picture of CV-QKD).
 *
 * @param spec - `{ variance: V }` with V in [1, {@link MAX_TMSV_VARIANCE}], or `{ squeezing: r }` with |r| ≤ {@link MAX_TMSV_SQUEEZING}
 * @returns the two-mode state
 * @throws TypeError when neither or both of variance and squeezing are given
 * @throws RangeError when the value is out of range
 * @example twoModeSqueezedVacuum({ variance: 1 })    // returns the two-mode vacuum
 * @example twoModeSqueezedVacuum({ variance: 3 })    // returns c = √8 ≈ 2.8284 (each arm: n̄ = 1)
 * @example twoModeSqueezedVacuum({ squeezing: 0.5 }) // returns V = cosh 1 ≈ 1.5431, c = sinh 1 ≈ 1.1752
 * @public
 */
export function twoModeSqueezedVacuum(spec: { readonly variance: number } | { readonly squeezing: number }): GaussianState {
  const s = spec as { variance?: unknown; squeezing?: unknown } | null;
  if (typeof s !== 'object' || s === null || (s.variance === undefined) === (s.squeezing === undefined)) {
    throw new InputTypeError(`give exactly one of { variance } or { squeezing }; received ${describeValue(spec)}`);
  }
  let v: number;
  let c: number;
  if (s.variance !== undefined) {
    v = inClosed('TMSV arm variance V (SNU)', s.variance, 1, MAX_TMSV_VARIANCE);
    c = Math.sqrt((v - 1) * (v + 1)); // (V − 1) is exact for V near 1 (Sterbenz), unlike V² − 1
  } else {
    const r = inClosed('squeezing parameter r', s.squeezing, -MAX_TMSV_SQUEEZING, MAX_TMSV_SQUEEZING);
    v = Math.cosh(2 * r);
    c = Math.sinh(2 * r);
  }
  const cov = Float64Array.from([v, 0, c, 0, 0, v, 0, -c, c, 0, v, 0, 0, -c, 0, v]);
  return stateOf(2, new Float64Array(4), cov);
}
