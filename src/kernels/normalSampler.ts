import { seed32 } from '../_internal/validate.js';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * A seeded source of standard normal deviates N(0, 1): xoroshiro128+ (pure-rand) for the
 * uniforms, the Marsaglia polar method for the normals (exact, no tables). The same seed
 * gives the same sequence on every machine.
 *
 * @param seed - an integer in [−2^31, 2^31)
 * @throws RangeError for any other seed (it would be changed silently otherwise)
 * @returns a function that returns the next N(0, 1) deviate
 * @example const next = normalSampler(42); next(); // returns the same number on every run
 * @public
 */
export function normalSampler(seed: number): () => number {
  return normalSamplerAfter(seed, 0);
}

/**
 * {@link normalSampler}(seed) with its first `skip` deviates already drawn: the function returns
 * deviate number skip, skip + 1, … of that sequence, bit for bit. Skipping draws the uniforms and
 * the polar method's accept/reject tests but none of the logarithms and square roots (except for
 * a pair whose second deviate is the next one returned), so a worker that starts at image k of a
 * seeded run reaches its place at a fraction of the cost of drawing the deviates.
 * @param seed - an integer in [−2^31, 2^31)
 * @param skip - deviates to skip, an integer ≥ 0
 * @internal
 */
export function normalSamplerAfter(seed: number, skip: number): () => number {
  const rng = xoroshiro128plus(seed32('seed', seed));
  let spare = Number.NaN;
  let pairFirst = Number.NaN;
  const pair = (full: boolean): void => {
    let u: number;
    let v: number;
    let r2: number;
    do {
      u = 2 * uniformFloat64(rng) - 1;
      v = 2 * uniformFloat64(rng) - 1;
      r2 = u * u + v * v;
    } while (r2 >= 1 || r2 === 0);
    if (!full) return;
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    spare = v * f;
    pairFirst = u * f;
  };
  // Deviates come in pairs (u·f, v·f): skip whole pairs without f; an odd skip ends inside a
  // pair, whose second deviate is kept as the spare.
  for (let k = 0; k + 1 < skip; k += 2) pair(false);
  if (skip % 2 === 1) pair(true);
  return () => {
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = Number.NaN;
      return s;
    }
    pair(true);
    return pairFirst;
  };
}
