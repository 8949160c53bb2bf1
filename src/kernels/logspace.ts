/**
 * `count` points from 10^a to 10^b, evenly spaced in the exponent, as Matlab's and
 * Octave's logspace(a, b, count): 10^(a + i·(b − a)/(count − 1)), the last exponent
 * set to b exactly. Used to rebuild the authors' grids; agrees with Octave's
 * values to within a few ulps (the exponent is rounded once, then 10^x).
 * Kernel tier: count < 1 gives [], count = 1 gives [10^b] (as Octave).
 *
 * @param a - first exponent (base 10)
 * @param b - last exponent (base 10)
 * @param count - number of points
 * @returns the points (dimensionless)
 * @example logspace(0, 2, 3) // returns [1, 10, 100]
 * @public
 */
export function logspace(a: number, b: number, count: number): number[] {
  if (!(count >= 1)) return [];
  if (count === 1) return [10 ** b];
  const step = (b - a) / (count - 1);
  const out = new Array<number>(count);
  for (let i = 0; i < count - 1; i++) out[i] = 10 ** (a + i * step);
  out[count - 1] = 10 ** b;
  return out;
}
