import fc from 'fast-check';

/** Doubles log-uniform in [lo, hi] (both > 0): every decade equally likely. */
export const logUniform = (lo: number, hi: number): fc.Arbitrary<number> =>
  fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map((t) => Math.min(hi, Math.max(lo, Math.exp(t))));
