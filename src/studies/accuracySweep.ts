import type { MnistSplit } from '../data/loadMnist.js';
import { integerAtLeast, positive } from '../_internal/validate.js';
import { accuracyCurveParallel, type ParallelAccuracyOptions } from '../inference/parallelAccuracy.js';
import { thresholdCrossing, type ThresholdCrossing } from '../inference/accuracyLookup.js';
import type { BiasFreeNetwork } from '../inference/noisyForward.js';
import type { OutputNoiseSpec } from '../inference/outputNoiseStd.js';
import { logspace } from '../kernels/logspace.js';
import { paperLogisticAccuracy } from '../presets/paperLogisticAccuracy.js';
import { paperRawAccuracy, PAPER_RAW_ACCURACY, PAPER_RAW_ACCURACY_F } from '../presets/paperRawAccuracy.js';
import { InputRangeError } from '../inputError.js';
import { PAPER_HEADLINE } from './paperHeadline.js';

/** The accuracy the paper claims (percent), where the crossings are taken: {@link PAPER_HEADLINE}'s 96 %. */
const CLAIMED_ACCURACY = PAPER_HEADLINE.minAccuracyPercent;

/**
 * One point of an accuracy-versus-SNR sweep, with the authors' curves beside qsdl's.
 * SNR = μ/DX2_eff and the notebook's F = 4·SNR describe the same noise (docs/model.md#accuracy).
 * @public
 */
export interface AccuracySweepRow {
  /** Output SNR = μ/DX2_eff (dimensionless, linear). */
  readonly snr: number;
  /** The notebook's F for the same noise, 4·SNR (dimensionless, linear). */
  readonly f: number;
  /** qsdl's simulated accuracy (percent, test images). */
  readonly accuracyPercent: number;
  /** Correctly classified images. */
  readonly correct: number;
  /** Images evaluated. */
  readonly count: number;
  /** The authors' raw simulated accuracy at the same noise, F = 4·SNR (percent; NaN outside their F range). */
  readonly paperRawSameNoisePercent: number;
  /** The authors' logistic at the same noise, F = 4·SNR (percent). */
  readonly paperFitSameNoisePercent: number;
  /** The authors' raw accuracy where their maps read it, F = √SNR (percent; NaN outside their F range). */
  readonly paperRawMapsReadingPercent: number;
  /** The authors' logistic where their maps read it, F = √SNR (percent). */
  readonly paperFitMapsReadingPercent: number;
}

/** Which grid an {@link accuracySweep} runs on. @public */
export type AccuracySweepGrid =
  /** The physical model on SNR = logspace(log10 min, log10 max, points). */
  | {
      /** Grid kind: the physical model's SNR grid. */
      readonly kind: 'snr';
      /** Smallest output SNR μ/DX2 (linear, > 0). */
      readonly min: number;
      /** Largest output SNR μ/DX2 (linear). */
      readonly max: number;
      /** Number of log-spaced points (integer ≥ 2). */
      readonly points: number;
    }
  /** The paper-2024 notebook parametrisation on the authors' own grid F = logspace(−3, 2, 512). */
  | {
      /** Grid kind: the authors' notebook grid of F. */
      readonly kind: 'paper-2024-notebook';
    };

/** Result of {@link accuracySweep}. @public */
export interface AccuracySweep {
  /** The grid and noise model used. */
  readonly grid: AccuracySweepGrid;
  /** One row per point, SNR increasing. */
  readonly rows: readonly AccuracySweepRow[];
  /** Where qsdl's accuracy reaches 96 % (in SNR), or null. */
  readonly crossing96: ThresholdCrossing | null;
  /** Where the authors' raw curve reaches 96 %, in the same SNR (F = 4·SNR), or null. */
  readonly paperCrossing96SameNoise: ThresholdCrossing | null;
  /** Where the authors' maps place 96 %: their raw curve read at F = √SNR, in SNR = F² (indices into their 512 points). */
  readonly paperCrossing96MapsReading: ThresholdCrossing | null;
}

