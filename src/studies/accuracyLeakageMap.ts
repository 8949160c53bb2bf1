import { integerAtLeast, inLeftOpen } from '../_internal/validate.js';
import { DATA_LEAK_MODEL_FIELDS, DATA_LEAK_MODELS, dataLeak, type DataLeakModel } from '../bounds/dataLeak.js';
import { holevoWeightKernel } from '../bounds/holevoWeightKernel.js';
import { checkMapGrid } from '../presets/_internal/mapRows.js';
import { paperLogisticAccuracy } from '../presets/paperLogisticAccuracy.js';
import { paperRawAccuracy } from '../presets/paperRawAccuracy.js';
import { effectiveExcessNoise } from '../protocol/effectiveExcessNoise.js';
import { measurementNoiseFactor } from '../protocol/measurementNoiseFactor.js';

/**
 * Where an accuracy on a (μ, G) map comes from:
 * - `simulated`: qsdl's network under the physical noise, read off its accuracy-versus-SNR curve;
 * - `paper-fit`: the authors' logistic at F = √SNR, as their maps read it;
 * - `paper-raw`: the authors' raw simulations at F = √SNR, as their maps read it;
 * - `paper-raw-same-noise`: the authors' raw simulations at the same noise, F = 4·SNR.
 * @public
 */
export type AccuracySource = 'simulated' | 'paper-fit' | 'paper-raw' | 'paper-raw-same-noise';

/** The {@link AccuracySource} names, in report order. @public */
export const ACCURACY_SOURCES: readonly AccuracySource[] = ['simulated', 'paper-fit', 'paper-raw', 'paper-raw-same-noise'];

/** One (μ, G) point of an accuracy/leakage map. @public */
export interface AccuracyLeakageMapRow {
  /** Client gain G (≥ 1). */
  readonly gain: number;
  /** Mean photon number per weight symbol μ. */
  readonly mu: number;
  /** Output SNR = μ/DX2(G) (dimensionless). */
  readonly snr: number;
  /** Accuracy (percent) from each source; NaN where a source has no data. */
  readonly accuracyPercent: Readonly<Record<AccuracySource, number>>;
  /** χ_W (bits per weight symbol), T = 1, ε = 2(G − 1)/(G·n), n = f·N. */
  readonly weightBits: number;
  /** Data leakage (bits per data symbol) under each model of {@link DATA_LEAK_MODELS}. */
  readonly dataBits: Readonly<Record<DataLeakModel, number>>;
}

/** An accuracy/leakage map on the full (μ, G) grid. @public */
export interface AccuracyLeakageMap {
  /** Gains, in row-block order. */
  readonly gains: readonly number[];
  /** μ values, in order within a block. */
  readonly mus: readonly number[];
  /** gains.length × mus.length rows, gain outermost. */
  readonly rows: readonly AccuracyLeakageMapRow[];
  /** Inputs N and active fraction f (n = f·N) used for ε and the data models. */
  readonly inputs: number;
  /** Active fraction f. */
  readonly activeFraction: number;
}

/** Options of {@link accuracyLeakageMap}. @public */
export interface AccuracyLeakageMapOptions {
  /** Inputs N (modes per row). @defaultValue 784 */
  readonly inputs?: number;
  /** Fraction f of non-zero inputs, n = f·N. @defaultValue 0.5 */
  readonly activeFraction?: number;
  /** Called after each gain's row of the map with (gains done, gains in all). */
  readonly onMapProgress?: (done: number, total: number) => void;
}

/**
 * The content of the paper's accuracy/leakage contour figure on the full grid — every
 * gain with every μ, not the element-wise pairing of the published script
 * ({@link paperMapAsWritten}) — with four accuracy sources ({@link AccuracySource}),
 * qsdl's χ_W and every data-leakage model. Accuracy depends on (μ, G) only through
 * SNR = μ/DX2(G) (docs/model.md#accuracy), so the simulated accuracy is one curve looked up
 * (`simulatedAccuracy`, e.g. {@link accuracyLookup} over an {@link accuracySweep}).
 *
 * @param gains - gains G ≥ 1
 * @param mus - μ values in [0, 1e12]
 * @param simulatedAccuracy - SNR → qsdl's accuracy (percent; NaN outside its curve)
 * @param options - N and f
 * @returns the map
 * @throws RangeError for gains < 1, μ out of range, N not a positive integer, f outside (0, 1]
 * @example accuracyLeakageMap([2], [4], () => 97.4).rows[0].weightBits // returns ≈ 0.0873848 (bits per weight symbol)
 * @public
 */
export function accuracyLeakageMap(gains: readonly number[], mus: readonly number[], simulatedAccuracy: (snr: number) => number, options: AccuracyLeakageMapOptions = {}): AccuracyLeakageMap {
  const inputs = integerAtLeast('inputs N', options.inputs ?? 784, 1);
  const activeFraction = inLeftOpen('active fraction f', options.activeFraction ?? 0.5, 0, 1);
  checkMapGrid(gains, mus, inputs * activeFraction);
  const rows: AccuracyLeakageMapRow[] = [];
  for (const gain of gains) {
    const dx2 = measurementNoiseFactor(gain);
    const eps = effectiveExcessNoise(gain, inputs, activeFraction);
    // Rows default to the model's own (N + 10 for paper-2025, N for the others); the Holevo bounds take no active fraction.
    const dataBits = Object.fromEntries(DATA_LEAK_MODELS.map((model) => [model, dataLeak({ gain, inputs, activeFraction: DATA_LEAK_MODEL_FIELDS[model].includes('activeFraction') ? activeFraction : undefined, model })])) as Record<DataLeakModel, number>;
    for (const mu of mus) {
      const snr = mu / dx2;
      rows.push({
        gain,
        mu,
        snr,
        accuracyPercent: {
          simulated: simulatedAccuracy(snr),
          'paper-fit': paperLogisticAccuracy(Math.sqrt(snr)),
          'paper-raw': paperRawAccuracy(Math.sqrt(snr)),
          'paper-raw-same-noise': paperRawAccuracy(4 * snr),
        },
        weightBits: holevoWeightKernel(mu, 0, eps),
        dataBits,
      });
    }
    options.onMapProgress?.(rows.length / mus.length, gains.length);
  }
  return { gains, mus, rows, inputs, activeFraction };
}
