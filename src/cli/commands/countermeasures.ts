import type { Command } from 'commander';
import { accuracyCurveParallel } from '../../inference/parallelAccuracy.js';
import { clientCountermeasures } from '../../studies/clientCountermeasures.js';
import { QSDL_VERSION } from '../../version.js';
import { loadMnistData, loadNetworkFlag, networkJson, networkOption } from '../_internal/networkFlag.js';
import { UsageError } from '../_internal/errors.js';
import { numericOption } from '../_internal/numericOption.js';
import { progressOn, withBarAsync } from '../_internal/progress.js';
import { rejectFlags } from '../_internal/strictOptions.js';
import { fmt, formatTable, wrap } from '../../render/table.js';
import { addNumericOptions, quietOption, readNumericFlags, seedFlag, seedOption, type CliIo } from './common.js';

/** The numeric flags of `qsdl countermeasures` (closed forms: the counts cost no memory). */
const OPTIONS = [
  // μ from 1e-100: below, the SNR underflows to 0 and the accuracy simulation has no signal to scale.
  numericOption('mu', 'μ', { min: 1e-100, max: 1e6 }, 'mean photon number per weight symbol (photons)', 4),
  numericOption('gain', 'G', { min: 1, max: 1e6, openMin: true }, 'client gain G', 2),
  numericOption('inputs', 'N', { min: 1, max: 1e9, integer: true }, 'inputs N', 784),
  numericOption('rows', 'M', { min: 1, max: 1e10, integer: true }, 'rows M', 784),
  numericOption('active-fraction', 'p', { min: 0, max: 1, openMin: true }, 'fraction p of non-zero inputs', 0.5),
  numericOption('efficiency', 'η', { min: 0, max: 1, openMin: true }, 'server detector efficiency η', 1),
  numericOption('dark-counts', 'd', { min: 0, max: 10 }, 'server dark counts per mode per row (mean)', 0),
];

/** Register `qsdl countermeasures`: the client's countermeasures with their cost in χ_W and accuracy. @internal */
export function registerCountermeasures(program: Command, io: CliIo): void {
  const cmd = program
    .command('countermeasures')
    .description('client countermeasures against a counting server (docs/model.md#countermeasures): isotropic noise, lower gain with brighter light, randomised gain — their cost in χ_W and MNIST accuracy');
  addNumericOptions(cmd, OPTIONS);
  seedOption(cmd, 'the accuracy simulation');
  cmd
    .option('--no-accuracy', 'skip the MNIST accuracy (about 5 s)')
    .option('--json', 'print one JSON object: rows (one per setting, accuracyPercent null with --no-accuracy) and qsdlVersion');
  networkOption(cmd);
  quietOption(cmd);
  cmd.action(async (opts: Record<string, unknown>, self: Command) => {
    const v = readNumericFlags(opts, OPTIONS);
    const withAccuracy = opts.accuracy !== false;
    rejectFlags(self, ['--seed', '--network', '--quiet'], withAccuracy, 'with --no-accuracy');
    if ((v['active-fraction'] as number) * (v.inputs as number) < 1) {
      throw new UsageError(`--active-fraction × --inputs must be at least 1 (one active input); received ${v['active-fraction'] as number} × ${v.inputs as number}`);
    }
    const seed = seedFlag(opts.seed);
    const rows = clientCountermeasures({
      mu: v.mu as number, gain: v.gain as number, inputs: v.inputs as number, rows: v.rows as number,
      activeFraction: v['active-fraction'] as number, efficiency: v.efficiency as number, darkCounts: v['dark-counts'] as number,
    });
    let accuracy: number[] | undefined;
    let net: Awaited<ReturnType<typeof loadNetworkFlag>> | undefined;
    if (withAccuracy) {
      net = await loadNetworkFlag(opts.network as string | undefined);
      const test = loadMnistData('test');
      const n = net.network;
      accuracy = await withBarAsync(progressOn(opts.quiet === true), 'accuracy curve [{bar}] {percentage}% | {value}/{total} images | eta {eta_formatted}', test.count, async (bar) =>
        (await accuracyCurveParallel(n, test, rows.map((r) => ({ model: 'snr' as const, snr: r.snr })), { seed, onProgress: (done) => bar.update(done) })).map((a) => a.accuracyPercent));
    }
    const out = rows.map((r, i) => ({ ...r, accuracyPercent: accuracy?.[i] ?? null }));
    if (opts.json === true) {
      io.stdout(`${JSON.stringify({ rows: out, ...(net === undefined ? {} : networkJson(net)), qsdlVersion: QSDL_VERSION })}\n`);
      return;
    }
    // Grouped by countermeasure, 4 significant digits (the JSON has every digit), so that the table fits 100 columns.
    const f4 = (x: number) => (x === 0 || !Number.isFinite(x) ? String(x) : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e5 ? String(Number(x.toPrecision(4))) : x.toExponential(3));
    const groups = [...new Set(out.map((r) => r.countermeasure))];
    const table = formatTable(
      ['countermeasure and setting', 'μ', 'G', 'SNR', 'acc. %', 'χ_W', 'counting', 'Holevo'],
      groups.flatMap((g) => [[g, '', '', '', '', '', '', ''], ...out.filter((r) => r.countermeasure === g).map((r) => [`  ${r.setting}`, f4(r.mu), f4(r.gain), f4(r.snr), r.accuracyPercent === null ? '-' : f4(r.accuracyPercent), f4(r.weightBits), f4(r.countingBits), f4(r.holevoBound)])]),
    );
    io.stdout(`${table}\n${wrap('χ_W: bits per weight symbol on an active mode at the noise the server sees (upper bound). counting: bits per pixel a displace-and-count server learns (achieved; prior: a fraction p active, equal values). Holevo: subadditive upper bound on all a server learns in one layer, bits per data symbol.')}\n`);
  });
}