/** The SNRs of a sweep grid (dimensionless). */
function gridSnrs(grid: AccuracySweepGrid): number[] {
  if (grid.kind === 'paper-2024-notebook') return PAPER_RAW_ACCURACY_F.map((f) => f / 4);
  const lo = positive('smallest SNR', grid.min);
  const hi = positive('largest SNR', grid.max);
  const n = integerAtLeast('number of points', grid.points, 2);
  if (!(hi > lo)) throw new InputRangeError(`largest SNR must be greater than the smallest (${lo}); received ${hi}`);
  return logspace(Math.log10(lo), Math.log10(hi), n);
}

/**
 * The accuracy-versus-SNR curve of a network (docs/model.md#accuracy) computed by {@link accuracyCurve},
 * with the authors' raw simulations and logistic fit beside it, both at the same noise
 * (F = 4·SNR) and where the authors' maps read them (F = √SNR).
 *
 * - `{ kind: 'snr', … }` uses qsdl's physical model through SNR;
 * - `{ kind: 'paper-2024-notebook' }` is the paper-2024 preset: the notebook's own
 *   parametrisation on its own grid F = logspace(−3, 2, 512) (the same noise as
 *   SNR = F/4), so each row compares qsdl's network with the authors' at the same F.
 *
 * @param network - the trained network
 * @param split - test images and labels
 * @param grid - the grid (see above)
 * @param options - seed, encoding, worker threads, progress (as {@link accuracyCurveParallel}; the result does not depend on the workers)
 * @returns the rows and the 96 % crossings
 * @throws RangeError for a bad grid (non-positive SNRs, min ≥ max, fewer than 2 points)
 * @example (await accuracySweep(network, loadMnist('test'), { kind: 'snr', min: 1e-4, max: 100, points: 512 })).crossing96?.stable // returns ≈ 0.6
 * @public
 */
export async function accuracySweep(network: BiasFreeNetwork, split: MnistSplit, grid: AccuracySweepGrid, options: ParallelAccuracyOptions = {}): Promise<AccuracySweep> {
  const snrs = gridSnrs(grid);
  const noises: OutputNoiseSpec[] = grid.kind === 'paper-2024-notebook' ? PAPER_RAW_ACCURACY_F.map((f) => ({ model: 'notebook', f })) : snrs.map((snr) => ({ model: 'snr', snr }));
  const results = await accuracyCurveParallel(network, split, noises, options);
  const rows = snrs.map((snr, k): AccuracySweepRow => {
    const r = results[k] as (typeof results)[number];
    const f = grid.kind === 'paper-2024-notebook' ? (PAPER_RAW_ACCURACY_F[k] as number) : 4 * snr;
    return {
      snr,
      f,
      accuracyPercent: r.accuracyPercent,
      correct: r.correct,
      count: r.count,
      paperRawSameNoisePercent: paperRawAccuracy(f),
      paperFitSameNoisePercent: paperLogisticAccuracy(f),
      paperRawMapsReadingPercent: paperRawAccuracy(Math.sqrt(snr)),
      paperFitMapsReadingPercent: paperLogisticAccuracy(Math.sqrt(snr)),
    };
  });
  const inRange = rows.filter((r) => !Number.isNaN(r.paperRawSameNoisePercent));
  return {
    grid,
    rows,
    crossing96: thresholdCrossing(snrs, rows.map((r) => r.accuracyPercent), CLAIMED_ACCURACY),
    paperCrossing96SameNoise: inRange.length >= 2 ? thresholdCrossing(inRange.map((r) => r.snr), inRange.map((r) => r.paperRawSameNoisePercent), CLAIMED_ACCURACY) : null,
    paperCrossing96MapsReading: thresholdCrossing(PAPER_RAW_ACCURACY_F.map((f) => f * f), PAPER_RAW_ACCURACY, CLAIMED_ACCURACY),
  };
}
