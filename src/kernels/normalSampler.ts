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
  const rng = xoroshiro128plus(seed32('seed', seed));
  let spare = Number.NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = Number.NaN;
      return s;
    }
    let u: number;
    let v: number;
    let r2: number;
    do {
      u = 2 * uniformFloat64(rng) - 1;
      v = 2 * uniformFloat64(rng) - 1;
      r2 = u * u + v * v;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    spare = v * f;
    return u * f;
  };
}
