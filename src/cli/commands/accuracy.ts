import type { Command } from 'commander';
import { loadMnist } from '../../data/loadMnist.js';
import { testAccuracy } from '../../inference/testAccuracy.js';
import { clientNoiseFactor } from '../../protocol/clientNoiseFactor.js';
import { QSDL_VERSION } from '../../version.js';
import { committedNetwork } from '../../inference/committedNetwork.js';
import { parseNumberText } from '../_internal/numericOption.js';
import { fmt } from '../_internal/table.js';
import type { CliIo } from './common.js';

/** Register `qsdl accuracy`: MNIST test accuracy of the trained network under the client's measurement noise. @internal */
export function registerAccuracy(program: Command, io: CliIo): void {
  program
    .command('accuracy')
    .description('MNIST test accuracy (percent, 10 000 images) of the trained network with the client\'s homodyne noise at (μ, G) (SPEC §5)')
    .requiredOption('--mu <μ>', 'mean photon number per weight symbol (> 0)')
    .requiredOption('--gain <G>', 'client amplifier gain G ≥ 1')
    .option('--efficiency <η>', 'homodyne efficiency η in (0, 1]', '1')
    .option('--electronic-noise <v>', 'electronic noise v_el (SNU, ≥ 0)', '0')
    .option('--seed <S>', 'seed of the noise, an integer', '1')
    .option('--json', 'print one JSON object whose `accuracy` field is the result (percent)')
    .action((opts: { mu: string; gain: string; efficiency: string; electronicNoise: string; seed: string; json?: boolean }) => {
      const mu = parseNumberText('--mu', opts.mu, 'in (0, 1e12]');
      const gain = parseNumberText('--gain', opts.gain, 'in [1, ∞)');
      const efficiency = parseNumberText('--efficiency', opts.efficiency, 'in (0, 1]');
      const electronicNoise = parseNumberText('--electronic-noise', opts.electronicNoise, 'in [0, ∞)');
      const seed = parseNumberText('--seed', opts.seed, 'in [−2^31, 2^31)');
      const snr = mu / clientNoiseFactor(gain, efficiency, electronicNoise); // validates G, η, v_el before the slow part
      const { network, provenance } = committedNetwork();
      const r = testAccuracy(network, loadMnist('test'), { model: 'physical', mu, gain, efficiency, electronicNoise }, seed);
      if (opts.json === true) {
        io.stdout(`${JSON.stringify({ accuracy: r.accuracyPercent, unit: 'percent', correct: r.correct, count: r.count, mu, gain, efficiency, electronicNoise, snr, seed, noiseStds: r.noiseStds, cleanAccuracy: provenance.cleanTestAccuracyPercent, network: provenance.command, qsdlVersion: QSDL_VERSION })}\n`);
        return;
      }
      io.stdout(`accuracy ${fmt(r.accuracyPercent)} % (${r.correct}/${r.count} MNIST test images) at μ = ${fmt(mu)}, G = ${fmt(gain)}, η = ${fmt(efficiency)}, v_el = ${fmt(electronicNoise)} SNU; SNR = ${fmt(snr)}; clean ${provenance.cleanTestAccuracyPercent} %\n`);
    });
}
