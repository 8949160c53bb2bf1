import { atLeast, nonNegative, positive } from '../_internal/validate.js';
import { holevoWeightKernel } from '../bounds/holevoWeightKernel.js';
import { cramerRaoKernel } from '../bounds/cramerRaoDataLeak.js';
import { revisedKernel } from '../bounds/revisedDataLeak.js';
import { scriptEpsilon } from './_internal/presetKernels.js';
import type { PaperPreset } from './paperPreset.js';
import { paperLogisticAccuracy } from './paperLogisticAccuracy.js';

/** One point of the authors' accuracy/leakage map. Bits per symbol; SNU. @public */
export interface PaperMapRow {
  /** Client gain G. */
  readonly gain: number;
  /** Mean photon number per weight symbol μ. */
  readonly mu: number;
  /** ε = (2G − 2)/G/n (SNU, output-referred). */
  readonly excessNoise: number;
  /** Weight leakage as the preset reports it (bits per weight symbol), T = 1. */
  readonly weightBits: number;
  /** Data leakage as the preset reports it (bits per data symbol). */
  readonly dataBits: number;
  /** DX2(G) (dimensionless). */
  readonly dx2: number;
  /** SNR = μ/DX2(G) (dimensionless). */
  readonly snr: number;
  /** The authors' fitted accuracy at F = √SNR (percent). */
  readonly accuracyFitPercent: number;
}

function dataBitsOf(preset: PaperPreset, gain: number, samples: number): number {
  return preset.dataModel === 'paper-2025'
    ? revisedKernel(gain, 784 + 10, samples)
    : cramerRaoKernel(gain, samples, 1 / Math.sqrt(samples), preset.dataModel === 'paper-2024' ? 8 : 4);
}

function checkGrid(gains: readonly number[], mus: readonly number[], samples: number): void {
  gains.forEach((g, i) => atLeast(`gains[${i}]`, g, 1));
  mus.forEach((m, i) => nonNegative(`mus[${i}]`, m));
  positive('samples n', samples);
}

/**
 * The authors' accuracy/leakage map (Maps.m) on the full grid: every gain (outer
 * loop) with every μ (inner loop), T = 1, weight and data leakage as the preset
 * reports them (data: M = 784 + 10 for paper-2025), the fitted accuracy at √SNR.
 * This is what Maps.m means to compute; see {@link paperMapAsWritten} for what it does.
 *
 * @param preset - a {@link PaperPreset}
 * @param gains - gains G ≥ 1 @defaultValue the preset's grid
 * @param mus - μ values ≥ 0 @defaultValue the preset's grid
 * @param samples - n @defaultValue 392
 * @returns gains.length × mus.length rows, gain outermost
 * @public
 */
export function paperMap(preset: PaperPreset, gains?: readonly number[], mus?: readonly number[], samples?: number): PaperMapRow[] {
  const grid = preset.mapGrid();
  const gs = gains ?? grid.gains;
  const ms = mus ?? grid.mus;
  const n = samples ?? grid.samples;
  checkGrid(gs, ms, n);
  const rows: PaperMapRow[] = [];
  for (const gain of gs) {
    const eps = scriptEpsilon(gain, n);
    const d = dataBitsOf(preset, gain, n);
    const dx2 = (2 * gain * gain - 3 * gain + 2) / (gain * (gain - 1));
    for (const mu of ms) {
      const snr = mu / dx2;
      rows.push({ gain, mu, excessNoise: eps, weightBits: preset.weightFactor * holevoWeightKernel(mu, 0, eps), dataBits: d, dx2, snr, accuracyFitPercent: paperLogisticAccuracy(Math.sqrt(snr)) });
    }
  }
  return rows;
}

/** One entry of the element-wise vector Maps.m actually computes. @public */
export interface PaperMapAsWrittenRow {
  /** 1-based index i. */
  readonly index: number;
  /** μ(i). */
  readonly mu: number;
  /** G(i). */
  readonly gain: number;
  /** ε(G(i)) (SNU). */
  readonly excessNoise: number;
  /** Weight leakage at (μ(i), G(i)) (bits per weight symbol). */
  readonly weightBits: number;
  /** Data leakage at G(i) (bits per data symbol). */
  readonly dataBits: number;
}

/**
 * What Maps.m actually computes (the `elementwise-map` slip): Leak(2μ+1, 1, ε) on two
 * 1×K vectors pairs μ(i) with G(i); the script then uses this single vector as the x
 * coordinate of every row of the contour map, which is right only where the row's G
 * equals G(i). Requires gains and mus of equal length.
 *
 * @param preset - a {@link PaperPreset}
 * @param gains - G(i) @defaultValue the preset's 512-point gain grid
 * @param mus - μ(i) @defaultValue the preset's 512-point μ grid
 * @param samples - n @defaultValue 392
 * @throws RangeError when the lengths differ
 * @public
 */
export function paperMapAsWritten(preset: PaperPreset, gains?: readonly number[], mus?: readonly number[], samples?: number): PaperMapAsWrittenRow[] {
  const grid = preset.mapGrid(512);
  const gs = gains ?? grid.gains;
  const ms = mus ?? grid.mus;
  const n = samples ?? grid.samples;
  if (gs.length !== ms.length) throw new RangeError(`gains and mus must have the same length for the element-wise map; received ${gs.length} and ${ms.length}`);
  checkGrid(gs, ms, n);
  return gs.map((gain, i) => {
    const mu = ms[i] as number;
    const eps = scriptEpsilon(gain, n);
    return { index: i + 1, mu, gain, excessNoise: eps, weightBits: preset.weightFactor * holevoWeightKernel(mu, 0, eps), dataBits: dataBitsOf(preset, gain, n) };
  });
}
