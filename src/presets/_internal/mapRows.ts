import { atLeast, inClosed, positive } from '../../_internal/validate.js';
import { MAX_MU } from '../../bounds/holevoWeightLeak.js';
import { cramerRaoDataLeak } from '../../bounds/cramerRaoDataLeak.js';
import { revisedDataLeak } from '../../bounds/revisedDataLeak.js';
import type { PaperPreset } from '../paperPreset.js';

/** Data leakage of one map row as the preset reports it (bits per data symbol; paper-2025 with M = 784 + 10). @internal */
export function mapDataBits(preset: PaperPreset, gain: number, samples: number): number {
  return preset.dataModel === 'paper-2025'
    ? revisedDataLeak(gain, 784 + 10, samples)
    : cramerRaoDataLeak(gain, samples, 1 / Math.sqrt(samples), preset.dataModel);
}

/** Validate the grids of a map: gains ≥ 1, μ in [0, 1e12], n > 0 (errors name the index). @internal */
export function checkMapGrid(gains: readonly number[], mus: readonly number[], samples: number): void {
  gains.forEach((g, i) => atLeast(`gains[${i}]`, g, 1));
  mus.forEach((m, i) => inClosed(`mus[${i}]`, m, 0, MAX_MU));
  positive('samples n', samples);
}
