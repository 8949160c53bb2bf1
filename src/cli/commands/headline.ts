import type { Command } from 'commander';
import { networkDataLeakShapes } from '../../bounds/networkDataLeakBound.js';
import { headline, headlineVerdict, type Headline, type HeadlineRegion, type HeadlineVerdict } from '../../reports/headline.js';
import { QSDL_VERSION } from '../../version.js';
import { verdictExit } from '../_internal/errors.js';
import { networkJson } from '../_internal/networkFlag.js';
import { readStudyFlags, runStudy, studyNetwork, studyOptions, type StudyFlags } from '../_internal/study.js';
import { fmt, formatTable, verdictWord, wrap } from '../_internal/table.js';
import type { CliIo } from './common.js';

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

/** The headline as text that fits 100 columns: a verdict table, each region's best point or nearest miss, the disagreements. @internal */
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

/** qsdl's verdict in words. @internal */
export function verdictText(v: HeadlineVerdict): string {
  const because = v.verdict === 'holds'
    ? `at ${v.certifiedPoints} grid points the simulated accuracy meets it while χ_W and the whole-network Holevo bound on the data (784-784-10, chain rule) stay under their thresholds`
    : v.verdict === 'fails'
      ? `at every one of the ${v.totalPoints} grid points either the simulated accuracy misses it or the displace-and-count attack (achieved) learns more than 0.01 bit per data symbol`
      : `${v.refutedPoints} of ${v.totalPoints} grid points are refuted (accuracy, or the achieved displace-and-count attack), and at none do the upper bounds certify it`;
  return wrap(`Verdict: the headline claim ${verdictWord(v.verdict)} on this grid (exit ${verdictExit(v.verdict)}): ${because}. Homodyne models and the QFI figure prove nothing either way; the rows above show them for comparison.`);
}

/** Register `qsdl headline`: the paper's headline claim checked on the full (μ, G) grid, per data model and accuracy source. @internal */
export function registerHeadline(program: Command, io: CliIo): void {
  studyOptions(
    program
      .command('headline')
      .description('is there a (μ, G) with accuracy ≥ 96 %, χ_W ≤ 0.1 bit and data leakage ≤ 0.01 bit? For every data model and accuracy source, and qsdl\'s verdict (exit 0 holds, 3 fails, 4 unknown)'),
  )
    .option('--json', 'print the whole answer as JSON (regions with their μ interval at every gain, and the verdict)')
    .action(async (opts: StudyFlags & { json?: boolean }) => {
      const flags = readStudyFlags(opts);
      const net = await studyNetwork(flags);
      const study = runStudy(flags, net);
      const h = headline(study.map);
      const verdict = headlineVerdict(study.map, undefined, networkDataLeakShapes(net.network));
      io.verdict(verdictExit(verdict.verdict));
      const snrs = study.sweep.rows.map((r) => r.snr);
      if (opts.json === true) {
        io.stdout(`${JSON.stringify({ preset: flags.preset.name, gains: study.map.gains.length, mus: study.map.mus.length, curvePoints: snrs.length, seed: flags.seed, ...networkJson(net), verdict, ...h, qsdlVersion: QSDL_VERSION })}\n`);
        return;
      }
      const { criteria: c } = h;
      io.stdout([
        wrap(`The claim: accuracy ≥ ${c.minAccuracyPercent} %, χ_W ≤ ${c.maxWeightBits} bit per weight symbol, data leakage ≤ ${c.maxDataBits} bit per data symbol, at some (μ, G).`),
        wrap(`Grid: ${flags.preset.name} ranges, ${study.map.gains.length} gains × ${study.map.mus.length} μ (${h.totalPoints} points, every pair), T = 1, N = ${study.map.inputs}, n = ${study.map.inputs * study.map.activeFraction}.`),
        wrap(`Accuracy: qsdl's network (clean ${fmt(net.provenance.cleanTestAccuracyPercent)} %) simulated at ${snrs.length} SNRs from ${fmt(snrs[0] as number)} to ${fmt(snrs[snrs.length - 1] as number)}, seed ${flags.seed}; the authors' logistic and raw curve at F = √SNR (their maps) and their raw curve at F = 4·SNR (the same noise).`),
        '',
        headlineText(h),
        verdictText(verdict),
        '',
      ].join('\n'));
    });
}
