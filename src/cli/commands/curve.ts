import type { Command } from 'commander';
import { PIXEL_ENCODINGS } from '../../inference/encodePixels.js';
import { accuracySweepCsv } from '../../render/accuracySweepCsv.js';
import { accuracySweep, type AccuracySweep, type AccuracySweepGrid } from '../../studies/accuracySweep.js';
import { QSDL_VERSION } from '../../version.js';
import { UsageError } from '../_internal/errors.js';
import { loadMnistData, loadNetworkFlag, networkJson, networkOption } from '../_internal/networkFlag.js';
import type { Domain } from '../_internal/numericOption.js';
import { commitOutput, planOutput } from '../_internal/outputFile.js';
import { progressOn, withBarAsync } from '../_internal/progress.js';
import { rejectFlags } from '../_internal/strictOptions.js';
import { STUDY_LIMITS } from '../_internal/study.js';
import { fmt, wrap } from '../../render/table.js';
import { choice, numberFlag, quietOption, seedFlag, seedOption, type CliIo } from './common.js';
import { describeValue } from '../../_internal/validate.js';

interface CurveOptions {
  snrMin?: string;
  snrMax?: string;
  points?: string;
  preset?: string;
  seed?: string;
  encoding: string;
  json?: boolean;
  output?: string;
  network?: string;
  quiet?: boolean;
}

/** SNR ends: positive, finite; below 1e-300 the log-spaced grid would lose its points to underflow. */
const SNR: Domain = { min: 1e-300, max: 1e300 };
const POINTS: Domain = { min: 2, max: STUDY_LIMITS.curvePoints, integer: true };

/** The sweep's grid from the flags (checked before MNIST is loaded). */
function gridOf(opts: CurveOptions, cmd: Command): AccuracySweepGrid {
  if (opts.preset !== undefined) {
    if (opts.preset !== 'paper-2024') throw new UsageError(`--preset must be paper-2024 (the notebook's F parametrisation; paper-2025 has no accuracy notebook); received ${JSON.stringify(opts.preset.slice(0, 40))}`);
    rejectFlags(cmd, ['--snr-min', '--snr-max', '--points'], false, 'with --preset paper-2024 (its grid is the notebook\'s own 512 points)');
    return { kind: 'paper-2024-notebook' };
  }
  const min = numberFlag('--snr-min', opts.snrMin, SNR, 1e-4);
  const max = numberFlag('--snr-max', opts.snrMax, SNR, 100);
  const points = numberFlag('--points', opts.points, POINTS, 512);
  if (!(max > min)) throw new UsageError(`--snr-max must be greater than --snr-min (${fmt(min)}); received ${fmt(max)}`);
  return { kind: 'snr', min, max, points };
}

/** One line on where the curves reach 96 %. @internal */
export function crossingSummary(sweep: AccuracySweep): string {
  const at = (c: AccuracySweep['crossing96']) => (c === null ? 'not reached' : c.first === c.stable ? `SNR ${fmt(c.first)}` : `SNR ${fmt(c.first)} (for good from ${fmt(c.stable)})`);
  return `96 % accuracy: qsdl ${at(sweep.crossing96)}; authors' raw curve at the same noise (F = 4·SNR) ${at(sweep.paperCrossing96SameNoise)}; as the authors' maps read it (F = √SNR) ${at(sweep.paperCrossing96MapsReading)}`;
}

/** Register `qsdl curve`: the accuracy-versus-SNR curve of the trained network, with the authors' curves beside it. @internal */
export function registerCurve(program: Command, io: CliIo): void {
  const cmd = program
    .command('curve')
    .description('accuracy (percent, 10 000 MNIST test images) versus output SNR = μ/DX2, one pass for the whole curve, the authors\' raw curve and logistic beside it (docs/model.md#accuracy); CSV on standard output')
    .option('--snr-min <s>', 'smallest SNR (linear, dimensionless), a number in [1e-300, 1e300] (default 1e-4)')
    .option('--snr-max <s>', 'largest SNR (linear), a number in [1e-300, 1e300] above --snr-min (default 100)')
    .option('--points <n>', `points, log-spaced, an integer in [2, ${POINTS.max}] (default 512; the 512-point curve takes about 1.4 s on two cores)`)
    .option('--preset <name>', 'paper-2024: the notebook\'s F parametrisation on its own grid F = logspace(−3, 2, 512) (SNR = F/4)')
    .option('--encoding <e>', `pixel encoding: ${PIXEL_ENCODINGS.join(' or ')}`, 'pm1')
    .option('--json', 'print JSON (rows and the 96 % crossings) instead of CSV')
    .option('--output <FILE>', 'write here instead of standard output (a regular file, written whole or not at all; - is standard output)');
  seedOption(cmd, 'the noise (the same deviates serve every point)');
  networkOption(cmd);
  quietOption(cmd);
  cmd.action(async (opts: CurveOptions, self: Command) => {
    const grid = gridOf(opts, self);
    const seed = seedFlag(opts.seed);
    const encoding = choice('--encoding', opts.encoding, PIXEL_ENCODINGS);
    const net = await loadNetworkFlag(opts.network);
    const toFile = opts.output !== undefined && opts.output !== '-';
    const plan = toFile ? planOutput(opts.output as string, { what: `--output ${describeValue(opts.output)}`, inputs: net.identities }) : undefined;
    const test = loadMnistData('test');
    const sweep = await withBarAsync(progressOn(opts.quiet === true), 'accuracy curve [{bar}] {percentage}% | {value}/{total} images | eta {eta_formatted}', test.count, (bar) =>
      accuracySweep(net.network, test, grid, { seed, encoding, onProgress: (done) => bar.update(done) }));
    const text = opts.json === true
      ? `${JSON.stringify({ grid, seed, encoding, unit: 'percent', ...networkJson(net), crossing96: sweep.crossing96, paperCrossing96SameNoise: sweep.paperCrossing96SameNoise, paperCrossing96MapsReading: sweep.paperCrossing96MapsReading, rows: sweep.rows, qsdlVersion: QSDL_VERSION }, (_k, v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? null : v))}\n`
      : accuracySweepCsv(sweep, String);
    if (plan !== undefined) await commitOutput(plan, `--output ${describeValue(opts.output)}`, [text]);
    else io.stdout(text);
    if (opts.quiet !== true) process.stderr.write(`${wrap(`qsdl: ${crossingSummary(sweep)}; clean ${fmt(net.provenance.cleanTestAccuracyPercent)} %`, 100, 6)}\n`);
  });
}
