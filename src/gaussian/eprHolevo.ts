import { describeValue } from '../_internal/validate.js';
import type { GaussianState } from './gaussianState.js';
import { heterodyneConditional } from './heterodyneConditional.js';
import { keepModes } from './keepModes.js';
import { vonNeumannEntropy, type EntropyOptions } from './vonNeumannEntropy.js';
import { checkState, modeIndex, modeList } from './_internal/checks.js';
import { InputRangeError } from '../inputError.js';

/**
 * Holevo information, in bits, that a subsystem holds about the heterodyne outcome of one
 * mode A (shot-noise units): the EPR picture of coherent-state protocols, in which A is one
 * arm of a two-mode squeezed vacuum and heterodyning A prepares the other arm in a
 * Gaussian-modulated coherent state (modulation variance V − 1):
 *
 *   χ(sub : a) = S(ρ_sub) − S(ρ_sub | heterodyne of A).
 *
 * The conditional covariance does not depend on the outcome, so the conditional entropy is
 * one number. With sub = E, a purification of AB, S(E) = S(AB) and S(E | a) = S(B | a), so the
 * client's bound χ_W of docs/model.md#weight-leakage is S(AB) − S(B | a): compute it as
 * vonNeumannEntropy(AB) − (entropy of B after heterodyne of A), or call this function on an
 * explicit E.
 *
 * @param state - the joint state (contains A and the subsystem)
 * @param arm - the heterodyned mode A
 * @param subsystem - distinct modes, not containing A
 * @param options - entropy round-off `tolerance` @defaultValue as {@link vonNeumannEntropy}
 * @returns χ in bits (≥ 0 up to round-off)
 * @throws TypeError / RangeError on an invalid state or mode lists, or when A is in the subsystem
 * @example eprHolevo(twoModeSqueezedVacuum({ variance: 3 }), 0, [1])  // returns ≈ 2 (= h(1): coherent states, μ = 1)
 * @example eprHolevo(tensorProduct(twoModeSqueezedVacuum({ variance: 3 }), vacuum(1)), 0, [2])  // returns 0 (uncorrelated)
 * @public
 */
export function eprHolevo(state: GaussianState, arm: number, subsystem: readonly number[], options: EntropyOptions = {}): number {
  const s = checkState('state', state);
  const a = modeIndex('arm (heterodyned mode A)', arm, s.modes);
  const sub = modeList('subsystem', subsystem, s.modes, true);
  if (sub.includes(a)) throw new InputRangeError(`subsystem must not contain the heterodyned arm ${a}; received ${describeValue(subsystem)}`);
  const unconditional = vonNeumannEntropy(keepModes(s, sub), options);
  const rest = keepModes(s, [a, ...sub]);
  const conditioned = heterodyneConditional(rest, 0, { q: 0, p: 0 });
  return unconditional - vonNeumannEntropy(conditioned, options);
}
