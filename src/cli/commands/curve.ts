import type { Command } from 'commander';
import { loadMnist } from '../../data/loadMnist.js';
import { PIXEL_ENCODINGS } from '../../inference/encodePixels.js';
import { accuracySweep, accuracySweepCsv, type AccuracySweep, type AccuracySweepGrid } from '../../reports/accuracySweep.js';
import { integerAtLeast, seed32 } from '../../_internal/validate.js';
import { QSDL_VERSION } from '../../version.js';
import { checkWritable, writeWhole } from '../_internal/batch.js';
import { CliError } from '../_internal/cliError.js';
import { committedNetwork } from '../../inference/committedNetwork.js';
import { parseNumberText } from '../_internal/numericOption.js';
import { progressBar } from '../_internal/progress.js';
import { fmt } from '../_internal/table.js';
import { choice, type CliIo } from './common.js';

interface CurveOptions {
  snrMin: string;
  snrMax: string;
  points: string;
  preset?: string;
  seed: string;
  encoding: string;
  json?: boolean;
  output?: string;
}

/** The sweep's grid from the flags (checked before MNIST is loaded). */
function gridOf(opts: CurveOptions): AccuracySweepGrid {
  if (opts.preset !== undefined) {
    if (opts.preset !== 'paper-2024') throw new CliError(`--preset must be paper-2024 (the notebook's F parametrisation; paper-2025 has no accuracy notebook); received ${JSON.stringify(opts.preset)}`);
    return { kind: 'paper-2024-notebook' };
  }
  const min = parseNumberText('--snr-min', opts.snrMin, 'in (0, ∞)');
  const max = parseNumberText('--snr-max', opts.snrMax, 'in (--snr-min, ∞)');
  const points = parseNumberText('--points', opts.points, 'in {2, 3, …}');
  integerAtLeast('--points', points, 2);
  if (!(min > 0 && Number.isFinite(min))) throw new CliError(`--snr-min must be a finite number in (0, ∞); received ${opts.snrMin}`);
  if (!(max > min && Number.isFinite(max))) throw new CliError(`--snr-max must be a finite number greater than --snr-min (${opts.snrMin}); received ${opts.snrMax}`);
  return { kind: 'snr', min, max, points };
}

/** One line on where the curves reach 96 %. @internal */
export function crossingSummary(sweep: AccuracySweep): string {
  const at = (c: AccuracySweep['crossing96']) => (c === null ? 'not reached' : c.first === c.stable ? `SNR ${fmt(c.first)}` : `SNR ${fmt(c.first)} (for good from ${fmt(c.stable)})`);
  return `96 % accuracy: qsdl ${at(sweep.crossing96)}; authors' raw curve at the same noise (F = 4·SNR) ${at(sweep.paperCrossing96SameNoise)}; as the authors' maps read it (F = √SNR) ${at(sweep.paperCrossing96MapsReading)}`;
}

/** Register `qsdl curve`: the accuracy-versus-SNR curve of the trained network, with the authors' curves beside it. @internal */
export function registerCurve(program: Command, io: CliIo): void {
  program
    .command('curve')
    .description('accuracy (percent, 10 000 MNIST test images) versus output SNR = μ/DX2, one pass for the whole curve, the authors\' raw curve and logistic beside it (SPEC §5); CSV on stdout')
    .option('--snr-min <s>', 'smallest SNR (> 0, linear)', '1e-4')
    .option('--snr-max <s>', 'largest SNR (linear)', '100')
    .option('--points <n>', 'points, log-spaced', '512')
    .option('--preset <name>', 'paper-2024: the notebook\'s F parametrisation on its own grid F = logspace(−3, 2, 512) (SNR = F/4)')
    .option('--seed <S>', 'seed of the noise, an integer (the same deviates serve every point)', '1')
    .option('--encoding <e>', `pixel encoding: ${PIXEL_ENCODINGS.join(' or ')}`, 'pm1')
    .option('--json', 'print JSON (rows and the 96 % crossings) instead of CSV')
    .option('--output <FILE>', 'write here instead of stdout (written whole, or not at all)')
    .action((opts: CurveOptions) => {
      const grid = gridOf(opts);
      const seed = seed32('--seed', parseNumberText('--seed', opts.seed, 'in [−2^31, 2^31)'));
      const encoding = choice('--encoding', opts.encoding, PIXEL_ENCODINGS);
      if (opts.output !== undefined) checkWritable(opts.output);
      const { network, provenance } = committedNetwork();
      const test = loadMnist('test');
      const bar = progressBar('accuracy curve [{bar}] {percentage}% | {value}/{total} images | eta {eta_formatted}', test.count);
      let sweep: AccuracySweep;
      try {
        sweep = accuracySweep(network, test, grid, { seed, encoding, onProgress: (done) => bar.update(done) });
      } finally {
        bar.stop(); // a running bar's timer would keep the process alive after an error
      }
      const text = opts.json === true
        ? `${JSON.stringify({ grid, seed, encoding, unit: 'percent', cleanAccuracy: provenance.cleanTestAccuracyPercent, network: provenance.command, crossing96: sweep.crossing96, paperCrossing96SameNoise: sweep.paperCrossing96SameNoise, paperCrossing96MapsReading: sweep.paperCrossing96MapsReading, rows: sweep.rows, qsdlVersion: QSDL_VERSION }, (_k, v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? null : v))}\n`
        : accuracySweepCsv(sweep, String);
      if (opts.output !== undefined) writeWhole(opts.output, [text]);
      else io.stdout(text);
      process.stderr.write(`qsdl: ${crossingSummary(sweep)}; clean ${provenance.cleanTestAccuracyPercent} %\n`);
    });
}
