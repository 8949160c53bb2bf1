/**
 * Parameters of the authors' logistic accuracy fit, accuracy(F) = b1/(1 + exp(−b2·(F − b3))) + b4
 * (percent; F = √SNR on a linear scale, not dB). Source: the fit of the 512-point
 * accuracy-versus-F curve in the authors' Fitting_sigmoid.m, redone with Octave 7.3
 * fminsearch to convergence (the shared reference file logistic_fit.json, "params";
 * RMSE 1.11 %). b1 and b4 are nearly degenerate: only the curve and b1 + b4 are well
 * determined. The published Maps.m reads accuracy from this curve.
 * @public
 */
export const PAPER_LOGISTIC_PARAMS: Readonly<LogisticParams> = Object.freeze({
  b1: 728.8949133871242,
  b2: 3.0829385394579636,
  b3: -0.6433812685677193,
  b4: -631.7376696672623,
});

/** Parameters of accuracy(F) = b1/(1 + exp(−b2·(F − b3))) + b4 (percent; F linear). @public */
export interface LogisticParams {
  /** Span of the logistic (percent). */
  readonly b1: number;
  /** Steepness (per unit F). */
  readonly b2: number;
  /** Midpoint in F. */
  readonly b3: number;
  /** Lower asymptote (percent; far below 0 for this fit, not physical). */
  readonly b4: number;
}

/**
 * The paper's fitted classification accuracy, in percent, at F = √(μ/DX2(G))
 * (the authors' logistic; see {@link PAPER_LOGISTIC_PARAMS}). Not a simulation: it
 * is what the authors' maps use. Below F ≈ 0 it is not meaningful (the lower
 * asymptote b4 is far below 0 %). Kernel tier: NaN propagates.
 *
 * @param f - F = √SNR (dimensionless, linear)
 * @returns accuracy in percent
 * @example paperLogisticAccuracy(1.4467997333504297) // returns ≈ 96 (the fitted 96 % crossing)
 * @public
 */
export function paperLogisticAccuracy(f: number): number {
  const { b1, b2, b3, b4 } = PAPER_LOGISTIC_PARAMS;
  return b1 / (1 + Math.exp(-b2 * (f - b3))) + b4;
}

/**
 * F at which the fitted logistic reaches `percent`: F = b3 − ln(b1/(percent − b4) − 1)/b2.
 * @param percent - accuracy in percent, between b4 and b1 + b4 (≈ 97.157)
 * @returns F (dimensionless), NaN outside that range
 * @example paperLogisticInverse(96) // returns ≈ 1.4468
 * @public
 */
export function paperLogisticInverse(percent: number): number {
  const { b1, b2, b3, b4 } = PAPER_LOGISTIC_PARAMS;
  return b3 - Math.log(b1 / (percent - b4) - 1) / b2;
}
