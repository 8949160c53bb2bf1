import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { seed32 } from '../_internal/validate.js';

/**
 * A source of uniform deviates in [0, 1) (multiples of 2^−53). Every photon-counting
 * simulation draws from one of these, so that one seed fixes a whole run. @public
 */
export type UniformSource = () => number;

/**
 * A seeded {@link UniformSource}: xoroshiro128+ (pure-rand) with 53-bit uniforms in [0, 1).
 * The same seed gives the same sequence on every machine.
 *
 * @param seed - an integer in [−2^31, 2^31)
 * @returns the next-uniform function (it advances the generator)
 * @throws RangeError for a seed that is not such an integer (it would be changed silently otherwise); TypeError for a non-number
 * @example const u = uniformSource(7); u(); // returns the same number in [0, 1) on every run
 * @public
 */
export function uniformSource(seed: number): UniformSource {
  const rng = xoroshiro128plus(seed32('seed', seed));
  return () => uniformFloat64(rng);
}
