import type { AccuracyLeakageMap } from '../studies/accuracyLeakageMap.js';
import type { Headline, HeadlineRegion } from '../studies/headline.js';
import type { HeadlineVerdict } from '../studies/headlineVerdict.js';
import { fmt, formatTable, verdictWord, wrap } from './table.js';

const range = (r: readonly [number, number] | null) => (r === null ? '-' : `${fmt(r[0])} … ${fmt(r[1])}`);

/** The best point of a region (or its nearest miss) in one line. */
function bestText(r: HeadlineRegion): string {
  const b = r.best;
  if (b === null) return '-';
  const where = `μ ${fmt(b.mu)}, G ${fmt(b.gain)}: ${Number.isNaN(b.accuracyPercent) ? 'no accuracy data' : `${fmt(b.accuracyPercent)} %`}, χ_W ${fmt(b.weightBits)}, data ${fmt(b.dataBits)}`;
  if (r.feasible) return `best ${where}`;
  const misses = [b.accuracyMargin < 0 ? `accuracy ${fmt(b.accuracyMargin)} pt` : '', b.weightMargin < 0 ? `χ_W +${fmt(-b.weightMargin)} bit` : '', b.dataMargin < 0 ? `data +${fmt(-b.dataMargin)} bit` : ''].filter((s) => s !== '');
  return `nearest miss ${where} (${misses.join(', ')})`;
}

/**
 * The headline ({@link headline}) as text that fits 100 columns: a verdict table, each region's
 * best point or nearest miss, the disagreements. μ in photons per weight symbol, leakage in bits per symbol.
 * @param h - from {@link headline}
 * @returns the text, ending in a newline
 * @internal
 */
export function headlineText(h: Headline): string {
  const rows = h.regions.map((r) => [r.dataModel, r.accuracySource, r.feasible ? 'yes' : 'no', String(r.points), range(r.muRange), range(r.gainRange), r.edges.length === 0 ? '-' : r.edges.join(', ')]);
  const table = formatTable(['data model', 'accuracy source', 'met', 'points', 'μ range', 'G range', 'at grid edge'], rows);
  const best = h.regions.map((r) => wrap(`- ${r.dataModel}, ${r.accuracySource}: ${bestText(r)}`, 100, 4));
  const dis = h.disagreements
    .filter((d) => d.verdictDiffers || d.onlyInSource > 0 || d.onlyInSimulated > 0)
    .map((d) => {
      const sim = h.regions.find((r) => r.dataModel === d.dataModel && r.accuracySource === 'simulated');
      const other = h.regions.find((r) => r.dataModel === d.dataModel && r.accuracySource === d.accuracySource);
      const verdict = d.verdictDiffers ? `verdicts differ (simulated ${sim?.feasible === true ? 'yes' : 'no'}, ${d.accuracySource} ${other?.feasible === true ? 'yes' : 'no'}); ` : '';
      return wrap(`- ${d.dataModel}, ${d.accuracySource} vs simulated: ${verdict}${d.onlyInSource} points only in ${d.accuracySource}'s region, ${d.onlyInSimulated} only in the simulated one`, 100, 4);
    });
  return `${table}\n\nLargest-margin point of each region, or its nearest miss:\n${best.join('\n')}\n\nWhere the accuracy sources disagree with qsdl's simulation:\n${dis.length === 0 ? '- nowhere' : dis.join('\n')}\n`;
}

/**
 * qsdl's verdict on the headline ({@link headlineVerdict}) in words, with the exit status it gives.
 * @param v - from {@link headlineVerdict}
 * @param maxDataBits - the data threshold the verdict used (bits per data symbol)
 * @param exitCode - the exit status of the verdict (`qsdl headline`: 0 holds, 3 fails, 4 unknown)
 * @returns the text (no final newline)
 * @internal
 */
export function headlineVerdictText(v: HeadlineVerdict, maxDataBits: number, exitCode: number): string {
  const because = v.verdict === 'holds'
    ? `at ${v.certifiedPoints} grid points the simulated accuracy meets it while χ_W and the whole-network Holevo bound on the data (784-784-10, chain rule) stay under their thresholds`
    : v.verdict === 'fails'
      ? `at every one of the ${v.totalPoints} grid points either the simulated accuracy misses it or the displace-and-count attack (achieved) learns more than ${maxDataBits} bit per data symbol`
      : `${v.refutedPoints} of ${v.totalPoints} grid points are refuted (accuracy, or the achieved displace-and-count attack), and at none do the upper bounds certify it`;
  return wrap(`Verdict: the headline claim ${verdictWord(v.verdict)} on this grid (exit ${exitCode}): ${because}. Homodyne models and the QFI figure prove nothing either way; the rows above show them for comparison.`);
}

/** What the `qsdl headline` report states about how the study was run. @internal */
export interface HeadlineRun {
  /** The preset whose ranges the grid spans. */
  readonly preset: string;
  /** The map the headline was read off. */
  readonly map: AccuracyLeakageMap;
  /** The SNRs of the simulated accuracy curve, increasing. */
  readonly curveSnrs: readonly number[];
  /** The noise seed of the accuracy simulation. */
  readonly seed: number;
  /** The network's clean test accuracy (percent). */
  readonly cleanAccuracyPercent: number;
}

/**
 * The report of `qsdl headline` as text that fits 100 columns: the claim, the grid, where the
 * accuracy comes from, the table ({@link headlineText}) and qsdl's verdict ({@link headlineVerdictText}).
 * @param h - from {@link headline}
 * @param verdict - from {@link headlineVerdict}
 * @param run - how the study was run
 * @param exitCode - the exit status of the verdict
 * @returns the text, ending in a newline
 * @internal
 */
export function headlineReportText(h: Headline, verdict: HeadlineVerdict, run: HeadlineRun, exitCode: number): string {
  const c = h.criteria;
  const snrs = run.curveSnrs;
  return [
    wrap(`The claim: accuracy ≥ ${c.minAccuracyPercent} %, χ_W ≤ ${c.maxWeightBits} bit per weight symbol, data leakage ≤ ${c.maxDataBits} bit per data symbol, at some (μ, G).`),
    wrap(`Grid: ${run.preset} ranges, ${run.map.gains.length} gains × ${run.map.mus.length} μ (${h.totalPoints} points, every pair), T = 1, N = ${run.map.inputs}, n = ${run.map.inputs * run.map.activeFraction}.`),
    wrap(`Accuracy: qsdl's network (clean ${fmt(run.cleanAccuracyPercent)} %) simulated at ${snrs.length} SNRs from ${fmt(snrs[0] as number)} to ${fmt(snrs[snrs.length - 1] as number)}, seed ${run.seed}; the authors' logistic and raw curve at F = √SNR (their maps) and their raw curve at F = 4·SNR (the same noise).`),
    '',
    headlineText(h),
    headlineVerdictText(verdict, c.maxDataBits, exitCode),
    '',
  ].join('\n');
}
