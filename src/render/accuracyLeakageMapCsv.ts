import { DATA_LEAK_MODELS } from '../bounds/dataLeak.js';
import { ACCURACY_SOURCES, type AccuracyLeakageMap } from '../studies/accuracyLeakageMap.js';

/** Column names of {@link accuracyLeakageMapCsv}, in order. @public */
export function accuracyLeakageMapColumns(): string[] {
  return ['gain', 'mu', 'snr', ...ACCURACY_SOURCES.map((s) => `accuracy_${s.replace(/-/g, '_')}_percent`), 'weight_bits', ...DATA_LEAK_MODELS.map((m) => `data_${m.replace(/-/g, '_')}_bits`)];
}

/**
 * The map as CSV (header of {@link accuracyLeakageMapColumns}, one line per point, gain
 * outermost), numbers as `format` writes them.
 * @param map - from {@link accuracyLeakageMap}
 * @param format - number → text
 * @returns the CSV text, ending in a newline
 * @public
 */
export function accuracyLeakageMapCsv(map: AccuracyLeakageMap, format: (x: number) => string): string {
  const lines = [accuracyLeakageMapColumns().join(',')];
  for (const r of map.rows) {
    lines.push([r.gain, r.mu, r.snr, ...ACCURACY_SOURCES.map((s) => r.accuracyPercent[s]), r.weightBits, ...DATA_LEAK_MODELS.map((m) => r.dataBits[m])].map(format).join(','));
  }
  return `${lines.join('\n')}\n`;
}
