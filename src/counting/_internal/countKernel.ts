import type { UniformSource } from '../uniformSource.js';
import { multinomialInto, negativeBinomialDeviate, poissonDeviate } from './samplers.js';

/**
 * One inference of displace-and-count, counts summed over the rows (proofs/photon-counting.md
 * §2–§4): the detected signal photons over `rows` rows are negative binomial (M geometrics
 * of mean `meanPerRow` = η·k each, thinning included), split multinomially with the
 * probabilities `p` (tail sums `tail`, see tailSums), plus Poisson(rows·darkCounts) dark
 * counts at every output. Writes `out` (overwritten, length p.length) and returns the
 * detected signal photons. Kernel: no validation.
 * @internal
 */
export function countKernel(
  p: ArrayLike<number>,
  tail: ArrayLike<number>,
  meanPerRow: number,
  rows: number,
  darkCounts: number,
  u: UniformSource,
  out: Float64Array,
): number {
  out.fill(0);
  const photons = negativeBinomialDeviate(rows, meanPerRow, u);
  if (photons > 0) multinomialInto(photons, p, tail, u, out);
  if (darkCounts > 0) {
    const darkMean = rows * darkCounts;
    for (let b = 0; b < out.length; b += 1) out[b] = (out[b] as number) + poissonDeviate(darkMean, u);
  }
  return photons;
}
