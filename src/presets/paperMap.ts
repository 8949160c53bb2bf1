import { holevoWeightKernel } from '../bounds/holevoWeightKernel.js';
import { measurementNoiseFactor } from '../protocol/measurementNoiseFactor.js';
import { checkMapGrid, mapDataBits } from './_internal/mapRows.js';
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
 * @example paperMap(paper2024).length // returns 262144 (512 gains × 512 μ)
 * @example paperMap(paper2024, [2], [4])[0].weightBits // returns ≈ 0.0873848 (bits per weight symbol)
 * @public
 */
export function paperMap(preset: PaperPreset, gains?: readonly number[], mus?: readonly number[], samples?: number): PaperMapRow[] {
  const grid = preset.mapGrid();
  const gs = gains ?? grid.gains;
  const ms = mus ?? grid.mus;
  const n = samples ?? grid.samples;
  checkMapGrid(gs, ms, n);
  const rows: PaperMapRow[] = [];
  for (const gain of gs) {
    const eps = scriptEpsilon(gain, n);
    const d = mapDataBits(preset, gain, n);
    const dx2 = measurementNoiseFactor(gain);
    for (const mu of ms) {
      const snr = mu / dx2;
      rows.push({ gain, mu, excessNoise: eps, weightBits: preset.weightFactor * holevoWeightKernel(mu, 0, eps), dataBits: d, dx2, snr, accuracyFitPercent: paperLogisticAccuracy(Math.sqrt(snr)) });
    }
  }
  return rows;
}
