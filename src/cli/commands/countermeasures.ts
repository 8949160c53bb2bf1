import type { Command } from 'commander';
import { loadMnist } from '../../data/loadMnist.js';
import { accuracyCurve } from '../../inference/accuracyCurve.js';
import { committedNetwork } from '../../inference/committedNetwork.js';
import { clientCountermeasures } from '../../reports/clientCountermeasures.js';
import { QSDL_VERSION } from '../../version.js';
import { parseNumberText } from '../_internal/numericOption.js';
import { fmt, formatTable } from '../_internal/table.js';
import type { CliIo } from './common.js';

/** Register `qsdl countermeasures`: the client's countermeasures (SPEC §4.2) with their cost in χ_W and accuracy. @internal */
export function registerCountermeasures(program: Command, io: CliIo): void {
  program
    .command('countermeasures')
    .description('client countermeasures against a counting server (SPEC §4.2): isotropic noise, lower gain with brighter light, randomised gain — their cost in χ_W and MNIST accuracy')
    .option('--mu <μ>', 'mean photon number per weight symbol (photons)', '4')
    .option('--gain <G>', 'client gain G > 1', '2')
    .option('--inputs <N>', 'inputs N', '784')
    .option('--rows <M>', 'rows M', '784')
    .option('--active-fraction <p>', 'fraction p of non-zero inputs', '0.5')
    .option('--efficiency <η>', 'server detector efficiency η', '1')
    .option('--dark-counts <d>', 'server dark counts per mode per row', '0')
    .option('--seed <S>', 'seed of the accuracy simulation', '1')
    .option('--no-accuracy', 'skip the MNIST accuracy (about 5 s)')
    .option('--json', 'print one JSON object: rows (one per setting, accuracyPercent null with --no-accuracy) and qsdlVersion')
    .action((opts: Record<string, string | boolean>) => {
      const num = (flag: string, key: string, range: string) => parseNumberText(`--${flag}`, String(opts[key]), range);
      const rows = clientCountermeasures({
        mu: num('mu', 'mu', 'in (0, 1e6]'),
        gain: num('gain', 'gain', 'in (1, 1e6]'),
        inputs: num('inputs', 'inputs', 'an integer ≥ 1'),
        rows: num('rows', 'rows', 'an integer ≥ 1'),
        activeFraction: num('active-fraction', 'activeFraction', 'in (0, 1]'),
        efficiency: num('efficiency', 'efficiency', 'in (0, 1]'),
        darkCounts: num('dark-counts', 'darkCounts', 'in [0, 10]'),
      });
      let accuracy: number[] | undefined;
      if (opts.accuracy !== false) {
        const seed = num('seed', 'seed', 'in [−2^31, 2^31)');
        const { network } = committedNetwork();
        accuracy = accuracyCurve(network, loadMnist('test'), rows.map((r) => ({ model: 'snr' as const, snr: r.snr })), { seed }).map((a) => a.accuracyPercent);
      }
      const out = rows.map((r, i) => ({ ...r, accuracyPercent: accuracy?.[i] ?? null }));
      if (opts.json === true) {
        io.stdout(`${JSON.stringify({ rows: out, qsdlVersion: QSDL_VERSION })}\n`);
        return;
      }
      const table = formatTable(
        ['countermeasure', 'setting', 'μ', 'G', 'SNR', 'accuracy %', 'χ_W bit/weight', 'counting bit/pixel', 'Holevo bound bit/pixel'],
        out.map((r) => [r.countermeasure, r.setting, fmt(r.mu), fmt(r.gain), fmt(r.snr), r.accuracyPercent === null ? '-' : fmt(r.accuracyPercent), fmt(r.weightBits), fmt(r.countingBits), fmt(r.holevoBound)]),
      );
      io.stdout(`${table}\nχ_W on an active mode at the noise the server sees; counting: displace-and-count per pixel (prior: a fraction p active, equal values); Holevo: subadditive bound on all a server learns, per data symbol.\n`);
    });
}
