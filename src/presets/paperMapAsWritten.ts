import { holevoWeightKernel } from '../bounds/holevoWeightKernel.js';
import { checkMapGrid, mapDataBits } from './_internal/mapRows.js';
import { scriptEpsilon } from './_internal/presetKernels.js';
import type { PaperPreset } from './paperPreset.js';
import { InputRangeError } from '../inputError.js';

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
 * @returns one row per index i, 1-based like the script
 * @example paperMapAsWritten(paper2024).length // returns 512
 * @public
 */
export function paperMapAsWritten(preset: PaperPreset, gains?: readonly number[], mus?: readonly number[], samples?: number): PaperMapAsWrittenRow[] {
  const grid = preset.mapGrid(512);
  const gs = gains ?? grid.gains;
  const ms = mus ?? grid.mus;
  const n = samples ?? grid.samples;
  if (gs.length !== ms.length) throw new InputRangeError(`gains and mus must have the same length for the element-wise map; received ${gs.length} and ${ms.length}`);
  checkMapGrid(gs, ms, n);
  return gs.map((gain, i) => {
    const mu = ms[i] as number;
    const eps = scriptEpsilon(gain, n);
    return { index: i + 1, mu, gain, excessNoise: eps, weightBits: preset.weightFactor * holevoWeightKernel(mu, 0, eps), dataBits: mapDataBits(preset, gain, n) };
  });
}
