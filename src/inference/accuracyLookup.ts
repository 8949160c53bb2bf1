import { integerAtLeast } from '../_internal/validate.js';
import { InputRangeError } from '../inputError.js';

/**
 * Accuracy (percent) at any SNR from a computed curve: linear interpolation in log10 SNR
 * between the two nearest points (docs/model.md#accuracy: accuracy depends on (μ, G) only through
 * SNR = μ/DX2, so one curve serves a whole map). Outside the curve's range: NaN (no
 * extrapolation).
 *
 * @param snrs - the curve's SNRs, strictly increasing, > 0 (dimensionless)
 * @param accuracies - accuracy at each SNR (percent)
 * @returns a function SNR → accuracy (percent), NaN outside [snrs[0], snrs[last]]
 * @throws RangeError when the lengths differ, there are fewer than 2 points, or the SNRs are not positive and increasing
 * @example accuracyLookup([1, 100], [10, 90])(10) // returns 50
 * @public
 */
export function accuracyLookup(snrs: readonly number[], accuracies: readonly number[]): (snr: number) => number {
  integerAtLeast('number of curve points', snrs.length, 2);
  if (accuracies.length !== snrs.length) throw new InputRangeError(`accuracies must have one entry per SNR (${snrs.length}); received ${accuracies.length}`);
  const logs = snrs.map((s, i) => {
    if (!(s > 0) || !Number.isFinite(s) || (i > 0 && !(s > (snrs[i - 1] as number)))) throw new InputRangeError(`snrs must be finite, > 0 and strictly increasing; received snrs[${i}] = ${s}`);
    return Math.log10(s);
  });
  const lo = snrs[0] as number;
  const hi = snrs[snrs.length - 1] as number;
  return (snr: number) => {
    if (!(snr >= lo && snr <= hi)) return Number.NaN;
    const l = Math.log10(snr);
    let a = 0;
    let b = logs.length - 1;
    while (b - a > 1) {
      const mid = (a + b) >>> 1;
      if ((logs[mid] as number) <= l) a = mid;
      else b = mid;
    }
    const t = Math.min(1, Math.max(0, (l - (logs[a] as number)) / ((logs[b] as number) - (logs[a] as number))));
    return (accuracies[a] as number) + t * ((accuracies[b] as number) - (accuracies[a] as number));
  };
}

/** Where a curve reaches a threshold: see {@link thresholdCrossing}. @public */
export interface ThresholdCrossing {
  /** First index whose value is ≥ the threshold. */
  readonly firstIndex: number;
  /** The x where the curve first reaches it, interpolated linearly in log10 x from the point before. */
  readonly first: number;
  /** First index from which every value is ≥ the threshold (the noisy plateau may dip below after `firstIndex`). */
  readonly stableIndex: number;
  /** The x where the curve reaches it for good, interpolated like `first`. */
  readonly stable: number;
}

/**
 * Where a sampled curve y(x) (x > 0, increasing) first reaches a threshold, and where it
 * stays at or above it: the crossings are interpolated linearly in log10 x (the grids here
 * are logarithmic). Null when no value reaches the threshold, or when the last one is below it.
 *
 * @param xs - abscissae, > 0 and increasing (e.g. SNR or F)
 * @param ys - values (e.g. accuracy in percent)
 * @param threshold - the level (same unit as ys)
 * @returns the crossing indices and abscissae, or null
 * @example thresholdCrossing([1, 10, 100], [50, 94, 98], 96) // returns { firstIndex: 2, first: ≈ 31.6, stableIndex: 2, stable: ≈ 31.6 }
 * @public
 */
export function thresholdCrossing(xs: readonly number[], ys: readonly number[], threshold: number): ThresholdCrossing | null {
  if (xs.length !== ys.length) throw new InputRangeError(`ys must have one entry per x (${xs.length}); received ${ys.length}`);
  const at = (i: number): number => {
    if (i === 0) return xs[0] as number;
    const y0 = ys[i - 1] as number;
    const y1 = ys[i] as number;
    const t = (threshold - y0) / (y1 - y0);
    return 10 ** (Math.log10(xs[i - 1] as number) + t * (Math.log10(xs[i] as number) - Math.log10(xs[i - 1] as number)));
  };
  const firstIndex = ys.findIndex((y) => y >= threshold);
  if (firstIndex < 0 || !((ys[ys.length - 1] as number) >= threshold)) return null;
  let stableIndex = ys.length - 1;
  while (stableIndex > 0 && (ys[stableIndex - 1] as number) >= threshold) stableIndex -= 1;
  return { firstIndex, first: at(firstIndex), stableIndex, stable: at(stableIndex) };
}
