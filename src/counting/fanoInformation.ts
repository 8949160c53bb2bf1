import { inClosed, integerAtLeast } from '../_internal/validate.js';
import { binaryEntropy } from './_internal/entropy.js';

/**
 * Fano's lower bound, in bits per inference, on the information the counts carry about a
 * uniformly distributed label among K classes, given a recognition rate r (probability of
 * naming the label correctly): I ≥ log2 K − h₂(1 − r) − (1 − r)·log2(K − 1)
 * (proofs/photon-counting.md §6). It is 0 exactly at chance (r = 1/K), ≥ 0 everywhere, and
 * log2 K at r = 1. By data processing it also bounds the information about the client's
 * data vector x (label → x → counts → guess).
 *
 * @param rate - recognition rate r ∈ [0, 1]
 * @param classes - number of classes K, an integer ≥ 2 @defaultValue 10
 * @returns bits per inference (≥ 0 up to round-off)
 * @throws TypeError / RangeError naming the parameter, its range and the value
 * @example fanoInformation(1)    // returns log2(10) ≈ 3.3219
 * @example fanoInformation(0.1)  // returns 0 (chance level, up to round-off)
 * @example fanoInformation(0.5)  // returns ≈ 0.7370
 * @public
 */
export function fanoInformation(rate: number, classes = 10): number {
  const r = inClosed('recognition rate r', rate, 0, 1);
  const k = integerAtLeast('classes K', classes, 2);
  const error = 1 - r;
  return Math.log2(k) - binaryEntropy(error) - error * Math.log2(k - 1);
}
