import type { AccuracySweep } from '../studies/accuracySweep.js';

/** Column names of {@link accuracySweepCsv}, in order. @public */
export const ACCURACY_SWEEP_COLUMNS: readonly string[] = [
  'snr', 'f', 'accuracy_percent', 'correct', 'count',
  'paper_raw_same_noise_percent', 'paper_fit_same_noise_percent', 'paper_raw_maps_reading_percent', 'paper_fit_maps_reading_percent',
];

/**
 * The sweep as CSV: a header of {@link ACCURACY_SWEEP_COLUMNS}, then one line per point,
 * numbers as `format` writes them (NaN where the authors have no data).
 * @param sweep - from {@link accuracySweep}
 * @param format - number → text (e.g. round-trip %.17g)
 * @returns the CSV text, ending in a newline
 * @public
 */
export function accuracySweepCsv(sweep: AccuracySweep, format: (x: number) => string): string {
  const lines = [ACCURACY_SWEEP_COLUMNS.join(',')];
  for (const r of sweep.rows) {
    lines.push([r.snr, r.f, r.accuracyPercent, r.correct, r.count, r.paperRawSameNoisePercent, r.paperFitSameNoisePercent, r.paperRawMapsReadingPercent, r.paperFitMapsReadingPercent].map(format).join(','));
  }
  return `${lines.join('\n')}\n`;
}
