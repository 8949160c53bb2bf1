import type { MnistSplit } from '../data/loadMnist.js';
import { integerAtLeast } from '../_internal/validate.js';
import type { ParallelAccuracyOptions } from '../inference/parallelAccuracy.js';
import { accuracyLookup } from '../inference/accuracyLookup.js';
import type { BiasFreeNetwork } from '../inference/noisyForward.js';
import { logspace } from '../kernels/logspace.js';
import type { PaperPreset } from '../presets/paperPreset.js';
import { measurementNoiseFactor } from '../protocol/measurementNoiseFactor.js';
import { accuracyLeakageMap, type AccuracyLeakageMap, type AccuracyLeakageMapOptions } from './accuracyLeakageMap.js';
import { accuracySweep, type AccuracySweep } from './accuracySweep.js';
import { InputRangeError } from '../inputError.js';

/** Options of {@link accuracyLeakageStudy}. @public */
export interface AccuracyLeakageStudyOptions extends ParallelAccuracyOptions, AccuracyLeakageMapOptions {
  /** Gains on the map (log-spaced over the preset's range of G − 1). @defaultValue the preset's 512 */
  readonly gainPoints?: number;
  /** μ values on the map (log-spaced over the preset's range). @defaultValue the preset's 512 */
  readonly muPoints?: number;
  /** Points of the accuracy curve, log-spaced over the map's SNR range. @defaultValue 512 */
  readonly curvePoints?: number;
}

/** Result of {@link accuracyLeakageStudy}. @public */
export interface AccuracyLeakageStudy {
  /** The simulated accuracy-versus-SNR curve, spanning the map's SNRs. */
  readonly sweep: AccuracySweep;
  /** The map on the full (μ, G) grid. */
  readonly map: AccuracyLeakageMap;
}

/**
 * The accuracy/leakage study of one preset's figure: the preset's (μ, G) ranges on the
 * full grid, qsdl's accuracy-versus-SNR curve over exactly the map's SNR range (so no
 * point is extrapolated), and the map ({@link accuracyLeakageMap}).
 *
 * @param network - the trained network
 * @param split - test images and labels
 * @param preset - whose map ranges to use (paper-2024: μ ∈ [1e-4, 10], G − 1 ∈ [10^−2.2, 2.2]; paper-2025: μ ∈ [1e-2, 50], G − 1 ∈ [10^−2.1, 2.5])
 * @param options - grid sizes, curve points, seed, encoding, N, f, progress
 * @returns the curve and the map
 * @throws RangeError for grid sizes < 2 (and as {@link accuracySweep}, {@link accuracyLeakageMap})
 * @public
 */
export async function accuracyLeakageStudy(network: BiasFreeNetwork, split: MnistSplit, preset: PaperPreset, options: AccuracyLeakageStudyOptions = {}): Promise<AccuracyLeakageStudy> {
  const base = preset.mapGrid();
  const span = (values: readonly number[], n: number | undefined, offset: number) => {
    if (n === undefined) return [...values];
    integerAtLeast('map points', n, 2);
    const lo = Math.log10((values[0] as number) - offset);
    const hi = Math.log10((values[values.length - 1] as number) - offset);
    return logspace(lo, hi, n).map((v) => v + offset);
  };
  const gains = span(base.gains, options.gainPoints, 1);
  const mus = span(base.mus, options.muPoints, 0);
  // SNR = μ/DX2(G) spans [min μ / max DX2, max μ / min DX2] (μ > 0 only: SNR 0 has no place on a log curve).
  const dx2 = gains.map(measurementNoiseFactor);
  const positiveMus = mus.filter((m) => m > 0);
  if (positiveMus.length === 0) throw new InputRangeError('mus must contain a value > 0; received none');
  const lo = positiveMus.reduce((a, b) => Math.min(a, b)) / dx2.reduce((a, b) => Math.max(a, b));
  const hi = positiveMus.reduce((a, b) => Math.max(a, b)) / dx2.reduce((a, b) => Math.min(a, b));
  const sweep = await accuracySweep(network, split, { kind: 'snr', min: lo, max: hi, points: integerAtLeast('curve points', options.curvePoints ?? 512, 2) }, options);
  // logspace's end points can differ from lo and hi in the last bit: pin them so that no map point falls outside.
  const curveSnrs = sweep.rows.map((r) => r.snr);
  curveSnrs[0] = Math.min(curveSnrs[0] as number, lo);
  curveSnrs[curveSnrs.length - 1] = Math.max(curveSnrs[curveSnrs.length - 1] as number, hi);
  const lookup = accuracyLookup(curveSnrs, sweep.rows.map((r) => r.accuracyPercent));
  return { sweep, map: accuracyLeakageMap(gains, mus, lookup, options) };
}
