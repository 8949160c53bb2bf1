import type { Command } from 'commander';
import { MAX_MU } from '../../bounds/holevoWeightLeak.js';
import { testAccuracyParallel } from '../../inference/parallelAccuracy.js';
import { clientNoiseFactor } from '../../protocol/clientNoiseFactor.js';
import { QSDL_VERSION } from '../../version.js';
import { loadMnistData, loadNetworkFlag, networkJson, networkOption } from '../_internal/networkFlag.js';
import { numericOption } from '../_internal/numericOption.js';
import { UsageError } from '../_internal/errors.js';
import { progressOn, withBarAsync } from '../_internal/progress.js';
import { fmt, wrap } from '../../render/table.js';
import { addNumericOptions, quietOption, readNumericFlags, seedFlag, seedOption, type CliIo } from './common.js';

/**
 * The numeric flags of `qsdl accuracy`. G = 1 sends no light to the client's homodyne (no
 * signal), so G > 1. μ and η down to 1e-100 and v_el up to 1e12 SNU keep the noise standard
 * deviation finite in every combination (at μ = η = 5e-324 it overflows); far above the
 * point where the accuracy is chance (10 %).
 */
const OPTIONS = [
  numericOption('mu', 'μ', { min: 1e-100, max: MAX_MU }, 'mean photon number per weight symbol (photons; required)'),
  numericOption('gain', 'G', { min: 1, max: Infinity, openMin: true }, 'client amplifier gain (required; at G = 1 the homodyne gets no light)'),
  numericOption('efficiency', 'η', { min: 1e-100, max: 1 }, 'homodyne efficiency η', 1),
  numericOption('electronic-noise', 'v', { min: 0, max: 1e12 }, 'electronic noise v_el of the homodyne (SNU)', 0),
];

/** Register `qsdl accuracy`: MNIST test accuracy of the trained network under the client's measurement noise. @internal */
export function registerAccuracy(program: Command, io: CliIo): void {
  const cmd = program
    .command('accuracy')
    .description('MNIST test accuracy (percent, 10 000 images) of the trained network with the client\'s homodyne noise at (μ, G) (docs/model.md#accuracy)')
    .option('--json', 'print one JSON object whose `accuracy` field is the result (percent)');
  addNumericOptions(cmd, OPTIONS);
  seedOption(cmd, 'the noise');
  networkOption(cmd);
  quietOption(cmd);
  cmd.action(async (opts: Record<string, unknown>) => {
    const v = readNumericFlags(opts, OPTIONS);
    const mu = requiredFlag(v.mu, "--mu", OPTIONS[0]!.range);
    const gain = requiredFlag(v.gain, "--gain", OPTIONS[1]!.range);
    const efficiency = v.efficiency as number;
    const electronicNoise = v['electronic-noise'] as number;
    const seed = seedFlag(opts.seed);
    const snr = mu / clientNoiseFactor(gain, efficiency, electronicNoise);
    const net = await loadNetworkFlag(opts.network as string | undefined);
    const test = loadMnistData('test');
    const results = await withBarAsync(progressOn(opts.quiet === true), 'accuracy [{bar}] {percentage}% | {value}/{total} images | eta {eta_formatted}', test.count, (bar) =>
      testAccuracyParallel(net.network, test, [{ model: 'physical', mu, gain, efficiency, electronicNoise }], { seed, encoding: 'pm1', onProgress: (done) => bar.update(done) }));
    const r = results[0]!;
    if (opts.json === true) {
      io.stdout(`${JSON.stringify({ accuracy: r.accuracyPercent, unit: 'percent', correct: r.correct, count: r.count, mu, gain, efficiency, electronicNoise, snr, seed, noiseStds: r.noiseStds, ...networkJson(net), qsdlVersion: QSDL_VERSION })}\n`);
      return;
    }
    io.stdout(`${wrap(`accuracy ${fmt(r.accuracyPercent)} % (${r.correct}/${r.count} MNIST test images) at μ = ${fmt(mu)}, G = ${fmt(gain)}, η = ${fmt(efficiency)}, v_el = ${fmt(electronicNoise)} SNU; SNR = ${fmt(snr)}; network ${net.source === 'committed' ? 'committed' : net.source} (clean ${fmt(net.provenance.cleanTestAccuracyPercent)} %)`)}\n`);
  });
}

/** A required numeric flag's value, or a UsageError naming it. @internal */
export function requiredFlag(value: number | undefined, flag: string, range: string): number {
  if (value === undefined) throw new UsageError(`${flag} is required (${range})`);
  return value;
}
