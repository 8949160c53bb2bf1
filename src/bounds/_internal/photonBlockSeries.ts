import { lnChoose } from './logBinomial.js';

/**
 * Each one-sided tail is dropped once a bound on what it would add is below this fraction of
 * the sums so far (2^−54, half the unit roundoff): the truncation changes the result by less
 * than its own rounding. Both tails together: at most 2^−53 relative (proof: §5 of
 * proofs/server-data-bounds.md).
 */
const TAIL_REL_TOL = 2 ** -54;

/** The expectation and a bound on the relative error its truncation causes. @internal */
export interface PhotonBlockSum {
  /** E_L[ln C(N + L − 1, L)] in nats. */
  readonly nats: number;
  /** Upper bound on |truncated − exact|/truncated from the omitted tails (≤ 2^−53). */
  readonly truncationBound: number;
  /** Terms summed. */
  readonly terms: number;
}

/** Neumaier's compensated running sum (all our terms are ≥ 0). */
class CompensatedSum {
  private sum = 0;
  private comp = 0;
  add(t: number): void {
    const s = this.sum + t;
    this.comp += Math.abs(this.sum) >= Math.abs(t) ? this.sum - s + t : t - s + this.sum;
    this.sum = s;
  }
  get value(): number {
    return this.sum + this.comp;
  }
}

/**
 * E_L[ln C(N + L − 1, L)] for L negative binomial: the total photon number of M rows, each a
 * thermal mode with k photons (geometric), P(L) = C(L + M − 1, L)·(1 + k)^−M·(k/(1 + k))^L.
 *
 * Summed outward from the mode L₀ = ⌊k(M − 1)⌋ with weights w(L) ∝ P(L) by the ratio
 * recurrence w(L + 1)/w(L) = r(L + M)/(L + 1), r = k/(1 + k), and normalised by Σw at the end
 * (so the normalising constant, whose log-gammas would cancel for large M, is never formed).
 * Each tail is stopped with a rigorous bound: above b the ratio ρ_b = r(b + M)/(b + 1) < 1
 * bounds w geometrically and f(L) = ln C(N + L − 1, L) is concave, so
 * Σ_{L>b} w ≤ w_b·ρ/(1 − ρ) and Σ_{L>b} w·f ≤ w_b·[f(b)·ρ/(1 − ρ) + ln((N + b)/(b + 1))·ρ/(1 − ρ)²];
 * below a the ratio λ_a = a/(r(a − 1 + M)) < 1 and f(L) ≤ f(a) give Σ_{L<a} w ≤ w_a·λ/(1 − λ),
 * Σ_{L<a} w·f ≤ f(a)·w_a·λ/(1 − λ).
 * About 18 standard deviations √(Mk(1 + k)) of terms, each one {@link lnChoose}.
 * Kernel: inputs are trusted (N, M integers ≥ 1, k ∈ [0, 1]); k = 0 or N = 1 give 0.
 * @internal
 */
export function photonBlockSeries(inputs: number, rows: number, k: number): PhotonBlockSum {
  if (Number.isNaN(k) || Number.isNaN(inputs) || Number.isNaN(rows)) return { nats: NaN, truncationBound: NaN, terms: 0 };
  if (k === 0 || inputs === 1) return { nats: 0, truncationBound: 0, terms: 0 };
  const r = k / (1 + k);
  const a = inputs - 1;
  const f = (L: number) => lnChoose(a, L);
  const mode = Math.floor(k * (rows - 1));
  const W = new CompensatedSum();
  const S = new CompensatedSum();
  let terms = 0;
  const add = (w: number, fl: number) => {
    W.add(w);
    S.add(w * fl);
    terms += 1;
  };
  // Upward from the mode (the mode itself included).
  let w = 1;
  let L = mode;
  let fL = f(L);
  add(w, fL);
  let upperBoundW = 0;
  let upperBoundS = 0;
  for (;;) {
    const rho = (r * (L + rows)) / (L + 1);
    if (rho < 1) {
      const g = rho / (1 - rho);
      upperBoundW = w * g;
      upperBoundS = w * (fL * g + Math.log((inputs + L) / (L + 1)) * g / (1 - rho));
      if (upperBoundW <= TAIL_REL_TOL * W.value && upperBoundS <= TAIL_REL_TOL * S.value) break;
    }
    w *= rho;
    L += 1;
    fL = f(L);
    add(w, fL);
  }
  // Downward from the mode.
  w = 1;
  L = mode;
  fL = f(L);
  let lowerBoundW = 0;
  let lowerBoundS = 0;
  while (L > 0) {
    const lambda = L / (r * (L - 1 + rows));
    if (lambda < 1) {
      const g = lambda / (1 - lambda);
      lowerBoundW = w * g;
      lowerBoundS = fL * lowerBoundW;
      if (lowerBoundW <= TAIL_REL_TOL * W.value && lowerBoundS <= TAIL_REL_TOL * S.value) break;
    }
    w *= lambda;
    L -= 1;
    fL = f(L);
    add(w, fL);
    lowerBoundW = 0;
    lowerBoundS = 0;
  }
  const sumW = W.value;
  const sumS = S.value;
  // |exact − truncated|/truncated ≤ max(S_out/S, W_out/W) (proof §5).
  const truncationBound = Math.max((upperBoundS + lowerBoundS) / sumS, (upperBoundW + lowerBoundW) / sumW);
  return { nats: sumS / sumW, truncationBound, terms };
}
