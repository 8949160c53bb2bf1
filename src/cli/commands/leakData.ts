import type { Command } from 'commander';
import { dataLeak, DATA_LEAK_MODELS, type DataLeakModel } from '../../bounds/dataLeak.js';
import { QSDL_VERSION } from '../../version.js';
import { runBatch, type NumericValues } from '../_internal/batch.js';
import { CliError } from '../_internal/cliError.js';
import { numericOption, type NumericOption } from '../_internal/numericOption.js';
import { fmt, formatTable } from '../_internal/table.js';
import { addNumericOptions, choice, commonIo, presetOf, readNumericFlags, type CliIo } from './common.js';

/** The flags of `qsdl leak data`, also the CSV columns of its batch mode. @internal */
export const DATA_OPTIONS: readonly NumericOption[] = [
  numericOption('gain', 'G', 'client amplifier gain G ≥ 1 (required)'),
  numericOption('inputs', 'N', 'inputs per row N, a positive integer (default 784)'),
  numericOption('active-fraction', 'f', 'fraction f of non-zero inputs, in (0, 1]; samples n = f·N (default 0.5)'),
  numericOption('rows', 'M', 'rows M the data passes through, paper-2025 model only (default N + 10)'),
  numericOption('x', 'x', 'normalised data value x̂_j in [−1, 1], Cramér–Rao models only (default 1/√n)'),
];

/** The default data model: the homodyne Cramér–Rao figure with the Fisher information of a Gaussian variance. */
const DEFAULT_MODEL: DataLeakModel = 'corrected';

function evaluate(v: NumericValues, model: DataLeakModel): number {
  if (v.gain === undefined) throw new CliError('--gain is required (client amplifier gain G ≥ 1)');
  if (model !== 'paper-2025' && v.rows !== undefined) throw new CliError(`--rows applies to the paper-2025 model only; model is ${model}`);
  if (model === 'paper-2025' && v.x !== undefined) throw new CliError('--x applies to the Cramér–Rao models (paper-2024, corrected) only');
  return dataLeak({ gain: v.gain, inputs: v.inputs, activeFraction: v['active-fraction'], rows: v.rows, x: v.x, model });
}

/** Register `qsdl leak data` on the `leak` command. @internal */
export function registerLeakData(leak: Command, io: CliIo): void {
  const cmd = leak
    .command('data')
    .description('published data-leakage models, in bits per data symbol (SPEC §4.1; homodyne models, not upper bounds)')
    .option('--model <name>', `${DATA_LEAK_MODELS.join(' | ')} (default ${DEFAULT_MODEL}: σ⁴ Fisher information)`)
    .option('--preset <name>', 'use the data model of a published version: paper-2024 | paper-2025');
  addNumericOptions(cmd, DATA_OPTIONS);
  commonIo(cmd);
  cmd.action((opts: Record<string, unknown>) => {
    if (opts.model !== undefined && opts.preset !== undefined) throw new CliError('give --model or --preset, not both');
    const preset = presetOf(opts.preset);
    const model = preset?.dataModel ?? choice('--model', opts.model ?? DEFAULT_MODEL, DATA_LEAK_MODELS);
    const flags = readNumericFlags(opts, DATA_OPTIONS);
    if (typeof opts.input === 'string') {
      runBatch({ inputPath: opts.input, options: DATA_OPTIONS, flagValues: flags, compute: (v) => evaluate(v, model), json: opts.json === true, outputPath: opts.output as string | undefined, stdout: io.stdout });
      return;
    }
    if (opts.output !== undefined) throw new CliError('--output applies to batch mode (--input FILE.csv) only');
    const bits = evaluate(flags, model);
    // The other published models at the same point, so that the difference is visible.
    const others = Object.fromEntries(
      DATA_LEAK_MODELS.filter((m) => m !== model).map((m) => [m, evaluate({ ...flags, rows: m === 'paper-2025' ? flags.rows : undefined, x: m === 'paper-2025' ? undefined : flags.x }, m)]),
    );
    const inputs = flags.inputs ?? 784;
    const f = flags['active-fraction'] ?? 0.5;
    if (opts.json === true) {
      io.stdout(`${JSON.stringify({
        quantity: 'data leakage', unit: 'bits per data symbol', model, preset: preset?.name ?? null, bits,
        gain: flags.gain, inputs, activeFraction: f, samples: f * inputs,
        rows: model === 'paper-2025' ? flags.rows ?? inputs + 10 : null, x: model === 'paper-2025' ? null : flags.x ?? 1 / Math.sqrt(f * inputs),
        otherModels: others, qsdlVersion: QSDL_VERSION,
      })}\n`);
      return;
    }
    const rows = [
      [`${model} (selected)`, fmt(bits), String(bits)],
      ...Object.entries(others).map(([m, b]) => [m, fmt(b), String(b)]),
    ];
    io.stdout(`data leakage at G = ${fmt(flags.gain as number)}, N = ${fmt(inputs)}, f = ${fmt(f)} (n = ${fmt(f * inputs)}), bits per data symbol\n${formatTable(['model', 'bits', 'full value'], rows)}\n` +
      'These are models of a server that homodynes the returned light; they do not bound what an optimal server learns.\n');
  });
}
