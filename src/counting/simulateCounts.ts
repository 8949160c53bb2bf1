import { describeValue } from '../_internal/validate.js';
import type { CountingPhysics } from './countingPhysics.js';
import { countKernel } from './_internal/countKernel.js';
import { resolvePhysics } from './_internal/resolvePhysics.js';
import { tailSums } from './_internal/samplers.js';
import { uniformSource, type UniformSource } from './uniformSource.js';
import { InputRangeError, InputTypeError } from '../inputError.js';

/** What {@link simulateCounts} simulates: the output probabilities and the detection settings. @public */
export interface CountSimulationSpec extends CountingPhysics {
  /** Probability |⟨b|x̂⟩|² that a photon lands in output b: non-negative, summing to 1 (within 1e-9). */
  readonly probabilities: ArrayLike<number>;
}

/**
 * Allowed |Σ_b p_b − 1|. Probabilities built in float64 as squared projections of a unit
 * vector are off by about N·2^−53 ≈ 1e-13 for N = 784 (and ~1e-10 for N = 1e6); 1e-9 admits
 * those and rejects anything that is not a probability vector. The sampler uses p/Σp, so a
 * deviation this small changes no draw at Monte Carlo resolution.
 */
const SUM_TOLERANCE = 1e-9;

/**
 * Photon counts per output, summed over the M rows of one layer, of one inference of
 * displace-and-count (docs/model.md#server-capabilities; counts are integers, outputs as in `probabilities`). Per
 * row the detected photons are geometric with mean η·k; over M rows their total is
 * negative binomial (mean M·η·k, variance M·η·k·(1 + η·k)), split multinomially with
 * probabilities p_b; each output also gets Poisson(M·d) dark counts. Summing the rows loses
 * nothing: given x̂ the rows are independent and identically distributed, so the per-output
 * sums are sufficient for x̂ (proofs/photon-counting.md §4).
 *
 * @param spec - probabilities, and gain G or k, rows M, efficiency η, dark counts d
 * @param rng - a seed (integer in [−2^31, 2^31)) or a {@link UniformSource}; the same seed gives the same counts
 * @returns counts per output (non-negative integers; entries with p_b = 0 are 0 unless d > 0)
 * @throws TypeError / RangeError naming the parameter, its range and the value
 * @example simulateCounts({ probabilities: [0.5, 0.5], k: 0.5, rows: 784 }, 1) // returns two counts that add up to ~392 on average
 * @example simulateCounts({ probabilities: [1, 0], gain: 1, rows: 784 }, 1)    // returns [0, 0] (G = 1: no added photons)
 * @example simulateCounts({ probabilities: [1, 0], k: 1, darkCounts: 0 }, 1)[1] // returns 0 (an output with p_b = 0 never clicks without dark counts)
 * @public
 */
export function simulateCounts(spec: CountSimulationSpec, rng: number | UniformSource): Float64Array {
  const physics = resolvePhysics(spec);
  const p = spec.probabilities;
  if (p === null || typeof p !== 'object' || typeof p.length !== 'number') {
    throw new InputTypeError(`probabilities must be an array of numbers; received ${describeValue(p)}`);
  }
  if (p.length < 1) throw new InputRangeError('probabilities must have at least 1 entry; received 0');
  let sum = 0;
  for (let b = 0; b < p.length; b += 1) {
    const v = p[b];
    if (typeof v !== 'number') throw new InputTypeError(`probabilities[${b}] must be a number in [0, 1]; received ${describeValue(v)}`);
    if (!(v >= 0 && v <= 1)) throw new InputRangeError(`probabilities[${b}] must be a number in [0, 1]; received ${describeValue(v)}`);
    sum += v;
  }
  if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) throw new InputRangeError(`probabilities must sum to 1 (within ${SUM_TOLERANCE}); received a sum of ${describeValue(sum)}`);
  const u = typeof rng === 'function' ? rng : uniformSource(rng);
  const out = new Float64Array(p.length);
  countKernel(p, tailSums(p, new Float64Array(p.length)), physics.meanPerRow, physics.rows, physics.darkCounts, u, out);
  return out;
}
