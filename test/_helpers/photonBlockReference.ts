import type { Decimal } from 'decimal.js';

/**
 * E_L[log2 C(N + L − 1, L)]/N with L negative binomial (M, k) at the precision of `k`'s
 * Decimal class: P(L) = C(L + M − 1, L)(1 + k)^−M·r^L, r = k/(1 + k), by the recurrences
 * P(L + 1) = P(L)·r(L + M)/(L + 1) and ln C(N + L, L + 1) = ln C(N + L − 1, L) + ln((N + L)/(L + 1)),
 * summed from L = 0 until past the mean and the term is below `relTol` of the sum. The
 * reference of the photon-number bound (test/bounds.serverData.test.ts, test/bounds.networkData.test.ts).
 */
export function photonBlockReference(k: Decimal, inputs: number, rows: number, relTol: string): number {
  const D = k.constructor as typeof Decimal;
  if (k.isZero() || inputs === 1) return 0;
  const r = k.div(k.plus(1));
  let p = k.plus(1).ln().times(-rows).exp();
  let f = new D(0);
  let sum = new D(0);
  const mean = k.times(rows).toNumber();
  for (let L = 0; ; L += 1) {
    const term = p.times(f);
    sum = sum.plus(term);
    if (L > mean && L > 2 && term.lt(sum.times(relTol))) break;
    p = p.times(r).times(L + rows).div(L + 1);
    f = f.plus(new D(inputs + L).div(L + 1).ln());
  }
  return sum.div(new D(2).ln()).div(inputs).toNumber();
}

/** Call each function and expect it to throw a library input error (InputRangeError or InputTypeError). */
export function expectEachInputError(fns: readonly (() => unknown)[], isInputError: (e: unknown) => boolean, expect: (v: unknown, m?: string) => { toBe: (x: unknown) => void }): void {
  for (const f of fns) {
    let caught: unknown;
    try {
      f();
    } catch (e) {
      caught = e;
    }
    expect(isInputError(caught), String(caught)).toBe(true);
  }
}
