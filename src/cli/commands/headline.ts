import type { Command } from 'commander';
import { headline, type Headline, type HeadlineRegion } from '../../reports/headline.js';
import { QSDL_VERSION } from '../../version.js';
import { readStudyFlags, runStudy, studyOptions, type StudyFlags } from '../_internal/study.js';
import { fmt, formatTable } from '../_internal/table.js';
import type { CliIo } from './common.js';

const range = (r: readonly [number, number] | null) => (r === null ? '-' : `${fmt(r[0])} … ${fmt(r[1])}`);

function bestText(r: HeadlineRegion): string {
  const b = r.best;
  if (b === null) return '-';
  const where = `μ ${fmt(b.mu)}, G ${fmt(b.gain)}: ${Number.isNaN(b.accuracyPercent) ? 'no accuracy data' : `${fmt(b.accuracyPercent)} %`}, χ_W ${fmt(b.weightBits)}, data ${fmt(b.dataBits)}`;
  if (r.feasible) return where;
  const misses = [b.accuracyMargin < 0 ? `accuracy ${fmt(b.accuracyMargin)} pt` : '', b.weightMargin < 0 ? `χ_W +${fmt(-b.weightMargin)} bit` : '', b.dataMargin < 0 ? `data +${fmt(-b.dataMargin)} bit` : ''].filter((s) => s !== '');
  return `nearest miss ${where} (${misses.join(', ')})`;
}

/** The headline as text: a verdict table, then the disagreements. @internal */
export function headlineText(h: Headline): string {
  const rows = h.regions.map((r) => [r.dataModel, r.accuracySource, r.feasible ? 'YES' : 'no', String(r.points), range(r.muRange), range(r.gainRange), r.edges.length === 0 ? '-' : r.edges.join(', '), bestText(r)]);
  const table = formatTable(['data model', 'accuracy source', 'claim holds', 'points', 'μ range', 'G range', 'at grid edge', 'largest-margin point (or nearest miss)'], rows);
  const dis = h.disagreements
    .filter((d) => d.verdictDiffers || d.onlyInSource > 0 || d.onlyInSimulated > 0)
    .map((d) => {
      const sim = h.regions.find((r) => r.dataModel === d.dataModel && r.accuracySource === 'simulated');
      const other = h.regions.find((r) => r.dataModel === d.dataModel && r.accuracySource === d.accuracySource);
      const verdict = d.verdictDiffers ? `verdicts differ (simulated ${sim?.feasible === true ? 'yes' : 'no'}, ${d.accuracySource} ${other?.feasible === true ? 'yes' : 'no'}); ` : '';
      return `- ${d.dataModel}, ${d.accuracySource} vs simulated: ${verdict}${d.onlyInSource} points only in ${d.accuracySource}'s region, ${d.onlyInSimulated} only in the simulated one`;
    });
  return `${table}\n\nWhere the accuracy sources disagree with qsdl's simulation:\n${dis.length === 0 ? '- nowhere' : dis.join('\n')}\n`;
}

/** Register `qsdl headline`: the paper's headline claim checked on the full (μ, G) grid, per data model and accuracy source. @internal */
export function registerHeadline(program: Command, io: CliIo): void {
  studyOptions(
    program
      .command('headline')
      .description('is there a (μ, G) with accuracy ≥ 96 %, χ_W ≤ 0.1 bit and data leakage ≤ 0.01 bit? For every data model, with qsdl\'s simulated accuracy and the authors\' logistic and raw curve; where they disagree'),
  )
    .option('--json', 'print the whole answer as JSON (regions with their μ interval at every gain)')
    .action((opts: StudyFlags & { json?: boolean }) => {
      const flags = readStudyFlags(opts);
      const study = runStudy(flags);
      const h = headline(study.map);
      const snrs = study.sweep.rows.map((r) => r.snr);
      if (opts.json === true) {
        io.stdout(`${JSON.stringify({ preset: flags.preset.name, gains: study.map.gains.length, mus: study.map.mus.length, curvePoints: snrs.length, seed: flags.seed, cleanAccuracy: study.cleanAccuracy, network: study.networkCommand, ...h, qsdlVersion: QSDL_VERSION })}\n`);
        return;
      }
      const { criteria: c } = h;
      io.stdout(
        `The claim: accuracy ≥ ${c.minAccuracyPercent} %, χ_W ≤ ${c.maxWeightBits} bit per weight symbol, data leakage ≤ ${c.maxDataBits} bit per data symbol.\n` +
          `Grid: ${flags.preset.name} ranges, ${study.map.gains.length} gains × ${study.map.mus.length} μ (${h.totalPoints} points, every pair), T = 1, N = ${study.map.inputs}, n = ${study.map.inputs * study.map.activeFraction}.\n` +
          `Accuracy: qsdl's network (clean ${study.cleanAccuracy} %) simulated at ${snrs.length} SNRs from ${fmt(snrs[0] as number)} to ${fmt(snrs[snrs.length - 1] as number)}, seed ${flags.seed}; the authors' logistic and raw curve at F = √SNR (their maps) and their raw curve at F = 4·SNR (the same noise).\n\n` +
          headlineText(h),
      );
    });
}
